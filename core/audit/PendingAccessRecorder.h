#pragma once

#include "core/audit/AuditEntry.h"
#include "core/store/StoreError.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace cpis {

class SecureDb;

// Notes accesses (PendingAccess) on a thread of its own, through a connection of its own to
// the audit database, so that the flush to disk runs while the caller's thread sends the
// request and waits for the answer. The caller shows the answer only once both are done.
class PendingAccessRecorder : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const StoreResult<qint64>& id)>;

    // `connection`: the audit database's, opened for this recorder alone (SecureDb::openSibling).
    explicit PendingAccessRecorder(std::unique_ptr<SecureDb> connection, QObject* parent = nullptr);
    // Waits for a note being written; one not yet started is dropped (its caller has gone).
    ~PendingAccessRecorder() override;

    // `e` with its time stamped. `done` runs on this object's thread, unless `context` is
    // destroyed first (the note then stays unsettled, and becomes an entry at the next open).
    void note(const AuditEntry& e, QObject* context, Done done);
    // On lock: the connection lets go of what it holds decrypted; returns when it has.
    void releaseMemory();

private:
    std::shared_ptr<SecureDb> m_db;
    QThread m_thread;
    QObject m_worker; // lives on m_thread
};

} // namespace cpis
