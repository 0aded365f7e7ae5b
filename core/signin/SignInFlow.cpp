#include "core/signin/SignInFlow.h"

#include "core/crypto/Jwt.h"
#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "core/net/NhsHeaders.h"
#include "core/signin/Cis2UserDetails.h"
#include "core/signin/ClientAssertion.h"
#include "core/signin/IdTokenCheck.h"
#include "core/signin/OidcDiscovery.h"
#include "core/signin/SignInForm.h"
#include "core/signin/SignInLogging.h"
#include "core/signin/TokenExchange.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUrlQuery>

namespace cpis {

namespace {
QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(raw.data()),
                                         reinterpret_cast<quint32*>(raw.data() + raw.size()));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray page(int status, const QByteArray& reason, const QString& text)
{
    const QByteArray body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>CP-IS "
                            "Desk</title></head><body><p>" +
                            text.toHtmlEscaped().toUtf8() + "</p></body></html>";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
           "Connection: close\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}
} // namespace

SignInFlow::SignInFlow(FhirTransport* transport,
                       const Clock* clock,
                       SignInSettings settings,
                       SignInCredentials credentials,
                       OidcDiscovery* discovery,
                       QObject* parent)
    : QObject(parent), m_transport(transport), m_clock(clock), m_settings(std::move(settings)),
      m_credentials(std::move(credentials)),
      m_discovery(discovery ? discovery
                            : new OidcDiscovery(transport, clock, m_settings.issuer, this))
{
    if (!m_settings.platformTokenUrl.isEmpty() && m_credentials.platformKey)
        m_exchange = new TokenExchange(transport, clock, m_settings.platformTokenUrl,
                                       m_settings.platformApiKey, *m_credentials.platformKey,
                                       m_credentials.platformKeyId, this);
    connect(&m_listener, &QTcpServer::newConnection, this, &SignInFlow::onConnection);
}

SignInFlow::~SignInFlow() = default;

QByteArray SignInFlow::codeChallenge(const QByteArray& verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool SignInFlow::start()
{
    m_done = false;
    // 32 random bytes give a 43-character verifier, the RFC 7636 minimum length.
    m_verifier = randomUrlSafe(32);
    m_state = QString::fromLatin1(randomUrlSafe(16));
    m_nonce = QString::fromLatin1(randomUrlSafe(16));
    if (!m_listener.isListening() &&
        !m_listener.listen(QHostAddress::LocalHost, m_settings.redirectPort)) {
        fail(tr("Sign-in needs the local port %1 for the identity provider's answer, and another "
                "program is using it (%2). Close that program, or ask your administrator to "
                "register another port.")
                 .arg(m_settings.redirectPort)
                 .arg(m_listener.errorString()));
        return false;
    }
    // The address registered with CIS2, always 127.0.0.1 (RFC 8252 §7.3), never "localhost".
    m_redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(m_listener.serverPort());
    m_discovery->metadata([this](const Result<ProviderMetadata, QString>& m) {
        if (m_done)
            return;
        if (!m) {
            fail(m.error());
            return;
        }
        QUrl url = m->authorizationEndpoint;
        QUrlQuery q(url);
        q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        q.addQueryItem(QStringLiteral("client_id"), m_settings.clientId);
        q.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri);
        q.addQueryItem(QStringLiteral("scope"), m_settings.scope());
        q.addQueryItem(QStringLiteral("state"), m_state);
        q.addQueryItem(QStringLiteral("nonce"), m_nonce);
        // Role selection happens only at a fresh authentication (cis2.md §5).
        q.addQueryItem(QStringLiteral("prompt"), QStringLiteral("login"));
        if (!m_settings.acrValues.isEmpty())
            q.addQueryItem(QStringLiteral("acr_values"), m_settings.acrValues);
        q.addQueryItem(QStringLiteral("code_challenge"),
                       QString::fromLatin1(codeChallenge(m_verifier)));
        q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        url.setQuery(q);
        emit authorizationUrlReady(url);
    });
    return true;
}

void SignInFlow::cancel()
{
    m_listener.close();
    m_done = true;
}

void SignInFlow::onConnection()
{
    while (QTcpSocket* socket = m_listener.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A redirect's request line carries a code and a state: a few hundred bytes. Anything
        // on the loopback port sending more without a line end is dropped, not buffered.
        socket->setReadBufferSize(kMaxRequestLineBytes);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() >= kMaxRequestLineBytes)
                    socket->abort();
                return;
            }
            onCallback(socket, socket->readLine(kMaxRequestLineBytes).trimmed());
        });
    }
}

