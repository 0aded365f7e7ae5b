#include "core/crypto/HmacSha256.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace cpis {

HmacSha256::HmacSha256(QByteArrayView key)
{
    EVP_MAC* hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (hmac == nullptr)
        return;
    m_ctx = EVP_MAC_CTX_new(hmac);
    EVP_MAC_free(hmac); // the context holds its own reference
    if (m_ctx == nullptr)
        return;
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_MAC_init(m_ctx, reinterpret_cast<const unsigned char*>(key.data()), size_t(key.size()),
                     params) != 1) {
        EVP_MAC_CTX_free(m_ctx);
        m_ctx = nullptr;
    }
}

HmacSha256::~HmacSha256()
{
    EVP_MAC_CTX_free(m_ctx);
}

bool HmacSha256::mac(QByteArrayView data, Sha256::Digest& out)
{
    if (!isValid())
        return false;
    size_t len = 0;
    // A null key restarts the MAC with the key already set.
    return EVP_MAC_init(m_ctx, nullptr, 0, nullptr) == 1 &&
           EVP_MAC_update(m_ctx, reinterpret_cast<const unsigned char*>(data.data()),
                          size_t(data.size())) == 1 &&
           EVP_MAC_final(m_ctx, reinterpret_cast<unsigned char*>(out.data()), &len, out.size()) ==
               1 &&
           len == out.size();
}

} // namespace cpis
