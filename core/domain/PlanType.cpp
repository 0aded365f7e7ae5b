#include "core/domain/PlanType.h"

#include <QCoreApplication>

namespace cpis {

std::optional<PlanType> planTypeFromSnomed(const QString& code)
{
    if (code == QStringView(snomed::ChildProtectionPlan))
        return PlanType::ChildProtection;
    if (code == QStringView(snomed::LookedAfterChild))
        return PlanType::LookedAfter;
    if (code == QStringView(snomed::UnbornChildProtectionPlan))
        return PlanType::UnbornChildProtection;
    return std::nullopt;
}

QString snomedCode(PlanType type)
{
    switch (type) {
    case PlanType::ChildProtection:
        return QString::fromUtf16(snomed::ChildProtectionPlan);
    case PlanType::LookedAfter:
        return QString::fromUtf16(snomed::LookedAfterChild);
    case PlanType::UnbornChildProtection:
        return QString::fromUtf16(snomed::UnbornChildProtectionPlan);
    }
    return {};
}

QString snomedDisplay(PlanType type)
{
    switch (type) {
    case PlanType::ChildProtection:
        return QStringLiteral("Child Protection Plan");
    case PlanType::LookedAfter:
        return QStringLiteral("Looked After Child");
    case PlanType::UnbornChildProtection:
        return QStringLiteral("Unborn Child Protection Plan");
    }
    return {};
}

QString planTypeShortName(PlanType type)
{
    switch (type) {
    case PlanType::ChildProtection:
        return QStringLiteral("CPP");
    case PlanType::LookedAfter:
        return QStringLiteral("LAC");
    case PlanType::UnbornChildProtection:
        return QStringLiteral("UCPP");
    }
    return {};
}

QString planTypeText(PlanType type)
{
    switch (type) {
    case PlanType::ChildProtection:
        return QCoreApplication::translate("LookupResult", "Child Protection Plan");
    case PlanType::LookedAfter:
        return QCoreApplication::translate("LookupResult", "Looked After Child");
    case PlanType::UnbornChildProtection:
        return QCoreApplication::translate("LookupResult", "Unborn Child Protection Plan");
    }
    return {};
}

} // namespace cpis
