#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cpis {

// Where the desk is used. It decides, with the user's RBAC activity codes, whether a
// CP-IS query is an unscheduled access (which notifies the local authority) or a silent
// read. Users never choose that themselves.
enum class SiteType
{
    UnscheduledCare, // emergency department, walk-in centre, maternity, out of hours
    ScheduledCare,   // GP in hours, 0-19 services, community paediatrics
};

// The signed-in user, as the identity provider's userinfo describes them, and their tokens.
struct UserSession
{
    QString userId; // SDS user id
    QString name;
    QString roleId; // selected role profile (NHSD-Session-URID)
    QString roleName;
    QString organisationCode;
    QString organisationName;
    QStringList activityCodes;

    QByteArray accessToken;
    QByteArray refreshToken;
    QDateTime accessExpiresUtc;

    bool isValid() const { return !accessToken.isEmpty(); }
    bool isExpired(const QDateTime& nowUtc) const
    {
        return !isValid() || nowUtc >= accessExpiresUtc;
    }

    // B0107: view CP-IS and notify; B0170: view without notifying.
    bool canViewCpis() const
    {
        return activityCodes.contains(QStringLiteral("B0107")) ||
               activityCodes.contains(QStringLiteral("B0170"));
    }

    // An access notifies the local authority only for a B0107 user in unscheduled care.
    bool isUnscheduledAccess(SiteType site) const
    {
        return site == SiteType::UnscheduledCare && activityCodes.contains(QStringLiteral("B0107"));
    }
};

} // namespace cpis
