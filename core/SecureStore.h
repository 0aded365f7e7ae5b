#pragma once

#include "AreaListStore.h"
#include "AuditLog.h"
#include "Cache.h"
#include "LocalDirectory.h"
#include "StoreError.h"

#include <QString>

#include <memory>

namespace cpis {

class AnchorStore;
class Clock;
class KeyStore;
class SecureDb;

// The desk's secure store as one thing to open: keys from the keychain, the answer cache,
// the audit log and the local directory, each in its own SQLCipher file in `directory`. Opening
// either fully succeeds or changes nothing on disk and says why (keychain locked, key missing,
// wrong key...): there is no half-open store and no plaintext fallback.
class SecureStore
{
public:
    struct Options
    {
        CacheOptions cache;
        AuditLogOptions audit;
    };

    static StoreResult<std::unique_ptr<SecureStore>>
    open(const QString& directory, KeyStore& keys, const Clock& clock, Options options);
    ~SecureStore();
    SecureStore(const SecureStore&) = delete;
    SecureStore& operator=(const SecureStore&) = delete;

    Cache& cache() { return *m_cache; }
    AuditLog& audit() { return *m_audit; }
    LocalDirectory& localDirectory() { return *m_localDirectory; }
    QString directory() const { return m_directory; }
    // Area lists (issue 7): their own file, see AreaListStore.
    AreaListStore& areaLists() { return *m_areaLists; }
    static QString areaListsPath(const QString& directory);

    static QString cachePath(const QString& directory);
    static QString auditPath(const QString& directory);
    static QString localDirectoryPath(const QString& directory);

private:
    SecureStore() = default;

    QString m_directory;
    std::unique_ptr<SecureDb> m_cacheDb;
    std::unique_ptr<SecureDb> m_auditDb;
    std::unique_ptr<SecureDb> m_localDirectoryDb;
    std::unique_ptr<AnchorStore> m_anchors;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<LocalDirectory> m_localDirectory;
    // Area lists (issue 7)
    std::unique_ptr<SecureDb> m_areaListsDb;
    std::unique_ptr<AreaListStore> m_areaLists;
    std::unique_ptr<AuditLog> m_audit; // declared last: closed first, saving its anchor
};

} // namespace cpis
