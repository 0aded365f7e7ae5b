#pragma once

#include <QByteArrayView>

#include <array>

struct evp_md_ctx_st;
struct evp_md_st;

namespace cpis {

// SHA-256 through OpenSSL's libcrypto, with one context reused for every hash. Qt 6.4's
// QCryptographicHash is portable C without the CPU's SHA instructions: over a million
// audit entries that alone cost seconds in verify().
class Sha256
{
public:
    static constexpr int kBytes = 32;
    using Digest = std::array<char, kBytes>;

    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    // false when libcrypto could not provide SHA-256 (no usable default provider).
    bool isValid() const { return m_ctx != nullptr && m_md != nullptr; }
    // false on a libcrypto failure; out is then unspecified.
    bool hash(QByteArrayView data, Digest& out);

private:
    evp_md_ctx_st* m_ctx = nullptr;
    evp_md_st* m_md = nullptr;
};

inline QByteArrayView view(const Sha256::Digest& d)
{
    return QByteArrayView(d.data(), d.size());
}

} // namespace cpis
