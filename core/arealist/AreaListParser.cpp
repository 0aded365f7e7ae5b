#include "core/arealist/AreaListParser.h"

#include "core/domain/NhsNumber.h"
#include "core/domain/Vocabulary.h"
#include "core/fhir/FhirParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace cpis {

namespace {
const QString& kNhsSystem = vocabulary::kNhsNumberSystem;

Result<QJsonObject, AreaListParser::Error> object(QByteArrayView line, const char* type)
{
    QJsonParseError pe{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return AreaListParser::Error{QStringLiteral("line is not one JSON object")};
    QJsonObject o = doc.object();
    if (o.value(QLatin1String("resourceType")).toString() != QLatin1String(type))
        return AreaListParser::Error{QStringLiteral("line is not a %1").arg(QLatin1String(type))};
    return o;
}

std::optional<QDateTime> lastUpdated(const QJsonObject& o)
{
    return FhirParser::instant(
        o.value(QLatin1String("meta")).toObject().value(QLatin1String("lastUpdated")));
}
} // namespace

Result<AreaPatient, AreaListParser::Error> AreaListParser::patient(QByteArrayView line)
{
    auto o = object(line, "Patient");
    if (!o)
        return o.error();
    const QString idText = o->value(QLatin1String("id")).toString();
    const auto id = NhsNumber::parse(idText);
    if (!id || idText.size() != 10)
        return Error{QStringLiteral("Patient.id is not a valid NHS number")};
    auto d = FhirParser::patientResource(o.value(), id.value());
    if (!d)
        return Error{d.error().what};
    AreaPatient p;
    p.nhsNumber = d->nhsNumber.digits();
    p.givenName = d->givenName;
    p.familyName = d->familyName;
    if (d->birthDate) {
        // CP-IS's lists sort and age children by the day; a partial date has none.
        if (!d->birthDate->isFullDate())
            return Error{QStringLiteral("Patient.birthDate is not a full date")};
        p.birthDate = d->birthDate->date();
    }
    p.gender = d->gender;
    if (p.familyName.isEmpty() && p.givenName.isEmpty())
        return Error{QStringLiteral("Patient has no name")};
    const auto updated = lastUpdated(o.value());
    if (!updated)
        return Error{QStringLiteral("Patient.meta.lastUpdated is not an instant")};
    p.lastUpdated = *updated;
    return p;
}

Result<AreaPlan, AreaListParser::Error> AreaListParser::careTeam(QByteArrayView line)
{
    auto o = object(line, "CareTeam");
    if (!o)
        return o.error();
    const QJsonObject subject =
        o->value(QLatin1String("subject")).toObject().value(QLatin1String("identifier")).toObject();
    if (subject.value(QLatin1String("system")).toString() != kNhsSystem)
        return Error{QStringLiteral("CareTeam.subject is not an NHS number")};
    const QString nhsText = subject.value(QLatin1String("value")).toString();
    const auto nhs = NhsNumber::parse(nhsText);
    if (!nhs || nhsText.size() != 10)
        return Error{QStringLiteral("CareTeam.subject is not a valid NHS number")};
    auto plan = FhirParser::careTeamResource(o.value(), nhs.value());
    if (!plan)
        return Error{plan.error().what};
    AreaPlan p;
    p.id = o->value(QLatin1String("id")).toString();
    if (p.id.isEmpty())
        return Error{QStringLiteral("CareTeam has no id")};
    p.nhsNumber = nhs->digits();
    p.type = plan->type;
    p.start = plan->start;
    p.end = plan->end;
    p.laCode = plan->authority.odsCode;
    p.laName = plan->authority.name;
    const auto updated = lastUpdated(o.value());
    if (!updated)
        return Error{QStringLiteral("CareTeam.meta.lastUpdated is not an instant")};
    p.lastUpdated = *updated;
    return p;
}

Result<QList<ExportIssue>, AreaListParser::Error>
AreaListParser::operationOutcome(QByteArrayView line)
{
    auto o = object(line, "OperationOutcome");
    if (!o)
        return o.error();
    const QJsonValue issues = o->value(QLatin1String("issue"));
    if (!issues.isArray() || issues.toArray().isEmpty())
        return Error{QStringLiteral("OperationOutcome has no issue")};
    static const QStringList severities{QStringLiteral("fatal"), QStringLiteral("error"),
                                        QStringLiteral("warning"), QStringLiteral("information")};
    QList<ExportIssue> out;
    for (const QJsonValue& v : issues.toArray()) {
        const QJsonObject i = v.toObject();
        ExportIssue issue;
        issue.severity = i.value(QLatin1String("severity")).toString();
        issue.code = i.value(QLatin1String("code")).toString();
        if (!severities.contains(issue.severity) || issue.code.isEmpty())
            return Error{QStringLiteral("OperationOutcome.issue lacks severity or code")};
        issue.text = i.value(QLatin1String("diagnostics")).toString();
        if (issue.text.isEmpty())
            issue.text = i.value(QLatin1String("details"))
                             .toObject()
                             .value(QLatin1String("text"))
                             .toString();
        out.append(issue);
    }
    return out;
}

Result<QList<DeletedResource>, AreaListParser::Error>
AreaListParser::deletedBundle(QByteArrayView line)
{
    auto o = object(line, "Bundle");
    if (!o)
        return o.error();
    if (o->value(QLatin1String("type")).toString() != u"transaction")
        return Error{QStringLiteral("deleted Bundle is not a transaction")};
    const QJsonValue entries = o->value(QLatin1String("entry"));
    if (!entries.isArray() || entries.toArray().isEmpty())
        return Error{QStringLiteral("deleted Bundle has no entry")};
    static const QRegularExpression ref(
        QStringLiteral("(?:^|/)([A-Z][A-Za-z]{1,63})/([A-Za-z0-9\\-.]{1,64})$"));
    QList<DeletedResource> out;
    for (const QJsonValue& v : entries.toArray()) {
        const QJsonObject request = v.toObject().value(QLatin1String("request")).toObject();
        if (request.value(QLatin1String("method")).toString() != u"DELETE")
            return Error{QStringLiteral("deleted Bundle entry.request.method is not DELETE")};
        const auto m = ref.match(request.value(QLatin1String("url")).toString());
        if (!m.hasMatch())
            return Error{QStringLiteral("deleted Bundle entry.request.url is not <type>/<id>")};
        out.append(DeletedResource{m.captured(1), m.captured(2)});
    }
    return out;
}

} // namespace cpis
