#include "core/audit/PendingAccess.h"

#include "core/store/SecureDb.h"

namespace cpis {

QString PendingAccess::schema()
{
    return QStringLiteral(
        "CREATE TABLE audit_pending (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, "
        "user_id TEXT NOT NULL, user_name TEXT NOT NULL, role TEXT NOT NULL, "
        "organisation TEXT NOT NULL, action TEXT NOT NULL, nhs_number TEXT NOT NULL, "
        "workstation TEXT NOT NULL, reason TEXT NOT NULL, request_id TEXT NOT NULL, "
        "environment TEXT NOT NULL);");
}

PendingAccess::UnflushedCommit::UnflushedCommit(SecureDb& db, const QList<qint64>& settles)
    : m_db(db)
{
    if (settles.size() != 1 || db.durability() != SecureDb::Durability::EveryCommit)
        return;
    const auto noted = isNoted(db, settles.first());
    if (noted && noted.value())
        m_active = db.setDurability(SecureDb::Durability::AtCheckpoint).ok();
}

PendingAccess::UnflushedCommit::~UnflushedCommit()
{
    if (m_active)
        (void)m_db.setDurability(SecureDb::Durability::EveryCommit);
}

StoreResult<qint64> PendingAccess::note(SecureDb& db, const AuditEntry& e)
{
    SqlTransaction tx(db);
    if (auto s = tx.begin(); !s)
        return s.error();
    auto insert = db.prepare(
        "INSERT INTO audit_pending (at_ms, user_id, user_name, role, organisation, action, "
        "nhs_number, workstation, reason, request_id, environment) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    if (!insert)
        return insert.error();
    SqlStatement& st = insert.value();
    st.bind(1, e.atUtc.toMSecsSinceEpoch())
        .bind(2, e.userId)
        .bind(3, e.userName)
        .bind(4, e.role)
        .bind(5, e.organisation)
        .bind(6, AuditEntry::actionName(e.action))
        .bind(7, e.nhsNumber)
        .bind(8, e.workstation)
        .bind(9, e.reason)
        .bind(10, e.requestId)
        .bind(11, e.environment);
    if (auto s = st.run(); !s)
        return s.error();
    auto id = db.queryText("SELECT last_insert_rowid()");
    if (!id)
        return id.error();
    // The database keeps synchronous=FULL: the row is on disk when COMMIT returns.
    if (auto s = tx.commit(); !s)
        return s.error();
    return id.value().toLongLong();
}

StoreResult<bool> PendingAccess::isNoted(SecureDb& db, qint64 id)
{
    auto select = db.prepare("SELECT 1 FROM audit_pending WHERE id = ?");
    if (!select)
        return select.error();
    select.value().bind(1, id);
    auto row = select.value().step();
    if (!row)
        return row.error();
    return row.value();
}

StoreStatus PendingAccess::settle(SecureDb& db, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return {};
    auto del = db.prepare("DELETE FROM audit_pending WHERE id = ?");
    if (!del)
        return del.error();
    for (const qint64 id : ids) {
        del.value().bind(1, id);
        if (auto s = del.value().run(); !s)
            return s;
    }
    return {};
}

StoreResult<QList<PendingAccess::Unsettled>> PendingAccess::unsettled(SecureDb& db)
{
    auto select =
        db.prepare("SELECT id, at_ms, user_id, user_name, role, organisation, action, nhs_number, "
                   "workstation, reason, request_id, environment FROM audit_pending ORDER BY id");
    if (!select)
        return select.error();
    SqlStatement& st = select.value();
    QList<Unsettled> found;
    for (;;) {
        auto row = st.step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        Unsettled u;
        u.id = st.int64(0);
        u.entry.atUtc = QDateTime::fromMSecsSinceEpoch(st.int64(1), Qt::UTC);
        u.entry.userId = st.text(2);
        u.entry.userName = st.text(3);
        u.entry.role = st.text(4);
        u.entry.organisation = st.text(5);
        u.entry.action =
            AuditEntry::actionFromName(st.text(6)).value_or(AuditEntry::Action::LookUp);
        u.entry.nhsNumber = st.text(7);
        u.entry.workstation = st.text(8);
        u.entry.reason = st.text(9);
        u.entry.requestId = st.text(10);
        u.entry.environment = st.text(11);
        found << u;
    }
    return found;
}

StoreResult<PendingAccess::Orphans> PendingAccess::orphans(SecureDb& db)
{
    auto left = unsettled(db);
    if (!left)
        return left.error();
    Orphans o;
    for (const Unsettled& u : std::as_const(left.value())) {
        o.entries << orphanEntry(u);
        o.ids << u.id;
    }
    return o;
}

AuditEntry PendingAccess::orphanEntry(const Unsettled& u)
{
    AuditEntry e = u.entry;
    e.outcome = AuditEntry::Outcome::Requested;
    // The entry is stamped when it is appended; the detail keeps when the access was made.
    e.outcomeDetail = QStringLiteral("outcome-not-recorded asked-at=") +
                      u.entry.atUtc.toString(Qt::ISODateWithMs);
    return e;
}

} // namespace cpis
