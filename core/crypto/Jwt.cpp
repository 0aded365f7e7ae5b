#include "core/crypto/Jwt.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace cpis {

namespace {
QByteArray b64url(const QByteArray& raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QJsonObject, QString> decodePart(const QByteArray& part, const char* what)
{
    const auto raw = QByteArray::fromBase64Encoding(
        part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!raw)
        return QStringLiteral("the token's %1 is not base64url").arg(QLatin1String(what));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(*raw, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("the token's %1 is not a JSON object").arg(QLatin1String(what));
    return doc.object();
}
} // namespace

Result<Jwt, QString> Jwt::parse(const QByteArray& compact)
{
    if (compact.isEmpty() || compact.size() > kMaxBytes)
        return QStringLiteral("the token is empty or too large");
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() != 3 || parts.at(2).isEmpty())
        return QStringLiteral("the token is not a signed JWT");
    auto header = decodePart(parts.at(0), "header");
    if (!header)
        return header.error();
    auto claims = decodePart(parts.at(1), "claims");
    if (!claims)
        return claims.error();
    const auto sig = QByteArray::fromBase64Encoding(
        parts.at(2), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!sig)
        return QStringLiteral("the token's signature is not base64url");
    Jwt j;
    j.header = header.value();
    j.claims = claims.value();
    j.signingInput = parts.at(0) + '.' + parts.at(1);
    j.signature = *sig;
    return j;
}

Result<QByteArray, QString>
Jwt::sign(QJsonObject header, const QJsonObject& claims, const RsaKey& key, JwsAlgorithm alg)
{
    header.insert(QStringLiteral("alg"), QString::fromLatin1(jwsAlgorithmName(alg)));
    header.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
    const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    auto sig = key.sign(alg, input);
    if (!sig)
        return sig.error();
    return QByteArray(input + '.' + b64url(sig.value()));
}

} // namespace cpis
