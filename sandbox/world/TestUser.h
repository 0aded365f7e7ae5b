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
    QString roleCode; // SDS job role code
    QString roleName;
    QString orgCode;
    QString orgName;
    QStringList activityCodes;
    QStringList workgroups; // desk functions beyond look-up (docs/api.md §2, "workgroups")

    bool notifies() const { return activityCodes.contains(vocabulary::kActivityViewAndNotify); }
    bool canViewCpis() const
    {
        return notifies() || activityCodes.contains(vocabulary::kActivityViewOnly);
    }
};

} // namespace cpis::sandbox
