#include "sandbox/endpoints/SandboxKey.h"

#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

namespace cpis::sandbox {

namespace {
QByteArray b64(const QByteArray& raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray unb64(const QByteArray& text)
{
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding);
}

QByteArray param(EVP_PKEY* k, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(k, name, &bn) != 1)
        return {};
    QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
    BN_free(bn);
    return out;
}
} // namespace

SandboxKey SandboxKey::generate()
{
    return SandboxKey(std::shared_ptr<EVP_PKEY>(EVP_RSA_gen(2048), EVP_PKEY_free));
}

std::optional<SandboxKey> SandboxKey::fromJwk(const QJsonObject& jwk)
{
    if (jwk.value(QLatin1String("kty")).toString() != u"RSA")
        return std::nullopt;
    const QByteArray n = unb64(jwk.value(QLatin1String("n")).toString().toLatin1());
    const QByteArray e = unb64(jwk.value(QLatin1String("e")).toString().toLatin1());
    if (n.size() < 256 || n.size() > 1024 || e.isEmpty() || e.size() > 8)
        return std::nullopt;
    BIGNUM* bn =
        BN_bin2bn(reinterpret_cast<const unsigned char*>(n.constData()), int(n.size()), nullptr);
    BIGNUM* be =
        BN_bin2bn(reinterpret_cast<const unsigned char*>(e.constData()), int(e.size()), nullptr);
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be);
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY* k = nullptr;
    const bool ok = params && ctx && EVP_PKEY_fromdata_init(ctx) == 1 &&
                    EVP_PKEY_fromdata(ctx, &k, EVP_PKEY_PUBLIC_KEY, params) == 1;
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    if (!ok)
        return std::nullopt;
    return SandboxKey(std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free));
}

QJsonObject SandboxKey::publicJwk(const QString& kid) const
{
    return {
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("kid"), kid},
        {QStringLiteral("use"), QStringLiteral("sig")},
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("n"), QString::fromLatin1(b64(param(m_key.get(), OSSL_PKEY_PARAM_RSA_N)))},
        {QStringLiteral("e"), QString::fromLatin1(b64(param(m_key.get(), OSSL_PKEY_PARAM_RSA_E)))}};
}

QByteArray SandboxKey::signRs256(const QJsonObject& header, const QJsonObject& claims) const
{
    const QByteArray input = b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             b64(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    size_t len = 0;
    QByteArray sig;
    if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, m_key.get()) == 1 &&
        EVP_DigestSign(ctx, nullptr, &len,
                       reinterpret_cast<const unsigned char*>(input.constData()),
                       size_t(input.size())) == 1) {
        sig.resize(qsizetype(len));
        EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(input.constData()),
                       size_t(input.size()));
        sig.resize(qsizetype(len));
    }
    EVP_MD_CTX_free(ctx);
    return input + '.' + b64(sig);
}

bool SandboxKey::verifies(const QByteArray& compact, const QByteArray& alg) const
{
    const qsizetype dot = compact.lastIndexOf('.');
    if (dot <= 0 || compact.size() > 64 * 1024)
        return false;
    const EVP_MD* md = alg == "RS512" ? EVP_sha512() : alg == "RS256" ? EVP_sha256() : nullptr;
    if (!md)
        return false;
    const QByteArray input = compact.left(dot);
    const QByteArray sig = unb64(compact.mid(dot + 1));
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const bool ok = EVP_DigestVerifyInit(ctx, nullptr, md, nullptr, m_key.get()) == 1 &&
                    EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(sig.constData()),
                                     size_t(sig.size()),
                                     reinterpret_cast<const unsigned char*>(input.constData()),
                                     size_t(input.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

bool SandboxKey::decode(const QByteArray& compact, QJsonObject* header, QJsonObject* claims)
{
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() != 3 || compact.size() > 64 * 1024)
        return false;
    const QJsonDocument h = QJsonDocument::fromJson(unb64(parts.at(0)));
    const QJsonDocument c = QJsonDocument::fromJson(unb64(parts.at(1)));
    if (!h.isObject() || !c.isObject())
        return false;
    *header = h.object();
    *claims = c.object();
    return true;
}

} // namespace cpis::sandbox
