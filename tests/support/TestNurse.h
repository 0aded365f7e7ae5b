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

// The same nurse as an HL7 V3 query's author sees her: SDS user and role profile ids, the job
// role code and the organisation's name, which the query carries and the access history shows.
inline UserSession spineNurse()
{
    UserSession s;
    s.userId = QStringLiteral("555000000101");
    s.name = QStringLiteral("Alex Triage");
    s.roleId = QStringLiteral("555000000201");
    s.roleName = QStringLiteral("Nurse");
    s.roleCode = QStringLiteral("S8000:G8000:R8001");
    s.organisationCode = QStringLiteral("RXX01");
    s.organisationName = QStringLiteral("Training Hospital");
    s.activityCodes = {QStringLiteral("B0107")};
    return s;
}

} // namespace cpis::testsupport
