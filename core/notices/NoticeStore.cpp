#include "core/notices/NoticeStore.h"

#include "core/store/SecureDb.h"

namespace cpis {

namespace {

// This file's own user_version steps (notices.db holds nothing else).
const QStringList kMigrations = {
    QStringLiteral(R"(
CREATE TABLE notice (
    mailbox TEXT NOT NULL,
    message_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    when_ms INTEGER NOT NULL,
    viewer_name TEXT NOT NULL,
    viewer_role TEXT NOT NULL,
    org_code TEXT NOT NULL,
    org_name TEXT NOT NULL,
    nhs_number TEXT NOT NULL,
    la_child_id TEXT NOT NULL,
    plan_type TEXT NOT NULL,
    received_ms INTEGER NOT NULL,
    acknowledged_ms INTEGER,
    acknowledged_by TEXT,
    PRIMARY KEY (mailbox, message_id, event_id)) WITHOUT ROWID;
CREATE INDEX notice_when ON notice (mailbox, when_ms);
)"),
    // MESH and the V3 notification: what a row is (a notice, an unreadable message, a
    // delivery error), the upload file and query ids, a system viewer; and the bytes of each
    // message as downloaded, in pieces, kept until the message is read (and for ever when it
    // could not be: the only copy once the mailbox forgets it).
    QStringLiteral(R"(
ALTER TABLE notice ADD COLUMN kind TEXT NOT NULL DEFAULT 'access';
ALTER TABLE notice ADD COLUMN problem TEXT NOT NULL DEFAULT '';
ALTER TABLE notice ADD COLUMN file_id TEXT NOT NULL DEFAULT '';
ALTER TABLE notice ADD COLUMN system_id TEXT NOT NULL DEFAULT '';
CREATE TABLE payload (
    mailbox TEXT NOT NULL,
    message_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (mailbox, message_id, seq)) WITHOUT ROWID;
)"),
};

const char* const kColumns =
    "mailbox, message_id, event_id, when_ms, viewer_name, viewer_role, org_code, org_name, "
    "nhs_number, la_child_id, plan_type, received_ms, acknowledged_ms, acknowledged_by, kind, "
    "problem, file_id, system_id";

QString kindName(AttendanceNotice::Kind k)
{
    switch (k) {
    case AttendanceNotice::Kind::Access:
        return QStringLiteral("access");
    case AttendanceNotice::Kind::Unreadable:
        return QStringLiteral("unreadable");
    case AttendanceNotice::Kind::DeliveryError:
        return QStringLiteral("delivery-error");
    }
    return {};
}

std::optional<AttendanceNotice::Kind> kindFromName(const QString& s)
{
    for (auto k : {AttendanceNotice::Kind::Access, AttendanceNotice::Kind::Unreadable,
                   AttendanceNotice::Kind::DeliveryError})
        if (kindName(k) == s)
            return k;
    return std::nullopt;
}

std::optional<PlanType> planTypeFromShortName(const QString& s)
{
    for (PlanType t :
         {PlanType::ChildProtection, PlanType::LookedAfter, PlanType::UnbornChildProtection})
        if (planTypeShortName(t) == s)
            return t;
    return std::nullopt;
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

NoticeStore::NoticeStore(SecureDb& db) : m_db(db) {}

NoticeStore::~NoticeStore() = default;

StoreResult<std::unique_ptr<NoticeStore>> NoticeStore::open(SecureDb& db)
{
    if (auto s = db.migrate(kMigrations); !s)
        return s.error();
    std::unique_ptr<NoticeStore> store(new NoticeStore(db));
    auto insert = db.prepare(
        "INSERT OR IGNORE INTO notice (mailbox, message_id, event_id, when_ms, viewer_name, "
        "viewer_role, org_code, org_name, nhs_number, la_child_id, plan_type, received_ms, "
        "acknowledged_ms, acknowledged_by, kind, problem, file_id, system_id) VALUES (?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    store->m_insert = std::make_unique<SqlStatement>(std::move(insert).value());
    return store;
}

StoreResult<int> NoticeStore::add(const QList<AttendanceNotice>& notices)
{
    SqlTransaction tx(m_db);
    if (auto s = tx.begin(); !s)
        return s.error();
    int added = 0;
    for (const AttendanceNotice& n : notices) {
        SqlStatement& st = *m_insert;
        st.bind(1, n.mailbox)
            .bind(2, n.messageId)
            .bind(3, n.eventId)
            .bind(4, n.whenUtc.toMSecsSinceEpoch())
            .bind(5, n.viewerName)
            .bind(6, n.viewerRole)
            .bind(7, n.organisationCode)
            .bind(8, n.organisationName)
            .bind(9, n.nhsNumber.digits())
            .bind(10, n.localChildId)
            .bind(11, n.planType ? planTypeShortName(*n.planType) : QString())
            .bind(12, n.receivedUtc.toMSecsSinceEpoch())
            .bind(15, kindName(n.kind))
            .bind(16, n.problem)
            .bind(17, n.fileId)
            .bind(18, n.systemId);
        if (n.isAcknowledged())
            st.bind(13, n.acknowledgedUtc.toMSecsSinceEpoch()).bind(14, n.acknowledgedBy);
        else
            st.bindNull(13).bindNull(14);
        if (auto s = st.run(); !s)
            return s.error();
        added += int(m_db.changes());
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    return added;
}

StoreResult<bool> NoticeStore::hasMessage(const QString& mailbox, const QString& messageId)
{
    auto st = m_db.prepare("SELECT 1 FROM notice WHERE mailbox = ? AND message_id = ? LIMIT 1");
    if (!st)
        return st.error();
    st.value().bind(1, mailbox).bind(2, messageId);
    auto row = st.value().step();
    if (!row)
        return row.error();
    return row.value();
}

StoreResult<QList<AttendanceNotice>> NoticeStore::select(const char* where, const QStringList& args)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM notice WHERE " + where +
                           " ORDER BY when_ms DESC, message_id DESC, event_id";
    auto st = m_db.prepare(sql.constData());
    if (!st)
        return st.error();
    SqlStatement& s = st.value();
    for (int i = 0; i < args.size(); ++i)
        s.bind(i + 1, args.at(i));
    QList<AttendanceNotice> out;
    for (;;) {
        auto row = s.step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        AttendanceNotice n;
        n.mailbox = s.text(0);
        n.messageId = s.text(1);
        n.eventId = s.text(2);
        n.whenUtc = fromMs(s.int64(3));
        n.viewerName = s.text(4);
        n.viewerRole = s.text(5);
        n.organisationCode = s.text(6);
        n.organisationName = s.text(7);
        const QString digits = s.text(8);
        const auto nhs = NhsNumber::parse(digits);
        const QString typeName = s.text(10);
        const auto type = planTypeFromShortName(typeName);
        const auto kind = kindFromName(s.text(14));
        // Only this class writes the table: a row it cannot read back is damage, said aloud.
        if ((!digits.isEmpty() && !nhs) || (!typeName.isEmpty() && !type) || !kind)
            return StoreError{StoreError::Code::Sql,
                              QStringLiteral("a stored notice could not be read back")};
        if (!digits.isEmpty())
            n.nhsNumber = nhs.value();
        n.localChildId = s.text(9);
        n.planType = type;
        n.kind = *kind;
        n.problem = s.text(15);
        n.fileId = s.text(16);
        n.systemId = s.text(17);
        n.receivedUtc = fromMs(s.int64(11));
        if (!s.isNull(12)) {
            n.acknowledgedUtc = fromMs(s.int64(12));
            n.acknowledgedBy = s.text(13);
        }
        out.append(n);
    }
    return out;
}

StoreResult<QList<AttendanceNotice>> NoticeStore::all(const QString& mailbox)
{
    return select("mailbox = ?", {mailbox});
}

StoreResult<QList<AttendanceNotice>> NoticeStore::message(const QString& mailbox,
                                                          const QString& messageId)
{
    return select("mailbox = ? AND message_id = ?", {mailbox, messageId});
}

StoreStatus NoticeStore::markAcknowledged(const QString& mailbox,
                                          const QString& messageId,
                                          const QDateTime& atUtc,
                                          const QString& by)
{
    auto st = m_db.prepare("UPDATE notice SET acknowledged_ms = ?, acknowledged_by = ? WHERE "
                           "mailbox = ? AND message_id = ? AND acknowledged_ms IS NULL");
    if (!st)
        return st.error();
    st.value().bind(1, atUtc.toMSecsSinceEpoch()).bind(2, by).bind(3, mailbox).bind(4, messageId);
    return st.value().run();
}

StoreStatus NoticeStore::clearPayload(const QString& mailbox, const QString& messageId)
{
    auto st = m_db.prepare("DELETE FROM payload WHERE mailbox = ? AND message_id = ?");
    if (!st)
        return st.error();
    st.value().bind(1, mailbox).bind(2, messageId);
    return st.value().run();
}

StoreStatus NoticeStore::appendPayload(const QString& mailbox,
                                       const QString& messageId,
                                       qint64 seq,
                                       const QByteArray& bytes)
{
    auto st =
        m_db.prepare("INSERT INTO payload (mailbox, message_id, seq, data) VALUES (?, ?, ?, ?)");
    if (!st)
        return st.error();
    st.value().bind(1, mailbox).bind(2, messageId).bind(3, seq).bind(4, bytes);
    return st.value().run();
}

StoreResult<qint64> NoticeStore::payloadSize(const QString& mailbox, const QString& messageId)
{
    auto st = m_db.prepare(
        "SELECT COALESCE(SUM(LENGTH(data)), 0) FROM payload WHERE mailbox = ? AND message_id = ?");
    if (!st)
        return st.error();
    st.value().bind(1, mailbox).bind(2, messageId);
    auto row = st.value().step();
    if (!row)
        return row.error();
    return row.value() ? st.value().int64(0) : 0;
}

StoreResult<QByteArray>
NoticeStore::payload(const QString& mailbox, const QString& messageId, qint64 maxBytes)
{
    auto size = payloadSize(mailbox, messageId);
    if (!size)
        return size.error();
    if (size.value() > maxBytes)
        return StoreError{StoreError::Code::Sql,
                          QStringLiteral("the message is larger than %1 bytes").arg(maxBytes)};
    auto st =
        m_db.prepare("SELECT data FROM payload WHERE mailbox = ? AND message_id = ? ORDER BY seq");
    if (!st)
        return st.error();
    st.value().bind(1, mailbox).bind(2, messageId);
    QByteArray out;
    out.reserve(qsizetype(size.value()));
    for (;;) {
        auto row = st.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        out.append(st.value().blobView(0));
    }
    return out;
}

} // namespace cpis
