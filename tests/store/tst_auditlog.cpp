// Audit log: sealed entries, verify() names the first bad one after deletion, edit,
// swap, forged re-hash and cut-off tail; exports.
#include "core/audit/AuditExport.h"
#include "core/audit/AuditLog.h"
#include "core/crypto/HmacSha256.h"
#include "core/crypto/Sha256.h"
#include "core/domain/Clock.h"
#include "core/store/SecureDb.h"
#include "tests/store/StoreTestUtil.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;
using namespace storetest;

class TestAuditLog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void appendStampsAndVerifies();
    void appendOnlyInSql();
    void deletedEntryIsNamed();
    void deletedFirstEntryIsNamed();
    void editedEntryIsNamed();
    void rehashedWithoutKeyIsNamed();
    void swappedEntriesAreNamed();
    void cutOffTailIsReported();
    void anchorWindowIsAsDocumented();
    void anchorMismatchIsReported();
    void wrongMacKeyFailsAtFirstEntry();
    void earliestFaultWinsAcrossKinds();
    void reopenContinuesTheChain();
    void chainHashFormatIsPinned();
    void libcryptoDigestsMatchKnownAnswers();
    void exportsFhirNdjson();
    void exportsCsv();

private:
    AuditEntry sample(int i) const;
    void fill(int n);
    void tamper(const QByteArray& sql);
    AuditVerdict verdict();

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<SecureDb> db;
    MemoryAnchorStore anchors;
    std::unique_ptr<AuditLog> log;
    QString path;
};

AuditEntry TestAuditLog::sample(int i) const
{
    AuditEntry e;
    e.userId = QStringLiteral("5550001112%1").arg(i % 10);
    e.userName = QStringLiteral("Nurse %1").arg(i);
    e.role = QStringLiteral("R8001");
    e.organisation = QStringLiteral("RXX01");
    e.action = i % 3 == 0 ? AuditEntry::Action::View : AuditEntry::Action::LookUp;
    e.nhsNumber = QStringLiteral("94347659%1").arg(10 + i % 90);
    e.outcome = QStringLiteral("no-plan");
    e.workstation = QStringLiteral("ED-WS-07");
    e.reason = i % 2 ? QStringLiteral("Attending ED") : QString();
    e.requestId = QStringLiteral("req-%1").arg(i);
    return e;
}

void TestAuditLog::init()
{
    dir = std::make_unique<QTemporaryDir>();
    path = dir->filePath(QStringLiteral("audit.db"));
    clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    anchors.set(std::nullopt);
    auto opened = SecureDb::open(path, key('a'));
    QVERIFY(opened);
    db = std::move(opened).value();
    auto l = AuditLog::open(*db, key('m'), anchors, *clock);
    QVERIFY(l);
    log = std::move(l).value();
}

void TestAuditLog::cleanup()
{
    log.reset();
    db.reset();
    dir.reset();
}

void TestAuditLog::fill(int n)
{
    for (int i = 1; i <= n; ++i) {
        clock->advanceMSecs(1500);
        QVERIFY(log->append(sample(i)));
    }
}

// What someone holding the database key can do: a second connection, triggers dropped.
void TestAuditLog::tamper(const QByteArray& sql)
{
    auto other = SecureDb::open(path, key('a'));
    QVERIFY(other);
    QVERIFY(other.value()->exec("DROP TRIGGER IF EXISTS audit_no_update; "
                                "DROP TRIGGER IF EXISTS audit_no_delete"));
    auto s = other.value()->exec(sql.constData());
    QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
}

AuditVerdict TestAuditLog::verdict()
{
    auto v = log->verify();
    if (!v)
        qWarning("verify failed to run: %s", qPrintable(v.error().message));
    return v ? v.value() : AuditVerdict{AuditVerdict::Problem::None, -1, -1, {}};
}

