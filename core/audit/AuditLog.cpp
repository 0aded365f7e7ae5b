#include "core/audit/AuditLog.h"

#include "core/audit/AuditLogging.h"
#include "core/audit/PendingAccess.h"
#include "core/crypto/HmacSha256.h"
#include "core/crypto/Sha256.h"
#include "core/domain/Clock.h"
#include "core/store/SecureDb.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QtEndian>

#include <array>
#include <cstring>
#include <string>

namespace cpis {

namespace {

// Version 1: the table and triggers that refuse UPDATE and DELETE. The triggers stop
// mistakes, not attackers (who can drop them); the chain and MAC catch attackers.
const QStringList kMigrations = {
    QStringLiteral(R"(
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    user_id TEXT NOT NULL, user_name TEXT NOT NULL, role TEXT NOT NULL, organisation TEXT NOT NULL,
    action TEXT NOT NULL, nhs_number TEXT NOT NULL, outcome TEXT NOT NULL,
    workstation TEXT NOT NULL, reason TEXT NOT NULL, request_id TEXT NOT NULL,
    hash BLOB NOT NULL, mac BLOB NOT NULL);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)"),
    // Version 2: the service environment (training, int, live...) each entry was made in, so
    // that a training answer can never pass for a live one. Rows from before it keep ''.
    // The configuration in force is looked up at every start; its entries are few among many.
    QStringLiteral(
        "ALTER TABLE audit ADD COLUMN environment TEXT NOT NULL DEFAULT '';\n"
        "CREATE INDEX audit_configuration ON audit(seq) WHERE action = 'configuration';"),
    // Version 3: the store's identity, which names its anchor in the keychain. One row.
    QStringLiteral("CREATE TABLE audit_store (id TEXT NOT NULL);"),
    // Version 4: accesses noted before their outcome is known, outside the chain.
    PendingAccess::schema(),
};

// The hashed fields: ten, and the environment as an eleventh whenever it is not empty. Rows
// written before the environment was recorded hash as they always did; a row that had one
// and lost it no longer matches its hash.
constexpr int kFieldCount = 11;
constexpr int kEnvironmentField = 10;
using RawFields = std::array<QByteArray, kFieldCount>;
using FieldViews = std::array<QByteArrayView, kFieldCount>;

const char* const kSelect = "SELECT seq, at_ms, user_id, user_name, role, organisation, action, "
                            "nhs_number, outcome, workstation, reason, request_id, hash, mac, "
                            "environment FROM audit WHERE seq >= ? ORDER BY seq";

// The outcome column holds the outcome's stable code, then a space and the detail when there
// is one. Logs written while the outcome was free text stay readable without rewriting (the
// chain covers the stored bytes): those texts began with one of today's codes ("ok since: ...",
// "cancelled after ...", "plans-found from-cache") or were successes that did not say so
// ("access-history", "review-feed", "attendance-notice", "csv 3 rows", a review status), which
// read back as ok with the whole old text as detail.
QString storedOutcome(const AuditEntry& e)
{
    const QString code = AuditEntry::outcomeCode(e.outcome);
    return e.outcomeDetail.isEmpty() ? code : code + u' ' + e.outcomeDetail;
}

void readStoredOutcome(const QString& stored, AuditEntry& e)
{
    const qsizetype space = stored.indexOf(u' ');
    const QString code = space < 0 ? stored : stored.left(space);
    if (const auto o = AuditEntry::outcomeFromCode(code)) {
        e.outcome = *o;
        e.outcomeDetail = space < 0 ? QString() : stored.mid(space + 1);
    } else {
        e.outcome = AuditEntry::Outcome::Success;
        e.outcomeDetail = stored;
    }
}

RawFields rawFields(const AuditEntry& e)
{
    return {e.userId.toUtf8(),
            e.userName.toUtf8(),
            e.role.toUtf8(),
            e.organisation.toUtf8(),
            AuditEntry::actionName(e.action).toUtf8(),
            e.nhsNumber.toUtf8(),
            storedOutcome(e).toUtf8(),
            e.workstation.toUtf8(),
            e.reason.toUtf8(),
            e.requestId.toUtf8(),
            e.environment.toUtf8()};
}

size_t hashedCount(QByteArrayView environment)
{
    return environment.isEmpty() ? size_t(kEnvironmentField) : size_t(kFieldCount);
}

template <typename T> void appendBigEndian(std::string& out, T value)
{
    const auto be = qToBigEndian(value);
    out.append(reinterpret_cast<const char*>(&be), sizeof be);
}

// The bytes the chain hash covers: prev hash, seq and at_ms (64-bit big-endian), then each
// field as a 32-bit big-endian length and its UTF-8 bytes. Length-prefixed, so that moving
// bytes between neighbouring fields changes the hash. Built into one reused buffer so that
// a row costs a single digest call and no allocation.
void hashInput(
    std::string& out, QByteArrayView prev, qint64 seq, qint64 atMs, const FieldViews& fields)
{
    out.clear();
    out.append(prev.data(), size_t(prev.size()));
    appendBigEndian(out, seq);
    appendBigEndian(out, atMs);
    const size_t count = hashedCount(fields[kEnvironmentField]);
    for (size_t i = 0; i < count; ++i) {
        const QByteArrayView f = fields[i];
        appendBigEndian(out, quint32(f.size()));
        out.append(f.data(), size_t(f.size()));
    }
}

StoreError cryptoError()
{
    return StoreError{StoreError::Code::Crypto,
                      QStringLiteral("the audit log cannot be checked: OpenSSL's libcrypto gave "
                                     "no SHA-256 or HMAC")};
}

const QByteArray& genesisHash()
{
    static const QByteArray zero(32, '\0');
    return zero;
}

} // namespace

