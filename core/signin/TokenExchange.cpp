#include "core/signin/TokenExchange.h"

#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "core/signin/ClientAssertion.h"
#include "core/signin/SignInForm.h"
#include "core/signin/SignInLogging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cpis {

TokenExchange::TokenExchange(FhirTransport* transport,
                             const Clock* clock,
                             QUrl tokenUrl,
                             QString apiKey,
                             RsaKey key,
                             QString kid,
                             QObject* parent)
    : QObject(parent), m_transport(transport), m_clock(clock), m_url(std::move(tokenUrl)),
      m_apiKey(std::move(apiKey)), m_key(std::move(key)), m_kid(std::move(kid))
{}

Result<PlatformToken, QString> TokenExchange::read(const QByteArray& json, const QDateTime& sentUtc)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    PlatformToken t;
    t.accessToken = o.value(QLatin1String("access_token")).toString().toLatin1();
    t.refreshToken = o.value(QLatin1String("refresh_token")).toString().toLatin1();
    const QJsonValue e = o.value(QLatin1String("expires_in"));
    bool ok = e.isDouble();
    qint64 secs = e.isDouble() ? qint64(e.toDouble()) : e.toString().toLongLong(&ok);
    if (t.accessToken.isEmpty() || !ok || secs <= 0 ||
        o.value(QLatin1String("token_type")).toString().compare(u"Bearer", Qt::CaseInsensitive) !=
            0)
        return tr("The API platform gave an unusable token.");
    t.expiresUtc = sentUtc.addSecs(secs);
    return t;
}

void TokenExchange::exchange(const QByteArray& idToken, Done done)
{
    post({{QStringLiteral("grant_type"), QString::fromLatin1(kGrant)},
          {QStringLiteral("subject_token_type"), QString::fromLatin1(kIdTokenType)},
          {QStringLiteral("subject_token"), QString::fromLatin1(idToken)}},
         std::move(done));
}

void TokenExchange::refresh(const QByteArray& refreshToken, Done done)
{
    post({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
          {QStringLiteral("client_id"), m_apiKey},
          {QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken)}},
         std::move(done));
}

void TokenExchange::revoke(const QUrl& revocationUrl,
                           const QByteArray& refreshToken,
                           std::function<void(const std::optional<QString>&)> done)
{
    auto assertion =
        ClientAssertion::make(m_key, JwsAlgorithm::RS512, m_kid, m_apiKey,
                              revocationUrl.toString(QUrl::FullyEncoded), m_clock->nowUtc());
    if (!assertion) {
        done(assertion.error());
        return;
    }
    QString token = QString::fromLatin1(refreshToken);
    FhirTransport::Request req = SignInForm::post(
        revocationUrl,
        {{QStringLiteral("token"), token},
         {QStringLiteral("token_type_hint"), QStringLiteral("refresh_token")},
         {QStringLiteral("client_id"), m_apiKey},
         {QStringLiteral("client_assertion_type"), QString::fromLatin1(ClientAssertion::kType)},
         {QStringLiteral("client_assertion"), QString::fromLatin1(assertion.value())}});
    wipe(token);
    req.wipeAfterUse = true;
    m_transport->send(std::move(req), this,
                      [done](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
                          if (!r) {
                              done(r.error().detail.isEmpty()
                                       ? ServiceError::kindName(r.error().kind)
                                       : r.error().detail);
                              return;
                          }
                          qCInfo(lcSignIn, "platform refresh token revoked");
                          done(std::nullopt);
                      });
}

void TokenExchange::post(QList<std::pair<QString, QString>> form, Done done)
{
    const QDateTime sent = m_clock->nowUtc();
    // A fresh assertion, and so a fresh jti, for every request: the platform refuses reuse.
    auto assertion = ClientAssertion::make(m_key, JwsAlgorithm::RS512, m_kid, m_apiKey,
                                           m_url.toString(QUrl::FullyEncoded), sent);
    if (!assertion) {
        done(assertion.error());
        return;
    }
    form << std::pair{QStringLiteral("client_assertion_type"),
                      QString::fromLatin1(ClientAssertion::kType)}
         << std::pair{QStringLiteral("client_assertion"), QString::fromLatin1(assertion.value())};
    m_transport->send(SignInForm::post(m_url, form), this,
                      [done, sent](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
                          if (!r) {
                              done(tr("The API platform refused access: %1").arg(r.error().detail));
                              return;
                          }
                          auto t = read(r->body, sent);
                          if (t)
                              qCInfo(lcSignIn, "platform token received");
                          done(t);
                      });
}

} // namespace cpis