void SignInFlow::onCallback(QTcpSocket* socket, const QByteArray& requestLine)
{
    auto answer = [socket](int status, const QByteArray& reason, const QString& text) {
        socket->write(page(status, reason, text));
        socket->disconnectFromHost();
    };
    const QList<QByteArray> parts = requestLine.split(' ');
    const QUrl target(QString::fromLatin1(parts.value(1)));
    if (parts.value(0) != "GET" || target.path() != u"/callback") {
        answer(404, "Not Found", tr("Not found."));
        return;
    }
    const QUrlQuery query(target);
    // Only the reply to the request this flow made counts (CSRF): any other is answered and
    // ignored, and the flow keeps waiting for its own until its time limit.
    if (m_done || query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded) != m_state) {
        qCInfo(lcSignIn, "a loopback reply with a state of another attempt was ignored");
        answer(400, "Bad Request",
               tr("This answer does not belong to the sign-in in progress. Return to CP-IS "
                  "Desk."));
        return;
    }
    if (query.hasQueryItem(QStringLiteral("error"))) {
        answer(200, "OK", tr("Sign-in was refused. Return to CP-IS Desk."));
        const QString description =
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        fail(tr("The identity provider refused the sign-in: %1")
                 .arg(description.isEmpty()
                          ? query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded)
                          : description.left(300)));
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        answer(400, "Bad Request", tr("The answer carried no authorization code."));
        fail(tr("The sign-in reply carried no authorization code."));
        return;
    }
    answer(200, "OK", tr("Signed in. You can close this window and return to CP-IS Desk."));
    m_done = true;
    m_listener.close();
    exchangeCode(code);
}

QList<std::pair<QString, QString>> SignInFlow::clientAuthentication(const QString& audience) const
{
    QList<std::pair<QString, QString>> form{{QStringLiteral("client_id"), m_settings.clientId}};
    if (m_settings.clientAuth == ClientAuthMethod::ClientSecretPost) {
        form << std::pair{QStringLiteral("client_secret"),
                          QString::fromUtf8(m_credentials.clientSecret)};
    } else if (m_credentials.clientKey) {
        auto a = ClientAssertion::make(*m_credentials.clientKey, m_credentials.clientAlg,
                                       m_credentials.clientKeyId, m_settings.clientId, audience,
                                       m_clock->nowUtc());
        if (a)
            form << std::pair{QStringLiteral("client_assertion_type"),
                              QString::fromLatin1(ClientAssertion::kType)}
                 << std::pair{QStringLiteral("client_assertion"), QString::fromLatin1(a.value())};
    }
    return form;
}

void SignInFlow::exchangeCode(const QString& code)
{
    m_discovery->metadata([this, code](const Result<ProviderMetadata, QString>& m) {
        if (!m) {
            fail(m.error());
            return;
        }
        QList<std::pair<QString, QString>> form{
            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), code},
            {QStringLiteral("redirect_uri"), m_redirectUri},
            {QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier)}};
        form << clientAuthentication(m->tokenEndpoint);
        m_transport->send(SignInForm::post(QUrl(m->tokenEndpoint), form), this,
                          [this](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
                              if (!r) {
                                  // The provider's error_description when it gave one
                                  // (ReplyClassifier).
                                  fail(tr("Sign-in failed: %1").arg(r.error().detail));
                                  return;
                              }
                              validate(QJsonDocument::fromJson(r->body).object());
                          });
    });
}

