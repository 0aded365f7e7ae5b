#include "core/audit/PendingAccessRecorder.h"

#include "core/audit/PendingAccess.h"
#include "core/store/SecureDb.h"

#include <QPointer>

namespace cpis {

PendingAccessRecorder::PendingAccessRecorder(std::unique_ptr<SecureDb> connection, QObject* parent)
    : QObject(parent), m_db(std::move(connection))
{
    m_worker.moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("cpis-audit-note"));
    m_thread.start();
}

PendingAccessRecorder::~PendingAccessRecorder()
{
    m_thread.quit();
    m_thread.wait();
}

void PendingAccessRecorder::note(const AuditEntry& e, QObject* context, Done done)
{
    QPointer<QObject> alive(context);
    QMetaObject::invokeMethod(
        &m_worker,
        [this, db = m_db, e, alive, done = std::move(done)] {
            const StoreResult<qint64> id = PendingAccess::note(*db, e);
            // Back on the recorder's thread, where `context` lives and can be checked. The
            // recorder outlives this: its destructor waits for the thread.
            QMetaObject::invokeMethod(
                this,
                [alive, done, id] {
                    if (alive)
                        done(id);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void PendingAccessRecorder::releaseMemory()
{
    // The notes hold NHS numbers: like the answer cache's, the connection is closed and opened
    // again, the only way SQLite lets go of the last row it wrote, and before this returns, so
    // that nothing of them is left once the desk is locked. Best effort, like the others.
    QMetaObject::invokeMethod(
        &m_worker,
        [db = m_db] {
            (void)db->reconnect();
            (void)db->exec("PRAGMA shrink_memory");
        },
        Qt::BlockingQueuedConnection);
}

} // namespace cpis