void TestAuditLog::appendStampsAndVerifies()
{
    const QDateTime t = clock->nowUtc().addMSecs(1500);
    fill(10);
    QCOMPARE(log->lastSeq(), 10);
    QCOMPARE(anchors.load().value()->seq, 10); // default: anchored on every append
    const AuditVerdict v = verdict();
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.entries, 10);

    QList<AuditEntry> read;
    QVERIFY(log->forEach([&](const AuditEntry& e) {
        read.append(e);
        return true;
    }));
    QCOMPARE(read.size(), 10);
    QCOMPARE(read.first().seq, 1);
    QCOMPARE(read.first().atUtc, t);
    QCOMPARE(read.first().userName, QStringLiteral("Nurse 1"));
    QCOMPARE(read.at(2).action, AuditEntry::Action::View);
    QCOMPARE(read.at(1).hash, AuditLog::chainHash(read.at(0).hash, read.at(1)));
    QCOMPARE(read.last().hash, anchors.load().value()->headHash);
}

void TestAuditLog::appendOnlyInSql()
{
    fill(2);
    QVERIFY(!db->exec("UPDATE audit SET outcome = 'x' WHERE seq = 1"));
    QVERIFY(!db->exec("DELETE FROM audit WHERE seq = 2"));
    QVERIFY(verdict().ok());
}

void TestAuditLog::deletedEntryIsNamed()
{
    fill(10);
    tamper("DELETE FROM audit WHERE seq = 4");
    const AuditVerdict v = verdict();
    QCOMPARE(v.problem, AuditVerdict::Problem::Missing);
    QCOMPARE(v.firstBadSeq, 4);
    QVERIFY(v.message.contains(QLatin1String("entry 4 is missing")));
}

void TestAuditLog::deletedFirstEntryIsNamed()
{
    fill(3);
    tamper("DELETE FROM audit WHERE seq = 1");
    QCOMPARE(verdict().firstBadSeq, 1);
    QCOMPARE(verdict().problem, AuditVerdict::Problem::Missing);
}

void TestAuditLog::editedEntryIsNamed()
{
    fill(10);
    tamper("UPDATE audit SET outcome = 'plan-found' WHERE seq = 6");
    AuditVerdict v = verdict();
    QCOMPARE(v.problem, AuditVerdict::Problem::HashMismatch);
    QCOMPARE(v.firstBadSeq, 6);
    QVERIFY(v.message.contains(QLatin1String("entry 6")));
    QVERIFY(!v.message.contains(QLatin1String("9434765")));
}

void TestAuditLog::rehashedWithoutKeyIsNamed()
{
    // The attacker knows the chain algorithm but not the HMAC key: edit entry 6 and
    // recompute the hashes from there on.
    fill(10);
    QList<AuditEntry> all;
    QVERIFY(log->forEach([&](const AuditEntry& e) {
        all.append(e);
        return true;
    }));
    all[5].nhsNumber = QStringLiteral("9000000009");
    QByteArray sql = "UPDATE audit SET nhs_number = '9000000009' WHERE seq = 6;";
    QByteArray prev = all.at(4).hash;
    for (int i = 5; i < all.size(); ++i) {
        all[i].hash = AuditLog::chainHash(prev, all.at(i));
        prev = all.at(i).hash;
        sql += "UPDATE audit SET hash = x'" + all.at(i).hash.toHex() +
               "' WHERE seq = " + QByteArray::number(all.at(i).seq) + ";";
    }
    tamper(sql);
    const AuditVerdict v = verdict();
    QCOMPARE(v.problem, AuditVerdict::Problem::MacMismatch);
    QCOMPARE(v.firstBadSeq, 6);
}

void TestAuditLog::swappedEntriesAreNamed()
{
    fill(10);
    // Swap entries 3 and 4 wholesale (every column but the sequence number).
    tamper("CREATE TEMP TABLE s AS SELECT * FROM audit WHERE seq IN (3, 4);"
           "UPDATE audit SET (at_ms, user_id, user_name, role, organisation, action, nhs_number,"
           " outcome, workstation, reason, request_id, hash, mac) = (SELECT at_ms, user_id,"
           " user_name, role, organisation, action, nhs_number, outcome, workstation, reason,"
           " request_id, hash, mac FROM s WHERE s.seq = 7 - audit.seq) WHERE seq IN (3, 4);");
    const AuditVerdict v = verdict();
    QCOMPARE(v.problem, AuditVerdict::Problem::HashMismatch);
    QCOMPARE(v.firstBadSeq, 3);
}