AuditLog::AuditLog(SecureDb& db,
                   QByteArray macKey,
                   AnchorStore& anchors,
                   const Clock& clock,
                   AuditLogOptions options)
    : m_db(db), m_macKey(macKey), m_hmac(std::make_unique<HmacSha256>(m_macKey.view())),
      m_anchors(anchors), m_clock(clock), m_options(options)
{
    wipe(macKey);
}

AuditLog::~AuditLog()
{
    flushAnchor();
}

StoreResult<std::unique_ptr<AuditLog>> AuditLog::open(SecureDb& db,
                                                      const QByteArray& macKey,
                                                      AnchorStore& anchors,
                                                      const Clock& clock,
                                                      AuditLogOptions options)
{
    if (macKey.size() != SecureDb::kKeyBytes)
        return StoreError{
            StoreError::Code::KeyInvalid,
            QStringLiteral("the audit key must be %1 bytes").arg(SecureDb::kKeyBytes)};
    if (options.anchorEvery < 0)
        options.anchorEvery = 0;
    if (auto s = db.migrate(kMigrations); !s)
        return s.error();
    std::unique_ptr<AuditLog> log(new AuditLog(db, macKey, anchors, clock, options));
    if (auto s = log->load(); !s)
        return s.error();
    if (auto s = log->recordUnsettled(); !s)
        return s.error();
    return log;
}

