#include "core/lookup/LookupResult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cpis {

namespace {
QString dateStr(const QDate& d)
{
    return d.toString(Qt::ISODate);
}
std::optional<QDate> dateFrom(const QJsonValue& v)
{
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}
} // namespace

LookupResult::Reason LookupResult::reasonFor(ServiceError::Kind kind)
{
    using K = ServiceError::Kind;
    switch (kind) {
    case K::Offline:
        return Reason::Offline;
    case K::Timeout:
        return Reason::Timeout;
    case K::ConnectionReset:
    case K::ServiceFailure:
    case K::InvalidRequest:
    case K::Cancelled:
        return Reason::ServiceError;
    case K::Tls:
        return Reason::SecureConnection;
    case K::RateLimited:
        return Reason::RateLimited;
    case K::SignInExpired:
        return Reason::SignInExpired;
    case K::AccessDenied:
        return Reason::AccessDenied;
    case K::NotFound:
        return Reason::PatientNotTraced;
    case K::Invalidated:
        return Reason::RecordInvalidated;
    case K::NotRecognised:
        return Reason::RequestNotRecognised;
    case K::BadResponse:
        return Reason::BadResponse;
    }
    return Reason::ServiceError;
}

QString LookupResult::stateName(State s)
{
    switch (s) {
    case State::PlansFound:
        return QStringLiteral("plans-found");
    case State::NoRecord:
        return QStringLiteral("no-record");
    case State::CouldNotCheck:
        return QStringLiteral("could-not-check");
    }
    return {};
}

QString LookupResult::reasonName(Reason r)
{
    switch (r) {
    case Reason::None:
        return QString();
    case Reason::Offline:
        return QStringLiteral("offline");
    case Reason::Timeout:
        return QStringLiteral("timeout");
    case Reason::ServiceError:
        return QStringLiteral("service-error");
    case Reason::SignInExpired:
        return QStringLiteral("sign-in-expired");
    case Reason::RateLimited:
        return QStringLiteral("rate-limited");
    case Reason::BadResponse:
        return QStringLiteral("bad-response");
    case Reason::AccessDenied:
        return QStringLiteral("access-denied");
    case Reason::PatientNotTraced:
        return QStringLiteral("patient-not-traced");
    case Reason::NotPermitted:
        return QStringLiteral("not-permitted");
    case Reason::RecordInvalidated:
        return QStringLiteral("record-invalidated");
    case Reason::NumberNotVerified:
        return QStringLiteral("number-not-verified");
    case Reason::RequestNotRecognised:
        return QStringLiteral("request-not-recognised");
    case Reason::SecureConnection:
        return QStringLiteral("secure-connection");
    }
    return {};
}

QString LookupResult::reasonText(Reason r, int retryAfterSecs)
{
    using K = ServiceError::Kind;
    switch (r) {
    case Reason::None:
        return QString();
    case Reason::Offline:
        return ServiceError::userText(K::Offline);
    case Reason::SecureConnection:
        return ServiceError::userText(K::Tls);
    case Reason::Timeout:
        return ServiceError::userText(K::Timeout);
    case Reason::ServiceError:
        return ServiceError::userText(K::ServiceFailure);
    case Reason::SignInExpired:
        return ServiceError::userText(K::SignInExpired);
    case Reason::RateLimited:
        return ServiceError::userText(K::RateLimited, retryAfterSecs);
    case Reason::BadResponse:
        return ServiceError::userText(K::BadResponse);
    case Reason::AccessDenied:
        return ServiceError::userText(K::AccessDenied);
    case Reason::PatientNotTraced:
        return QCoreApplication::translate(
            "LookupResult", "This NHS number is not known to the Personal Demographics Service. "
                            "Check the number with the person.");
    case Reason::NotPermitted:
        return QCoreApplication::translate("LookupResult",
                                           "Your role does not include access to CP-IS.");
    case Reason::RecordInvalidated:
        return QCoreApplication::translate(
            "LookupResult", "The Personal Demographics Service has invalidated the record for "
                            "this NHS number and names no number in its place. Trace the person "
                            "again before checking CP-IS.");
    case Reason::NumberNotVerified:
        return QCoreApplication::translate(
            "LookupResult", "NHS number not verified on PDS: CP-IS was not asked about it.");
    case Reason::RequestNotRecognised:
        return ServiceError::userText(K::NotRecognised);
    }
    return {};
}