void TestAuditLog::cutOffTailIsReported()
{
    fill(10);
    tamper("DELETE FROM audit WHERE seq > 7");
    const AuditVerdict v = verdict();
    QCOMPARE(v.problem, AuditVerdict::Problem::Truncated);
    QCOMPARE(v.firstBadSeq, 8);
    QCOMPARE(v.entries, 7);
    QVERIFY2(v.message.contains(QLatin1String("entries 8 to 10 were cut off")),
             qPrintable(v.message));

    // Everything gone, anchor kept: still reported.
    tamper("DELETE FROM audit");
    QCOMPARE(verdict().problem, AuditVerdict::Problem::Truncated);
    QCOMPARE(verdict().firstBadSeq, 1);
}

void TestAuditLog::anchorWindowIsAsDocumented()
{
    log.reset();
    anchors.set(std::nullopt);
    const int savesBefore = anchors.saves();
    auto l = AuditLog::open(*db, key('m'), anchors, *clock, AuditLogOptions{5});
    QVERIFY(l);
    log = std::move(l).value();
    fill(7);
    QCOMPARE(anchors.load().value()->seq, 5);
    QCOMPARE(anchors.saves() - savesBefore, 1);
    // Entries newer than the anchor can be cut off unseen: that is the stated window.
    tamper("DELETE FROM audit WHERE seq > 5");
    QVERIFY(verdict().ok());
    tamper("DELETE FROM audit WHERE seq = 5");
    QCOMPARE(verdict().problem, AuditVerdict::Problem::Truncated);
    QCOMPARE(verdict().firstBadSeq, 5);
}

void TestAuditLog::anchorMismatchIsReported()
{
    fill(4);
    AuditAnchor a = *anchors.load().value();
    a.headHash[0] = char(a.headHash[0] ^ 1);
    anchors.set(a);
    QCOMPARE(verdict().problem, AuditVerdict::Problem::AnchorMismatch);
    QCOMPARE(verdict().firstBadSeq, 4);
}

void TestAuditLog::wrongMacKeyFailsAtFirstEntry()
{
    fill(3);
    log.reset();
    auto l = AuditLog::open(*db, key('x'), anchors, *clock);
    QVERIFY(l);
    log = std::move(l).value();
    QCOMPARE(verdict().problem, AuditVerdict::Problem::MacMismatch);
    QCOMPARE(verdict().firstBadSeq, 1);
}

void TestAuditLog::earliestFaultWinsAcrossKinds()
{
    // MACs are checked on another thread; the verdict must still name the lowest entry.
    fill(10);
    tamper(
        "UPDATE audit SET mac = x'00' WHERE seq = 2; UPDATE audit SET outcome = 'x' WHERE seq = 6");
    QCOMPARE(verdict().problem, AuditVerdict::Problem::MacMismatch);
    QCOMPARE(verdict().firstBadSeq, 2);
    tamper("DELETE FROM audit WHERE seq = 1");
    QCOMPARE(verdict().problem, AuditVerdict::Problem::Missing);
    QCOMPARE(verdict().firstBadSeq, 1);
}

void TestAuditLog::reopenContinuesTheChain()
{
    fill(3);
    log.reset();
    db.reset();
    auto opened = SecureDb::open(path, key('a'));
    QVERIFY(opened);
    db = std::move(opened).value();
    auto l = AuditLog::open(*db, key('m'), anchors, *clock);
    QVERIFY(l);
    log = std::move(l).value();
    QCOMPARE(log->lastSeq(), 3);
    fill(2);
    const AuditVerdict v = verdict();
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.entries, 5);
}

