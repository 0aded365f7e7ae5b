#pragma once

#include "core/domain/Result.h"
#include "core/domain/UserSession.h"

#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

namespace cpis {

class Clock;
class FhirTransport;

// Sign-in modelled on NHS CIS2: OpenID Connect authorization code with PKCE (S256) and a
// loopback redirect (RFC 8252). Qt 6.4's NetworkAuth has no PKCE, hence this small flow.
// The caller opens authorizationUrl in a browser (the UI does; tests follow it directly).
// The token and user-info calls go through the transport, so they share its TLS policy and
// its classification of failures with every other call.
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    struct Error
    {
        QString message;
    };

    SignInFlow(FhirTransport* transport,
               const Clock* clock,
               QUrl issuerBase,
               QString clientId,
               QObject* parent = nullptr);
    ~SignInFlow() override;

    // Listens on a free loopback port and emits authorizationUrlReady.
    bool start();
    void cancel();

    // Exchanges a refresh token for new tokens; `done` receives the updated session.
    void refresh(const UserSession& session,
                 std::function<void(const Result<UserSession, Error>&)> done);

    static QByteArray codeChallenge(const QByteArray& verifier); // base64url(SHA-256)

signals:
    void authorizationUrlReady(const QUrl& url);
    void signedIn(const cpis::UserSession& session);
    void failed(const QString& message);

private:
    void onRedirect();
    void exchangeCode(const QString& code);
    void fetchUserInfo(UserSession session,
                       std::function<void(const Result<UserSession, Error>&)> done);
    void postToken(const QList<std::pair<QString, QString>>& form,
                   std::function<void(const Result<UserSession, Error>&)> done);
    void fail(const QString& message);

    FhirTransport* m_transport;
    const Clock* m_clock;
    QUrl m_base;
    QString m_clientId;
    QTcpServer m_listener;
    QByteArray m_verifier;
    QString m_state;
    QString m_redirectUri;
    bool m_done = false;
};

} // namespace cpis

Q_DECLARE_METATYPE(cpis::UserSession)
