#include "core/review/ReviewFeedParser.h"

#include "core/domain/NhsNumber.h"
#include "core/domain/Vocabulary.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cpis {

namespace {

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

Result<ReviewItem, Error> item(const QJsonObject& ev, const QHash<QString, QJsonObject>& roles)
{
    ReviewItem out;
    out.id = str(ev, "id");
    if (out.id.isEmpty())
        return err(QStringLiteral("AuditEvent has no id"));
    const auto when = FhirParser::instant(ev.value(QLatin1String("recorded")));
    if (!when)
        return err(QStringLiteral("AuditEvent.recorded is not an instant"));
    out.when = *when;

    auto who = FhirParser::requester(ev, roles);
    if (!who)
        return who.error();
    out.viewerName = who->name;
    out.viewerRole = who->role;
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
        if (system == vocabulary::kNhsNumberSystem) {
            if (!out.nhsNumber.isEmpty())
                return err(QStringLiteral("AuditEvent names more than one person"));
            const auto nhs = NhsNumber::parse(str(id, "value"));
            if (!nhs || str(id, "value") != nhs->digits())
                return err(QStringLiteral("AuditEvent entity has an invalid NHS number"));
            out.nhsNumber = nhs->digits();
        } else if (system == vocabulary::kOdsSystem) {
            const QJsonObject type = obj(e, "type");
            if (str(type, "system") != vocabulary::kSnomedSystem)
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
    if (str(bundle, "resourceType") != u"Bundle")
        return err(QStringLiteral("not a Bundle"));
    auto entries =
        FhirParser::searchset(bundle, QStringLiteral("AuditEvent"), FhirParser::Paging::Paged);
    if (!entries)
        return entries.error();
    // A page holds positives and their viewers' roles, nothing else.
    for (const QJsonObject& inc : std::as_const(entries->includes))
        if (str(inc, "resourceType") != u"PractitionerRole")
            return err(QStringLiteral("Bundle holds an entry that is not a positive or a role"));
    const QHash<QString, QJsonObject> roles = FhirParser::practitionerRoles(entries->includes);

    Page out;
    out.total = entries->total;
    for (const QJsonObject& ev : std::as_const(entries->matches)) {
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
