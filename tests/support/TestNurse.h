#pragma once

#include "core/domain/UserSession.h"

#include <QDateTime>

namespace cpis::testsupport {

// A triage nurse's session for tests that talk to a fake or loopback service: a role with the
// activity code given (B0107: view and notify), a token that stays valid for an hour.
inline UserSession nurse(const QDateTime& now, const char* activity = "B0107")
{
    UserSession s;
    s.userId = QStringLiteral("555000000001");
    s.name = QStringLiteral("Nurse One");
    s.roleId = QStringLiteral("R1");
    s.organisationCode = QStringLiteral("RHQ01");
    s.activityCodes = {QString::fromLatin1(activity)};
    s.accessToken = "token";
    s.accessExpiresUtc = now.addSecs(3600);
    return s;
}

} // namespace cpis::testsupport
