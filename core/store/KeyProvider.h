#pragma once

#include "core/store/StoreError.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace cpis {

// The two secrets of the secure store: the SQLCipher key and the audit HMAC key.
struct StoreKeys
{
    QByteArray databaseKey; // 32 bytes
    QByteArray auditMacKey; // 32 bytes
    // Set only if a key rotation was interrupted after the new key was saved: the
    // database may already be under this key (try it when databaseKey is refused).
    std::optional<QByteArray> pendingDatabaseKey;
};

// Where the store's keys and the other small secrets (audit anchor, saved sessions) live.
// The desk and the command line use the OS keychain (KeyStore); tests and benchmarks that
// are not about the keychain use MemoryKeyProvider, and both reach the same object graph.
class KeyProvider
{
public:
    virtual ~KeyProvider() = default;

    // databaseExists: whether any store file is already on disk. "First run" is decided
    // by that, never by the provider answering "not found" (a locked keyring does that).
    virtual StoreResult<StoreKeys> loadOrCreate(bool databaseExists) = 0;

    // Named entries. An absent entry is std::nullopt, which is only trustworthy when the
    // caller has other evidence.
    virtual StoreResult<std::optional<QByteArray>> read(const QString& name) = 0;
    virtual StoreStatus write(const QString& name, const QByteArray& value) = 0;
    virtual StoreStatus remove(const QString& name) = 0;
};

} // namespace cpis
