#pragma once

#include "core/store/StoreError.h"

#include <QString>

#include <chrono>
#include <memory>

class QLockFile;

namespace cpis {

// One writer per store: an exclusive lock file in the store folder, held for as long as this
// object lives (the life of the desk or of one `cpis` command). A second process on the same
// store waits up to `wait`, then is refused with who holds the lock. A lock left by a process
// that died is taken over: QLockFile checks whether its process still runs.
class StoreLock
{
public:
    static const QString kFileName;

    static StoreResult<std::unique_ptr<StoreLock>> acquire(const QString& directory,
                                                           std::chrono::milliseconds wait);
    ~StoreLock();
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;

private:
    explicit StoreLock(std::unique_ptr<QLockFile> file);
    std::unique_ptr<QLockFile> m_file;
};

} // namespace cpis
