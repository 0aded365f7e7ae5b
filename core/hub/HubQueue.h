#pragma once

#include "core/hub/HubEntry.h"
#include "core/store/StoreError.h"

#include <QByteArray>
#include <QDateTime>

namespace cpis {

class SecureDb;

// How far the audit log has reached the hub, kept in the audit log's own encrypted database
// beside the entries: the log is the queue, and this is its read position. Every entry after
// `seq` is still to be sent; an entry is only counted sent once the hub has committed it, so
// a crash re-sends at most the last batch, which the hub recognises and ignores.
class HubQueue
{
public:
    struct State
    {
        qint64 seq = 0;        // the newest entry the hub has acknowledged; 0: none yet
        QByteArray hash;       // that entry's hash, to notice a log rewritten under the marker
        QDateTime lastSentUtc; // the last successful send; invalid: never
        // The log no longer holds entry `seq` as it was sent (it was rewritten): the whole
        // log is to be sent again.
        bool diverged = false;
        qint64 acknowledged() const { return diverged ? 0 : seq; }
    };

    explicit HubQueue(SecureDb& db) : m_db(db) {}
    // Creates its table when the database has none (outside the audit log's own schema steps).
    StoreStatus open();
    StoreResult<State> state();
    StoreStatus markSent(qint64 seq, const QByteArray& hash, const QDateTime& atUtc);
    // Forgets the position: everything is sent again (the hub ignores what it already holds).
    StoreStatus restart();

    // Up to `limit` entries after `afterSeq`, in order, with the hash they are chained to.
    // Read from the audit table as stored, so that the hub hashes the very bytes the desk did.
    StoreResult<HubBatch> pending(qint64 afterSeq, int limit);
    // The stored hash of entry `seq`; empty when there is no such entry.
    StoreResult<QByteArray> hashAt(qint64 seq);
    StoreResult<qint64> lastSeq();

private:
    // sentMs < 0: never sent.
    StoreStatus writePosition(qint64 seq, const QByteArray& hash, qint64 sentMs);

    SecureDb& m_db;
};

} // namespace cpis
