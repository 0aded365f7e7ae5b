#include "sandbox/fhir/CpisGuideResources.h"

#include "core/domain/PlanType.h"
#include "core/domain/Vocabulary.h"
#include "sandbox/fhir/FhirResources.h"

#include <QJsonArray>
#include <QSet>
#include <QStringList>
#include <QTimeZone>

namespace cpis::sandbox {

namespace {
using namespace vocabulary;

const QString kAsidSystem = QStringLiteral("https://fhir.nhs.uk/Id/nhsSpineASID");
const QString kDicomSystem = QStringLiteral("http://dicom.nema.org/resources/ontology/DCM");

QJsonObject nhsIdentifier(const QString& nhs)
{
    return {{QStringLiteral("system"), kNhsNumberSystem}, {QStringLiteral("value"), nhs}};
}

QJsonObject phone(const QString& number, const QString& use)
{
    return {{QStringLiteral("system"), QStringLiteral("phone")},
            {QStringLiteral("value"), number},
            {QStringLiteral("use"), use}};
}

QJsonObject typed(const QString& system, const QString& code, const QString& display)
{
    return {{QStringLiteral("coding"), QJsonArray{FhirResources::coding(system, code, display)}}};
}

// The guide's AuditEvent names the patient as an agent too, never the requester.
QJsonObject patientAgent(const QString& nhs)
{
    return {
        {QStringLiteral("type"),
         typed(kRoleClassSystem, QStringLiteral("PAT"), QStringLiteral("patient"))},
        {QStringLiteral("who"), QJsonObject{{QStringLiteral("identifier"), nhsIdentifier(nhs)}}},
        {QStringLiteral("requestor"), false}};
}

QString deviceUrl(const QString& origin, const QString& systemId)
{
    return origin + QStringLiteral("/cpis/FHIR/R4/Device/") + systemId;
}

QJsonObject systemAgent(const QString& origin, const AccessEvent& e)
{
    return {{QStringLiteral("type"),
             typed(kDicomSystem, QStringLiteral("110150"), QStringLiteral("Application"))},
            {QStringLiteral("who"),
             QJsonObject{{QStringLiteral("reference"), deviceUrl(origin, e.systemId)}}},
            {QStringLiteral("requestor"), true}};
}

QJsonObject includedDevice(const QString& origin, const AccessEvent& e)
{
    const QJsonObject device{
        {QStringLiteral("resourceType"), QStringLiteral("Device")},
        {QStringLiteral("id"), e.systemId},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), kAsidSystem},
                                {QStringLiteral("value"), e.systemId}}}},
        {QStringLiteral("deviceName"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), e.systemName},
                                {QStringLiteral("type"), QStringLiteral("user-friendly-name")}}}},
        {QStringLiteral("owner"),
         QJsonObject{{QStringLiteral("identifier"),
                      QJsonObject{{QStringLiteral("system"), kOdsSystem},
                                  {QStringLiteral("value"), e.viewer.orgCode}}},
                     {QStringLiteral("display"), e.viewer.orgName}}}};
    return FhirResources::entry(deviceUrl(origin, e.systemId), device, QStringLiteral("include"));
}

} // namespace

QString CpisGuideResources::periodValue(const QDate& date, bool asDateTime)
{
    if (!asDateTime)
        return date.toString(Qt::ISODate);
    const QDateTime midnight(date, QTime(0, 0), QTimeZone(QByteArrayLiteral("Europe/London")));
    return FhirResources::instant(midnight);
}

int CpisGuideResources::recordCount(const QList<SandboxPlan>& plans)
{
    QSet<int> authorities;
    for (const SandboxPlan& p : plans)
        authorities.insert(p.laIndex);
    return int(authorities.size());
}

