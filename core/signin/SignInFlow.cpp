#include "core/signin/SignInFlow.h"

#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "core/net/NhsHeaders.h"
#include "core/signin/SignInLogging.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUrlQuery>

namespace cpis {

namespace {
constexpr qint64 kMaxRequestLineBytes = 16 * 1024;

QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(raw.data()),
                                         reinterpret_cast<quint32*>(raw.data() + raw.size()));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QUrl endpoint(const QUrl& base, const QString& path)
{
    QUrl u = base;
    u.setPath(base.path().chopped(base.path().endsWith(u'/') ? 1 : 0) + path);
    return u;
}
} // namespace

SignInFlow::SignInFlow(FhirTransport* transport,
                       const Clock* clock,
                       QUrl issuerBase,
                       QString clientId,
                       QObject* parent)
    : QObject(parent), m_transport(transport), m_clock(clock), m_base(std::move(issuerBase)),
      m_clientId(std::move(clientId))
{
    connect(&m_listener, &QTcpServer::newConnection, this, &SignInFlow::onRedirect);
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
    if (!m_listener.isListening() && !m_listener.listen(QHostAddress::LocalHost, 0)) {
        fail(tr("Could not open a local port for the sign-in reply: %1")
                 .arg(m_listener.errorString()));
        return false;
    }
    m_redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(m_listener.serverPort());

    QUrl url = endpoint(m_base, QStringLiteral("/authorize"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), m_clientId);
    q.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri);
    q.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid nationalrbacaccess"));
    q.addQueryItem(QStringLiteral("state"), m_state);
    q.addQueryItem(QStringLiteral("code_challenge"),
                   QString::fromLatin1(codeChallenge(m_verifier)));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    url.setQuery(q);
    emit authorizationUrlReady(url);
    return true;
}

void SignInFlow::cancel()
{
    m_listener.close();
    m_done = true;
}

void SignInFlow::onRedirect()
{
    while (QTcpSocket* socket = m_listener.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // The redirect's request line carries a code and a state: a few hundred bytes. Anything
        // on the loopback port sending more without a line end is dropped, not buffered.
        socket->setReadBufferSize(kMaxRequestLineBytes);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() >= kMaxRequestLineBytes)
                    socket->abort();
                return;
            }
            const QList<QByteArray> requestLine = socket->readLine().trimmed().split(' ');
            const QUrl target(QString::fromLatin1(requestLine.value(1)));
            const QUrlQuery query(target);
            const bool ours = requestLine.value(0) == "GET" && target.path() == u"/callback";
            const QByteArray page =
                ours ? QByteArrayLiteral("<html><body><p>Signed in. You can close this window and "
                                         "return to CP-IS Desk.</p></body></html>")
                     : QByteArrayLiteral("<html><body><p>Not found.</p></body></html>");
            socket->write((ours ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n") +
                          QByteArrayLiteral("Content-Type: text/html; charset=utf-8\r\n"
                                            "Connection: close\r\nContent-Length: ") +
                          QByteArray::number(page.size()) + "\r\n\r\n" + page);
            socket->disconnectFromHost();
            if (!ours || m_done)
                return;
            // The state ties the reply to the request we made (CSRF protection).
            if (query.queryItemValue(QStringLiteral("state")) != m_state) {
                fail(tr("The sign-in reply did not match this sign-in attempt."));
                return;
            }
            if (query.hasQueryItem(QStringLiteral("error"))) {
                fail(tr("Sign-in was refused: %1")
                         .arg(query.queryItemValue(QStringLiteral("error"))));
                return;
            }
            const QString code = query.queryItemValue(QStringLiteral("code"));
            if (code.isEmpty()) {
                fail(tr("The sign-in reply carried no authorization code."));
                return;
            }
            m_done = true;
            m_listener.close();
            exchangeCode(code);
        });
    }
}

void SignInFlow::exchangeCode(const QString& code)
{
    postToken({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
               {QStringLiteral("code"), code},
               {QStringLiteral("redirect_uri"), m_redirectUri},
               {QStringLiteral("client_id"), m_clientId},
               {QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier)}},
              [this](const Result<UserSession, Error>& tokens) {
                  if (!tokens) {
                      fail(tokens.error().message);
                      return;
                  }
                  fetchUserInfo(tokens.value(), [this](const Result<UserSession, Error>& s) {
                      if (s)
                          emit signedIn(s.value());
                      else
                          fail(s.error().message);
                  });
              });
}

