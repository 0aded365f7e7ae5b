#include "sandbox/fhir/FhirResources.h"

#include "core/domain/Vocabulary.h"
#include "sandbox/fhir/CpisGuideResources.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cpis::sandbox {

const QString FhirResources::kUnknownPlanCode = QStringLiteral("999999999999999");

namespace {
using namespace vocabulary;

QJsonObject nhsIdentifier(const QString& nhs)
{
    return {{QStringLiteral("system"), kNhsNumberSystem}, {QStringLiteral("value"), nhs}};
}

QJsonObject lastUpdatedMeta(const QDateTime& t)
{
    return QJsonObject{{QStringLiteral("lastUpdated"), FhirResources::instant(t)}};
}

QJsonArray usualName(const SandboxPerson& p)
{
    return QJsonArray{QJsonObject{{QStringLiteral("use"), QStringLiteral("usual")},
                                  {QStringLiteral("family"), p.familyName},
                                  {QStringLiteral("given"), QJsonArray{p.givenName}}}};
}

} // namespace

QJsonObject FhirResources::includedPractitionerRole(const TestUser& viewer, const QString& origin)
{
    const QJsonObject role{
        {QStringLiteral("resourceType"), QStringLiteral("PractitionerRole")},
        {QStringLiteral("id"), viewer.roleId},
        {QStringLiteral("practitioner"),
         QJsonObject{{QStringLiteral("identifier"),
                      QJsonObject{{QStringLiteral("system"), kSdsUserIdSystem},
                                  {QStringLiteral("value"), viewer.userUid}}},
                     {QStringLiteral("display"), viewer.name}}},
        {QStringLiteral("organization"),
         QJsonObject{
             {QStringLiteral("identifier"), QJsonObject{{QStringLiteral("system"), kOdsSystem},
                                                        {QStringLiteral("value"), viewer.orgCode}}},
             {QStringLiteral("display"), viewer.orgName}}},
        {QStringLiteral("code"),
         QJsonArray{
             QJsonObject{{QStringLiteral("coding"),
                          QJsonArray{QJsonObject{{QStringLiteral("system"), kSdsJobRoleSystem},
                                                 {QStringLiteral("code"), viewer.roleCode},
                                                 {QStringLiteral("display"), viewer.roleName}}}}}}},
    };
    return entry(origin + QStringLiteral("/cpis/FHIR/R4/PractitionerRole/") + viewer.roleId, role,
                 QStringLiteral("include"));
}

QString FhirResources::instant(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject
FhirResources::coding(const QString& system, const QString& code, const QString& display)
{
    return {{QStringLiteral("system"), system},
            {QStringLiteral("code"), code},
            {QStringLiteral("display"), display}};
}

QJsonObject FhirResources::auditEvent(const QString& id,
                                      const QString& action,
                                      const QDateTime& when,
                                      const QJsonArray& agent,
                                      const QJsonArray& entity)
{
    return {
        {QStringLiteral("resourceType"), QStringLiteral("AuditEvent")},
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), coding(kAuditEventTypeSystem, QStringLiteral("rest"),
                                        QStringLiteral("RESTful Operation"))},
        {QStringLiteral("action"), action},
        {QStringLiteral("recorded"), instant(when)},
        {QStringLiteral("outcome"), QStringLiteral("0")},
        {QStringLiteral("agent"), agent},
        {QStringLiteral("source"),
         QJsonObject{{QStringLiteral("observer"),
                      QJsonObject{{QStringLiteral("display"), QStringLiteral("CP-IS")}}}}},
        {QStringLiteral("entity"), entity},
    };
}

QJsonObject FhirResources::practitionerRoleAgent(const QString& roleId)
{
    return {{QStringLiteral("type"),
             QJsonObject{
                 {QStringLiteral("coding"),
                  QJsonArray{QJsonObject{{QStringLiteral("system"), kRoleClassSystem},
                                         {QStringLiteral("code"), QStringLiteral("ASSIGNED")}}}}}},
            {QStringLiteral("who"),
             QJsonObject{{QStringLiteral("reference"),
                          QString(QStringLiteral("PractitionerRole/") + roleId)}}},
            {QStringLiteral("requestor"), true}};
}

