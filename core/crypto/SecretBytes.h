#pragma once

#include "core/domain/UserSession.h"

#include <QByteArray>
#include <QByteArrayView>

namespace cpis {

// Key material held for the life of the process (the store's key, the audit MAC key, a token
// kept across calls): in pages of its own that are locked out of swap (mlock), left out of any
// core dump (MADV_DONTDUMP), and overwritten (OPENSSL_cleanse) when released. Move-only, so
// that there is one copy to wipe; view() lends it to an API without copying.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArrayView bytes);
    ~SecretBytes();
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    QByteArrayView view() const { return {m_data, m_size}; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // Whether the pages could be locked in memory (a low RLIMIT_MEMLOCK can refuse it; the
    // bytes are still kept out of dumps and wiped).
    bool isLocked() const { return m_locked; }
    void clear();

private:
    char* m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_mapped = 0;
    bool m_locked = false;
};

// Overwrites the bytes of `bytes` when this is their only holder, then empties it; a buffer
// still shared is left for its last holder to wipe. For the QByteArray copies a key or token
// passes through on its way to or from an API that wants one.
void wipe(QByteArray& bytes);
// Overwrites the bytes of `bytes` in place even while other QByteArrays share them, then empties
// it: for a request carrying a token once every holder is done with it (the transport's copy
// and the one Qt's network layer shares). Bytes it does not own (a literal) are left alone.
void wipeEveryCopy(QByteArray& bytes);
// The same for a QString (a token or number read from JSON).
void wipe(QString& text);
// Empties a session, overwriting its tokens where this copy was their last holder: what a
// service keeping a session does when the desk locks or its user signs out.
void wipe(UserSession& session);

} // namespace cpis
