#include "ReviewFeedParser.h"

#include "FhirSystems.h"
#include "NhsNumber.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cpis {

namespace {
const QString& kNhsSystem = fhir::kNhsNumberSystem;
const QString& kSnomedSystem = fhir::kSnomedSystem;
const QString& kOdsSystem = fhir::kOdsSystem;

using Error = FhirParser::Error;

Error err(const QString& what)
{
    return Error{what};
}

QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

std::optional<QDateTime> instant(const QJsonValue& v)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$"));
    if (!v.isString() || !re.match(v.toString()).hasMatch())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toUTC();
}

Result<ReviewItem, Error> item(const QJsonObject& ev, const QHash<QString, QJsonObject>& roles)
{
    ReviewItem out;
    out.id = str(ev, "id");
    if (out.id.isEmpty())
        return err(QStringLiteral("AuditEvent has no id"));
    const auto when = instant(ev.value(QLatin1String("recorded")));
    if (!when)
        return err(QStringLiteral("AuditEvent.recorded is not an instant"));
    out.when = *when;

    const QJsonArray agents = ev.value(QLatin1String("agent")).toArray();
    if (agents.isEmpty())
        return err(QStringLiteral("AuditEvent has no agent"));
    const auto role = roles.constFind(str(obj(agents.first().toObject(), "who"), "reference"));
    if (role == roles.constEnd())
        return err(QStringLiteral("AuditEvent.agent refers to a PractitionerRole not included"));
    out.viewerName = str(obj(*role, "practitioner"), "display");
    const QJsonArray codes = role->value(QLatin1String("code")).toArray();
    if (!codes.isEmpty())
        out.viewerRole = str(
            codes.first().toObject().value(QLatin1String("coding")).toArray().first().toObject(),
            "display");
    if (out.viewerName.isEmpty() || out.viewerRole.isEmpty())
        return err(QStringLiteral("PractitionerRole lacks the viewer's name or role"));

    const QJsonValue entityValue = ev.value(QLatin1String("entity"));
    if (!entityValue.isArray())
        return err(QStringLiteral("AuditEvent has no entity"));
    for (const QJsonValue& v : entityValue.toArray()) {
        const QJsonObject e = v.toObject();
        const QJsonObject what = obj(e, "what");
        const QJsonObject id = obj(what, "identifier");
        const QString system = str(id, "system");
        if (system == kNhsSystem) {
            if (!out.nhsNumber.isEmpty())
                return err(QStringLiteral("AuditEvent names more than one person"));
            const auto nhs = NhsNumber::parse(str(id, "value"));
            if (!nhs || str(id, "value") != nhs->digits())
                return err(QStringLiteral("AuditEvent entity has an invalid NHS number"));
            out.nhsNumber = nhs->digits();
        } else if (system == kOdsSystem) {
            const QJsonObject type = obj(e, "type");
            if (str(type, "system") != kSnomedSystem)
                return err(QStringLiteral("a plan entity has no SNOMED CT type"));
            const auto planType = planTypeFromSnomed(str(type, "code"));
            if (!planType)
                // An unknown plan type is a positive we cannot describe: refuse the page.
                return err(QStringLiteral("a plan entity has an unknown plan type"));
            ReviewPlan plan{*planType, str(id, "value"), str(what, "display")};
            if (plan.laOds.isEmpty() || plan.laName.isEmpty())
                return err(QStringLiteral("a plan entity lacks its local authority"));
            out.plans.append(plan);
        } else {
            return err(QStringLiteral("AuditEvent entity is neither a person nor a plan"));
        }
    }
    if (out.nhsNumber.isEmpty())
        return err(QStringLiteral("AuditEvent names no person"));
    if (out.plans.isEmpty())
        return err(QStringLiteral("a positive without a plan"));
    return out;
}
} // namespace

Result<ReviewFeedParser::Page, FhirParser::Error> ReviewFeedParser::page(const QByteArray& body)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return err(QStringLiteral("body is not a JSON object"));
    const QJsonObject bundle = doc.object();
    if (str(bundle, "resourceType") != u"Bundle" || str(bundle, "type") != u"searchset")
        return err(QStringLiteral("not a searchset Bundle"));
    const QJsonValue totalValue = bundle.value(QLatin1String("total"));
    if (!totalValue.isDouble() || totalValue.toDouble() < 0 ||
        totalValue.toDouble() != double(totalValue.toInt()))
        return err(QStringLiteral("Bundle.total is missing or not a whole number"));
    const QJsonValue entryValue = bundle.value(QLatin1String("entry"));
    if (!entryValue.isUndefined() && !entryValue.isArray())
        return err(QStringLiteral("Bundle.entry is not an array"));

    QList<QJsonObject> matches;
    QHash<QString, QJsonObject> roles;
    for (const QJsonValue& e : entryValue.toArray()) {
        const QJsonObject resource = obj(e.toObject(), "resource");
        const QString type = str(resource, "resourceType");
        const QString mode = str(obj(e.toObject(), "search"), "mode");
        if (mode == u"match" && type == u"AuditEvent")
            matches.append(resource);
        else if (mode == u"include" && type == u"PractitionerRole")
            roles.insert(QStringLiteral("PractitionerRole/") + str(resource, "id"), resource);
        else
            return err(QStringLiteral("Bundle holds an entry that is not a positive or a role"));
    }

    Page out;
    out.total = totalValue.toInt();
    if (matches.size() > out.total)
        return err(QStringLiteral("Bundle.total is less than the entries it holds"));
    for (const QJsonObject& ev : std::as_const(matches)) {
        auto parsed = item(ev, roles);
        if (!parsed)
            return parsed.error();
        out.items.append(parsed.value());
    }
    const QJsonValue links = bundle.value(QLatin1String("link"));
    if (!links.isUndefined() && !links.isArray())
        return err(QStringLiteral("Bundle.link is not an array"));
    for (const QJsonValue& l : links.toArray()) {
        if (str(l.toObject(), "relation") != u"next")
            continue;
        out.next = QUrl(str(l.toObject(), "url"), QUrl::StrictMode);
        if (!out.next.isValid() || out.next.isRelative())
            return err(QStringLiteral("Bundle next link is not a URL"));
    }
    if (out.next.isEmpty() && out.items.isEmpty() && out.total > 0)
        return err(QStringLiteral("Bundle.total promises positives the page does not hold"));
    return out;
}

} // namespace cpis
