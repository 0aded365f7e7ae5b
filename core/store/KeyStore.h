#pragma once

#include "core/store/KeyProvider.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace cpis {

// Keys in the OS keychain (Secret Service through QtKeychain), under one service name.
// Every call is synchronous: it runs the QtKeychain job in a local event loop with a
// timeout, because a locked keyring with a display can leave a job waiting forever on
// an unlock prompt. There is no plaintext fallback of any kind.
class KeyStore final : public KeyProvider
{
public:
    explicit KeyStore(QString service, int timeoutMs = 10000);

    // databaseExists: whether any store file is already on disk. "First run" is decided
    // by that, never by the keychain answering "not found" (a locked keyring does that),
    // and a first run only succeeds once the new keys have been read back.
    StoreResult<StoreKeys> loadOrCreate(bool databaseExists) override;

    // Admin key rotation. Saves a fresh key as pending, calls rekeyAll(newKey) (which
    // must PRAGMA-rekey every store file), then makes it current. If rekeyAll fails the
    // pending key stays, so an interrupted rotation can still be opened; fixing that is
    // for an administrator, never automatic.
    StoreStatus rotateDatabaseKey(const std::function<StoreStatus(const QByteArray&)>& rekeyAll);
    // After opening successfully with pendingDatabaseKey: make it current.
    StoreStatus promotePendingKey(const QByteArray& pendingKey);

    // Low-level access, also used by KeychainAnchorStore. An absent entry is
    // std::nullopt, which is only trustworthy when the caller has other evidence.
    StoreResult<std::optional<QByteArray>> read(const QString& name) override;
    StoreStatus write(const QString& name, const QByteArray& value) override;
    StoreStatus remove(const QString& name) override;

    QString service() const { return m_service; }

    static const QString kDatabaseKey;
    static const QString kAuditMacKey;
    static const QString kPendingDatabaseKey;

private:
    StoreStatus writeVerified(const QString& name, const QByteArray& value);
    static QByteArray randomKey();

    QString m_service;
    int m_timeoutMs;
};

} // namespace cpis
