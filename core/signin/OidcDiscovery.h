#pragma once

#include "core/crypto/RsaKey.h"
#include "core/domain/Result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace cpis {

class Clock;
class FhirTransport;

// What the identity provider publishes at <issuer>/.well-known/openid-configuration.
struct ProviderMetadata
{
    QString issuer; // exactly as published: compared as a string, never normalised
    QUrl authorizationEndpoint;
    QString tokenEndpoint; // a client assertion's aud: exactly as published
    QUrl userinfoEndpoint;
    QUrl jwksUri;
    QUrl endSessionEndpoint; // optional
    QUrl revocationEndpoint; // optional
    QStringList acrValuesSupported;
};

// OpenID discovery and the provider's signing keys, cached: the metadata for up to an hour,
// the JWKS until a token names a kid it lacks (key rotation), when it is fetched once more.
class OidcDiscovery : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<ProviderMetadata, QString>&)>;
    using KeyDone = std::function<void(const Result<RsaKey, QString>&)>;

    OidcDiscovery(FhirTransport* transport,
                  const Clock* clock,
                  QString issuer,
                  QObject* parent = nullptr);

    void metadata(Done done);
    // The provider's key with this kid; the JWKS is fetched again once when it is not known.
    void key(const QString& kid, KeyDone done);

    // Reads a discovery document; fails unless its issuer is `expectedIssuer` exactly and
    // every endpoint the flow needs is an absolute URL.
    static Result<ProviderMetadata, QString> read(const QByteArray& json,
                                                  const QString& expectedIssuer);

    static constexpr qint64 kMetadataLifetimeSecs = 3600;

private:
    void fetchJwks(std::function<void(const std::optional<QString>& error)> done);

    FhirTransport* m_transport;
    const Clock* m_clock;
    QString m_issuer;
    std::optional<ProviderMetadata> m_metadata;
    QDateTime m_fetchedUtc;
    QHash<QString, RsaKey> m_keys;
};

} // namespace cpis
