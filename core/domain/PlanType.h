#pragma once

#include "core/domain/Vocabulary.h"

#include <QString>

#include <optional>

namespace cpis {

enum class PlanType
{
    ChildProtection,       // CPP
    LookedAfter,           // LAC
    UnbornChildProtection, // UCPP, held on the pregnant woman's NHS number
};

// An unknown code is not a plan type: callers must treat it as a bad response, never drop it.
std::optional<PlanType> planTypeFromSnomed(const QString& code);
QString snomedCode(PlanType type);
QString snomedDisplay(PlanType type);     // "Child Protection Plan", as CareTeam.category shows it
QString planTypeShortName(PlanType type); // "CPP", "LAC", "UCPP"
// The plan type in full, for people, in the user's language (translation context "LookupResult").
QString planTypeText(PlanType type);

} // namespace cpis
