#pragma once

#include "core/domain/Result.h"
#include "core/domain/UserSession.h"
#include "core/profile/SignInSettings.h"
#include "core/signin/SignInCredentials.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace cpis {

class Clock;
class FhirTransport;
class OidcDiscovery;
class TokenExchange;

// Sign-in to the NHS CIS2 pattern (../shared/cis2.md): OpenID discovery under the issuer, the
// authorization code flow with PKCE (S256), state, nonce, prompt=login and acr_values, the
// desk authenticated at the token endpoint (private_key_jwt or client_secret_post), a fixed
// registered loopback redirect (RFC 8252), the ID token validated against the provider's keys,
// the role read from selected_roleid, and the ID token exchanged for the API platform's token
// (TokenExchange), which is what the session carries to PDS and CP-IS.
// The caller opens authorizationUrl in a browser (the UI does; tests follow it directly). Every
// request goes through the transport: the profile's TLS material, and no redirect followed.
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    // `discovery` may be shared between sign-ins (its cache survives them); null: its own.
    SignInFlow(FhirTransport* transport,
               const Clock* clock,
               SignInSettings settings,
               SignInCredentials credentials,
               OidcDiscovery* discovery = nullptr,
               QObject* parent = nullptr);
    ~SignInFlow() override;

    // Listens on the registered loopback port, reads discovery, then emits
    // authorizationUrlReady. False (and `failed`) when the port is taken.
    bool start();
    void cancel();
    quint16 redirectPort() const { return m_listener.serverPort(); }

    // Renews the platform token with its refresh token; `done` receives the updated session.
    void refresh(const UserSession& session,
                 std::function<void(const Result<UserSession, QString>&)> done);
    // What sign-out could not do, one sentence each; empty when everyone was told.
    using SignedOut = std::function<void(const QStringList& problems)>;
    // Ends the session at CIS2 (end-session endpoint, RP-initiated logout by POST), revokes
    // CIS2's access token where the provider offers revocation, and the platform's refresh
    // token where the profile names the platform's revocation URL. Each request's copies of a
    // token are wiped once it is answered. The caller drops every token whatever the outcome.
    void signOut(const UserSession& session, SignedOut done);

    static QByteArray codeChallenge(const QByteArray& verifier); // base64url(SHA-256)
    static constexpr qint64 kMaxRequestLineBytes = 8 * 1024;

signals:
    void authorizationUrlReady(const QUrl& url);
    void signedIn(const cpis::UserSession& session);
    void failed(const QString& message);

private:
    void onConnection();
    void onCallback(class QTcpSocket* socket, const QByteArray& requestLine);
    void exchangeCode(const QString& code);
    void validate(const QJsonObject& tokens);
    void readUser(const QJsonObject& idClaims, const QByteArray& idToken, const QByteArray& access);
    void exchangeForPlatform(UserSession session);
    QList<std::pair<QString, QString>> clientAuthentication(const QString& audience) const;
    void fail(const QString& message);

    FhirTransport* m_transport;
    const Clock* m_clock;
    SignInSettings m_settings;
    SignInCredentials m_credentials;
    OidcDiscovery* m_discovery;
    TokenExchange* m_exchange = nullptr;
    QTcpServer m_listener;
    QByteArray m_verifier;
    QString m_state;
    QString m_nonce;
    QString m_redirectUri;
    bool m_done = false;
};

} // namespace cpis

Q_DECLARE_METATYPE(cpis::UserSession)
