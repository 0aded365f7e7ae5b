#pragma once
// A signed-in session for a sandbox test user without the sign-in round trip: the user's
// profile as userinfo gives it, and a live access token from the sandbox itself.
#include "core/domain/UserSession.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"

#include <QDateTime>

namespace cpis::testsupport {

inline UserSession
sandboxSession(sandbox::SandboxServer& server, const QString& userId, const QDateTime& expiresUtc)
{
    const auto u = server.signIn().user(userId).value();
    UserSession s;
    s.userId = u.userUid;
    s.name = u.name;
    s.roleId = u.roleId;
    s.roleName = u.roleName;
    s.roleCode = u.roleCode;
    s.organisationCode = u.orgCode;
    s.organisationName = u.orgName;
    s.activityCodes = u.activityCodes;
    s.workgroups = u.workgroups;
    s.accessToken = server.signIn().issueAccessToken(userId);
    s.accessExpiresUtc = expiresUtc;
    return s;
}

} // namespace cpis::testsupport
