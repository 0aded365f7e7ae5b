#pragma once

#include "core/arealist/AreaListStore.h"
#include "core/audit/AuditLog.h"
#include "core/directory/LocalDirectory.h"
#include "core/notices/NoticeStore.h"
#include "core/review/ReviewStore.h"
#include "core/store/Cache.h"
#include "core/store/StoreError.h"

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
    // Attendance notices (issue 7).
    NoticeStore& notices() { return *m_notices; }
    ReviewStore& review() { return *m_review; } // issue 7: the site's review queue
    QString directory() const { return m_directory; }
    // Area lists (issue 7): their own file, see AreaListStore.
    AreaListStore& areaLists() { return *m_areaLists; }
    static QString areaListsPath(const QString& directory);

    static QString cachePath(const QString& directory);
    static QString auditPath(const QString& directory);
    static QString localDirectoryPath(const QString& directory);
    static QString noticesPath(const QString& directory); // issue 7
    static QString reviewPath(const QString& directory);  // issue 7

private:
    SecureStore() = default;

    QString m_directory;
    std::unique_ptr<SecureDb> m_cacheDb;
    std::unique_ptr<SecureDb> m_auditDb;
    std::unique_ptr<SecureDb> m_localDirectoryDb;
    std::unique_ptr<AnchorStore> m_anchors;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<LocalDirectory> m_localDirectory;
    // Attendance notices (issue 7): their own file, so cache purges never reach them.
    std::unique_ptr<SecureDb> m_noticesDb;
    std::unique_ptr<NoticeStore> m_notices;
    // Issue 7: the review queue, in its own file.
    std::unique_ptr<SecureDb> m_reviewDb;
    std::unique_ptr<ReviewStore> m_review;
    // Area lists (issue 7)
    std::unique_ptr<SecureDb> m_areaListsDb;
    std::unique_ptr<AreaListStore> m_areaLists;
    std::unique_ptr<AuditLog> m_audit; // declared last: closed first, saving its anchor
};

} // namespace cpis
