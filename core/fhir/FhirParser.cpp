#include "core/fhir/FhirParser.h"

#include "core/domain/AsciiDigits.h"
#include "core/domain/Vocabulary.h"
#include "core/fhir/CpisAuditReader.h"
#include "core/fhir/CpisCareTeamReader.h"
#include "core/fhir/FhirLogging.h"
#include "core/fhir/PdsPatientReader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace cpis {

namespace {

const QString& kOdsSystem = vocabulary::kOdsSystem;

using Error = FhirParser::Error;

Error err(const QString& what)
{
    return Error{what};
}

// QJsonDocument is lenient (it accepts some invalid JSON); what matters here is that a
// body we cannot read as one JSON object is never taken for an answer.
Result<QJsonObject, Error> parseAnyObject(const QByteArray& body)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return err(
            QStringLiteral("body is not JSON (%1 at %2)").arg(pe.errorString()).arg(pe.offset));
    if (!doc.isObject())
        return err(QStringLiteral("body is not a JSON object"));
    return doc.object();
}

Result<QJsonObject, Error> parseObject(const QByteArray& body, const QString& resourceType)
{
    auto o = parseAnyObject(body);
    if (o && o->value(QLatin1String("resourceType")).toString() != resourceType)
        return err(QStringLiteral("resourceType is not %1").arg(resourceType));
    return o;
}

