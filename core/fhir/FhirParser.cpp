#include "core/fhir/FhirParser.h"

#include "core/domain/AsciiDigits.h"
#include "core/domain/Vocabulary.h"
#include "core/fhir/FhirLogging.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace cpis {

namespace {

const QString& kNhsSystem = vocabulary::kNhsNumberSystem;
const QString& kSnomedSystem = vocabulary::kSnomedSystem;
const QString& kOdsSystem = vocabulary::kOdsSystem;

using Error = FhirParser::Error;

Error err(const QString& what)
{
    return Error{what};
}

// QJsonDocument is lenient (it accepts some invalid JSON); what matters here is that a
// body we cannot read as one JSON object is never taken for an answer.
Result<QJsonObject, Error> parseObject(const QByteArray& body, const QString& resourceType)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return err(
            QStringLiteral("body is not JSON (%1 at %2)").arg(pe.errorString()).arg(pe.offset));
    if (!doc.isObject())
        return err(QStringLiteral("body is not a JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("resourceType")).toString() != resourceType)
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
        } else if (mode != u"outcome") {
            return err(QStringLiteral("Bundle.entry.search.mode '%1' is unknown").arg(mode));
        }
    }
    if (paging == Paging::Whole ? out.matches.size() != total : out.matches.size() > total)
        return err(QStringLiteral("Bundle.total is %1 but it holds %2 matches")
                       .arg(total)
                       .arg(out.matches.size()));
    // Counts and our own type name only: the resources are patient data.
    qCDebug(lcFhir, "searchset of %s: %lld matches, %lld included", qUtf8Printable(matchType),
            qint64(out.matches.size()), qint64(out.includes.size()));
    return out;
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

namespace {

Result<LocalAuthority, Error> responsibleAuthority(const QJsonObject& careTeam)
{
    const QJsonArray managing = careTeam.value(QLatin1String("managingOrganization")).toArray();
    if (managing.size() != 1)
        return err(QStringLiteral("CareTeam.managingOrganization must name one local authority"));
    const QString ref = managing.first().toObject().value(QLatin1String("reference")).toString();
    if (!ref.startsWith(u'#'))
        return err(QStringLiteral("CareTeam.managingOrganization is not a contained reference"));

    const QJsonArray contained = careTeam.value(QLatin1String("contained")).toArray();
    for (const QJsonValue& c : contained) {
        const QJsonObject org = c.toObject();
        if (org.value(QLatin1String("resourceType")).toString() != u"Organization" ||
            org.value(QLatin1String("id")).toString() != ref.mid(1))
            continue;
        LocalAuthority la;
        la.name = org.value(QLatin1String("name")).toString().trimmed();
        const QJsonArray ids = org.value(QLatin1String("identifier")).toArray();
        for (const QJsonValue& id : ids)
            if (const QString v = identifierValue(id.toObject(), kOdsSystem); !v.isEmpty())
                la.odsCode = v;
        const QJsonArray telecom = org.value(QLatin1String("telecom")).toArray();
        for (const QJsonValue& t : telecom) {
            const QJsonObject tel = t.toObject();
            if (tel.value(QLatin1String("system")).toString() != u"phone")
                continue;
            const QString use = tel.value(QLatin1String("use")).toString();
            const QString value = tel.value(QLatin1String("value")).toString().trimmed();
            if (value.isEmpty())
                return err(QStringLiteral("local authority telecom has no number"));
            if (use == u"work") {
                if (!la.officeHoursPhone.isEmpty())
                    return err(QStringLiteral("local authority has two office-hours numbers"));
                la.officeHoursPhone = value;
            } else if (use == u"mobile") {
                if (!la.emergencyDutyPhone.isEmpty())
                    return err(QStringLiteral("local authority has two emergency-duty numbers"));
                la.emergencyDutyPhone = value;
            } else {
                // A number we cannot label could be dialled at the wrong hours.
                return err(QStringLiteral("local authority telecom use '%1' is unknown").arg(use));
            }
        }
        if (la.name.isEmpty() || la.odsCode.isEmpty())
            return err(QStringLiteral("local authority has no name or ODS code"));
        if (la.officeHoursPhone.isEmpty() && la.emergencyDutyPhone.isEmpty())
            return err(QStringLiteral("local authority has no telephone number"));
        return la;
    }
    return err(QStringLiteral("CareTeam.managingOrganization points at no contained Organization"));
}

Result<CpisPlan, Error> careTeamPlan(const QJsonObject& ct, const NhsNumber& subject)
{
    CpisPlan plan;

    // Plan type: exactly one SNOMED coding, and it must be one we know.
    std::optional<PlanType> type;
    int snomedCodings = 0;
    const QJsonArray categories = ct.value(QLatin1String("category")).toArray();
    for (const QJsonValue& cat : categories) {
        const QJsonArray codings = cat.toObject().value(QLatin1String("coding")).toArray();
        for (const QJsonValue& c : codings) {
            const QJsonObject coding = c.toObject();
            if (coding.value(QLatin1String("system")).toString() != kSnomedSystem)
                continue;
            ++snomedCodings;
            type = planTypeFromSnomed(coding.value(QLatin1String("code")).toString());
            if (!type)
                return err(QStringLiteral("CareTeam.category carries an unknown plan code"));
        }
    }
    if (snomedCodings != 1 || !type)
        return err(QStringLiteral("CareTeam.category must carry exactly one SNOMED CT plan code"));
    plan.type = *type;

    const QJsonObject subjectId =
        ct.value(QLatin1String("subject")).toObject().value(QLatin1String("identifier")).toObject();
    if (identifierValue(subjectId, kNhsSystem) != subject.digits())
        return err(QStringLiteral("CareTeam.subject is not the person asked about"));

    const QJsonObject period = ct.value(QLatin1String("period")).toObject();
    const auto start = parseDate(period.value(QLatin1String("start")));
    if (!start)
        return err(QStringLiteral("CareTeam.period.start is missing or not a full date"));
    plan.start = *start;
    const QJsonValue endValue = period.value(QLatin1String("end"));
    if (!endValue.isUndefined()) {
        const auto end = parseDate(endValue);
        if (!end)
            return err(QStringLiteral("CareTeam.period.end is not a full date"));
        if (*end < *start)
            return err(QStringLiteral("CareTeam.period ends before it starts"));
        plan.end = end;
    }
    if (plan.type == PlanType::UnbornChildProtection && !plan.end)
        return err(QStringLiteral("an Unborn Child Protection Plan must have an end date"));

    auto la = responsibleAuthority(ct);
    if (!la)
        return la.error();
    plan.authority = la.value();
    return plan;
}

} // namespace

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

Result<CpisPlan, Error> FhirParser::careTeamResource(const QJsonObject& ct,
                                                     const NhsNumber& subject)
{
    if (ct.value(QLatin1String("resourceType")).toString() != u"CareTeam")
        return err(QStringLiteral("resourceType is not CareTeam"));
    return careTeamPlan(ct, subject);
}

namespace {

// The one `usual` name (HumanName.use). PDS says a patient always has one; an old, maiden,
// nickname or temporary name shown in its place could match the wrong person.
Result<QJsonObject, Error> usualName(const QJsonObject& p)
{
    const QJsonValue namesValue = p.value(QLatin1String("name"));
    if (!namesValue.isArray())
        return err(QStringLiteral("Patient.name is missing or not an array"));
    QJsonObject usual;
    int count = 0;
    const QJsonArray names = namesValue.toArray();
    for (const QJsonValue& n : names) {
        if (!n.isObject())
            return err(QStringLiteral("Patient.name holds a non-object"));
        if (n.toObject().value(QLatin1String("use")).toString() == u"usual") {
            usual = n.toObject();
            ++count;
        }
    }
    if (count != 1)
        return err(QStringLiteral("Patient.name holds %1 usual names, not one").arg(count));
    return usual;
}

// PDS's deceasedDateTime (DeceasedDateTime.yaml): a date-time in UTC (`+00:00`, or no zone at
// all), a date, or for a few records `yyyy-mm` or `yyyy`. The day shown is the UK one.
std::optional<PartialDate> deceasedDate(const QJsonValue& v)
{
    if (!v.isString())
        return std::nullopt;
    const QString s = v.toString();
    if (s.size() <= 10)
        return PartialDate::fromIso(s);
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}:\\d{2})?$"));
    const QRegularExpressionMatch m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    // Without a zone the schema still means UTC.
    const QString withZone = m.captured(2).isEmpty() ? s + u'Z' : s;
    const QDateTime t = QDateTime::fromString(withZone, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    static const QTimeZone london(QByteArrayLiteral("Europe/London"));
    const QDate ukDay = (london.isValid() ? t.toTimeZone(london) : t.toUTC()).date();
    return PartialDate::fromDate(ukDay);
}

QString addressText(const QJsonObject& a)
{
    QStringList parts;
    const QJsonArray lines = a.value(QLatin1String("line")).toArray();
    for (const QJsonValue& l : lines)
        parts << l.toString().trimmed();
    parts << a.value(QLatin1String("city")).toString().trimmed()
          << a.value(QLatin1String("postalCode")).toString().trimmed();
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

// The address of one `use`, never whichever comes first: PDS may list a temporary or
// correspondence address before the home one. Of several, one without an end date is current.
QJsonObject addressOfUse(const QJsonArray& addresses, const QString& use)
{
    QJsonObject found;
    for (const QJsonValue& v : addresses) {
        const QJsonObject a = v.toObject();
        if (a.value(QLatin1String("use")).toString() != use)
            continue;
        const bool ended =
            !a.value(QLatin1String("period")).toObject().value(QLatin1String("end")).isUndefined();
        if (found.isEmpty() || !ended)
            found = a;
        if (!ended)
            break;
    }
    return found;
}

Result<Demographics::Confidentiality, Error> confidentiality(const QJsonObject& p)
{
    using C = Demographics::Confidentiality;
    const QJsonValue securityValue =
        p.value(QLatin1String("meta")).toObject().value(QLatin1String("security"));
    const QJsonArray security = securityValue.toArray();
    // Exactly one label: without it we cannot know whether the address may be shown.
    if (!securityValue.isArray() || security.size() != 1)
        return err(QStringLiteral("Patient.meta.security must hold exactly one label"));
    const QJsonObject label = security.first().toObject();
    if (label.value(QLatin1String("system")).toString() != vocabulary::kConfidentialitySystem)
        return err(QStringLiteral("Patient.meta.security is not a v3-Confidentiality code"));
    const QString code = label.value(QLatin1String("code")).toString();
    if (code == u"U")
        return C::Unrestricted;
    if (code == u"R")
        return C::Restricted;
    if (code == u"V")
        return C::VeryRestricted;
    return err(QStringLiteral("Patient.meta.security code '%1' is unknown").arg(code));
}

// Patient.identifier: the one NHS number, equal to Patient.id, and whether PDS has verified it.
Result<bool, Error> verifiedIdentifier(const QJsonObject& p, const QString& id)
{
    const QJsonArray identifiers = p.value(QLatin1String("identifier")).toArray();
    if (identifiers.size() != 1)
        return err(QStringLiteral("Patient.identifier must hold exactly one NHS number"));
    const QJsonObject identifier = identifiers.first().toObject();
    const QJsonValue system = identifier.value(QLatin1String("system"));
    if (!system.isUndefined() && system.toString() != kNhsSystem)
        return err(QStringLiteral("Patient.identifier is not an NHS number"));
    if (identifier.value(QLatin1String("value")).toString() != id)
        return err(QStringLiteral("Patient.identifier.value is not Patient.id"));

    std::optional<QString> status;
    const QJsonArray extensions = identifier.value(QLatin1String("extension")).toArray();
    for (const QJsonValue& e : extensions) {
        const QJsonObject ext = e.toObject();
        if (ext.value(QLatin1String("url")).toString() !=
            vocabulary::kNhsNumberVerificationExtension)
            continue;
        if (status)
            return err(QStringLiteral("Patient.identifier has two verification statuses"));
        const QJsonArray codings = ext.value(QLatin1String("valueCodeableConcept"))
                                       .toObject()
                                       .value(QLatin1String("coding"))
                                       .toArray();
        if (codings.size() != 1)
            return err(QStringLiteral("NHS number verification status must hold one coding"));
        const QJsonObject coding = codings.first().toObject();
        const QJsonValue codingSystem = coding.value(QLatin1String("system"));
        if (!codingSystem.isUndefined() &&
            codingSystem.toString() != vocabulary::kNhsNumberVerificationSystem)
            return err(QStringLiteral("NHS number verification status has an unknown system"));
        status = coding.value(QLatin1String("code")).toString();
    }
    // No status, or any code but 01, is a number nobody has verified.
    return status && *status == vocabulary::kNhsNumberVerified;
}

} // namespace

Result<Demographics, Error> FhirParser::patientResource(const QJsonObject& p,
                                                        const NhsNumber& asked)
{
    if (p.value(QLatin1String("resourceType")).toString() != u"Patient")
        return err(QStringLiteral("resourceType is not Patient"));
    const auto id = NhsNumber::parse(p.value(QLatin1String("id")).toString());
    if (!id)
        return err(QStringLiteral("Patient.id is not a valid NHS number"));

    Demographics d;
    d.nhsNumber = id.value();
    if (d.nhsNumber != asked)
        d.supersededFrom = asked;

    auto name = usualName(p);
    if (!name)
        return name.error();
    d.familyName = name->value(QLatin1String("family")).toString();
    QStringList given;
    const QJsonArray givenArray = name->value(QLatin1String("given")).toArray();
    for (const QJsonValue& g : givenArray)
        given << g.toString();
    d.givenName = given.join(u' ');
    const QJsonArray prefix = name->value(QLatin1String("prefix")).toArray();
    if (!prefix.isEmpty())
        d.title = prefix.first().toString();

    const QJsonValue gender = p.value(QLatin1String("gender"));
    if (!gender.isUndefined()) {
        static const QStringList known{QStringLiteral("male"), QStringLiteral("female"),
                                       QStringLiteral("other"), QStringLiteral("unknown")};
        if (!known.contains(gender.toString()))
            return err(QStringLiteral("Patient.gender is not a FHIR administrative gender"));
        d.gender = gender.toString();
    }
    const QJsonValue birth = p.value(QLatin1String("birthDate"));
    if (!birth.isUndefined()) {
        d.birthDate = PartialDate::fromIso(birth.toString());
        if (!birth.isString() || !d.birthDate)
            return err(QStringLiteral("Patient.birthDate is not a FHIR date"));
    }
    return d;
}

Result<Demographics, Error> FhirParser::pdsPatient(const QJsonObject& p, const NhsNumber& asked)
{
    auto parsed = patientResource(p, asked);
    if (!parsed)
        return parsed.error();
    Demographics d = parsed.value();

    auto verified = verifiedIdentifier(p, d.nhsNumber.digits());
    if (!verified)
        return verified.error();
    d.nhsNumberVerified = verified.value();

    auto conf = confidentiality(p);
    if (!conf)
        return conf.error();
    d.confidentiality = conf.value();

    const QJsonValue deceased = p.value(QLatin1String("deceasedDateTime"));
    if (!deceased.isUndefined()) {
        d.deceased = deceasedDate(deceased);
        if (!d.deceased)
            return err(QStringLiteral("Patient.deceasedDateTime is not in a published form"));
    }

    // A restricted record's whereabouts are never shown, even if a copy slipped through.
    if (!d.restricted()) {
        const QJsonArray addresses = p.value(QLatin1String("address")).toArray();
        d.address = addressText(addressOfUse(addresses, QStringLiteral("home")));
        const QJsonObject temp = addressOfUse(addresses, QStringLiteral("temp"));
        d.temporaryAddress = addressText(temp);
    }
    return d;
}

Result<QList<CpisPlan>, Error> FhirParser::careTeamBundle(const QByteArray& body,
                                                          const NhsNumber& subject)
{
    auto parsed = parseObject(body, QStringLiteral("Bundle"));
    if (!parsed)
        return parsed.error();
    auto entries = searchset(parsed.value(), QStringLiteral("CareTeam"), Paging::Whole);
    if (!entries)
        return entries.error();

    QList<CpisPlan> plans;
    for (const QJsonObject& ct : std::as_const(entries.value().matches)) {
        auto plan = careTeamPlan(ct, subject);
        if (!plan)
            return plan.error();
        plans.append(plan.value());
    }
    return plans;
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

    const QHash<QString, QJsonObject> roles = practitionerRoles(entries.value().includes);
    QList<AccessRecord> out;
    for (const QJsonObject& ev : std::as_const(entries.value().matches)) {
        AccessRecord r;
        const auto when = parseInstant(ev.value(QLatin1String("recorded")));
        if (!when)
            return err(QStringLiteral("AuditEvent.recorded is not an instant"));
        r.when = *when;
        auto who = requester(ev, roles);
        if (!who)
            return who.error();
        r.viewerName = who->name;
        r.role = who->role;
        r.organisation = who->organisation;
        r.organisationOds = who->organisationOds;
        if (r.viewerName.isEmpty() || r.organisation.isEmpty())
            return err(QStringLiteral("PractitionerRole lacks the viewer's name or organisation"));
        out.append(r);
    }
    // Newest first, whatever order the service used.
    std::stable_sort(out.begin(), out.end(),
                     [](const AccessRecord& a, const AccessRecord& b) { return a.when > b.when; });
    return out;
}

namespace {
// The TOO_MANY_MATCHES answer: an OperationOutcome whose issues name that code and no error.
bool tooManyMatches(const QJsonObject& outcome)
{
    const QJsonArray issues = outcome.value(QLatin1String("issue")).toArray();
    bool named = false;
    for (const QJsonValue& i : issues) {
        const QJsonObject issue = i.toObject();
        const QJsonArray codings = issue.value(QLatin1String("details"))
                                       .toObject()
                                       .value(QLatin1String("coding"))
                                       .toArray();
        bool thisOne = false;
        for (const QJsonValue& c : codings)
            if (c.toObject().value(QLatin1String("code")).toString() == u"TOO_MANY_MATCHES")
                thisOne = true;
        if (!thisOne)
            return false; // another issue beside it: not an answer we understand
        named = true;
    }
    return named;
}
} // namespace

Result<PatientMatches, Error> FhirParser::patientSearchset(const QByteArray& body)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return err(QStringLiteral("body is not a JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("resourceType")).toString() == u"OperationOutcome") {
        if (!tooManyMatches(o))
            return err(QStringLiteral("OperationOutcome in a 200 is not TOO_MANY_MATCHES"));
        PatientMatches m;
        m.tooManyMatches = true;
        return m;
    }
    auto bundle = parseObject(body, QStringLiteral("Bundle"));
    if (!bundle)
        return bundle.error();
    auto entries = searchset(bundle.value(), QStringLiteral("Patient"), Paging::Whole);
    if (!entries)
        return entries.error();
    if (entries->total > kMaxSearchMatches)
        return err(QStringLiteral("more than %1 search matches").arg(kMaxSearchMatches));
    if (!entries->includes.isEmpty())
        return err(QStringLiteral("a patient search includes no other resources"));

    // searchset() has checked every entry; the score sits beside the resource, not in it.
    PatientMatches out;
    QSet<QString> seen;
    const QJsonArray all = bundle->value(QLatin1String("entry")).toArray();
    for (const QJsonValue& e : all) {
        const QJsonObject entry = e.toObject();
        const QJsonObject search = entry.value(QLatin1String("search")).toObject();
        if (search.value(QLatin1String("mode")).toString(QStringLiteral("match")) != u"match")
            continue;
        const QJsonValue score = search.value(QLatin1String("score"));
        if (!score.isDouble() || score.toDouble() < 0.0 || score.toDouble() > 1.0)
            return err(QStringLiteral("Bundle.entry.search.score is missing or not 0..1"));
        const QJsonObject resource = entry.value(QLatin1String("resource")).toObject();
        const auto id = NhsNumber::parse(resource.value(QLatin1String("id")).toString());
        if (!id)
            return err(QStringLiteral("Patient.id is not a valid NHS number"));
        if (seen.contains(id->digits()))
            return err(QStringLiteral("the same patient is matched twice"));
        seen.insert(id->digits());
        // PDS's own rules for each match: one usual name, one confidentiality label, the
        // verification status, the home address by use.
        auto patient = pdsPatient(resource, id.value());
        if (!patient)
            return patient.error();
        out.candidates.append(PatientCandidate{patient.value(), score.toDouble()});
    }
    // Best first, whatever order the service used.
    std::stable_sort(
        out.candidates.begin(), out.candidates.end(),
        [](const PatientCandidate& a, const PatientCandidate& b) { return a.score > b.score; });
    return out;
}

} // namespace cpis
