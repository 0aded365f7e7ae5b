#pragma once

#include "core/audit/AuditEntry.h"
#include "core/store/StoreError.h"

#include <QList>

namespace cpis {

class SecureDb;

// An access written down durably before its outcome is known, so that the request to a
// national service and the audit log's flush can run at the same time: the answer is shown
// once both are done, never before the access is on disk. It lives in the audit database's
// `audit_pending` table, outside the hash chain, until the entry with the outcome settles it
// in the same transaction as that entry (AuditLog::append). One left unsettled (the desk
// stopped in between, or the power went before the outcome was flushed) becomes an entry of
// its own the next time the log is opened: the access is never lost.
class PendingAccess
{
public:
    struct Unsettled
    {
        qint64 id = 0;
        AuditEntry entry; // as noted: who, what, about whom, when; no outcome
    };
    // Unsettled notes as the entries the log keeps for them, and their ids.
    struct Orphans
    {
        QList<AuditEntry> entries;
        QList<qint64> ids;
    };

    // While alive, and only when `settles` is one note that is on disk, the database's
    // commits are not flushed by themselves (synchronous=NORMAL; set before the transaction,
    // as SQLite requires): an entry settling a durable note needs no flush of its own,
    // because should its commit be lost to a power cut, the note is still there and becomes
    // an entry at the next open. Anything else keeps the database's own setting.
    class UnflushedCommit
    {
    public:
        UnflushedCommit(SecureDb& db, const QList<qint64>& settles);
        ~UnflushedCommit();
        UnflushedCommit(const UnflushedCommit&) = delete;
        UnflushedCommit& operator=(const UnflushedCommit&) = delete;
        bool active() const { return m_active; }

    private:
        SecureDb& m_db;
        bool m_active = false;
    };

    // The audit database's table of notes (the audit log's schema step 4).
    static QString schema();

    // Inserts `e` (its atUtc already stamped) and commits durably. The id settles it.
    static StoreResult<qint64> note(SecureDb& db, const AuditEntry& e);
    // Whether `id` is noted and not yet settled.
    static StoreResult<bool> isNoted(SecureDb& db, qint64 id);
    // Deletes the notes, inside the caller's transaction.
    static StoreStatus settle(SecureDb& db, const QList<qint64>& ids);
    static StoreResult<QList<Unsettled>> unsettled(SecureDb& db);
    // The entry the log keeps for an access whose outcome was never recorded.
    static AuditEntry orphanEntry(const Unsettled& u);
    static StoreResult<Orphans> orphans(SecureDb& db);
};

} // namespace cpis
