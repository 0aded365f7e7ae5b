#pragma once

#include "core/domain/PlanType.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace cpis::sandbox {

// One CP-IS plan as the sandbox holds it. laIndex points into LocalAuthorityDirectory.
struct SandboxPlan
{
    PlanType type = PlanType::ChildProtection;
    QDate start;
    std::optional<QDate> end;
    int laIndex = 0;
    bool unknownCode = false; // only for the unknown-plan-code fault
};

// How long CP-IS keeps showing a plan after its end: a year, a UCPP only 28 days. The CareTeam
// search, the review feed and the area lists all answer by this one rule.
inline constexpr int kEndedPlanShownDays = 365;
inline constexpr int kEndedUcppShownDays = 28;
inline bool stillShown(const SandboxPlan& plan, const QDate& today)
{
    if (!plan.end)
        return true;
    const int grace =
        plan.type == PlanType::UnbornChildProtection ? kEndedUcppShownDays : kEndedPlanShownDays;
    return plan.end->addDays(grace) >= today;
}

// A person as the sandbox answers for them (value type; the population stores a compact form).
struct SandboxPerson
{
    QString nhsNumber;
    QString givenName;
    QString familyName;
    QDate birthDate;
    QString gender; // female | male
    bool restricted = false;
    // PDS record details only fixed scenario people have (docs/sandbox.md); the compact
    // generated population keeps the defaults.
    bool veryRestricted = false;   // meta.security V (with restricted set: nothing withheld less)
    QString birthDateAsRecorded;   // non-empty: the partial birthDate PDS answers (yyyy-mm, yyyy)
    QString deceasedDateTime;      // non-empty: deceasedDateTime as PDS sends it
    bool nhsNumberVerified = true; // identifier verification status 01, else 02
    bool temporaryAddressFirst = false; // a `temp` address listed before the home one
    bool invalidated = false;           // PDS answers 404 INVALIDATED_RESOURCE
    QString addressLine;
    QString city;
    QString postcode;
    QString phone;
    int laIndex = 0;              // local authority the person lives in
    int schoolId = 0;             // 0: none (not of school age)
    int healthVisitingAreaId = 0; // health-visiting area (children), for the lists issue
    QList<SandboxPlan> plans;
};

} // namespace cpis::sandbox
