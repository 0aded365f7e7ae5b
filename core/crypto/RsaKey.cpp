#include "core/crypto/RsaKey.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace cpis {

namespace {
constexpr qint64 kMaxPemBytes = 64 * 1024;
constexpr int kMinBits = 2048;

QByteArray b64url(const QByteArray& raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bignumBytes(const EVP_PKEY* key, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return {};
    QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
    BN_free(bn);
    return out;
}

const EVP_MD* digestFor(JwsAlgorithm a)
{
    return a == JwsAlgorithm::RS512 ? EVP_sha512() : EVP_sha256();
}

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* k)
{
    return std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free);
}

bool isRsaOfSize(const EVP_PKEY* k)
{
    return k && EVP_PKEY_is_a(k, "RSA") && EVP_PKEY_get_bits(k) >= kMinBits;
}
} // namespace

QByteArray jwsAlgorithmName(JwsAlgorithm a)
{
    return a == JwsAlgorithm::RS512 ? QByteArrayLiteral("RS512") : QByteArrayLiteral("RS256");
}

Result<JwsAlgorithm, QString> jwsAlgorithmFromName(const QString& name)
{
    if (name == u"RS256")
        return JwsAlgorithm::RS256;
    if (name == u"RS512")
        return JwsAlgorithm::RS512;
    return QStringLiteral("the signing algorithm '%1' is not RS256 or RS512").arg(name.left(16));
}

Result<RsaKey, QString> RsaKey::fromPem(const QByteArray& pem)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* k = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!k)
        return QStringLiteral("the file holds no readable, unencrypted PEM private key");
    auto key = own(k);
    if (!isRsaOfSize(k))
        return QStringLiteral("the private key is not an RSA key of at least %1 bits")
            .arg(kMinBits);
    return RsaKey(key, true);
}

Result<RsaKey, QString> RsaKey::fromPemFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("%1 cannot be read: %2").arg(path, f.errorString());
#ifdef Q_OS_UNIX
    if (f.permissions().testAnyFlags(QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return QStringLiteral("%1 must be readable by its owner only (mode 0600)").arg(path);
#endif
    QByteArray pem = f.read(kMaxPemBytes + 1);
    if (pem.size() > kMaxPemBytes)
        return QStringLiteral("%1 is too large for a PEM key").arg(path);
    auto key = fromPem(pem);
    pem.fill('\0');
    if (!key)
        return QStringLiteral("%1: %2").arg(path, key.error());
    return key;
}

Result<RsaKey, QString> RsaKey::fromJwk(const QJsonObject& jwk)
{
    if (jwk.value(QLatin1String("kty")).toString() != u"RSA")
        return QStringLiteral("the key is not an RSA JWK");
    const QByteArray n = QByteArray::fromBase64(jwk.value(QLatin1String("n")).toString().toLatin1(),
                                                QByteArray::Base64UrlEncoding);
    const QByteArray e = QByteArray::fromBase64(jwk.value(QLatin1String("e")).toString().toLatin1(),
                                                QByteArray::Base64UrlEncoding);
    if (n.size() * 8 < kMinBits || n.size() > 2048 || e.isEmpty() || e.size() > 8)
        return QStringLiteral("the RSA JWK has no usable modulus or exponent");
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
    if (!ok || !k)
        return QStringLiteral("the RSA JWK could not be read");
    return RsaKey(own(k), false);
}

Result<RsaKey, QString> RsaKey::generate(int bits)
{
    EVP_PKEY* k = EVP_RSA_gen(static_cast<unsigned>(std::max(bits, kMinBits)));
    if (!k)
        return QStringLiteral("no RSA key could be made");
    return RsaKey(own(k), true);
}

Result<QByteArray, QString> RsaKey::sign(JwsAlgorithm alg, const QByteArray& input) const
{
    if (!m_private)
        return QStringLiteral("a public key cannot sign");
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    size_t len = 0;
    QByteArray sig;
    bool ok = ctx && EVP_DigestSignInit(ctx, nullptr, digestFor(alg), nullptr, m_key.get()) == 1 &&
              EVP_DigestSign(ctx, nullptr, &len,
                             reinterpret_cast<const unsigned char*>(input.constData()),
                             size_t(input.size())) == 1;
    if (ok) {
        sig.resize(qsizetype(len));
        ok = EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                            reinterpret_cast<const unsigned char*>(input.constData()),
                            size_t(input.size())) == 1;
        sig.resize(qsizetype(len));
    }
    EVP_MD_CTX_free(ctx);
    if (!ok)
        return QStringLiteral("the signature could not be made");
    return sig;
}

bool RsaKey::verify(JwsAlgorithm alg, const QByteArray& input, const QByteArray& signature) const
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const bool ok =
        ctx && EVP_DigestVerifyInit(ctx, nullptr, digestFor(alg), nullptr, m_key.get()) == 1 &&
        EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.constData()),
                         size_t(signature.size()),
                         reinterpret_cast<const unsigned char*>(input.constData()),
                         size_t(input.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

QJsonObject RsaKey::publicJwk(const QString& kid, JwsAlgorithm alg) const
{
    return {{QStringLiteral("kty"), QStringLiteral("RSA")},
            {QStringLiteral("n"),
             QString::fromLatin1(b64url(bignumBytes(m_key.get(), OSSL_PKEY_PARAM_RSA_N)))},
            {QStringLiteral("e"),
             QString::fromLatin1(b64url(bignumBytes(m_key.get(), OSSL_PKEY_PARAM_RSA_E)))},
            {QStringLiteral("kid"), kid},
            {QStringLiteral("use"), QStringLiteral("sig")},
            {QStringLiteral("alg"), QString::fromLatin1(jwsAlgorithmName(alg))}};
}

QString RsaKey::thumbprint() const
{
    // Members in lexicographic order, no whitespace (RFC 7638 §3).
    const QByteArray canonical = "{\"e\":\"" +
                                 b64url(bignumBytes(m_key.get(), OSSL_PKEY_PARAM_RSA_E)) +
                                 "\",\"kty\":\"RSA\",\"n\":\"" +
                                 b64url(bignumBytes(m_key.get(), OSSL_PKEY_PARAM_RSA_N)) + "\"}";
    return QString::fromLatin1(
        b64url(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)));
}

} // namespace cpis
