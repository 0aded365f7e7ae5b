#pragma once

#include "core/crypto/RsaKey.h"
#include "core/domain/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cpis {

// A JSON Web Token in compact form (RFC 7519), signed with an RSA key. parse() only splits and
// decodes, bounded in size: whether the signature holds and which claims are acceptable is for
// the caller (IdTokenCheck), with the key the header's kid names.
struct Jwt
{
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput; // base64url(header) "." base64url(claims)
    QByteArray signature;

    static constexpr qsizetype kMaxBytes = 64 * 1024;

    static Result<Jwt, QString> parse(const QByteArray& compact);
    // Adds alg and typ to `header` and signs.
    static Result<QByteArray, QString>
    sign(QJsonObject header, const QJsonObject& claims, const RsaKey& key, JwsAlgorithm alg);
};

} // namespace cpis
