#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace cpis::sandbox {

// The sandbox's own RSA signing and checking of JWTs (libcrypto EVP), apart from the desk's:
// the oracle shares no code with the client it checks. It signs CIS2's ID tokens (RS256) and
// checks the desk's client assertions (RS256 or RS512) with the public keys registered.
class SandboxKey
{
public:
    static SandboxKey generate();
    static std::optional<SandboxKey> fromJwk(const QJsonObject& jwk);

    QJsonObject publicJwk(const QString& kid) const;
    QByteArray signRs256(const QJsonObject& header, const QJsonObject& claims) const;
    // True when `compact` is a JWT signed by this key with `alg` (RS256 or RS512).
    bool verifies(const QByteArray& compact, const QByteArray& alg) const;

    // The header and claims of a compact JWT, unchecked; false when it is not one.
    static bool decode(const QByteArray& compact, QJsonObject* header, QJsonObject* claims);

private:
    explicit SandboxKey(std::shared_ptr<EVP_PKEY> k) : m_key(std::move(k)) {}
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace cpis::sandbox