void SignInFlow::validate(const QJsonObject& tokens)
{
    const QByteArray access = tokens.value(QLatin1String("access_token")).toString().toLatin1();
    const QByteArray idToken = tokens.value(QLatin1String("id_token")).toString().toLatin1();
    if (access.isEmpty() || idToken.isEmpty() ||
        tokens.value(QLatin1String("token_type"))
                .toString()
                .compare(u"Bearer", Qt::CaseInsensitive) != 0) {
        fail(tr("The identity provider gave no usable tokens."));
        return;
    }
    auto jwt = Jwt::parse(idToken);
    if (!jwt) {
        fail(tr("The identity token cannot be read: %1").arg(jwt.error()));
        return;
    }
    const QString kid = jwt->header.value(QLatin1String("kid")).toString();
    m_discovery->key(
        kid, [this, token = jwt.value(), idToken, access](const Result<RsaKey, QString>& key) {
            if (!key) {
                fail(key.error());
                return;
            }
            IdTokenExpectations expect;
            expect.issuer = m_settings.issuer;
            expect.clientId = m_settings.clientId;
            expect.nonce = m_nonce;
            expect.acrValues = m_settings.acrValues;
            expect.nowUtc = m_clock->nowUtc();
            auto claims = IdTokenCheck::claims(token, key.value(), expect);
            if (!claims) {
                fail(claims.error());
                return;
            }
            qCInfo(lcSignIn, "identity token accepted");
            readUser(claims.value(), idToken, access);
        });
}

void SignInFlow::readUser(const QJsonObject& idClaims,
                          const QByteArray& idToken,
                          const QByteArray& access)
{
    m_discovery->metadata(
        [this, idClaims, idToken, access](const Result<ProviderMetadata, QString>& m) {
            if (!m) {
                fail(m.error());
                return;
            }
            FhirTransport::Request req;
            req.url = m->userinfoEndpoint;
            req.headers = NhsHeaders::bearer(access).list();
            req.accept = "application/json";
            m_transport->send(
                req, this,
                [this, idClaims, idToken, access](const Result<HttpResponse, ServiceError>& r,
                                                  const QByteArray&) {
                    if (!r) {
                        fail(tr("Could not read your user details: %1").arg(r.error().detail));
                        return;
                    }
                    auto user =
                        Cis2UserDetails::read(idClaims, QJsonDocument::fromJson(r->body).object());
                    if (!user) {
                        fail(user.error());
                        return;
                    }
                    UserSession s = user.value();
                    s.idToken = idToken;
                    s.identityAccessToken = access;
                    qCInfo(lcSignIn, "user details read: %lld activity codes",
                           qint64(s.activityCodes.size()));
                    exchangeForPlatform(s);
                });
        });
}

void SignInFlow::exchangeForPlatform(UserSession session)
{
    if (!m_exchange) {
        fail(tr("This profile names no API platform token exchange, so PDS and CP-IS cannot be "
                "reached. Ask your administrator."));
        return;
    }
    m_exchange->exchange(session.idToken,
                         [this, session](const Result<PlatformToken, QString>& t) mutable {
                             if (!t) {
                                 fail(t.error());
                                 return;
                             }
                             session.accessToken = t->accessToken;
                             session.refreshToken = t->refreshToken;
                             session.accessExpiresUtc = t->expiresUtc;
                             emit signedIn(session);
                         });
}

void SignInFlow::refresh(const UserSession& session,
                         std::function<void(const Result<UserSession, QString>&)> done)
{
    if (!m_exchange || session.refreshToken.isEmpty()) {
        done(tr("The session cannot be renewed: sign in again."));
        return;
    }
    m_exchange->refresh(session.refreshToken,
                        [session, done](const Result<PlatformToken, QString>& t) {
                            if (!t) {
                                done(t.error());
                                return;
                            }
                            UserSession updated = session; // the person and role do not change
                            updated.accessToken = t->accessToken;
                            if (!t->refreshToken.isEmpty())
                                updated.refreshToken = t->refreshToken;
                            updated.accessExpiresUtc = t->expiresUtc;
                            done(updated);
                        });
}