StoreResult<StoreIdentity> AuditLog::identify(SecureDb& db)
{
    if (auto s = db.migrate(kMigrations); !s)
        return s.error();
    SqlTransaction tx(db);
    if (auto s = tx.begin(); !s)
        return s.error();
    auto existing = db.queryText("SELECT id FROM audit_store LIMIT 1");
    if (!existing)
        return existing.error();
    StoreIdentity identity;
    identity.id = existing.value();
    if (identity.id.isEmpty()) {
        quint32 words[4];
        QRandomGenerator::system()->fillRange(words);
        identity.id = QString::fromLatin1(
            QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex());
        const QByteArray sql =
            "INSERT INTO audit_store (id) VALUES ('" + identity.id.toLatin1() + "')";
        if (auto s = db.exec(sql.constData()); !s)
            return s.error();
        identity.created = true;
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    return identity;
}

StoreStatus AuditLog::readHead()
{
    SqlStatement& head = *m_head;
    head.reset();
    auto row = head.step();
    if (!row)
        return row.error();
    m_lastSeq = row.value() ? head.int64(0) : 0;
    m_lastHash = row.value() ? head.blob(1) : genesisHash();
    head.reset();
    return {};
}

StoreStatus AuditLog::load()
{
    auto insert = m_db.prepare(
        "INSERT INTO audit (seq, at_ms, user_id, user_name, role, organisation, action, "
        "nhs_number, outcome, workstation, reason, request_id, hash, mac, environment) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!insert)
        return insert.error();
    m_insert = std::make_unique<SqlStatement>(std::move(insert).value());

    auto head = m_db.prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (!head)
        return head.error();
    m_head = std::make_unique<SqlStatement>(std::move(head).value());
    if (auto s = readHead(); !s)
        return s;

    auto anchor = m_anchors.load();
    if (!anchor)
        return anchor.error();
    if (anchor.value()) {
        m_anchoredSeq = anchor.value()->seq;
        return {};
    }
    if (m_lastSeq > 0) {
        // Not re-anchored here: a new anchor would make the loss, and any cut made with it,
        // invisible. verify() reports it and flushAnchor() refuses until it is resolved.
        m_anchorMissing = true;
        m_anchoredSeq = m_lastSeq;
        m_anchorStatus = StoreError{StoreError::Code::AuditTampered,
                                    QStringLiteral("the audit log holds %1 entries but its anchor "
                                                   "is missing from the keychain")
                                        .arg(m_lastSeq)};
        qCWarning(lcAudit, "the audit log has %lld entries and no anchor", m_lastSeq);
        return {};
    }
    // A new log is anchored at once, at entry 0: from then on a missing anchor is a removed
    // one, never a log that simply had not been anchored yet.
    if (auto s = m_anchors.save(AuditAnchor{0, genesisHash()}); !s)
        return s;
    m_anchoredSeq = 0;
    return {};
}

StoreStatus AuditLog::adoptAnchor(const AuditAnchor& legacy)
{
    if (!m_anchorMissing)
        return {};
    if (legacy.seq < 1 || legacy.seq > m_lastSeq)
        return StoreError{StoreError::Code::AuditTampered,
                          QStringLiteral("the old shared anchor does not belong to this log")};
    auto select = m_db.prepare("SELECT hash FROM audit WHERE seq = ?");
    if (!select)
        return select.error();
    select.value().bind(1, legacy.seq);
    auto row = select.value().step();
    if (!row)
        return row.error();
    if (!row.value() || select.value().blob(0) != legacy.headHash)
        return StoreError{StoreError::Code::AuditTampered,
                          QStringLiteral("the old shared anchor does not belong to this log")};
    if (auto s = m_anchors.save(legacy); !s) {
        m_anchorStatus = s;
        return s;
    }
    m_anchorMissing = false;
    m_anchoredSeq = legacy.seq;
    m_anchorStatus = {};
    qCInfo(lcAudit, "took over the old shared anchor at entry %lld", legacy.seq);
    return {};
}

QByteArray AuditLog::chainHash(const QByteArray& previousHash, const AuditEntry& e)
{
    // Qt's hash here, libcrypto's in verify(): every test that verifies appended entries
    // also checks that the two agree byte for byte.
    const RawFields f = rawFields(e);
    FieldViews views;
    for (size_t i = 0; i < f.size(); ++i)
        views[i] = f[i];
    std::string input;
    hashInput(input, previousHash, e.seq, e.atUtc.toMSecsSinceEpoch(), views);
    return QCryptographicHash::hash(QByteArrayView(input), QCryptographicHash::Sha256);
}

QByteArray AuditLog::macOf(const QByteArray& hash) const
{
    Sha256::Digest mac{};
    if (m_hmac->isValid() && m_hmac->mac(hash, mac))
        return QByteArray(mac.data(), qsizetype(mac.size()));
    // libcrypto refused: Qt's HMAC gives the same value, through a copy of the key it frees.
    return QMessageAuthenticationCode::hash(
        hash, QByteArray::fromRawData(m_macKey.view().data(), m_macKey.size()),
        QCryptographicHash::Sha256);
}

StoreStatus AuditLog::insert(AuditEntry& e)
{
    e.seq = m_lastSeq + 1;
    // Stored to the millisecond; stamping it here keeps the hash and the row identical.
    e.atUtc = QDateTime::fromMSecsSinceEpoch(m_clock.nowUtc().toMSecsSinceEpoch(), Qt::UTC);
    e.hash = chainHash(m_lastHash, e);
    e.mac = macOf(e.hash);
    const RawFields f = rawFields(e);
    SqlStatement& st = *m_insert;
    st.bind(1, e.seq).bind(2, e.atUtc.toMSecsSinceEpoch());
    for (int i = 0; i < kEnvironmentField; ++i)
        st.bind(3 + i, QString::fromUtf8(f[size_t(i)]));
    st.bind(13, e.hash).bind(14, e.mac).bind(15, e.environment);
    if (auto s = st.run(); !s)
        return s;
    m_lastSeq = e.seq;
    m_lastHash = e.hash;
    return {};
}

StoreStatus AuditLog::recordUnsettled()
{
    auto left = PendingAccess::orphans(m_db);
    if (!left || left->ids.isEmpty())
        return left ? StoreStatus() : StoreStatus(left.error());
    qCWarning(lcAudit, "%lld accesses were noted without their outcome; recorded as such",
              qint64(left->ids.size()));
    return appendInTransaction(left.value().entries, left->ids);
}

StoreStatus AuditLog::appendInTransaction(QList<AuditEntry>& entries, const QList<qint64>& settles)
{
    // The head is read again inside the write transaction (BEGIN IMMEDIATE holds SQLite's
    // write lock): another handle on the same file may have appended since, and chaining
    // from a stale head would collide on seq or fork the chain. With WAL and
    // synchronous=FULL the entries are on disk when COMMIT returns.
    const qint64 seqBefore = m_lastSeq;
    const QByteArray hashBefore = m_lastHash;
    const PendingAccess::UnflushedCommit unflushed(m_db, settles);
    SqlTransaction tx(m_db);
    auto fail = [&](const StoreStatus& s) {
        m_lastSeq = seqBefore;
        m_lastHash = hashBefore;
        return s;
    };
    if (auto s = tx.begin(); !s)
        return fail(s);
    if (auto s = readHead(); !s)
        return fail(s);
    for (AuditEntry& e : entries) {
        if (auto s = insert(e); !s)
            return fail(s);
    }
    if (auto s = PendingAccess::settle(m_db, settles); !s)
        return fail(s);
    if (auto s = tx.commit(); !s)
        return fail(s);
    maybeSaveAnchor();
    for (const auto& observer : m_appended)
        observer();
    return {};
}

StoreResult<AuditEntry> AuditLog::append(AuditEntry entry, qint64 settlesPending)
{
    QList<AuditEntry> one{std::move(entry)};
    const QList<qint64> settles = settlesPending ? QList<qint64>{settlesPending} : QList<qint64>{};
    if (auto s = appendInTransaction(one, settles); !s)
        return s.error();
    const AuditEntry& stored = one.first();
    qCDebug(lcAudit, "appended entry %lld: %s, %s", stored.seq,
            qUtf8Printable(AuditEntry::actionName(stored.action)),
            qUtf8Printable(AuditEntry::outcomeCode(stored.outcome)));
    return stored;
}

StoreStatus AuditLog::appendBatch(const QList<AuditEntry>& entries)
{
    QList<AuditEntry> copy = entries;
    if (auto s = appendInTransaction(copy); !s)
        return s;
    qCDebug(lcAudit, "appended %lld entries, up to %lld", qint64(copy.size()), m_lastSeq);
    return {};
}

void AuditLog::maybeSaveAnchor()
{
    if (m_options.anchorEvery > 0 && m_lastSeq - m_anchoredSeq >= m_options.anchorEvery)
        flushAnchor();
}

StoreStatus AuditLog::flushAnchor()
{
    if (m_anchorMissing)
        return m_anchorStatus;
    if (m_lastSeq == m_anchoredSeq)
        return m_anchorStatus;
    m_anchorStatus = m_anchors.save(AuditAnchor{m_lastSeq, m_lastHash});
    if (m_anchorStatus)
        m_anchoredSeq = m_lastSeq;
    else
        qCWarning(lcAudit, "the audit anchor could not be saved: %s",
                  qUtf8Printable(m_anchorStatus.error().message));
    return m_anchorStatus;
}

StoreResult<AuditVerdict> AuditLog::verify()
{
    auto anchorLoad = m_anchors.load();
    if (!anchorLoad)
        return anchorLoad.error();
    const std::optional<AuditAnchor> anchor = anchorLoad.value();

    // Hashed and sealed straight from SQLite's row buffers, with one SHA-256 and one HMAC
    // context for the whole walk: no per-row allocation. The MAC is checked inline: with
    // the key prepared once it is two SHA-256 blocks per entry, too little to be worth
    // copying each row's hash and MAC to a second thread as verify() used to.
    Sha256 sha;
    HmacSha256 hmac(m_macKey.view());
    if (!sha.isValid() || !hmac.isValid())
        return cryptoError();

    auto select = m_db.prepare(kSelect);
    if (!select)
        return select.error();
    SqlStatement& st = select.value();
    st.bind(1, qint64(1));

    AuditVerdict v;
    Sha256::Digest prev{}; // genesis: 32 zero bytes
    Sha256::Digest computed;
    Sha256::Digest seal;
    std::string input;
    input.reserve(512);
    QByteArray anchoredHash;
    qint64 expected = 1;
    FieldViews f;
    for (;;) {
        auto row = st.step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        const qint64 seq = st.int64(0);
        if (seq != expected) {
            v.problem = AuditVerdict::Problem::Missing;
            v.firstBadSeq = expected;
            v.message = QStringLiteral("audit entry %1 is missing (the next entry present is %2)")
                            .arg(expected)
                            .arg(seq);
            return v;
        }
        for (int i = 0; i < kEnvironmentField; ++i)
            f[size_t(i)] = st.utf8View(2 + i);
        f[kEnvironmentField] = st.utf8View(14);
        hashInput(input, view(prev), seq, st.int64(1), f);
        if (!sha.hash(QByteArrayView(input), computed))
            return cryptoError();
        const QByteArrayView stored = st.blobView(12);
        if (stored != view(computed)) {
            v.problem = AuditVerdict::Problem::HashMismatch;
            v.firstBadSeq = seq;
            v.message = QStringLiteral("audit entry %1 was altered, moved or has lost its "
                                       "predecessor (hash chain broken)")
                            .arg(seq);
            return v;
        }
        // After the chain check, so that an entry whose hash is wrong is reported as such;
        // the MAC covers the stored hash, which now equals the computed one.
        if (!hmac.mac(view(computed), seal))
            return cryptoError();
        if (st.blobView(13) != view(seal)) {
            v.problem = AuditVerdict::Problem::MacMismatch;
            v.firstBadSeq = seq;
            v.message = QStringLiteral("audit entry %1 does not carry a valid seal (MAC); it "
                                       "was written or rewritten without the audit key")
                            .arg(seq);
            return v;
        }
        if (anchor && seq == anchor->seq)
            anchoredHash = QByteArray(computed.data(), computed.size());
        prev = computed;
        ++v.entries;
        ++expected;
    }
    const qint64 last = expected - 1;
    qCInfo(lcAudit, "checked the chain and seals of %lld entries", v.entries);
    if (!anchor && last > 0) {
        v.problem = AuditVerdict::Problem::AnchorMissing;
        v.firstBadSeq = last;
        v.message = QStringLiteral("the audit log holds %1 entries but its anchor is missing: "
                                   "entries could have been cut off and the anchor removed")
                        .arg(last);
        return v;
    }
    if (anchor && anchor->seq > last) {
        v.problem = AuditVerdict::Problem::Truncated;
        v.firstBadSeq = last + 1;
        v.message = QStringLiteral("the audit log ends at entry %1 but its anchor records entry "
                                   "%2: entries %3 to %2 were cut off")
                        .arg(last)
                        .arg(anchor->seq)
                        .arg(last + 1);
        return v;
    }
    if (anchor && anchor->seq > 0 && anchoredHash != anchor->headHash) {
        v.problem = AuditVerdict::Problem::AnchorMismatch;
        v.firstBadSeq = anchor->seq;
        v.message = QStringLiteral("audit entry %1 differs from the one its anchor recorded")
                        .arg(anchor->seq);
        return v;
    }
    return v;
}

namespace {

AuditEntry entryAt(const SqlStatement& st)
{
    AuditEntry e;
    e.seq = st.int64(0);
    e.atUtc = QDateTime::fromMSecsSinceEpoch(st.int64(1), Qt::UTC);
    e.userId = st.text(2);
    e.userName = st.text(3);
    e.role = st.text(4);
    e.organisation = st.text(5);
    e.action = AuditEntry::actionFromName(st.text(6)).value_or(AuditEntry::Action::LookUp);
    e.nhsNumber = st.text(7);
    readStoredOutcome(st.text(8), e);
    e.workstation = st.text(9);
    e.reason = st.text(10);
    e.requestId = st.text(11);
    e.hash = st.blob(12);
    e.mac = st.blob(13);
    e.environment = st.text(14);
    return e;
}

} // namespace

StoreResult<std::optional<AuditEntry>> AuditLog::latestConfiguration()
{
    // The action is written out so that SQLite uses the partial index of version 2.
    auto select = m_db.prepare("SELECT seq, at_ms, user_id, user_name, role, organisation, action, "
                               "nhs_number, outcome, workstation, reason, request_id, hash, mac, "
                               "environment FROM audit WHERE action = 'configuration' "
                               "ORDER BY seq DESC LIMIT 1");
    if (!select)
        return select.error();
    SqlStatement& st = select.value();
    auto row = st.step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<AuditEntry>();
    return std::optional<AuditEntry>(entryAt(st));
}

StoreStatus AuditLog::forEach(const std::function<bool(const AuditEntry&)>& visit, qint64 fromSeq)
{
    auto select = m_db.prepare(kSelect);
    if (!select)
        return select.error();
    SqlStatement& st = select.value();
    st.bind(1, fromSeq);
    for (;;) {
        auto row = st.step();
        if (!row)
            return row.error();
        if (!row.value())
            return {};
        const AuditEntry e = entryAt(st);
        if (!visit(e))
            return {};
    }
}

} // namespace cpis
