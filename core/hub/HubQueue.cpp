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
    auto st = m_db.prepare(
        "INSERT OR REPLACE INTO hub_forwarded (id, seq, hash, sent_ms) VALUES (1, ?, ?, ?)");
    if (!st)
        return st.error();
    st.value().bind(1, seq).bind(2, hash).bind(3, atUtc.toMSecsSinceEpoch());
    return st.value().run();
}

StoreStatus HubQueue::restart()
{
    auto current = state();
    if (!current)
        return current.error();
    auto st = m_db.prepare(
        "INSERT OR REPLACE INTO hub_forwarded (id, seq, hash, sent_ms) VALUES (1, 0, ?, ?)");
    if (!st)
        return st.error();
    st.value().bind(1, QByteArray());
    if (current.value().lastSentUtc.isValid())
        st.value().bind(2, current.value().lastSentUtc.toMSecsSinceEpoch());
    else
        st.value().bindNull(2);
    return st.value().run();
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
