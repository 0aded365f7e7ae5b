#include "core/crypto/Sha256.h"

#include <openssl/evp.h>

namespace cpis {

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()), m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr)) {}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
    EVP_MD_free(m_md);
}

bool Sha256::hash(QByteArrayView data, Digest& out)
{
    if (!isValid())
        return false;
    unsigned int len = 0;
    return EVP_DigestInit_ex2(m_ctx, m_md, nullptr) == 1 &&
           EVP_DigestUpdate(m_ctx, data.data(), size_t(data.size())) == 1 &&
           EVP_DigestFinal_ex(m_ctx, reinterpret_cast<unsigned char*>(out.data()), &len) == 1 &&
           len == unsigned(kBytes);
}

} // namespace cpis