// FHIR date, full precision only: a plan or birth date with a missing day is ambiguous.
// Read by hand: area lists parse hundreds of thousands of them.
std::optional<QDate> parseDate(const QJsonValue& v)
{
    if (!v.isString())
        return std::nullopt;
    const QString s = v.toString();
    if (s.size() != 10 || s.at(4) != u'-' || s.at(7) != u'-')
        return std::nullopt;
    const int y = asciiDigitsAt(s, 0, 4), m = asciiDigitsAt(s, 5, 2), d = asciiDigitsAt(s, 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return std::nullopt;
    const QDate date(y, m, d);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

std::optional<QDateTime> parseInstant(const QJsonValue& v)
{
    // The common form, YYYY-MM-DDThh:mm:ssZ, without a regular expression; anything else
    // takes the general path below.
    if (v.isString()) {
        const QString s = v.toString();
        if (s.size() == 20 && s.at(4) == u'-' && s.at(7) == u'-' && s.at(10) == u'T' &&
            s.at(13) == u':' && s.at(16) == u':' && s.at(19) == u'Z') {
            const QDate d(asciiDigitsAt(s, 0, 4), asciiDigitsAt(s, 5, 2), asciiDigitsAt(s, 8, 2));
            const int h = asciiDigitsAt(s, 11, 2), mi = asciiDigitsAt(s, 14, 2),
                      se = asciiDigitsAt(s, 17, 2);
            const QTime t(h, mi, se);
            if (d.isValid() && h >= 0 && mi >= 0 && se >= 0 && t.isValid())
                return QDateTime(d, t, Qt::UTC);
        }
    }
    static const QRegularExpression re(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$"));
    if (!v.isString() || !re.match(v.toString()).hasMatch())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toUTC();
}

QString identifierValue(const QJsonObject& identifier, const QString& system)
{
    if (identifier.value(QLatin1String("system")).toString() != system)
        return {};
    return identifier.value(QLatin1String("value")).toString();
}

} // namespace

Result<FhirParser::Searchset, Error>
FhirParser::searchset(const QJsonObject& bundle, const QString& matchType, Paging paging)
{
    if (bundle.value(QLatin1String("type")).toString() != u"searchset")
        return err(QStringLiteral("Bundle.type is not searchset"));
    const QJsonValue totalValue = bundle.value(QLatin1String("total"));
    if (!totalValue.isDouble() || totalValue.toDouble() < 0 ||
        totalValue.toDouble() != double(totalValue.toInt()))
        return err(QStringLiteral("Bundle.total is missing or not a whole number"));
    const int total = totalValue.toInt();

    const QJsonValue entryValue = bundle.value(QLatin1String("entry"));
    if (!entryValue.isUndefined() && !entryValue.isArray())
        return err(QStringLiteral("Bundle.entry is not an array"));

    Searchset out;
    out.total = total;
    const QJsonArray entries = entryValue.toArray();
    for (const QJsonValue& e : entries) {
        if (!e.isObject())
            return err(QStringLiteral("Bundle.entry holds a non-object"));
        // Every entry, included or not, must carry a resource: a Bundle that holds anything
        // else is not one the service sent, and an empty plan list from it would read as
        // "no CP-IS record".
        const QJsonValue resourceValue = e.toObject().value(QLatin1String("resource"));
        if (!resourceValue.isObject() ||
            resourceValue.toObject().value(QLatin1String("resourceType")).toString().isEmpty())
            return err(QStringLiteral("Bundle.entry holds no resource"));
        const QJsonObject resource = resourceValue.toObject();
        const QString mode = e.toObject()
                                 .value(QLatin1String("search"))
                                 .toObject()
                                 .value(QLatin1String("mode"))
                                 .toString(QStringLiteral("match"));
        const QString type = resource.value(QLatin1String("resourceType")).toString();
        if (mode == u"match") {
            if (type != matchType)
                return err(QStringLiteral("Bundle holds a %1 where a %2 was expected")
                               .arg(type.isEmpty() ? QStringLiteral("resource without type") : type,
                                    matchType));
            out.matches.append(resource);
        } else if (mode == u"include") {
            out.includes.append(resource);
            out.includeUrls.append(e.toObject().value(QLatin1String("fullUrl")).toString());
        } else if (mode != u"outcome") {
            return err(QStringLiteral("Bundle.entry.search.mode '%1' is unknown").arg(mode));
        }
    }
    bool countsAgree = true;
    switch (paging) {
    case Paging::Whole:
        countsAgree = out.matches.size() == total;
        break;
    case Paging::Paged:
        countsAgree = out.matches.size() <= total;
        break;
    case Paging::Records:
        // Every record carries a plan; none carries more than kPlansPerRecord. A total of 0
        // beside plans is still read (bounded as one record): plans never become "no record".
        countsAgree = out.matches.size() >= total &&
                      out.matches.size() <= kPlansPerRecord * std::max(total, 1) &&
                      out.matches.size() <= kMaxCareTeams;
        break;
    }
    if (!countsAgree)
        return err(QStringLiteral("Bundle.total is %1 but it holds %2 matches")
                       .arg(total)
                       .arg(out.matches.size()));
    // Counts and our own type name only: the resources are patient data.
    qCDebug(lcFhir, "searchset of %s: %lld matches, %lld included", qUtf8Printable(matchType),
            qint64(out.matches.size()), qint64(out.includes.size()));
    return out;
}

QString FhirParser::referenceTail(const QString& reference)
{
    const QStringList parts = reference.split(u'/');
    if (parts.size() < 2 || parts.at(parts.size() - 2).isEmpty() || parts.last().isEmpty())
        return {};
    return parts.at(parts.size() - 2) + u'/' + parts.last();
}

FhirParser::References FhirParser::byReference(const Searchset& entries)
{
    References refs;
    for (qsizetype i = 0; i < entries.includes.size(); ++i) {
        const QJsonObject& r = entries.includes.at(i);
        const QString id = r.value(QLatin1String("id")).toString();
        if (!id.isEmpty())
            refs.insert(r.value(QLatin1String("resourceType")).toString() + u'/' + id, r);
        if (i < entries.includeUrls.size() && !entries.includeUrls.at(i).isEmpty())
            refs.insert(entries.includeUrls.at(i), r);
    }
    return refs;
}

std::optional<QJsonObject> FhirParser::resolve(const References& refs, const QString& reference)
{
    if (reference.isEmpty())
        return std::nullopt;
    if (const auto it = refs.constFind(reference); it != refs.constEnd())
        return *it;
    // An absolute reference to the server that answered names the same resource as its
    // relative "Type/id" (FHIR R4 references.html).
    if (reference.contains(QLatin1String("://")))
        if (const auto it = refs.constFind(referenceTail(reference)); it != refs.constEnd())
            return *it;
    return std::nullopt;
}

QHash<QString, QJsonObject> FhirParser::practitionerRoles(const QList<QJsonObject>& includes)
{
    QHash<QString, QJsonObject> roles;
    for (const QJsonObject& inc : includes)
        if (inc.value(QLatin1String("resourceType")).toString() == u"PractitionerRole")
            roles.insert(QStringLiteral("PractitionerRole/") +
                             inc.value(QLatin1String("id")).toString(),
                         inc);
    return roles;
}

Result<FhirParser::Requester, Error> FhirParser::requester(const QJsonObject& ev,
                                                           const QHash<QString, QJsonObject>& roles)
{
    const QJsonArray agents = ev.value(QLatin1String("agent")).toArray();
    if (agents.isEmpty())
        return err(QStringLiteral("AuditEvent has no agent"));
    const QString ref = agents.first()
                            .toObject()
                            .value(QLatin1String("who"))
                            .toObject()
                            .value(QLatin1String("reference"))
                            .toString();
    const auto role = roles.constFind(ref);
    if (role == roles.constEnd())
        return err(QStringLiteral("AuditEvent.agent refers to a PractitionerRole not included"));
    Requester r;
    r.name = role->value(QLatin1String("practitioner"))
                 .toObject()
                 .value(QLatin1String("display"))
                 .toString();
    const QJsonObject org = role->value(QLatin1String("organization")).toObject();
    r.organisation = org.value(QLatin1String("display")).toString();
    r.organisationOds =
        identifierValue(org.value(QLatin1String("identifier")).toObject(), kOdsSystem);
    const QJsonArray codes = role->value(QLatin1String("code")).toArray();
    if (!codes.isEmpty()) {
        const QJsonArray codings =
            codes.first().toObject().value(QLatin1String("coding")).toArray();
        if (!codings.isEmpty())
            r.role = codings.first().toObject().value(QLatin1String("display")).toString();
    }
    return r;
}

Result<Demographics, Error> FhirParser::patient(const QByteArray& body, const NhsNumber& asked)
{
    auto parsed = parseObject(body, QStringLiteral("Patient"));
    if (!parsed)
        return parsed.error();
    return pdsPatient(parsed.value(), asked);
}

std::optional<QDateTime> FhirParser::instant(const QJsonValue& v)
{
    return parseInstant(v);
}

std::optional<QDate> FhirParser::date(const QJsonValue& v)
{
    return parseDate(v);
}

Result<CpisPlan, Error> FhirParser::careTeamResource(const QJsonObject& ct,
                                                     const NhsNumber& subject)
{
    if (ct.value(QLatin1String("resourceType")).toString() != u"CareTeam")
        return err(QStringLiteral("resourceType is not CareTeam"));
    return CpisCareTeamReader::plan(ct, subject, {});
}

Result<QList<CpisPlan>, Error> FhirParser::careTeamBundle(const QByteArray& body,
                                                          const NhsNumber& subject)
{
    auto read = careTeamRecords(body, subject);
    if (!read)
        return read.error();
    if (!read->undisplayable.isEmpty())
        return err(QStringLiteral("CareTeam.category carries an unknown plan code"));
    return read->plans;
}

Result<FhirParser::CareTeamRecords, FhirParser::Error>
FhirParser::careTeamRecords(const QByteArray& body, const NhsNumber& subject)
{
    auto parsed = parseObject(body, QStringLiteral("Bundle"));
    if (!parsed)
        return parsed.error();
    auto entries = searchset(parsed.value(), QStringLiteral("CareTeam"), Paging::Records);
    if (!entries)
        return entries.error();

    const References included = byReference(entries.value());
    CareTeamRecords out;
    for (const QJsonObject& ct : std::as_const(entries.value().matches)) {
        if (CpisCareTeamReader::unknownPlanCode(ct)) {
            auto record = CpisCareTeamReader::undisplayable(ct, subject, included);
            if (!record)
                return record.error();
            out.undisplayable.append(record.value());
            continue;
        }
        auto plan = CpisCareTeamReader::plan(ct, subject, included);
        if (!plan)
            return plan.error();
        out.plans.append(plan.value());
    }
    return out;
}

Result<QList<AccessRecord>, Error> FhirParser::auditEventBundle(const QByteArray& body)
{
    auto parsed = parseObject(body, QStringLiteral("Bundle"));
    if (!parsed)
        return parsed.error();
    auto entries = searchset(parsed.value(), QStringLiteral("AuditEvent"), Paging::Whole);
    if (!entries)
        return entries.error();
    if (entries.value().matches.size() > kMaxAccessRecords)
        return err(QStringLiteral("more than %1 access records").arg(kMaxAccessRecords));

    const References included = byReference(entries.value());
    QList<AccessRecord> out;
    for (const QJsonObject& ev : std::as_const(entries.value().matches)) {
        auto r = CpisAuditReader::accessRecord(ev, included);
        if (!r)
            return r.error();
        out.append(r.value());
    }
    // Newest first, whatever order the service used.
    std::stable_sort(out.begin(), out.end(),
                     [](const AccessRecord& a, const AccessRecord& b) { return a.when > b.when; });
    return out;
}

// PDS's Patient rules live in PdsPatientReader; these keep the one parser callers know.
Result<Demographics, Error> FhirParser::pdsPatient(const QJsonObject& p, const NhsNumber& asked)
{
    return PdsPatientReader::pdsPatient(p, asked);
}

Result<Demographics, Error> FhirParser::patientResource(const QJsonObject& p,
                                                        const NhsNumber& asked)
{
    return PdsPatientReader::patientResource(p, asked);
}

// Parsed once: the answer is either the searchset or TOO_MANY_MATCHES's OperationOutcome.
Result<PatientMatches, Error> FhirParser::patientSearchset(const QByteArray& body)
{
    auto answer = parseAnyObject(body);
    if (!answer)
        return answer.error();
    return PdsPatientReader::matches(answer.value());
}

} // namespace cpis
