#pragma once

#include "core/domain/Clock.h"
#include "sandbox/endpoints/SandboxKey.h"
#include "sandbox/endpoints/SignInService.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace cpis::sandbox {

// NHS CIS2 as the desk meets it (../shared/cis2.md), under a realm path like CIS2's:
// discovery, JWKS, authorization code with PKCE and nonce, client authentication at the token
// endpoint (private_key_jwt with a registered key, or client_secret_post with the training
// secret), RS256 ID tokens carrying acr and selected_roleid, userinfo with nhsid_nrbac_roles
// and nhsid_user_orgs, end-session and revocation. Its access tokens open only its userinfo:
// the APIs take the API platform's token, which exchange() gives for one of its ID tokens
// (RFC 8693, RS512 client assertion), as the platform's /oauth2/token does.
class Cis2Realm
{
public:
    using Answer = SignInService::Answer;

    static const QString kPath; // /openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare
    static const QByteArray kTrainingClientSecret;
    static const QString kTrainingApiKey; // the platform application the sandbox knows
    static constexpr int kIdTokenLifetimeSecs = 3600;
    static constexpr int kPlatformLifetimeSecs = 3599;

    Cis2Realm(const Clock* clock, SeededRandom& random, SignInService& signIn);

    // A desk's public key (a JWK with its kid), for its client assertions to CIS2 and to the
    // platform. Training registers the key it made for the session.
    void registerKey(const QJsonObject& jwk);

    static bool handles(const QString& path) { return path.startsWith(kPath + u'/'); }
    Answer answer(const QByteArray& method,
                  const QString& path,
                  const QUrlQuery& query,
                  const QByteArray& body,
                  const QByteArray& authorization,
                  const QString& origin);
    // The platform's token exchange, at /oauth2/token.
    Answer exchange(const QByteArray& body, const QString& origin);
    static bool isExchange(const QByteArray& body);
    // The platform's revocation of its tokens (RFC 7009), at /oauth2/revoke, with the same
    // RS512 assertion as the exchange, its aud the revocation URL.
    Answer revokePlatform(const QByteArray& body, const QString& origin);

    // What sign-outs reached the sandbox, for tests and for docs/sandbox.md's
    // GET /_sandbox/sign-outs: whose CIS2 sessions were ended (their UUIDs), and how many
    // revocation requests CIS2 and the platform (its client assertion accepted) answered.
    struct SignOuts
    {
        QStringList endedSessions;
        int cis2Revocations = 0;
        int platformRevocations = 0;
    };
    const SignOuts& signOuts() const { return m_signOuts; }
    QJsonObject signOutsJson() const;

private:
    QJsonObject discovery(const QString& issuer) const;
    Answer accessToken(const QByteArray& body, const QString& issuer);
    Answer userinfo(const QByteArray& authorization) const;
    // Checks a client assertion; an error description, or nullopt when it holds.
    std::optional<QString> assertionProblem(const QByteArray& assertion,
                                            const QString& client,
                                            const QString& audience,
                                            const QByteArray& alg);
    const SandboxKey& signingKey();

    const Clock* m_clock;
    SeededRandom& m_random;
    SignInService& m_signIn;
    std::optional<SandboxKey> m_key;         // made at first use
    QHash<QString, SandboxKey> m_registered; // by kid
    QSet<QString> m_jtis;
    QHash<QByteArray, QString> m_access; // CIS2 access token -> test user id
    SignOuts m_signOuts;
};

} // namespace cpis::sandbox