void SignInFlow::signOut(const UserSession& session, SignedOut done)
{
    // Only the tokens the provider and the platform are sent, never the platform's access
    // token: held until discovery answers, then wiped as soon as the requests are written, not
    // kept until the provider answers them (it may take a minute or never answer).
    struct Held
    {
        QByteArray identityAccessToken, idToken, refreshToken;
        QStringList problems;
        ~Held()
        {
            wipe(identityAccessToken);
            wipe(idToken);
            wipe(refreshToken);
        }
    };
    auto held = std::make_shared<Held>();
    held->identityAccessToken = session.identityAccessToken;
    held->idToken = session.idToken;
    held->refreshToken = session.refreshToken;
    auto remaining = std::make_shared<int>(1); // held until every request is on its way
    auto one = [held, remaining, done] {
        if (--*remaining == 0)
            done(held->problems);
    };
    auto told = [held, one](const QString& what) {
        return [held, one, what](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
            if (!r)
                held->problems << what.arg(r.error().detail.isEmpty()
                                               ? ServiceError::kindName(r.error().kind)
                                               : r.error().detail);
            one();
        };
    };

    if (!m_exchange && !m_settings.platformRevocationUrl.isEmpty() && !held->refreshToken.isEmpty())
        held->problems << tr("The API platform was not asked to revoke the session: the "
                             "profile's platform key cannot be used.");
    if (m_exchange && !m_settings.platformRevocationUrl.isEmpty() &&
        !held->refreshToken.isEmpty()) {
        ++*remaining;
        m_exchange->revoke(
            m_settings.platformRevocationUrl, held->refreshToken,
            [held, one](const std::optional<QString>& problem) {
                if (problem)
                    held->problems
                        << tr("The API platform did not revoke the session: %1").arg(*problem);
                one();
            });
    }
    wipe(held->refreshToken);

    ++*remaining;
    m_discovery->metadata([this, held, remaining, one,
                           told](const Result<ProviderMetadata, QString>& m) {
        if (!m) {
            held->problems << tr("The identity provider could not be told to end the session: %1")
                                  .arg(m.error());
            wipe(held->identityAccessToken);
            wipe(held->idToken);
            one();
            return;
        }
        if (!m->revocationEndpoint.isEmpty() && !held->identityAccessToken.isEmpty()) {
            ++*remaining;
            QString token = QString::fromLatin1(held->identityAccessToken);
            QList<std::pair<QString, QString>> form{
                {QStringLiteral("token"), token},
                {QStringLiteral("token_type_hint"), QStringLiteral("access_token")}};
            form << clientAuthentication(m->revocationEndpoint.toString(QUrl::FullyEncoded));
            FhirTransport::Request req = SignInForm::post(m->revocationEndpoint, form);
            req.wipeAfterUse = true;
            for (auto& field : form)
                wipe(field.second);
            wipe(token);
            m_transport->send(std::move(req), this,
                              told(tr("The identity provider did not revoke its access token: "
                                      "%1")));
        }
        if (!m->endSessionEndpoint.isEmpty() && !held->idToken.isEmpty()) {
            ++*remaining;
            // By POST (OpenID Connect RP-Initiated Logout 1.0 §2: the provider must take GET and
            // POST): the hint is in a body the transport wipes, where a URL's copies are
            // beyond reach.
            QString hint = QString::fromLatin1(held->idToken);
            FhirTransport::Request req = SignInForm::post(
                m->endSessionEndpoint, {{QStringLiteral("id_token_hint"), hint},
                                        {QStringLiteral("client_id"), m_settings.clientId}});
            wipe(hint);
            // The provider may answer with a page for a browser; a 2xx is all that counts.
            req.accept = "text/html";
            req.wipeAfterUse = true;
            m_transport->send(std::move(req), this,
                              told(tr("The identity provider did not end the session: %1")));
        }
        // Written: the desk's own copies go now; the transport's go with its request.
        wipe(held->identityAccessToken);
        wipe(held->idToken);
        one();
    });
    one();
}

void SignInFlow::fail(const QString& message)
{
    m_done = true;
    m_listener.close();
    emit failed(message);
}

} // namespace cpis
