#pragma once

#include "core/domain/Result.h"
#include "core/domain/UserSession.h"
#include "core/profile/SignInSettings.h"
#include "core/signin/SignInCredentials.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace cpis {

class Clock;
class FhirTransport;

// Runs the full PKCE sign-in without a browser, by following the authorization URL with
// the sandbox's `user` parameter, which picks a test user instead of showing a page. For
// training mode, the command line against a sandbox, and tests; a live identity provider
// ignores the parameter and the attempt fails rather than signing anyone in.
class HeadlessSignIn
{
public:
    using Done = std::function<void(const Result<UserSession, QString>&)>;

    static void start(FhirTransport* transport,
                      const Clock* clock,
                      const SignInSettings& settings,
                      const SignInCredentials& credentials,
                      const QString& userId,
                      QObject* context,
                      Done done,
                      int timeoutMs = 10000);
};

} // namespace cpis
