#pragma once

#include "core/domain/PlanType.h"

#include <QDate>
#include <QString>

#include <optional>

namespace cpis {

// The responsible local authority as the national record carries it: name and the two
// telephone numbers. Email and notes come only from a local directory.
struct LocalAuthority
{
    QString odsCode;
    QString name;
    QString officeHoursPhone;   // telecom use=work
    QString emergencyDutyPhone; // telecom use=mobile (out of hours)

    friend bool operator==(const LocalAuthority& a, const LocalAuthority& b)
    {
        return a.odsCode == b.odsCode && a.name == b.name &&
               a.officeHoursPhone == b.officeHoursPhone &&
               a.emergencyDutyPhone == b.emergencyDutyPhone;
    }
};

struct CpisPlan
{
    PlanType type = PlanType::ChildProtection;
    QDate start;
    std::optional<QDate> end; // absent: ongoing (CPP and LAC only; a UCPP always has one)
    LocalAuthority authority;

    // A plan whose end date has passed is shown as "ended", never as current.
    bool hasEndedBy(const QDate& today) const { return end && *end < today; }

    friend bool operator==(const CpisPlan& a, const CpisPlan& b)
    {
        return a.type == b.type && a.start == b.start && a.end == b.end &&
               a.authority == b.authority;
    }
};

} // namespace cpis
