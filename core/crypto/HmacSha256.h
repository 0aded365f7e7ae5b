#pragma once

#include "core/crypto/Sha256.h"

#include <QByteArrayView>

struct evp_mac_ctx_st;

namespace cpis {

// HMAC-SHA256 through libcrypto with the key set once: each mac() restarts from the
// prepared key state instead of re-deriving it, as QMessageAuthenticationCode does.
class HmacSha256
{
public:
    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256();
    HmacSha256(const HmacSha256&) = delete;
    HmacSha256& operator=(const HmacSha256&) = delete;

    bool isValid() const { return m_ctx != nullptr; }
    // false on a libcrypto failure; out is then unspecified.
    bool mac(QByteArrayView data, Sha256::Digest& out);

private:
    evp_mac_ctx_st* m_ctx = nullptr;
};

} // namespace cpis
