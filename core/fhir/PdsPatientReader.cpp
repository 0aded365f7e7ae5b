#include "core/fhir/PdsPatientReader.h"

#include "core/domain/Vocabulary.h"

#include <QJsonArray>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace cpis {

namespace {

using Error = FhirParser::Error;

Error err(const QString& what)
{
    return Error{what};
}

} // namespace

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
    if (!system.isUndefined() && system.toString() != vocabulary::kNhsNumberSystem)
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

Result<Demographics, Error> PdsPatientReader::patientResource(const QJsonObject& p,
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

Result<Demographics, Error> PdsPatientReader::pdsPatient(const QJsonObject& p,
                                                         const NhsNumber& asked)
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

Result<PatientMatches, Error> PdsPatientReader::matches(const QJsonObject& o)
{
    if (o.value(QLatin1String("resourceType")).toString() == u"OperationOutcome") {
        if (!tooManyMatches(o))
            return err(QStringLiteral("OperationOutcome in a 200 is not TOO_MANY_MATCHES"));
        PatientMatches m;
        m.tooManyMatches = true;
        return m;
    }
    if (o.value(QLatin1String("resourceType")).toString() != u"Bundle")
        return err(QStringLiteral("resourceType is not Bundle"));
    auto entries = FhirParser::searchset(o, QStringLiteral("Patient"), FhirParser::Paging::Whole);
    if (!entries)
        return entries.error();
    if (entries->total > FhirParser::kMaxSearchMatches)
        return err(
            QStringLiteral("more than %1 search matches").arg(FhirParser::kMaxSearchMatches));
    if (!entries->includes.isEmpty())
        return err(QStringLiteral("a patient search includes no other resources"));

    // searchset() has checked every entry; the score sits beside the resource, not in it.
    PatientMatches out;
    QSet<QString> seen;
    const QJsonArray all = o.value(QLatin1String("entry")).toArray();
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
