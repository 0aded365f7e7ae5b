#pragma once

#include "core/crypto/Jwt.h"
#include "core/domain/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cpis {

// What an ID token must say to be accepted (OpenID Connect Core §3.1.3.7).
struct IdTokenExpectations
{
    QString issuer;    // exactly
    QString clientId;  // in aud; the azp when present
    QString nonce;     // the one this sign-in sent
    QString acrValues; // what was asked (space-separated); empty: no demand
    QDateTime nowUtc;
    qint64 leewaySecs = 60; // clock skew allowed on exp and iat
};

// Validates an ID token already split by Jwt::parse against the provider's key that its kid
// names. Returns the claims, or why the token is refused.
class IdTokenCheck
{
public:
    static Result<QJsonObject, QString>
    claims(const Jwt& token, const RsaKey& key, const IdTokenExpectations& expect);

    // CIS2's classes: "AAL3_..." is very high confidence, "AAL2_..." high. A request for
    // AAL2_OR_AAL3_ANY or AAL2_ANY accepts either level, AAL3_ANY only AAL3; any other value
    // asked for must be met exactly.
    static bool acrMeets(const QString& requested, const QString& achieved);
};

} // namespace cpis
