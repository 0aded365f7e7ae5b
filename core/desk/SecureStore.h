#pragma once

#include "core/audit/AuditLog.h"
#include "core/store/Cache.h"
#include "core/store/SecureDb.h"
#include "core/store/StoreError.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

namespace cpis {

class AnchorStore;
class Clock;
class KeyProvider;
class StoreLock;

// The desk's secure store as one thing to open: keys from the key provider, the answer
// cache, the audit log, and the SQLCipher file of each feature that keeps data (named by the
// composition root, so the store knows no feature), each in its own file in `directory`.
// Opening either fully succeeds or changes nothing on disk and says why (keychain locked,
// key missing, wrong key, in use by another process...): there is no half-open store and no
// plaintext fallback. An open store holds the folder's lock (StoreLock): one writer at a time.
class SecureStore
{
public:
    // A feature's own encrypted file: its own file so cache purges and cache schema steps
    // never reach it.
    struct Database
    {
        QString fileName;
        SecureDb::Durability durability = SecureDb::Durability::EveryCommit;
    };
    // Where the audit anchor of the store with this id is kept. The keychain by default; tests
    // inject one whose saves fail.
    using AnchorStoreFactory =
        std::function<std::unique_ptr<AnchorStore>(KeyProvider& keys, const QString& storeId)>;
    struct Options
    {
        CacheOptions cache;
        AuditLogOptions audit;
        QList<Database> databases;
        // How long to wait for another process to let go of the store before refusing.
        std::chrono::milliseconds lockWait{5000};
        AnchorStoreFactory anchors; // empty: KeychainAnchorStore
        // Files an earlier desk kept here and nothing reads now: deleted (with their SQLite
        // journals) once the store is locked, so that no patient data outlives its use.
        QStringList retired;
    };

    static StoreResult<std::unique_ptr<SecureStore>>
    open(const QString& directory, KeyProvider& keys, const Clock& clock, Options options);
    ~SecureStore();
    SecureStore(const SecureStore&) = delete;
    SecureStore& operator=(const SecureStore&) = delete;

    Cache& cache() { return *m_cache; }
    AuditLog& audit() { return *m_audit; }
    // The audit log's database, for what keeps its place in the log (the hub's forwarder).
    SecureDb& auditDatabase() { return *m_auditDb; }
    // One of the files named in Options::databases (asking for another is a programming
    // error, and asserts).
    SecureDb& database(const QString& fileName);
    QString directory() const { return m_directory; }
    QString storeId() const { return m_storeId; }
    // Hands back every page the databases hold decrypted in memory but do not need (an
    // answer, an audit entry): on lock, so that none outlives the session in the page cache.
    void releaseMemory();

    static QString path(const QString& directory, const QString& fileName);
    static QString cachePath(const QString& directory);
    static QString auditPath(const QString& directory);

private:
    SecureStore() = default;
    static StoreResult<std::unique_ptr<SecureStore>> openLocked(const QString& directory,
                                                                KeyProvider& keys,
                                                                const Clock& clock,
                                                                Options& options,
                                                                std::unique_ptr<StoreLock> lock);

    std::unique_ptr<StoreLock> m_lock; // declared first: released last
    QString m_directory;
    QString m_storeId;
    std::unique_ptr<SecureDb> m_cacheDb;
    std::unique_ptr<SecureDb> m_auditDb;
    std::map<QString, std::unique_ptr<SecureDb>> m_databases;
    std::unique_ptr<AnchorStore> m_anchors;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<AuditLog> m_audit; // declared last: closed first, saving its anchor
};

} // namespace cpis
