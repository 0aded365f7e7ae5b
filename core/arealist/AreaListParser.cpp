#include "core/arealist/AreaListParser.h"

#include "core/domain/NhsNumber.h"
#include "core/domain/Vocabulary.h"
#include "core/fhir/FhirParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

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

} // namespace cpis
