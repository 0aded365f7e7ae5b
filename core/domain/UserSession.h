#pragma once

#include "core/domain/Vocabulary.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cpis {

// What the desk offers a signed-in user: its screens, and the audit export. Which of them a
// role gets is the administrator's mapping (RoleScreens); the national service refuses the
// matching requests to anyone it does not authorise.
enum class DeskFunction
{
    LookUp,      // triage look-up by NHS number (the screen; CP-IS wants B0107 or B0170)
    Notices,     // a local authority's attendance notices (social workers)
    Review,      // the site's CP-IS positives (safeguarding leads)
    AreaLists,   // the children on plans in a school or health-visiting area (0-19 services)
    AuditExport, // the desk's audit log written out (cpis audit export); no screen
};

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
    QString roleCode; // the role's SDS codes, "S8001:G8005:R8015": the job role code last
    QString organisationCode;
    QString organisationName;
    QStringList activityCodes;
    QStringList workgroups; // names and codes, as CIS2 sends them

    // The API platform's token (from the token exchange): what PDS and CP-IS are sent.
    QByteArray accessToken;
    QByteArray refreshToken; // the platform's, to renew accessToken before it expires
    QDateTime accessExpiresUtc;
    // CIS2's own: the ID token (the exchange's subject, the sign-out hint) and the access
    // token that only CIS2's userinfo and revocation ever see.
    QByteArray idToken;
    QByteArray identityAccessToken;

    // The job role, the R-code last in roleCode ("R8001" of "S8000:G8000:R8001").
    QString jobRoleCode() const { return roleCode.section(u':', -1); }

    bool isValid() const { return !accessToken.isEmpty(); }
    bool isExpired(const QDateTime& nowUtc) const
    {
        return !isValid() || nowUtc >= accessExpiresUtc;
    }

    // B0107: view CP-IS and notify; B0170: view without notifying.
    bool canViewCpis() const
    {
        return activityCodes.contains(vocabulary::kActivityViewAndNotify) ||
               activityCodes.contains(vocabulary::kActivityViewOnly);
    }

    // An access notifies the local authority only for a B0107 user in unscheduled care.
    bool isUnscheduledAccess(SiteType site) const
    {
        return site == SiteType::UnscheduledCare &&
               activityCodes.contains(vocabulary::kActivityViewAndNotify);
    }
};

} // namespace cpis