QJsonObject FhirResources::patient(const SandboxPerson& p) const
{
    // Exactly one meta.security label for everyone, as PDS sends it (Meta.yaml).
    QJsonObject security;
    if (p.veryRestricted)
        security =
            coding(kConfidentialitySystem, QStringLiteral("V"), QStringLiteral("very restricted"));
    else if (p.restricted)
        security =
            coding(kConfidentialitySystem, QStringLiteral("R"), QStringLiteral("restricted"));
    else
        security =
            coding(kConfidentialitySystem, QStringLiteral("U"), QStringLiteral("unrestricted"));
    const bool withheld = p.restricted || p.veryRestricted;

    QJsonObject identifier = nhsIdentifier(p.nhsNumber);
    const QJsonObject status = p.nhsNumberVerified
                                   ? coding(kNhsNumberVerificationSystem, kNhsNumberVerified,
                                            QStringLiteral("Number present and verified"))
                                   : coding(kNhsNumberVerificationSystem, QStringLiteral("02"),
                                            QStringLiteral("Number present but not traced"));
    identifier.insert(
        QStringLiteral("extension"),
        QJsonArray{QJsonObject{{QStringLiteral("url"), kNhsNumberVerificationExtension},
                               {QStringLiteral("valueCodeableConcept"),
                                QJsonObject{{QStringLiteral("coding"), QJsonArray{status}}}}}});

    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), p.nhsNumber},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("versionId"), QStringLiteral("1")},
                                             {QStringLiteral("security"), QJsonArray{security}}}},
        {QStringLiteral("identifier"), QJsonArray{identifier}},
        {QStringLiteral("name"), usualName(p)},
        {QStringLiteral("gender"), p.gender},
        {QStringLiteral("birthDate"), p.birthDateAsRecorded.isEmpty()
                                          ? p.birthDate.toString(Qt::ISODate)
                                          : p.birthDateAsRecorded},
    };
    if (!p.deceasedDateTime.isEmpty())
        o.insert(QStringLiteral("deceasedDateTime"), p.deceasedDateTime);
    // A restricted record never carries where the person lives or how to reach them.
    if (!withheld) {
        const QJsonObject home{{QStringLiteral("use"), QStringLiteral("home")},
                               {QStringLiteral("line"), QJsonArray{p.addressLine}},
                               {QStringLiteral("city"), p.city},
                               {QStringLiteral("postalCode"), p.postcode}};
        QJsonArray addresses{home};
        if (p.temporaryAddressFirst) {
            // PDS lists addresses in no promised order: the home one need not come first.
            addresses.prepend(QJsonObject{
                {QStringLiteral("use"), QStringLiteral("temp")},
                {QStringLiteral("text"), QStringLiteral("Student Accommodation")},
                {QStringLiteral("line"), QJsonArray{QStringLiteral("Flat 4, 12 College Road")}},
                {QStringLiteral("city"), p.city},
                {QStringLiteral("postalCode"), QStringLiteral("ZZ52 9TA")}});
        }
        o.insert(QStringLiteral("address"), addresses);
        o.insert(QStringLiteral("telecom"),
                 QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                        {QStringLiteral("value"), p.phone},
                                        {QStringLiteral("use"), QStringLiteral("home")}}});
    }
    return o;
}

QJsonObject FhirResources::listPatient(const SandboxPerson& p, const QDateTime& lastUpdated)
{
    return {
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), p.nhsNumber},
        {QStringLiteral("meta"), lastUpdatedMeta(lastUpdated)},
        {QStringLiteral("identifier"), QJsonArray{nhsIdentifier(p.nhsNumber)}},
        {QStringLiteral("name"), usualName(p)},
        {QStringLiteral("gender"), p.gender},
        {QStringLiteral("birthDate"), p.birthDate.toString(Qt::ISODate)},
    };
}

