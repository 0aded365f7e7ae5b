#pragma once

#include "core/domain/Clock.h"
#include "sandbox/world/SeededRandom.h"
#include "sandbox/world/TestUser.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace cpis::sandbox {

// A CIS2-shaped identity provider: authorization code with PKCE (S256) and a loopback
// redirect, bearer tokens that expire by the injected clock, refresh tokens, userinfo.
class SignInService
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QByteArray location; // for 302
    };

    SignInService(const Clock* clock, SeededRandom& random, QList<TestUser> users);

    // The pick page's links lead back to `authorizePath` (the combined pattern's /oauth2 path,
    // or the CIS2 realm's).
    Answer authorize(const QUrlQuery& query,
                     const QString& authorizePath = QStringLiteral("/oauth2/authorize")) const;
    Answer
    authorizeAndIssueCode(const QUrlQuery& query,
                          const QString& authorizePath = QStringLiteral("/oauth2/authorize"));
    Answer token(const QByteArray& formBody);
    Answer userinfo(const QByteArray& authorizationHeader) const;

    // The user behind a bearer token, or nullopt when it is unknown or expired.
    std::optional<TestUser> userForToken(const QByteArray& accessToken) const;
    // For tests and training mode: a token without the browser round trip.
    QByteArray issueAccessToken(const QString& userId);

    const QList<TestUser>& users() const { return m_users; }
    std::optional<TestUser> user(const QString& id) const;

    // What an authorization code was issued for, once redeemed with the right verifier.
    struct Redeemed
    {
        QString userId;
        QString clientId;
        QString nonce;
    };
    // Redeems an authorization_code grant's form; `error` is set when it is refused.
    std::optional<Redeemed> redeemCode(const QUrlQuery& form, Answer* error);
    // The API platform's tokens for a user: an access token the APIs take and a refresh token.
    std::pair<QByteArray, QByteArray> issuePlatformTokens(const QString& userId);
    // Revokes an access or refresh token (RFC 7009); false when it was not known.
    bool revoke(const QByteArray& token);
    static Answer oauthError(int status, const QString& error, const QString& description);

    static constexpr int kAccessLifetimeSecs = 3600;
    static constexpr int kCodeLifetimeSecs = 120;
    static QList<TestUser> defaultUsers(const QString& socialWorkerOds,
                                        const QString& socialWorkerOrgName);

private:
    struct PendingCode
    {
        QString userId;
        QString clientId;
        QString redirectUri;
        QByteArray challenge;
        QDateTime expires;
        QString nonce;
    };
    struct Grant
    {
        QString userId;
        QDateTime expires;
    };

    Answer issueTokens(const QString& userId);
    QByteArray randomToken();

    const Clock* m_clock;
    SeededRandom& m_random;
    QList<TestUser> m_users;
    QHash<QByteArray, PendingCode> m_codes;
    QHash<QByteArray, Grant> m_access;
    QHash<QByteArray, QString> m_refresh;
};

} // namespace cpis::sandbox
