#pragma once

#include "core/store/KeyProvider.h"

#include <QHash>

namespace cpis {

// Keys held in this process only, for tests and benchmarks that exercise everything but the
// keychain (the keychain has tests of its own). The keys are made once, at random, so two
// providers never open each other's files; entries written survive for the provider's life.
class MemoryKeyProvider final : public KeyProvider
{
public:
    MemoryKeyProvider();
    ~MemoryKeyProvider() override;

    StoreResult<StoreKeys> loadOrCreate(bool databaseExists) override;
    StoreResult<std::optional<QByteArray>> read(const QString& name) override;
    StoreStatus write(const QString& name, const QByteArray& value) override;
    StoreStatus remove(const QString& name) override;

private:
    StoreKeys m_keys;
    QHash<QString, QByteArray> m_entries;
};

} // namespace cpis