QJsonObject FhirResources::organisation(int laIndex) const
{
    if (const auto it = m_organisations.constFind(laIndex); it != m_organisations.constEnd())
        return *it;
    const LocalAuthorityEntry& la = m_authorities.at(laIndex);
    const QJsonObject org{
        {QStringLiteral("resourceType"), QStringLiteral("Organization")},
        {QStringLiteral("id"), QStringLiteral("la")},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), kOdsSystem},
                                {QStringLiteral("value"), la.odsCode}}}},
        {QStringLiteral("name"), la.name},
        {QStringLiteral("telecom"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                {QStringLiteral("value"), la.officeHoursPhone},
                                {QStringLiteral("use"), QStringLiteral("work")}},
                    QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                {QStringLiteral("value"), la.emergencyDutyPhone},
                                {QStringLiteral("use"), QStringLiteral("mobile")}}}}};
    m_organisations.insert(laIndex, org);
    return org;
}

QJsonObject FhirResources::careTeam(const QString& nhs,
                                    const SandboxPlan& plan,
                                    int index,
                                    const QDate& today,
                                    const QDateTime& lastUpdated) const
{
    QJsonObject period{{QStringLiteral("start"), plan.start.toString(Qt::ISODate)}};
    if (plan.end)
        period.insert(QStringLiteral("end"), plan.end->toString(Qt::ISODate));
    const bool active = !plan.end || *plan.end >= today;
    const QString code = plan.unknownCode ? kUnknownPlanCode : snomedCode(plan.type);
    const QString display =
        plan.unknownCode ? QStringLiteral("Unknown plan type") : snomedDisplay(plan.type);
    QJsonObject ct{
        {QStringLiteral("resourceType"), QStringLiteral("CareTeam")},
        {QStringLiteral("id"), QString(nhs + u'-' + QString::number(index + 1))},
        {QStringLiteral("contained"), QJsonArray{organisation(plan.laIndex)}},
        {QStringLiteral("status"), active ? QStringLiteral("active") : QStringLiteral("inactive")},
        {QStringLiteral("category"),
         QJsonArray{QJsonObject{
             {QStringLiteral("coding"), QJsonArray{coding(kSnomedSystem, code, display)}}}}},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("identifier"), nhsIdentifier(nhs)}}},
        {QStringLiteral("period"), period},
        {QStringLiteral("managingOrganization"),
         QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("#la")},
                                {QStringLiteral("display"), m_authorities.at(plan.laIndex).name}}}},
    };
    if (lastUpdated.isValid())
        ct.insert(QStringLiteral("meta"), lastUpdatedMeta(lastUpdated));
    return ct;
}

QJsonObject FhirResources::group(const QString& id, const QString& name, int quantity)
{
    return {{QStringLiteral("resourceType"), QStringLiteral("Group")},
            {QStringLiteral("id"), id},
            {QStringLiteral("type"), QStringLiteral("person")},
            {QStringLiteral("actual"), true},
            {QStringLiteral("name"), name},
            {QStringLiteral("quantity"), quantity}};
}

QJsonObject FhirResources::searchset(const QString& bundleId,
                                     const QDateTime& now,
                                     int total,
                                     const QJsonArray& entries)
{
    QJsonObject b{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                  {QStringLiteral("id"), bundleId},
                  {QStringLiteral("meta"), lastUpdatedMeta(now)},
                  {QStringLiteral("type"), QStringLiteral("searchset")},
                  {QStringLiteral("total"), total}};
    if (!entries.isEmpty())
        b.insert(QStringLiteral("entry"), entries);
    return b;
}

