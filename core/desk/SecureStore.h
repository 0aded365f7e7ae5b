#pragma once

#include "core/audit/AuditLog.h"
#include "core/store/Cache.h"
#include "core/store/SecureDb.h"
#include "core/store/StoreError.h"

#include <QList>
#include <QString>

#include <map>
#include <memory>

namespace cpis {

class AnchorStore;
class Clock;
class KeyProvider;

// The desk's secure store as one thing to open: keys from the key provider, the answer
// cache, the audit log, and the SQLCipher file of each feature that keeps data (named by the
// composition root, so the store knows no feature), each in its own file in `directory`.
// Opening either fully succeeds or changes nothing on disk and says why (keychain locked,
// key missing, wrong key...): there is no half-open store and no plaintext fallback.
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
    struct Options
    {
        CacheOptions cache;
        AuditLogOptions audit;
        QList<Database> databases;
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

    static QString path(const QString& directory, const QString& fileName);
    static QString cachePath(const QString& directory);
    static QString auditPath(const QString& directory);

private:
    SecureStore() = default;

    QString m_directory;
    std::unique_ptr<SecureDb> m_cacheDb;
    std::unique_ptr<SecureDb> m_auditDb;
    std::map<QString, std::unique_ptr<SecureDb>> m_databases;
    std::unique_ptr<AnchorStore> m_anchors;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<AuditLog> m_audit; // declared last: closed first, saving its anchor
};

} // namespace cpis
