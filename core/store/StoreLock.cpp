#include "core/store/StoreLock.h"

#include "core/store/StoreLogging.h"

#include <QDir>
#include <QLockFile>

namespace cpis {

const QString StoreLock::kFileName = QStringLiteral("store.lock");

StoreLock::StoreLock(std::unique_ptr<QLockFile> file) : m_file(std::move(file)) {}

StoreLock::~StoreLock()
{
    m_file->unlock();
}

StoreResult<std::unique_ptr<StoreLock>> StoreLock::acquire(const QString& directory,
                                                           std::chrono::milliseconds wait)
{
    auto file = std::make_unique<QLockFile>(QDir(directory).filePath(kFileName));
    // Never stale by age: a desk holds its store for days. A holder that died is still
    // detected, by its process id.
    file->setStaleLockTime(0);
    if (file->tryLock(int(wait.count())))
        return std::unique_ptr<StoreLock>(new StoreLock(std::move(file)));
    if (file->error() != QLockFile::LockFailedError)
        return StoreError{StoreError::Code::CannotOpen,
                          QStringLiteral("cannot create the lock file of the store in %1 "
                                         "(permission denied or folder unwritable)")
                              .arg(directory)};
    qint64 pid = 0;
    QString host;
    QString app;
    const bool known = file->getLockInfo(&pid, &host, &app);
    qCWarning(lcStore, "the store is in use by process %lld", pid);
    return StoreError{
        StoreError::Code::InUse,
        known ? QStringLiteral("the store in %1 is in use by %2 (process %3 on %4); waited %5 s. "
                               "Only one program may use a store at a time: close it, or use "
                               "another --store.")
                    .arg(directory, app.isEmpty() ? QStringLiteral("another program") : app)
                    .arg(pid)
                    .arg(host)
                    .arg(double(wait.count()) / 1000.0)
              : QStringLiteral("the store in %1 is in use by another program (its lock file "
                               "cannot be read); waited %2 s")
                    .arg(directory)
                    .arg(double(wait.count()) / 1000.0)};
}

} // namespace cpis
