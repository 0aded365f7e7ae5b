#include "core/lookup/LookupJson.h"

#include <QJsonArray>

namespace cpis {

namespace {
QJsonValue dateOrNull(const std::optional<QDate>& d)
{
    return d ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}
// `yyyy`, `yyyy-mm` or `yyyy-mm-dd`: as precise as PDS recorded it.
QJsonValue partialOrNull(const std::optional<PartialDate>& d)
{
    return d ? QJsonValue(d->toIso()) : QJsonValue(QJsonValue::Null);
}
QJsonValue instant(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject LookupJson::toJson(const LookupResult& r, const QDate& today)
{
    QJsonObject o;
    o.insert(QStringLiteral("nhsNumber"), r.asked.digits());
    o.insert(QStringLiteral("state"), LookupResult::stateName(r.state));
    o.insert(QStringLiteral("reason"), r.reason == LookupResult::Reason::None
                                           ? QJsonValue(QJsonValue::Null)
                                           : QJsonValue(LookupResult::reasonName(r.reason)));
    if (r.state == LookupResult::State::CouldNotCheck)
        o.insert(QStringLiteral("message"),
                 QString(LookupResult::reasonText(r.reason, r.retryAfterSecs) + u' ' +
                         QStringLiteral("Follow local safeguarding procedure.")));
    o.insert(QStringLiteral("fromCache"), r.fromCache);
    o.insert(QStringLiteral("answeredAt"), instant(r.answeredAtUtc));
    if (r.retryAfterSecs >= 0)
        o.insert(QStringLiteral("retryAfterSeconds"), r.retryAfterSecs);
    if (r.state == LookupResult::State::CouldNotCheck && r.attempts > 0)
        o.insert(QStringLiteral("attempts"), r.attempts);

    if (r.patient) {
        const Demographics& d = *r.patient;
        QJsonObject p{{QStringLiteral("nhsNumber"), d.nhsNumber.digits()},
                      {QStringLiteral("supersededFrom"),
                       d.supersededFrom ? QJsonValue(d.supersededFrom->digits())
                                        : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("family"), d.familyName},
                      {QStringLiteral("given"), d.givenName},
                      {QStringLiteral("title"), d.title},
                      {QStringLiteral("birthDate"), partialOrNull(d.birthDate)},
                      {QStringLiteral("deceased"), partialOrNull(d.deceased)},
                      {QStringLiteral("gender"), d.gender},
                      {QStringLiteral("restricted"), d.restricted()}};
        o.insert(QStringLiteral("patient"), p);
    } else {
        o.insert(QStringLiteral("patient"), QJsonValue(QJsonValue::Null));
    }

    QJsonArray plans;
    for (const CpisPlan& plan : r.plans) {
        plans.append(QJsonObject{
            {QStringLiteral("type"), planTypeShortName(plan.type)},
            {QStringLiteral("typeName"), planTypeText(plan.type)},
            {QStringLiteral("snomed"), snomedCode(plan.type)},
            {QStringLiteral("start"), plan.start.toString(Qt::ISODate)},
            {QStringLiteral("end"), dateOrNull(plan.end)},
            {QStringLiteral("ended"), plan.hasEndedBy(today)},
            {QStringLiteral("localAuthority"),
             QJsonObject{
                 {QStringLiteral("ods"), plan.authority.odsCode},
                 {QStringLiteral("name"), plan.authority.name},
                 {QStringLiteral("officeHoursPhone"), plan.authority.officeHoursPhone},
                 {QStringLiteral("emergencyDutyPhone"), plan.authority.emergencyDutyPhone}}}});
    }
    o.insert(QStringLiteral("plans"), plans);
    if (!r.undisplayable.isEmpty()) {
        // Records of a plan type this desk does not know: CP-IS holds them all the same.
        QJsonArray records;
        for (const UndisplayableRecord& u : r.undisplayable) {
            QJsonValue la(QJsonValue::Null);
            if (u.authority)
                la = QJsonObject{
                    {QStringLiteral("ods"), u.authority->odsCode},
                    {QStringLiteral("name"), u.authority->name},
                    {QStringLiteral("officeHoursPhone"), u.authority->officeHoursPhone},
                    {QStringLiteral("emergencyDutyPhone"), u.authority->emergencyDutyPhone}};
            records.append(QJsonObject{{QStringLiteral("typeCode"), u.typeCode},
                                       {QStringLiteral("localAuthority"), la}});
        }
        o.insert(QStringLiteral("undisplayableRecords"), records);
        o.insert(QStringLiteral("message"),
                 QStringLiteral("CP-IS holds a record this desk cannot display: contact the "
                                "responsible local authority."));
    }

    QJsonArray history;
    for (const AccessRecord& a : r.accessHistory)
        history.append(QJsonObject{{QStringLiteral("when"), instant(a.when)},
                                   {QStringLiteral("viewer"), a.viewerName},
                                   {QStringLiteral("role"), a.role},
                                   {QStringLiteral("organisation"), a.organisation},
                                   {QStringLiteral("organisationOds"), a.organisationOds}});
    o.insert(QStringLiteral("accessHistory"), history);
    o.insert(QStringLiteral("historyUnavailable"), r.historyUnavailable);
    o.insert(QStringLiteral("notificationSent"), r.notificationSent);
    o.insert(QStringLiteral("auditFailed"), r.auditFailed);
    o.insert(QStringLiteral("requestId"), QString::fromLatin1(r.requestId));
    return o;
}

} // namespace cpis
