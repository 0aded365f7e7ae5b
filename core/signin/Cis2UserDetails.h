#pragma once

#include "core/domain/Result.h"
#include "core/domain/UserSession.h"

#include <QJsonObject>

namespace cpis {

// Reads who signed in and in which role from CIS2's claims (../shared/cis2.md §3–5): the role
// is the nhsid_nrbac_roles entry whose person_roleid is the ID token's selected_roleid, the
// organisation's name comes from nhsid_user_orgs, and the role is shown by the last segment
// of its quoted role_name.
class Cis2UserDetails
{
public:
    // `userinfo` must be about the ID token's subject.
    static Result<UserSession, QString> read(const QJsonObject& idClaims,
                                             const QJsonObject& userinfo);
    // "\"Clinical\":\"Clinical Provision\":\"Nurse Access Role\"" -> "Nurse Access Role".
    static QString displayRoleName(const QString& roleName);
};

} // namespace cpis
