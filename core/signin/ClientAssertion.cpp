#include "core/signin/ClientAssertion.h"

#include "core/crypto/Jwt.h"

#include <QUuid>

namespace cpis {

Result<QByteArray, QString> ClientAssertion::make(const RsaKey& key,
                                                  JwsAlgorithm alg,
                                                  const QString& kid,
                                                  const QString& client,
                                                  const QString& audience,
                                                  const QDateTime& nowUtc)
{
    const qint64 now = nowUtc.toSecsSinceEpoch();
    const QJsonObject claims{
        {QStringLiteral("iss"), client},
        {QStringLiteral("sub"), client},
        {QStringLiteral("aud"), audience},
        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + kLifetimeSecs}};
    return Jwt::sign(QJsonObject{{QStringLiteral("kid"), kid}}, claims, key, alg);
}

} // namespace cpis
