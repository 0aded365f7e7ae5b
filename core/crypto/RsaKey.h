#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace cpis {

// The two JWS algorithms NHS CIS2 and the API platform use: RSASSA-PKCS1-v1_5 with SHA-256
// or SHA-512. Anything else is refused by name, never guessed.
enum class JwsAlgorithm
{
    RS256,
    RS512,
};
QByteArray jwsAlgorithmName(JwsAlgorithm a);
Result<JwsAlgorithm, QString> jwsAlgorithmFromName(const QString& name);

// An RSA key through libcrypto's EVP interface: a private key that signs (read from PEM, or
// made in memory for training), or a public key from a JWK that verifies. No key material is
// ever written anywhere by this class.
class RsaKey
{
public:
    static Result<RsaKey, QString> fromPem(const QByteArray& pem);
    static Result<RsaKey, QString> fromPemFile(const QString& path);
    // A JWK of kty RSA (n, e); the private part, if any, is ignored.
    static Result<RsaKey, QString> fromJwk(const QJsonObject& jwk);
    static Result<RsaKey, QString> generate(int bits = 2048);

    bool hasPrivate() const { return m_private; }
    Result<QByteArray, QString> sign(JwsAlgorithm alg, const QByteArray& input) const;
    bool verify(JwsAlgorithm alg, const QByteArray& input, const QByteArray& signature) const;
    // The public half as a JWK {kty, n, e, kid, use: sig, alg}.
    QJsonObject publicJwk(const QString& kid, JwsAlgorithm alg) const;
    // RFC 7638 thumbprint: a kid that follows from the key itself.
    QString thumbprint() const;

private:
    RsaKey(std::shared_ptr<EVP_PKEY> key, bool isPrivate)
        : m_key(std::move(key)), m_private(isPrivate)
    {}
    std::shared_ptr<EVP_PKEY> m_key;
    bool m_private = false;
};

} // namespace cpis
