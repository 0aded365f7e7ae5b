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

// A record CP-IS holds under a plan type this desk does not know (one added to CP-IS after the
// desk was built). It is neither a plan the desk can show nor "no record": the user is told to
// contact the responsible local authority, whose contacts are kept when they could be read.
struct UndisplayableRecord
{
    QString typeCode; // as CP-IS sent it (SNOMED code, V3 template); for support, never shown
    std::optional<LocalAuthority> authority;

    friend bool operator==(const UndisplayableRecord& a, const UndisplayableRecord& b)
    {
        return a.typeCode == b.typeCode && a.authority == b.authority;
    }
};

} // namespace cpis
