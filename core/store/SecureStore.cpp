#include "core/store/SecureStore.h"

#include "core/audit/KeychainAnchorStore.h"
#include "core/crypto/KeyStore.h"
#include "core/store/SecureDb.h"

#include <QDir>
#include <QFileInfo>

namespace cpis {

QString SecureStore::cachePath(const QString& directory)
{
    return QDir(directory).filePath(QStringLiteral("cache.db"));
}

QString SecureStore::auditPath(const QString& directory)
{
    return QDir(directory).filePath(QStringLiteral("audit.db"));
}

QString SecureStore::localDirectoryPath(const QString& directory)
{
    return QDir(directory).filePath(QStringLiteral("directory.db"));
}

QString SecureStore::noticesPath(const QString& directory)
{
    return QDir(directory).filePath(QStringLiteral("notices.db"));
}

QString SecureStore::reviewPath(const QString& directory)
{
    return QDir(directory).filePath(QStringLiteral("review.db"));
}

// Area lists (issue 7)
QString SecureStore::areaListsPath(const QString& directory)
{
    return QDir(directory).filePath(QStringLiteral("arealists.db"));
}

SecureStore::~SecureStore()
{
    // The audit log saves its anchor on close, so it goes before the keys' owner does.
    m_audit.reset();
    m_cache.reset();
    m_localDirectory.reset();
    m_notices.reset(); // issue 7
    m_review.reset();
    m_areaLists.reset();
}

StoreResult<std::unique_ptr<SecureStore>>
SecureStore::open(const QString& directory, KeyStore& keys, const Clock& clock, Options options)
{
    const bool exists =
        QFileInfo::exists(cachePath(directory)) || QFileInfo::exists(auditPath(directory)) ||
        QFileInfo::exists(localDirectoryPath(directory)) ||
        QFileInfo::exists(noticesPath(directory)) || QFileInfo::exists(reviewPath(directory)) ||
        QFileInfo::exists(areaListsPath(directory));
    auto loaded = keys.loadOrCreate(exists);
    if (!loaded)
        return loaded.error();
    const StoreKeys& k = loaded.value();

    if (!QDir().mkpath(directory))
        return StoreError{StoreError::Code::CannotOpen,
                          QStringLiteral("cannot create the store folder %1").arg(directory)};
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    std::unique_ptr<SecureStore> store(new SecureStore);
    store->m_directory = directory;

    auto cacheDb = SecureDb::open(cachePath(directory), k.databaseKey);
    if (!cacheDb)
        return cacheDb.error();
    store->m_cacheDb = std::move(cacheDb.value());
    // Cached answers need not survive a power cut (the audit log must, and keeps FULL).
    if (auto s = store->m_cacheDb->setDurability(SecureDb::Durability::AtCheckpoint); !s)
        return s.error();
    auto auditDb = SecureDb::open(auditPath(directory), k.databaseKey);
    if (!auditDb)
        return auditDb.error();
    store->m_auditDb = std::move(auditDb.value());
    // Its own file: cache purges and cache schema steps never reach hand-typed entries.
    auto localDb = SecureDb::open(localDirectoryPath(directory), k.databaseKey);
    if (!localDb)
        return localDb.error();
    store->m_localDirectoryDb = std::move(localDb.value());

    auto cache = Cache::open(*store->m_cacheDb, clock, options.cache);
    if (!cache)
        return cache.error();
    store->m_cache = std::move(cache.value());
    auto local = LocalDirectory::open(*store->m_localDirectoryDb);
    if (!local)
        return local.error();
    store->m_localDirectory = std::move(local.value());
    // Issue 7: the review queue, in its own file so cache purges never reach decisions.
    auto reviewDb = SecureDb::open(reviewPath(directory), k.databaseKey);
    if (!reviewDb)
        return reviewDb.error();
    store->m_reviewDb = std::move(reviewDb.value());
    auto review = ReviewStore::open(*store->m_reviewDb);
    if (!review)
        return review.error();
    store->m_review = std::move(review.value());

    // Attendance notices (issue 7).
    auto noticesDb = SecureDb::open(noticesPath(directory), k.databaseKey);
    if (!noticesDb)
        return noticesDb.error();
    store->m_noticesDb = std::move(noticesDb.value());
    auto notices = NoticeStore::open(*store->m_noticesDb);
    if (!notices)
        return notices.error();
    store->m_notices = std::move(notices.value());

    // Area lists (issue 7): a list can be fetched again, so the cache's durability will do.
    auto listsDb = SecureDb::open(areaListsPath(directory), k.databaseKey);
    if (!listsDb)
        return listsDb.error();
    store->m_areaListsDb = std::move(listsDb.value());
    if (auto s = store->m_areaListsDb->setDurability(SecureDb::Durability::AtCheckpoint); !s)
        return s.error();
    auto lists = AreaListStore::open(*store->m_areaListsDb);
    if (!lists)
        return lists.error();
    store->m_areaLists = std::move(lists.value());

    store->m_anchors = std::make_unique<KeychainAnchorStore>(keys);
    auto audit =
        AuditLog::open(*store->m_auditDb, k.auditMacKey, *store->m_anchors, clock, options.audit);
    if (!audit)
        return audit.error();
    store->m_audit = std::move(audit.value());
    return store;
}

} // namespace cpis