// Existing logs must keep verifying: this value was computed from the documented format
// (prev ‖ seq ‖ at_ms ‖ length-prefixed UTF-8 fields) outside the code, and matches what
// the Qt-hashed append() wrote before verify() moved to libcrypto.
void TestAuditLog::chainHashFormatIsPinned()
{
    AuditEntry e;
    e.seq = 1;
    e.atUtc = QDateTime::fromMSecsSinceEpoch(1764000000123, Qt::UTC);
    e.userId = QStringLiteral("555000111222");
    e.userName = QStringLiteral("Bench Nurse");
    e.role = QStringLiteral("R8001");
    e.organisation = QStringLiteral("RXX01");
    e.action = AuditEntry::Action::LookUp;
    e.nhsNumber = QStringLiteral("9434765919");
    e.outcome = QStringLiteral("no-plan");
    e.workstation = QStringLiteral("ED-WS-07");
    e.requestId = QStringLiteral("req-1");
    QCOMPARE(AuditLog::chainHash(QByteArray(32, '\0'), e).toHex(),
             QByteArray("2b48befaba8a0b66d9d620708ee4da70b39481dcca76f8516bb8982f3b25a1d2"));
}

// verify() uses these with one context for many inputs; each use must start afresh.
void TestAuditLog::libcryptoDigestsMatchKnownAnswers()
{
    Sha256 sha;
    QVERIFY(sha.isValid());
    Sha256::Digest d;
    for (int i = 0; i < 2; ++i) {
        QVERIFY(sha.hash("abc", d));
        QCOMPARE(view(d).toByteArray().toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
    HmacSha256 hmac("Jefe"); // RFC 4231, test case 2
    QVERIFY(hmac.isValid());
    for (int i = 0; i < 2; ++i) {
        QVERIFY(hmac.mac("what do ya want for nothing?", d));
        QCOMPARE(view(d).toByteArray().toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }
}

void TestAuditLog::exportsFhirNdjson()
{
    fill(4);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    auto n = AuditExport::writeFhirNdjson(*log, out);
    QVERIFY(n);
    QCOMPARE(n.value(), 4);
    const QList<QByteArray> lines = out.data().split('\n');
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.last().isEmpty());
    QJsonParseError err;
    const QJsonObject ev = QJsonDocument::fromJson(lines.at(1), &err).object();
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(ev.value(QLatin1String("resourceType")).toString(), QStringLiteral("AuditEvent"));
    QCOMPARE(ev.value(QLatin1String("id")).toString(), QStringLiteral("cpis-desk-2"));
    QCOMPARE(ev.value(QLatin1String("recorded")).toString(),
             QStringLiteral("2026-03-01T08:00:03.000Z"));
    QCOMPARE(ev.value(QLatin1String("action")).toString(), QStringLiteral("R"));
    const QJsonObject who = ev.value(QLatin1String("agent"))[0][QLatin1String("who")].toObject();
    QCOMPARE(who.value(QLatin1String("display")).toString(), QStringLiteral("Nurse 2"));
    QCOMPARE(ev.value(QLatin1String("entity"))[0][QLatin1String("what")]
                                              [QLatin1String("identifier")][QLatin1String("value")]
                                                  .toString(),
             QStringLiteral("9434765912"));
    QCOMPARE(ev.value(QLatin1String("extension"))[0][QLatin1String("valueString")].toString(),
             QStringLiteral("req-2"));
}

void TestAuditLog::exportsCsv()
{
    AuditEntry e = sample(1);
    e.reason = QStringLiteral("=HYPERLINK(\"x\"), \"quoted\"");
    clock->advanceMSecs(1500);
    QVERIFY(log->append(e));
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QCOMPARE(AuditExport::writeCsv(*log, out).value(), 1);
    const QList<QByteArray> lines = out.data().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith("seq,recorded_utc,user_id"));
    QVERIFY2(lines.at(1).contains(",\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\","),
             lines.at(1).constData());
    QVERIFY(lines.at(1).startsWith("1,2026-03-01T08:00:01.500Z,"));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
