#include "core/desk/SecureStore.h"

#include "core/audit/KeychainAnchorStore.h"
#include "core/crypto/SecretBytes.h"
#include "core/desk/DeskLogging.h"
#include "core/store/KeyProvider.h"
#include "core/store/StoreLock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace cpis {

QString SecureStore::path(const QString& directory, const QString& fileName)
{
    return QDir(directory).filePath(fileName);
}

QString SecureStore::cachePath(const QString& directory)
{
    return path(directory, QStringLiteral("cache.db"));
}

QString SecureStore::auditPath(const QString& directory)
{
    return path(directory, QStringLiteral("audit.db"));
}

SecureStore::~SecureStore()
{
    // The audit log saves its anchor on close, so it goes before the keys' owner does.
    m_audit.reset();
    m_cache.reset();
}

SecureDb& SecureStore::database(const QString& fileName)
{
    const auto it = m_databases.find(fileName);
    Q_ASSERT_X(it != m_databases.end(), "SecureStore::database", "file not named at open");
    return *it->second;
}

namespace {

StoreResult<std::unique_ptr<SecureDb>>
openFile(const QString& path, const QByteArray& key, SecureDb::Durability durability)
{
    auto db = SecureDb::open(path, key);
    if (!db)
        return db.error();
    if (durability != SecureDb::Durability::EveryCommit) {
        if (auto s = db.value()->setDurability(durability); !s)
            return s.error();
    }
    return std::move(db.value());
}

} // namespace

