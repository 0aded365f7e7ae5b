#pragma once

#include "core/domain/Vocabulary.h"

#include <QString>
#include <QStringList>

namespace cpis::sandbox {

// A sandbox user as CIS2 would describe them: one person, one selected role profile.
struct TestUser
{
    QString id;      // what /oauth2/authorize?user=<id> picks
    QString userUid; // SDS user id (nhsid_useruid)
    QString name;
    QString roleId;   // person_roleid (NHSD-Session-URID)
    QString roleCode; // CIS2 role_code, "S8000:G8000:R8001": the job role code last
    QString roleName;
    QString orgCode;
    QString orgName;
    QStringList activityCodes;
    QStringList workgroups; // the organisation's own workgroups, as CIS2 sends them

    QString jobRoleCode() const { return roleCode.section(u':', -1); }

    bool notifies() const { return activityCodes.contains(vocabulary::kActivityViewAndNotify); }
    bool canViewCpis() const
    {
        return notifies() || activityCodes.contains(vocabulary::kActivityViewOnly);
    }
};

} // namespace cpis::sandbox
