#include "core/signin/IdTokenCheck.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace cpis {

namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("cpis::IdTokenCheck", s);
}

int level(const QString& acr)
{
    if (acr.startsWith(u"AAL3"))
        return 3;
    if (acr.startsWith(u"AAL2"))
        return 2;
    if (acr.startsWith(u"AAL1"))
        return 1;
    return 0;
}
} // namespace

bool IdTokenCheck::acrMeets(const QString& requested, const QString& achieved)
{
    const QStringList asked = requested.split(u' ', Qt::SkipEmptyParts);
    if (asked.isEmpty())
        return true;
    for (const QString& a : asked) {
        if (a == achieved)
            return true;
        if (a.endsWith(u"_ANY") && level(a) > 0 && level(achieved) >= level(a))
            return true;
    }
    return false;
}

Result<QJsonObject, QString>
IdTokenCheck::claims(const Jwt& token, const RsaKey& key, const IdTokenExpectations& expect)
{
    const auto alg = jwsAlgorithmFromName(token.header.value(QLatin1String("alg")).toString());
    if (!alg)
        return tr("The identity token is not signed with RS256 or RS512.");
    if (!key.verify(alg.value(), token.signingInput, token.signature))
        return tr("The identity token's signature does not hold.");
    const QJsonObject& c = token.claims;
    if (c.value(QLatin1String("iss")).toString() != expect.issuer)
        return tr("The identity token comes from another issuer.");
    const QJsonValue aud = c.value(QLatin1String("aud"));
    QStringList audiences;
    if (aud.isString())
        audiences << aud.toString();
    for (const QJsonValue& a : aud.toArray())
        audiences << a.toString();
    if (!audiences.contains(expect.clientId))
        return tr("The identity token was issued to another application.");
    const QJsonValue azp = c.value(QLatin1String("azp"));
    if ((audiences.size() > 1 || !azp.isUndefined()) && azp.toString() != expect.clientId)
        return tr("The identity token was issued to another application.");
    const qint64 now = expect.nowUtc.toSecsSinceEpoch();
    const QJsonValue exp = c.value(QLatin1String("exp"));
    const QJsonValue iat = c.value(QLatin1String("iat"));
    if (!exp.isDouble() || !iat.isDouble())
        return tr("The identity token gives no issue or expiry time.");
    if (qint64(exp.toDouble()) + expect.leewaySecs <= now)
        return tr("The identity token has expired.");
    if (qint64(iat.toDouble()) - expect.leewaySecs > now)
        return tr("The identity token was issued in the future: check this computer's clock.");
    if (c.value(QLatin1String("nonce")).toString() != expect.nonce || expect.nonce.isEmpty())
        return tr("The identity token does not belong to this sign-in attempt.");
    if (c.value(QLatin1String("sub")).toString().isEmpty())
        return tr("The identity token names no user.");
    if (!acrMeets(expect.acrValues, c.value(QLatin1String("acr")).toString()))
        return tr("You signed in with an authenticator weaker than this service requires (%1). "
                  "Sign in again with a smartcard or another stronger authenticator.")
            .arg(expect.acrValues);
    return c;
}

} // namespace cpis
