#include "core/signin/SignInCredentials.h"

#include <QFile>

namespace cpis {

Result<SignInCredentials, QString> SignInCredentials::load(const SignInSettings& s)
{
    SignInCredentials c;
    if (s.clientAuth == ClientAuthMethod::PrivateKeyJwt) {
        if (s.clientKeyFile.isEmpty())
            return QStringLiteral("the profile names no client-signing-key for private_key_jwt");
        auto key = RsaKey::fromPemFile(s.clientKeyFile);
        if (!key)
            return key.error();
        auto alg = jwsAlgorithmFromName(s.clientSigningAlg);
        if (!alg)
            return alg.error();
        c.clientKey = key.value();
        c.clientAlg = alg.value();
        c.clientKeyId = s.clientKeyId.isEmpty() ? key->thumbprint() : s.clientKeyId;
    } else {
        QFile f(s.clientSecretFile);
        if (s.clientSecretFile.isEmpty() || !f.open(QIODevice::ReadOnly))
            return QStringLiteral("the client secret file '%1' cannot be read")
                .arg(s.clientSecretFile);
#ifdef Q_OS_UNIX
        if (f.permissions().testAnyFlags(QFileDevice::ReadGroup | QFileDevice::ReadOther))
            return QStringLiteral("%1 must be readable by its owner only (mode 0600)")
                .arg(s.clientSecretFile);
#endif
        c.clientSecret = f.read(4096).trimmed();
        if (c.clientSecret.isEmpty())
            return QStringLiteral("the client secret file '%1' is empty").arg(s.clientSecretFile);
    }
    if (!s.platformTokenUrl.isEmpty()) {
        if (s.platformKeyFile.isEmpty() || s.platformApiKey.isEmpty())
            return QStringLiteral("the token exchange needs platform-api-key and "
                                  "platform-signing-key");
        auto key = RsaKey::fromPemFile(s.platformKeyFile);
        if (!key)
            return key.error();
        c.platformKey = key.value();
        c.platformKeyId = s.platformKeyId.isEmpty() ? key->thumbprint() : s.platformKeyId;
    }
    return c;
}

SignInCredentials SignInCredentials::ephemeral()
{
    SignInCredentials c;
    auto key = RsaKey::generate();
    if (!key)
        return c;
    c.clientKey = key.value();
    c.clientKeyId = QStringLiteral("training-desk-") + key->thumbprint().left(8);
    c.clientAlg = JwsAlgorithm::RS256;
    c.platformKey = key.value();
    c.platformKeyId = QStringLiteral("training-platform-") + key->thumbprint().left(8);
    return c;
}

QList<QJsonObject> SignInCredentials::publicJwks() const
{
    QList<QJsonObject> out;
    if (clientKey)
        out << clientKey->publicJwk(clientKeyId, clientAlg);
    if (platformKey)
        out << platformKey->publicJwk(platformKeyId, JwsAlgorithm::RS512);
    return out;
}

} // namespace cpis