QByteArray LookupResult::toCachePayload() const
{
    QJsonObject o;
    o.insert(QStringLiteral("v"), 1);
    o.insert(QStringLiteral("state"), stateName(state));
    o.insert(QStringLiteral("answeredAt"), answeredAtUtc.toString(Qt::ISODateWithMs));
    if (patient) {
        QJsonObject p{{QStringLiteral("nhs"), patient->nhsNumber.digits()},
                      {QStringLiteral("family"), patient->familyName},
                      {QStringLiteral("given"), patient->givenName},
                      {QStringLiteral("title"), patient->title},
                      {QStringLiteral("gender"), patient->gender},
                      {QStringLiteral("confidentiality"), int(patient->confidentiality)},
                      {QStringLiteral("verified"), patient->nhsNumberVerified},
                      {QStringLiteral("address"), patient->address},
                      {QStringLiteral("tempAddress"), patient->temporaryAddress}};
        if (patient->birthDate)
            p.insert(QStringLiteral("birth"), patient->birthDate->toIso());
        if (patient->deceased)
            p.insert(QStringLiteral("deceased"), patient->deceased->toIso());
        if (patient->supersededFrom)
            p.insert(QStringLiteral("supersededFrom"), patient->supersededFrom->digits());
        o.insert(QStringLiteral("patient"), p);
    }
    QJsonArray plansJson;
    for (const CpisPlan& plan : plans) {
        QJsonObject j{{QStringLiteral("type"), snomedCode(plan.type)},
                      {QStringLiteral("start"), dateStr(plan.start)},
                      {QStringLiteral("laOds"), plan.authority.odsCode},
                      {QStringLiteral("laName"), plan.authority.name},
                      {QStringLiteral("laOffice"), plan.authority.officeHoursPhone},
                      {QStringLiteral("laEmergency"), plan.authority.emergencyDutyPhone}};
        if (plan.end)
            j.insert(QStringLiteral("end"), dateStr(*plan.end));
        plansJson.append(j);
    }
    o.insert(QStringLiteral("plans"), plansJson);
    if (!undisplayable.isEmpty()) {
        QJsonArray records;
        for (const UndisplayableRecord& u : undisplayable) {
            QJsonObject j{{QStringLiteral("type"), u.typeCode}};
            if (u.authority)
                j.insert(
                    QStringLiteral("la"),
                    QJsonObject{{QStringLiteral("ods"), u.authority->odsCode},
                                {QStringLiteral("name"), u.authority->name},
                                {QStringLiteral("office"), u.authority->officeHoursPhone},
                                {QStringLiteral("emergency"), u.authority->emergencyDutyPhone}});
            records.append(j);
        }
        o.insert(QStringLiteral("undisplayable"), records);
    }
    QJsonArray history;
    for (const AccessRecord& a : accessHistory)
        history.append(QJsonObject{{QStringLiteral("when"), a.when.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("name"), a.viewerName},
                                   {QStringLiteral("role"), a.role},
                                   {QStringLiteral("org"), a.organisation},
                                   {QStringLiteral("ods"), a.organisationOds},
                                   {QStringLiteral("system"), a.bySystem}});
    o.insert(QStringLiteral("history"), history);
    o.insert(QStringLiteral("historyUnavailable"), historyUnavailable);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<LookupResult> LookupResult::fromCachePayload(const QByteArray& payload,
                                                           const NhsNumber& asked)
{
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    if (o.value(QLatin1String("v")).toInt() != 1)
        return std::nullopt;
    LookupResult r;
    r.asked = asked;
    r.fromCache = true;
    const QString state = o.value(QLatin1String("state")).toString();
    if (state == stateName(State::PlansFound))
        r.state = State::PlansFound;
    else if (state == stateName(State::NoRecord))
        r.state = State::NoRecord;
    else
        return std::nullopt; // failures are never cached
    r.answeredAtUtc =
        QDateTime::fromString(o.value(QLatin1String("answeredAt")).toString(), Qt::ISODateWithMs)
            .toUTC();
    if (!r.answeredAtUtc.isValid())
        return std::nullopt;

    const QJsonObject p = o.value(QLatin1String("patient")).toObject();
    if (!p.isEmpty()) {
        const auto nhs = NhsNumber::parse(p.value(QLatin1String("nhs")).toString());
        if (!nhs)
            return std::nullopt;
        Demographics d;
        d.nhsNumber = nhs.value();
        d.familyName = p.value(QLatin1String("family")).toString();
        d.givenName = p.value(QLatin1String("given")).toString();
        d.title = p.value(QLatin1String("title")).toString();
        d.gender = p.value(QLatin1String("gender")).toString();
        // Anything but a known level reads as the most restricted: an address is never shown
        // on the strength of a damaged payload.
        // Answers cached before the level was kept say only whether the record was restricted.
        const QJsonValue level = p.value(QLatin1String("confidentiality"));
        const int conf = level.isUndefined()
                             ? (p.value(QLatin1String("restricted")).toBool()
                                    ? int(Demographics::Confidentiality::Restricted)
                                    : int(Demographics::Confidentiality::Unrestricted))
                             : level.toInt(-1);
        d.confidentiality = conf == int(Demographics::Confidentiality::Unrestricted)
                                ? Demographics::Confidentiality::Unrestricted
                            : conf == int(Demographics::Confidentiality::Restricted)
                                ? Demographics::Confidentiality::Restricted
                                : Demographics::Confidentiality::VeryRestricted;
        d.nhsNumberVerified = p.value(QLatin1String("verified")).toBool();
        if (!d.restricted()) {
            d.address = p.value(QLatin1String("address")).toString();
            d.temporaryAddress = p.value(QLatin1String("tempAddress")).toString();
        }
        if (const QJsonValue birth = p.value(QLatin1String("birth")); birth.isString()) {
            d.birthDate = PartialDate::fromIso(birth.toString());
            if (!d.birthDate)
                return std::nullopt;
        }
        if (const QJsonValue died = p.value(QLatin1String("deceased")); died.isString()) {
            d.deceased = PartialDate::fromIso(died.toString());
            if (!d.deceased)
                return std::nullopt;
        }
        if (const auto from = NhsNumber::parse(p.value(QLatin1String("supersededFrom")).toString()))
            d.supersededFrom = from.value();
        r.patient = d;
    }
    // toCachePayload always writes both lists; a payload without them is damaged, and a
    // missing plan list must not read as "no CP-IS record".
    if (!o.value(QLatin1String("plans")).isArray() || !o.value(QLatin1String("history")).isArray())
        return std::nullopt;
    const QJsonArray plans = o.value(QLatin1String("plans")).toArray();
    for (const QJsonValue& v : plans) {
        const QJsonObject j = v.toObject();
        const auto type = planTypeFromSnomed(j.value(QLatin1String("type")).toString());
        const auto start = dateFrom(j.value(QLatin1String("start")));
        if (!type || !start)
            return std::nullopt;
        CpisPlan plan;
        plan.type = *type;
        plan.start = *start;
        plan.end = dateFrom(j.value(QLatin1String("end")));
        plan.authority = {j.value(QLatin1String("laOds")).toString(),
                          j.value(QLatin1String("laName")).toString(),
                          j.value(QLatin1String("laOffice")).toString(),
                          j.value(QLatin1String("laEmergency")).toString()};
        r.plans.append(plan);
    }
    const QJsonArray records = o.value(QLatin1String("undisplayable")).toArray();
    for (const QJsonValue& v : records) {
        const QJsonObject j = v.toObject();
        UndisplayableRecord u;
        u.typeCode = j.value(QLatin1String("type")).toString();
        if (const QJsonObject la = j.value(QLatin1String("la")).toObject(); !la.isEmpty())
            u.authority = LocalAuthority{la.value(QLatin1String("ods")).toString(),
                                         la.value(QLatin1String("name")).toString(),
                                         la.value(QLatin1String("office")).toString(),
                                         la.value(QLatin1String("emergency")).toString()};
        r.undisplayable.append(u);
    }
    if ((r.state == State::PlansFound) == (r.plans.isEmpty() && r.undisplayable.isEmpty()))
        return std::nullopt; // a payload whose state and plans disagree is not trusted
    const QJsonArray history = o.value(QLatin1String("history")).toArray();
    for (const QJsonValue& v : history) {
        const QJsonObject j = v.toObject();
        r.accessHistory.append(
            {QDateTime::fromString(j.value(QLatin1String("when")).toString(), Qt::ISODateWithMs)
                 .toUTC(),
             j.value(QLatin1String("name")).toString(), j.value(QLatin1String("role")).toString(),
             j.value(QLatin1String("org")).toString(), j.value(QLatin1String("ods")).toString(),
             j.value(QLatin1String("system")).toBool()});
    }
    r.historyUnavailable = o.value(QLatin1String("historyUnavailable")).toBool();
    return r;
}

} // namespace cpis
