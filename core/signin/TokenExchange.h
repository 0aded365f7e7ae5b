#pragma once

#include "core/crypto/RsaKey.h"
#include "core/domain/Result.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace cpis {

class Clock;
class FhirTransport;

// The API platform's access token, which PDS and CP-IS take.
struct PlatformToken
{
    QByteArray accessToken;
    QByteArray refreshToken;
    QDateTime expiresUtc;
};

// "CIS2 separate authentication and authorisation": the CIS2 ID token swapped for an API
// platform token (RFC 8693) with an RS512 client assertion whose iss and sub are the platform
// application's API key (../shared/cis2.md §8), and that token refreshed.
class TokenExchange : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<PlatformToken, QString>&)>;

    TokenExchange(FhirTransport* transport,
                  const Clock* clock,
                  QUrl tokenUrl,
                  QString apiKey,
                  RsaKey key,
                  QString kid,
                  QObject* parent = nullptr);

    void exchange(const QByteArray& idToken, Done done);
    void refresh(const QByteArray& refreshToken, Done done);
    // Revokes a refresh token at `revocationUrl` (RFC 7009) with the same kind of assertion,
    // its aud the revocation URL. `done` gets nothing on success, else what went wrong. The
    // request's copies of the token are wiped once it is answered.
    void revoke(const QUrl& revocationUrl,
                const QByteArray& refreshToken,
                std::function<void(const std::optional<QString>& problem)> done);

    static constexpr const char* kGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
    static constexpr const char* kIdTokenType = "urn:ietf:params:oauth:token-type:id_token";

    // Reads a token answer; expires_in may be a number or, as the platform sends it, a string.
    static Result<PlatformToken, QString> read(const QByteArray& json, const QDateTime& sentUtc);

private:
    void post(QList<std::pair<QString, QString>> form, Done done);

    FhirTransport* m_transport;
    const Clock* m_clock;
    QUrl m_url;
    QString m_apiKey;
    RsaKey m_key;
    QString m_kid;
};

} // namespace cpis