void SignInFlow::refresh(const UserSession& session,
                         std::function<void(const Result<UserSession, Error>&)> done)
{
    postToken({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
               {QStringLiteral("refresh_token"), QString::fromLatin1(session.refreshToken)},
               {QStringLiteral("client_id"), m_clientId}},
              [session, done](const Result<UserSession, Error>& tokens) {
                  if (!tokens) {
                      done(tokens.error());
                      return;
                  }
                  UserSession updated = session; // the person and role do not change
                  updated.accessToken = tokens->accessToken;
                  updated.refreshToken =
                      tokens->refreshToken.isEmpty() ? session.refreshToken : tokens->refreshToken;
                  updated.accessExpiresUtc = tokens->accessExpiresUtc;
                  done(updated);
              });
}

void SignInFlow::postToken(const QList<std::pair<QString, QString>>& form,
                           std::function<void(const Result<UserSession, Error>&)> done)
{
    QUrlQuery body;
    for (const auto& [k, v] : form)
        body.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    FhirTransport::Request req;
    req.method = "POST";
    req.url = endpoint(m_base, QStringLiteral("/token"));
    req.body = body.toString(QUrl::FullyEncoded).toLatin1();
    req.contentType = "application/x-www-form-urlencoded";
    req.accept = "application/json";
    const QDateTime sent = m_clock->nowUtc();
    m_transport->send(
        req, this, [done, sent](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
            if (!r) {
                // The identity provider's error_description when it gave one (ReplyClassifier).
                done(Error{tr("Sign-in failed: %1").arg(r.error().detail)});
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(r->body).object();
            UserSession s;
            s.accessToken = o.value(QLatin1String("access_token")).toString().toLatin1();
            s.refreshToken = o.value(QLatin1String("refresh_token")).toString().toLatin1();
            const int expiresIn = o.value(QLatin1String("expires_in")).toInt(-1);
            if (s.accessToken.isEmpty() || expiresIn <= 0 ||
                o.value(QLatin1String("token_type"))
                        .toString()
                        .compare(u"Bearer", Qt::CaseInsensitive) != 0) {
                done(Error{tr("The sign-in service gave an unusable token.")});
                return;
            }
            s.accessExpiresUtc = sent.addSecs(expiresIn);
            qCInfo(lcSignIn, "token received, valid for %d s", expiresIn);
            done(s);
        });
}

void SignInFlow::fetchUserInfo(UserSession session,
                               std::function<void(const Result<UserSession, Error>&)> done)
{
    FhirTransport::Request req;
    req.url = endpoint(m_base, QStringLiteral("/userinfo"));
    req.headers = NhsHeaders::bearer(session.accessToken).list();
    req.accept = "application/json";
    m_transport->send(
        req, this,
        [session, done](const Result<HttpResponse, ServiceError>& r, const QByteArray&) mutable {
            if (!r) {
                done(Error{tr("Could not read your user details: %1").arg(r.error().detail)});
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(r->body).object();
            session.userId = o.value(QLatin1String("nhsid_useruid")).toString();
            session.name = o.value(QLatin1String("name")).toString();
            const QString selected = o.value(QLatin1String("selected_roleid")).toString();
            const QJsonArray roles = o.value(QLatin1String("nhsid_nrbac_roles")).toArray();
            for (const QJsonValue& r : roles) {
                const QJsonObject role = r.toObject();
                if (role.value(QLatin1String("person_roleid")).toString() != selected)
                    continue;
                session.roleId = selected;
                session.roleName = role.value(QLatin1String("role_name")).toString();
                session.roleCode = role.value(QLatin1String("role_code")).toString();
                session.organisationCode = role.value(QLatin1String("org_code")).toString();
                session.organisationName = role.value(QLatin1String("org_name")).toString();
                const QJsonArray codes = role.value(QLatin1String("activity_codes")).toArray();
                for (const QJsonValue& c : codes)
                    session.activityCodes << c.toString();
                // Absent on profiles that have none: no desk function beyond look-up.
                const QJsonArray groups = role.value(QLatin1String("workgroups")).toArray();
                for (const QJsonValue& g : groups)
                    session.workgroups << g.toString();
            }
            qCInfo(lcSignIn, "user details read: %s role at %s, %lld activity codes",
                   session.roleId.isEmpty() ? "no selected" : "a selected",
                   qUtf8Printable(session.organisationCode), qint64(session.activityCodes.size()));
            if (session.userId.isEmpty() || session.roleId.isEmpty())
                done(Error{tr("Your user details name no selected role.")});
            else
                done(session);
        });
}

void SignInFlow::fail(const QString& message)
{
    m_done = true;
    m_listener.close();
    emit failed(message);
}

} // namespace cpis
