#pragma once

#include "core/crypto/RsaKey.h"
#include "core/domain/Result.h"

#include <QDateTime>
#include <QString>

namespace cpis {

// A private_key_jwt client assertion (RFC 7523 §2.2) as CIS2 and the API platform check it:
// iss = sub = the client, aud = the token endpoint exactly as published, a fresh UUID jti,
// and an expiry well inside the five minutes both allow.
class ClientAssertion
{
public:
    static constexpr const char* kType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static constexpr qint64 kLifetimeSecs = 240;

    static Result<QByteArray, QString> make(const RsaKey& key,
                                            JwsAlgorithm alg,
                                            const QString& kid,
                                            const QString& client,
                                            const QString& audience,
                                            const QDateTime& nowUtc);
};

} // namespace cpis