QJsonObject
FhirResources::entry(const QString& fullUrl, const QJsonObject& resource, const QString& mode)
{
    return {{QStringLiteral("fullUrl"), fullUrl},
            {QStringLiteral("resource"), resource},
            {QStringLiteral("search"), QJsonObject{{QStringLiteral("mode"), mode}}}};
}

QByteArray FhirResources::ndjsonLine(const QJsonObject& resource)
{
    return QJsonDocument(resource).toJson(QJsonDocument::Compact);
}

QJsonObject FhirResources::information(const QString& diagnostics)
{
    return {{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
            {QStringLiteral("issue"),
             QJsonArray{QJsonObject{{QStringLiteral("severity"), QStringLiteral("information")},
                                    {QStringLiteral("code"), QStringLiteral("informational")},
                                    {QStringLiteral("diagnostics"), diagnostics}}}}};
}

// The CP-IS search answers follow the guide's shapes, kept apart in CpisGuideResources.
QJsonObject FhirResources::careTeamBundle(const QString& nhs,
                                          const QList<SandboxPlan>& plans,
                                          const QDate& today,
                                          const QString& bundleId,
                                          const QDateTime& now,
                                          const QString& fullUrlBase) const
{
    return CpisGuideResources(m_authorities)
        .careTeamBundle(nhs, plans, today, bundleId, now, fullUrlBase);
}

QJsonObject FhirResources::auditEventBundle(const QString& nhs,
                                            const QList<AccessEvent>& events,
                                            const QString& bundleId,
                                            const QDateTime& now,
                                            const QString& fullUrlBase) const
{
    return CpisGuideResources(m_authorities)
        .auditEventBundle(nhs, events, bundleId, now, fullUrlBase);
}

FhirResources::Outcome FhirResources::outcomeFor(int status, const QString& spineCode)
{
    static const QList<Outcome> table{
        {400, QStringLiteral("INVALID_SEARCH_DATA"), QStringLiteral("Invalid search data"),
         QStringLiteral("invalid")},
        {400, QStringLiteral("PRECONDITION_FAILED"),
         QStringLiteral("Required condition was not fulfilled"), QStringLiteral("invalid")},
        {400, QStringLiteral("MISSING_VALUE"), QStringLiteral("Required value is missing"),
         QStringLiteral("required")},
        {400, QStringLiteral("INVALID_VALUE"), QStringLiteral("Provided value is invalid"),
         QStringLiteral("value")},
        {400, QStringLiteral("INVALID_RESOURCE_ID"), QStringLiteral("Resource Id is invalid"),
         QStringLiteral("value")},
        {401, QStringLiteral("ACCESS_DENIED"),
         QStringLiteral("Access has been denied to process this request"), QStringLiteral("login")},
        {403, QStringLiteral("ACCESS_DENIED"),
         QStringLiteral("Access has been denied to process this request"),
         QStringLiteral("forbidden")},
        {404, QStringLiteral("RESOURCE_NOT_FOUND"), QStringLiteral("Resource not found"),
         QStringLiteral("not-found")},
        {404, QStringLiteral("INVALIDATED_RESOURCE"),
         QStringLiteral("Resource that has been marked as invalid was requested"),
         QStringLiteral("not-found")},
        {408, QStringLiteral("UNABLE_TO_CALL_SERVICE"),
         QStringLiteral("The downstream domain processing has not completed within the "
                        "configured timeout period"),
         QStringLiteral("timeout")},
        {400, QStringLiteral("INVALID_VALUE"), QStringLiteral("Provided value is invalid"),
         QStringLiteral("value")},
        {400, QStringLiteral("MISSING_VALUE"), QStringLiteral("Required value is missing"),
         QStringLiteral("required")},
        {400, QStringLiteral("ADDITIONAL_PROPERTIES"),
         QStringLiteral("Additional properties are not allowed"), QStringLiteral("structure")},
        {400, QStringLiteral("UNSUPPORTED_SERVICE"), QStringLiteral("Unsupported Service"),
         QStringLiteral("not-supported")},
        {429, QStringLiteral("TOO_MANY_REQUESTS"), QStringLiteral("Too Many Requests"),
         QStringLiteral("throttled")},
        {500, QStringLiteral("SERVER_ERROR"), QStringLiteral("Internal server error"),
         QStringLiteral("exception")},
        {502, QStringLiteral("BAD_GATEWAY"), QStringLiteral("Bad gateway"),
         QStringLiteral("transient")},
        {503, QStringLiteral("SERVICE_UNAVAILABLE"), QStringLiteral("Service unavailable"),
         QStringLiteral("transient")},
    };
    for (const Outcome& o : table)
        if (o.status == status && o.spineCode == spineCode)
            return o;
    return {status, spineCode, spineCode, QStringLiteral("exception")};
}

QJsonObject
FhirResources::operationOutcome(int status, const QString& spineCode, const QString& diagnostics)
{
    const Outcome o = outcomeFor(status, spineCode);
    return {
        {QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
        {QStringLiteral("issue"),
         QJsonArray{QJsonObject{
             {QStringLiteral("severity"),
              o.status == 404 ? QStringLiteral("information") : QStringLiteral("error")},
             {QStringLiteral("code"), o.issueCode},
             {QStringLiteral("details"),
              QJsonObject{{QStringLiteral("coding"),
                           QJsonArray{QJsonObject{{QStringLiteral("system"), kSpineErrorSystem},
                                                  {QStringLiteral("version"), QStringLiteral("1")},
                                                  {QStringLiteral("code"), o.spineCode},
                                                  {QStringLiteral("display"), o.display}}}}}},
             {QStringLiteral("diagnostics"), diagnostics}}}},
    };
}

QJsonObject FhirResources::patientSearchEntry(const SandboxPerson& person,
                                              double score,
                                              const QString& fullUrlBase) const
{
    QJsonObject p = patient(person);
    auto keep = [&p](const QString& field, const QStringList& uses) {
        QJsonArray kept;
        const QJsonArray all = p.value(field).toArray();
        for (const QJsonValue& v : all)
            if (uses.contains(v.toObject().value(QStringLiteral("use")).toString()))
                kept.append(v);
        if (kept.isEmpty())
            p.remove(field);
        else
            p.insert(field, kept);
    };
    keep(QStringLiteral("name"),
         {QStringLiteral("usual"), QStringLiteral("nickname"), QStringLiteral("temp")});
    keep(QStringLiteral("address"), {QStringLiteral("home")});
    return {{QStringLiteral("fullUrl"),
             QString(fullUrlBase + QStringLiteral("/personal-demographics/FHIR/R4/Patient/") +
                     person.nhsNumber)},
            {QStringLiteral("search"), QJsonObject{{QStringLiteral("score"), score}}},
            {QStringLiteral("resource"), p}};
}

QJsonObject FhirResources::patientSearchset(const QString& bundleId,
                                            const QDateTime& now,
                                            const QJsonArray& entries)
{
    QJsonObject b = searchset(bundleId, now, int(entries.size()), entries);
    b.insert(QStringLiteral("timestamp"), instant(now));
    return b;
}

QJsonObject FhirResources::tooManyMatches()
{
    return {
        {QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
        {QStringLiteral("issue"),
         QJsonArray{QJsonObject{
             {QStringLiteral("severity"), QStringLiteral("information")},
             {QStringLiteral("code"), QStringLiteral("multiple-matches")},
             {QStringLiteral("details"),
              QJsonObject{
                  {QStringLiteral("coding"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("system"), kSpineErrorSystem},
                       {QStringLiteral("version"), QStringLiteral("1")},
                       {QStringLiteral("code"), QStringLiteral("TOO_MANY_MATCHES")},
                       {QStringLiteral("display"), QStringLiteral("Too Many Matches")}}}}}}}}},
    };
}

} // namespace cpis::sandbox
