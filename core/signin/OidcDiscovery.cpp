#include "core/signin/OidcDiscovery.h"

#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "core/signin/SignInLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cpis {

namespace {
constexpr int kMaxJwksKeys = 32;

QUrl absoluteUrl(const QJsonObject& o, const char* key)
{
    const QUrl u(o.value(QLatin1String(key)).toString(), QUrl::StrictMode);
    return u.isValid() && !u.isRelative() && !u.host().isEmpty() ? u : QUrl();
}
} // namespace

OidcDiscovery::OidcDiscovery(FhirTransport* transport,
                             const Clock* clock,
                             QString issuer,
                             QObject* parent)
    : QObject(parent), m_transport(transport), m_clock(clock), m_issuer(std::move(issuer))
{}

Result<ProviderMetadata, QString> OidcDiscovery::read(const QByteArray& json,
                                                      const QString& expectedIssuer)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    ProviderMetadata m;
    m.issuer = o.value(QLatin1String("issuer")).toString();
    if (m.issuer != expectedIssuer)
        return QStringLiteral("the identity provider names itself '%1', not the issuer '%2' the "
                              "profile gives")
            .arg(m.issuer.left(200), expectedIssuer);
    m.authorizationEndpoint = absoluteUrl(o, "authorization_endpoint");
    m.tokenEndpoint = o.value(QLatin1String("token_endpoint")).toString();
    m.userinfoEndpoint = absoluteUrl(o, "userinfo_endpoint");
    m.jwksUri = absoluteUrl(o, "jwks_uri");
    m.endSessionEndpoint = absoluteUrl(o, "end_session_endpoint");
    m.revocationEndpoint = absoluteUrl(o, "revocation_endpoint");
    for (const QJsonValue& v : o.value(QLatin1String("acr_values_supported")).toArray())
        m.acrValuesSupported << v.toString();
    const QUrl token(m.tokenEndpoint, QUrl::StrictMode);
    if (m.authorizationEndpoint.isEmpty() || !token.isValid() || token.isRelative() ||
        m.userinfoEndpoint.isEmpty() || m.jwksUri.isEmpty())
        return QStringLiteral("the identity provider's discovery document lacks an endpoint the "
                              "sign-in needs");
    return m;
}

void OidcDiscovery::metadata(Done done)
{
    const QDateTime now = m_clock->nowUtc();
    if (m_metadata && m_fetchedUtc.secsTo(now) >= 0 &&
        m_fetchedUtc.secsTo(now) < kMetadataLifetimeSecs) {
        done(*m_metadata);
        return;
    }
    // Appended to the issuer string as given, so a ":443" in it is kept.
    const QString base = m_issuer.endsWith(u'/') ? m_issuer.chopped(1) : m_issuer;
    FhirTransport::Request req;
    req.url = QUrl(base + QStringLiteral("/.well-known/openid-configuration"));
    req.accept = "application/json";
    m_transport->send(
        req, this,
        [this, done, now](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
            if (!r) {
                done(tr("The identity provider could not be reached: %1").arg(r.error().detail));
                return;
            }
            auto m = read(r->body, m_issuer);
            if (!m) {
                done(m.error());
                return;
            }
            if (m_metadata && m_metadata->jwksUri != m->jwksUri)
                m_keys.clear();
            m_metadata = m.value();
            m_fetchedUtc = now;
            done(m.value());
        });
}

void OidcDiscovery::fetchJwks(std::function<void(const std::optional<QString>&)> done)
{
    FhirTransport::Request req;
    req.url = m_metadata->jwksUri;
    req.accept = "application/jwk-set+json"; // or plain JSON, which the transport takes too
    m_transport->send(
        req, this, [this, done](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
            if (!r) {
                done(tr("The identity provider's signing keys could not be read: %1")
                         .arg(r.error().detail));
                return;
            }
            const QJsonArray keys =
                QJsonDocument::fromJson(r->body).object().value(QLatin1String("keys")).toArray();
            QHash<QString, RsaKey> fresh;
            for (const QJsonValue& v : keys) {
                if (fresh.size() >= kMaxJwksKeys)
                    break;
                const QJsonObject jwk = v.toObject();
                const QString use = jwk.value(QLatin1String("use")).toString();
                if (!use.isEmpty() && use != u"sig")
                    continue;
                auto k = RsaKey::fromJwk(jwk);
                if (k)
                    fresh.insert(jwk.value(QLatin1String("kid")).toString(), k.value());
            }
            qCInfo(lcSignIn, "identity provider keys read: %lld", qint64(fresh.size()));
            m_keys = fresh;
            done(std::nullopt);
        });
}

void OidcDiscovery::key(const QString& kid, KeyDone done)
{
    if (auto it = m_keys.constFind(kid); it != m_keys.constEnd()) {
        done(*it);
        return;
    }
    if (!m_metadata) {
        done(tr("The identity provider's discovery document was not read."));
        return;
    }
    fetchJwks([this, kid, done](const std::optional<QString>& error) {
        if (error) {
            done(*error);
            return;
        }
        if (auto it = m_keys.constFind(kid); it != m_keys.constEnd())
            done(*it);
        else
            done(tr("The identity token was signed with a key the identity provider does not "
                    "publish."));
    });
}

} // namespace cpis