QJsonObject CpisGuideResources::careTeam(const QString& nhs,
                                         const SandboxPlan& plan,
                                         int index,
                                         const QDate& today) const
{
    const bool asDateTime = writesDateTime(plan);
    QJsonObject period{{QStringLiteral("start"), periodValue(plan.start, asDateTime)}};
    if (plan.end)
        period.insert(QStringLiteral("end"), periodValue(*plan.end, asDateTime));
    const bool active = !plan.end || *plan.end >= today;
    const QString code = plan.unknownCode ? FhirResources::kUnknownPlanCode : snomedCode(plan.type);
    const QString display =
        plan.unknownCode ? QStringLiteral("Unknown plan type") : snomedDisplay(plan.type);
    const LocalAuthorityEntry& la = m_authorities.at(plan.laIndex);
    return {
        {QStringLiteral("resourceType"), QStringLiteral("CareTeam")},
        {QStringLiteral("id"), QString(nhs + u'-' + QString::number(index + 1))},
        {QStringLiteral("status"), active ? QStringLiteral("active") : QStringLiteral("inactive")},
        {QStringLiteral("category"), QJsonArray{typed(kSnomedSystem, code, display)}},
        // As the guide's Bundle example writes it ("SFD1 - SHEFFIELD CITY COUNCIL"): the code
        // leads the name, and there is no identifier.
        {QStringLiteral("name"), QString(la.odsCode + QStringLiteral(" - ") + la.name)},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("identifier"), nhsIdentifier(nhs)}}},
        {QStringLiteral("period"), period},
        {QStringLiteral("telecom"),
         QJsonArray{phone(la.officeHoursPhone, QStringLiteral("work")),
                    phone(la.emergencyDutyPhone, QStringLiteral("mobile"))}},
    };
}

QJsonObject CpisGuideResources::careTeamBundle(const QString& nhs,
                                               const QList<SandboxPlan>& plans,
                                               const QDate& today,
                                               const QString& bundleId,
                                               const QDateTime& now,
                                               const QString& fullUrlBase) const
{
    QJsonArray entries;
    for (int i = 0; i < plans.size(); ++i) {
        const QJsonObject ct = careTeam(nhs, plans.at(i), i, today);
        entries.append(FhirResources::entry(fullUrlBase +
                                                QStringLiteral("/cpis/FHIR/R4/CareTeam/") +
                                                ct.value(QLatin1String("id")).toString(),
                                            ct, QStringLiteral("match")));
    }
    return FhirResources::searchset(bundleId, now, recordCount(plans), entries);
}

QJsonObject CpisGuideResources::auditEventBundle(const QString& nhs,
                                                 const QList<AccessEvent>& events,
                                                 const QString& bundleId,
                                                 const QDateTime& now,
                                                 const QString& fullUrlBase) const
{
    QJsonArray entries;
    QJsonArray included;
    QStringList seen;
    for (const AccessEvent& e : events) {
        const QJsonObject requester = e.bySystem()
                                          ? systemAgent(fullUrlBase, e)
                                          : FhirResources::practitionerRoleAgent(e.viewer.roleId);
        const QJsonObject ev = FhirResources::auditEvent(
            e.id, QStringLiteral("R"), e.when, QJsonArray{patientAgent(nhs), requester},
            QJsonArray{
                QJsonObject{{QStringLiteral("what"),
                             QJsonObject{{QStringLiteral("identifier"), nhsIdentifier(nhs)}}}}});
        entries.append(
            FhirResources::entry(fullUrlBase + QStringLiteral("/cpis/FHIR/R4/AuditEvent/") + e.id,
                                 ev, QStringLiteral("match")));
        const QString key = e.bySystem() ? u"Device/" + e.systemId : e.viewer.roleId;
        if (seen.contains(key))
            continue;
        seen.append(key);
        included.append(e.bySystem()
                            ? includedDevice(fullUrlBase, e)
                            : FhirResources::includedPractitionerRole(e.viewer, fullUrlBase));
    }
    for (const QJsonValue& r : std::as_const(included))
        entries.append(r);
    return FhirResources::searchset(bundleId, now, int(events.size()), entries);
}

} // namespace cpis::sandbox
