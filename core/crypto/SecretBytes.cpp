#include "core/crypto/SecretBytes.h"

#include <QString>

#include <cstring>
#include <openssl/crypto.h>
#include <sys/mman.h>
#include <unistd.h>
#include <utility>

namespace cpis {

SecretBytes::SecretBytes(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    const long page = sysconf(_SC_PAGESIZE);
    const qsizetype pages = (bytes.size() + page - 1) / page;
    const qsizetype length = pages * page;
    void* p =
        mmap(nullptr, size_t(length), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        qFatal("SecretBytes: no memory for a key");
    // Never in a core file, never copied into a forked child.
    madvise(p, size_t(length), MADV_DONTDUMP);
    madvise(p, size_t(length), MADV_DONTFORK);
    m_locked = mlock(p, size_t(length)) == 0;
    m_data = static_cast<char*>(p);
    m_mapped = length;
    m_size = bytes.size();
    std::memcpy(m_data, bytes.data(), size_t(m_size));
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_mapped(std::exchange(other.m_mapped, 0)), m_locked(std::exchange(other.m_locked, false))
{}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_mapped = std::exchange(other.m_mapped, 0);
        m_locked = std::exchange(other.m_locked, false);
    }
    return *this;
}

void SecretBytes::clear()
{
    if (!m_data)
        return;
    OPENSSL_cleanse(m_data, size_t(m_mapped));
    if (m_locked)
        munlock(m_data, size_t(m_mapped));
    munmap(m_data, size_t(m_mapped));
    m_data = nullptr;
    m_size = 0;
    m_mapped = 0;
    m_locked = false;
}

void wipe(QByteArray& bytes)
{
    // data() on a shared buffer would detach and wipe a fresh copy: only the last holder wipes.
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes = QByteArray();
}

void wipeEveryCopy(QByteArray& bytes)
{
    // data_ptr().isMutable(): allocated by Qt, not a literal in read-only memory. constData()
    // rather than data(), which would detach and wipe a fresh copy instead of the shared one.
    if (!bytes.isEmpty() && bytes.data_ptr().isMutable())
        OPENSSL_cleanse(const_cast<char*>(bytes.constData()), size_t(bytes.size()));
    bytes = QByteArray();
}

void wipe(QString& text)
{
    if (!text.isEmpty() && text.isDetached())
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
    text = QString();
}

void wipe(UserSession& session)
{
    wipe(session.accessToken);
    wipe(session.refreshToken);
    wipe(session.idToken);
    wipe(session.identityAccessToken);
    session = UserSession{};
}

} // namespace cpis
