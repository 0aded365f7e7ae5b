#include "core/hub/HubQueue.h"

#include "core/store/SecureDb.h"

namespace cpis {

StoreStatus HubQueue::open()
{
    return m_db.exec("CREATE TABLE IF NOT EXISTS hub_forwarded ("
                     "id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, "
                     "hash BLOB NOT NULL, sent_ms INTEGER)");
}

StoreResult<HubQueue::State> HubQueue::state()
{
    auto st = m_db.prepare("SELECT seq, hash, sent_ms FROM hub_forwarded WHERE id = 1");
    if (!st)
        return st.error();
    auto row = st.value().step();
    if (!row)
        return row.error();
    State s;
    if (row.value()) {
        s.seq = st.value().int64(0);
        s.hash = st.value().blob(1);
        if (!st.value().isNull(2))
            s.lastSentUtc = QDateTime::fromMSecsSinceEpoch(st.value().int64(2), Qt::UTC);
    }
    if (s.seq > 0) {
        auto held = hashAt(s.seq);
        if (!held)
            return held.error();
        s.diverged = held.value() != s.hash;
    }
    return s;
}

StoreStatus HubQueue::markSent(qint64 seq, const QByteArray& hash, const QDateTime& atUtc)
{
    return writePosition(seq, hash, atUtc.toMSecsSinceEpoch());
}

StoreStatus HubQueue::restart()
{
    auto current = state();
    if (!current)
        return current.error();
    const QDateTime last = current.value().lastSentUtc;
    return writePosition(0, QByteArray(), last.isValid() ? last.toMSecsSinceEpoch() : -1);
}

StoreStatus HubQueue::writePosition(qint64 seq, const QByteArray& hash, qint64 sentMs)
{
    // The position is written without a flush of its own: the log's next durable commit
    // flushes it with the WAL, and a position lost to a power cut only sends a batch again,
    // which the hub recognises and ignores. A flush per batch cost the desk as much as the
    // entries' own appends did.
    const SecureDb::Durability durability = m_db.durability();
    const bool relax = durability == SecureDb::Durability::EveryCommit;
    if (relax)
        if (auto s = m_db.setDurability(SecureDb::Durability::AtCheckpoint); !s)
            return s;
    StoreStatus written = [&]() -> StoreStatus {
        auto st = m_db.prepare("INSERT OR REPLACE INTO hub_forwarded (id, seq, hash, sent_ms) "
                               "VALUES (1, ?, ?, ?)");
        if (!st)
            return st.error();
        st.value().bind(1, seq).bind(2, hash);
        if (sentMs >= 0)
            st.value().bind(3, sentMs);
        else
            st.value().bindNull(3);
        return st.value().run();
    }();
    // The audit log's own commits are flushed again from here on, whatever the write did.
    if (relax)
        if (auto s = m_db.setDurability(durability); !s)
            return s;
    return written;
}

StoreResult<QByteArray> HubQueue::hashAt(qint64 seq)
{
    if (seq == 0)
        return QByteArray(32, '\0');
    auto st = m_db.prepare("SELECT hash FROM audit WHERE seq = ?");
    if (!st)
        return st.error();
    st.value().bind(1, seq);
    auto row = st.value().step();
    if (!row)
        return row.error();
    return row.value() ? st.value().blob(0) : QByteArray();
}

StoreResult<qint64> HubQueue::lastSeq()
{
    auto st = m_db.prepare("SELECT coalesce(max(seq), 0) FROM audit");
    if (!st)
        return st.error();
    auto row = st.value().step();
    if (!row)
        return row.error();
    return st.value().int64(0);
}

StoreResult<HubBatch> HubQueue::pending(qint64 afterSeq, int limit)
{
    HubBatch batch;
    auto prev = hashAt(afterSeq);
    if (!prev)
        return prev.error();
    batch.prevHash = prev.value();
    auto st = m_db.prepare("SELECT seq, at_ms, user_id, user_name, role, organisation, action, "
                           "nhs_number, outcome, workstation, reason, request_id, environment, "
                           "hash, mac FROM audit WHERE seq > ? ORDER BY seq LIMIT ?");
    if (!st)
        return st.error();
    SqlStatement& q = st.value();
    q.bind(1, afterSeq).bind(2, qint64(limit));
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        HubEntry e;
        e.seq = q.int64(0);
        e.atMs = q.int64(1);
        for (int i = 0; i < HubEntry::kFieldCount; ++i)
            e.fields[size_t(i)] = q.utf8(2 + i);
        e.hash = q.blob(13);
        e.mac = q.blob(14);
        batch.entries << e;
    }
    return batch;
}

} // namespace cpis
