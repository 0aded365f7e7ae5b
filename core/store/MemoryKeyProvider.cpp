#include "core/store/MemoryKeyProvider.h"

#include "core/store/SecureDb.h"

#include <QRandomGenerator>

namespace cpis {

namespace {

QByteArray randomKey()
{
    QByteArray key(SecureDb::kKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(key.data()),
                                         reinterpret_cast<quint32*>(key.data() + key.size()));
    return key;
}

} // namespace

MemoryKeyProvider::MemoryKeyProvider() : m_keys{randomKey(), randomKey(), std::nullopt} {}

MemoryKeyProvider::~MemoryKeyProvider()
{
    // Keys are wiped when released, as the keychain-backed provider's copies are.
    m_keys.databaseKey.fill('\0');
    m_keys.auditMacKey.fill('\0');
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        it.value().fill('\0');
}

StoreResult<StoreKeys> MemoryKeyProvider::loadOrCreate(bool)
{
    return m_keys;
}

StoreResult<std::optional<QByteArray>> MemoryKeyProvider::read(const QString& name)
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(it.value());
}

StoreStatus MemoryKeyProvider::write(const QString& name, const QByteArray& value)
{
    m_entries.insert(name, value);
    return {};
}

StoreStatus MemoryKeyProvider::remove(const QString& name)
{
    m_entries.remove(name);
    return {};
}

} // namespace cpis
