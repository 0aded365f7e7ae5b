#pragma once

#include "core/crypto/RsaKey.h"
#include "core/domain/Result.h"
#include "core/profile/SignInSettings.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cpis {

// The desk's own secrets for signing in, read from the files the administrator's profile
// names (never copied anywhere): the key registered with CIS2 (private_key_jwt) or the client
// secret (client_secret_post), and the key registered with the API platform.
struct SignInCredentials
{
    std::optional<RsaKey> clientKey;
    QString clientKeyId;
    JwsAlgorithm clientAlg = JwsAlgorithm::RS256;
    QByteArray clientSecret;
    std::optional<RsaKey> platformKey;
    QString platformKeyId;

    static Result<SignInCredentials, QString> load(const SignInSettings& settings);
    // Training: one key made in memory for this run only, for both CIS2 and the platform; the
    // sandbox is given its public half (publicJwks) and nothing is stored.
    static SignInCredentials ephemeral();
    QList<QJsonObject> publicJwks() const;
};

} // namespace cpis