namespace {

// An existing folder is used as it is, never chmod-ed: it may be a shared folder an
// administrator set up. One that others can write to is refused: they could swap the files
// or the lock. A folder the store creates is the owner's alone.
StoreResult<bool> prepareFolder(const QString& directory)
{
    const QFileInfo info(directory);
    if (info.exists()) {
        if (!info.isDir())
            return StoreError{StoreError::Code::CannotOpen,
                              QStringLiteral("the store path %1 is not a folder").arg(directory)};
        if (info.permission(QFileDevice::WriteGroup) || info.permission(QFileDevice::WriteOther))
            return StoreError{StoreError::Code::CannotOpen,
                              QStringLiteral("the store folder %1 can be written by other users "
                                             "(group or world writable); refusing to keep audit "
                                             "and cached answers there. Remove their write "
                                             "permission or choose another folder.")
                                  .arg(directory)};
        return false;
    }
    if (!QDir().mkpath(directory))
        return StoreError{StoreError::Code::CannotOpen,
                          QStringLiteral("cannot create the store folder %1").arg(directory)};
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

} // namespace

StoreResult<std::unique_ptr<SecureStore>>
SecureStore::open(const QString& directory, KeyProvider& keys, const Clock& clock, Options options)
{
    auto created = prepareFolder(directory);
    if (!created)
        return created.error();
    auto opened = [&]() -> StoreResult<std::unique_ptr<SecureStore>> {
        auto lock = StoreLock::acquire(directory, options.lockWait);
        if (!lock)
            return lock.error();
        return openLocked(directory, keys, clock, options, std::move(lock.value()));
    }();
    // Nothing left behind by a failed first open: the folder is empty again once the lock
    // is released.
    if (!opened && created.value())
        QDir().rmdir(directory);
    return opened;
}

StoreResult<std::unique_ptr<SecureStore>> SecureStore::openLocked(const QString& directory,
                                                                  KeyProvider& keys,
                                                                  const Clock& clock,
                                                                  Options& options,
                                                                  std::unique_ptr<StoreLock> lock)
{
    bool exists =
        QFileInfo::exists(cachePath(directory)) || QFileInfo::exists(auditPath(directory));
    for (const Database& d : options.databases)
        exists = exists || QFileInfo::exists(path(directory, d.fileName));
    auto loaded = keys.loadOrCreate(exists);
    if (!loaded)
        return loaded.error();
    // The keys only for as long as the files take to open: SQLCipher and the audit log keep
    // their own, and this copy is wiped on every way out.
    StoreKeys k = std::move(loaded).value();
    struct WipeOnExit
    {
        StoreKeys& keys;
        ~WipeOnExit()
        {
            wipe(keys.databaseKey);
            wipe(keys.auditMacKey);
            if (keys.pendingDatabaseKey)
                wipe(*keys.pendingDatabaseKey);
        }
    } wipeOnExit{k};

    for (const QString& name : options.retired) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            QFile old(path(directory, name + QLatin1String(suffix)));
            if (old.exists() && !old.remove())
                qCWarning(lcDesk, "could not delete a file the desk no longer uses: %s",
                          qUtf8Printable(old.errorString()));
        }
    }

    std::unique_ptr<SecureStore> store(new SecureStore);
    store->m_lock = std::move(lock);
    store->m_directory = directory;

    // Cached answers need not survive a power cut (the audit log must, and keeps FULL).
    auto cacheDb =
        openFile(cachePath(directory), k.databaseKey, SecureDb::Durability::AtCheckpoint);
    if (!cacheDb)
        return cacheDb.error();
    store->m_cacheDb = std::move(cacheDb.value());
    auto auditDb = openFile(auditPath(directory), k.databaseKey, SecureDb::Durability::EveryCommit);
    if (!auditDb)
        return auditDb.error();
    store->m_auditDb = std::move(auditDb.value());
    for (const Database& d : options.databases) {
        auto db = openFile(path(directory, d.fileName), k.databaseKey, d.durability);
        if (!db)
            return db.error();
        store->m_databases[d.fileName] = std::move(db.value());
    }

    auto cache = Cache::open(*store->m_cacheDb, clock, options.cache);
    if (!cache)
        return cache.error();
    store->m_cache = std::move(cache.value());

    auto identity = AuditLog::identify(*store->m_auditDb);
    if (!identity)
        return identity.error();
    store->m_storeId = identity.value().id;
    store->m_anchors = options.anchors
                           ? options.anchors(keys, store->m_storeId)
                           : std::make_unique<KeychainAnchorStore>(keys, store->m_storeId);
    auto audit =
        AuditLog::open(*store->m_auditDb, k.auditMacKey, *store->m_anchors, clock, options.audit);
    if (!audit)
        return audit.error();
    store->m_audit = std::move(audit.value());
    if (identity.value().created && store->m_audit->anchorMissing()) {
        // A store from before ids: its anchor may be the one entry all stores shared. Taken
        // over only if it names an entry of this log; otherwise the log stays unanchored and
        // verify() says so, rather than trusting an anchor of unknown origin.
        auto legacy = KeychainAnchorStore::read(keys, KeychainAnchorStore::kLegacyEntryName);
        if (legacy && legacy.value()) {
            if (auto s = store->m_audit->adoptAnchor(*legacy.value()); !s)
                qCWarning(lcDesk, "the old shared audit anchor is not this store's: %s",
                          qUtf8Printable(s.error().message));
        }
    }
    return store;
}

void SecureStore::releaseMemory()
{
    // The answer cache holds whole answers, NHS number included: its connection is closed and
    // opened again, the only way SQLite lets go of the last row it wrote (SecureDb::reconnect).
    // If that fails the cache stays on its old connection, shrunk as the others are.
    if (auto s = m_cache->reconnect(); !s)
        qCWarning(lcDesk, "could not reopen the answer cache on lock: %s",
                  qUtf8Printable(s.error().message));
    // Best effort: a database that cannot shrink now still holds only what it held before.
    (void)m_cacheDb->exec("PRAGMA shrink_memory");
    (void)m_auditDb->exec("PRAGMA shrink_memory");
    for (auto& [name, db] : m_databases)
        (void)db->exec("PRAGMA shrink_memory");
}

} // namespace cpis
