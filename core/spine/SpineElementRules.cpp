#include "core/spine/SpineElementRules.h"

#include "core/spine/SpineNames.h"

namespace cpis::spine {

QString where(const SpineXmlElement& e)
{
    return QStringLiteral("%1 (line %2)").arg(e.name).arg(e.line);
}

std::optional<QString> onlyChildren(const SpineXmlElement& e,
                                    std::initializer_list<const char*> allowed)
{
    for (const SpineXmlElement& c : e.children) {
        bool ok = false;
        for (const char* a : allowed) {
            const QLatin1String name(a);
            if (name == QLatin1String("contentId") ? c.is(kNpfitLcNs, name) : c.is(kHl7Ns, name)) {
                ok = true;
                break;
            }
        }
        if (!ok)
            return QStringLiteral("unexpected element %1 in %2").arg(c.name, where(e));
    }
    return std::nullopt;
}

std::optional<QString> namespacesChecked(const SpineXmlElement& e)
{
    if (e.ns != kHl7Ns && !(e.ns == kNpfitLcNs && e.name == u"contentId"))
        return QStringLiteral("element %1 in the unexpected namespace '%2'").arg(where(e), e.ns);
    for (const SpineXmlElement& c : e.children)
        if (auto p = namespacesChecked(c))
            return p;
    return std::nullopt;
}

const SpineXmlElement* child(const SpineXmlElement& e, const char* name, QString& problem)
{
    const auto found = e.all(kHl7Ns, QLatin1String(name));
    if (found.size() != 1) {
        problem =
            found.empty()
                ? QStringLiteral("%1 has no %2").arg(where(e), QLatin1String(name))
                : QStringLiteral("%1 has more than one %2").arg(where(e), QLatin1String(name));
        return nullptr;
    }
    return found.front();
}

std::optional<QString> unknownTemplate(const SpineXmlElement& wrapper,
                                       std::initializer_list<const char*> known)
{
    if (wrapper.children.size() != 2 ||
        !wrapper.children.front().is(kNpfitLcNs, QLatin1String("contentId")))
        return std::nullopt;
    const SpineXmlElement& e = wrapper.children.back();
    if (e.ns != kHl7Ns || !e.name.startsWith(u"COCT_TP"))
        return std::nullopt;
    for (const char* k : known)
        if (e.name == QLatin1String(k))
            return std::nullopt;
    return e.name;
}

} // namespace cpis::spine
