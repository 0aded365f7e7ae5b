// Audit log: sealed entries, verify() names the first bad one after deletion, edit,
// swap, forged re-hash and cut-off tail; the pinned chain format and older logs.
#include "core/audit/AuditLog.h"
#include "core/crypto/HmacSha256.h"
#include "core/crypto/Sha256.h"
#include "core/domain/Clock.h"
#include "core/store/SecureDb.h"
#include "tests/store/AuditLogRig.h"
#include "tests/store/StoreTestUtil.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QStandardPaths>
#include <QTest>

using namespace cpis;
using namespace storetest;

class TestAuditLog : public AuditLogRig
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { openRig(); }
    void cleanup() { closeRig(); }
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
    void freeTextOutcomesOfOlderLogsStillReadAndVerify();
    void environmentIsSealed_data();
    void environmentIsSealed();
    void latestConfigurationIsTheNewest();
};

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

// A training entry must never be passed off as a live one, nor lose its environment.
void TestAuditLog::environmentIsSealed_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::newRow("changed") << QByteArray("UPDATE audit SET environment = 'live' WHERE seq = 4");
    QTest::newRow("removed") << QByteArray("UPDATE audit SET environment = '' WHERE seq = 4");
}

void TestAuditLog::environmentIsSealed()
{
    QFETCH(QByteArray, sql);
    for (int i = 1; i <= 6; ++i) {
        AuditEntry e = sample(i);
        e.environment = QStringLiteral("training");
        QVERIFY(log->append(e));
    }
    QVERIFY(verdict().ok());
    int read = 0;
    QVERIFY(log->forEach([&](const AuditEntry& e) {
        read += e.environment == u"training";
        return true;
    }));
    QCOMPARE(read, 6);
    tamper(sql);
    const AuditVerdict v = verdict();
    QCOMPARE(v.problem, AuditVerdict::Problem::HashMismatch);
    QCOMPARE(v.firstBadSeq, 4);
}

void TestAuditLog::latestConfigurationIsTheNewest()
{
    auto none = log->latestConfiguration();
    QVERIFY(none.ok() && !none.value().has_value());
    for (int i = 1; i <= 5; ++i) {
        AuditEntry e = sample(i);
        if (i == 2 || i == 4) {
            e.action = AuditEntry::Action::Configuration;
            e.outcomeDetail = QStringLiteral("site=%1").arg(i);
        }
        QVERIFY(log->append(e));
    }
    auto latest = log->latestConfiguration();
    QVERIFY(latest.ok() && latest.value().has_value());
    QCOMPARE(latest.value()->seq, 4);
    QCOMPARE(latest.value()->outcomeDetail, QStringLiteral("site=4"));
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
    QCOMPARE(anchors.saves() - savesBefore, 2); // entry 0 when the log was new, then entry 5
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
// (prev ‖ seq ‖ at_ms ‖ length-prefixed UTF-8 fields, the outcome stored as its code, a
// space and its detail) outside the code, with Python's hashlib.
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
    e.outcome = AuditEntry::Outcome::Cancelled;
    e.outcomeDetail = QStringLiteral("after 3 Patient, 2 CareTeam");
    e.workstation = QStringLiteral("ED-WS-07");
    e.requestId = QStringLiteral("req-1");
    QCOMPARE(AuditLog::chainHash(QByteArray(32, '\0'), e).toHex(),
             QByteArray("fabe78b65fab5ab48de14118ecb207200329a620e8f3b755f91957337bfab7ea"));
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

namespace {

// The documented chain format, written out independently of AuditLog.
QByteArray
documentedHash(const QByteArray& prev, qint64 seq, qint64 atMs, const QStringList& fields)
{
    QByteArray in = prev;
    for (qint64 v : {seq, atMs}) {
        for (int shift = 56; shift >= 0; shift -= 8)
            in += char((v >> shift) & 0xff);
    }
    for (const QString& f : fields) {
        const QByteArray utf8 = f.toUtf8();
        const quint32 n = quint32(utf8.size());
        for (int shift = 24; shift >= 0; shift -= 8)
            in += char((n >> shift) & 0xff);
        in += utf8;
    }
    return QCryptographicHash::hash(in, QCryptographicHash::Sha256);
}

} // namespace

// Logs written while the outcome was free text are not rewritten: they verify as they are and
// read back typed.
void TestAuditLog::freeTextOutcomesOfOlderLogsStillReadAndVerify()
{
    fill(1);
    QByteArray prev = anchors.load().value()->headHash;
    const QStringList oldOutcomes{QStringLiteral("review-feed"),
                                  QStringLiteral("cancelled after 3 Patient, 2 CareTeam"),
                                  QStringLiteral("could-not-check service-error")};
    QByteArray sql;
    qint64 seq = 1;
    for (const QString& outcome : oldOutcomes) {
        ++seq;
        const qint64 atMs = 1764000000000 + seq;
        const QStringList fields{QStringLiteral("555000111222"),
                                 QStringLiteral("Old Nurse"),
                                 QStringLiteral("R8001"),
                                 QStringLiteral("RXX01"),
                                 QStringLiteral("view"),
                                 QString(),
                                 outcome,
                                 QStringLiteral("ED-WS-07"),
                                 QString(),
                                 QString()};
        const QByteArray hash = documentedHash(prev, seq, atMs, fields);
        const QByteArray mac =
            QMessageAuthenticationCode::hash(hash, key('m'), QCryptographicHash::Sha256);
        sql += "INSERT INTO audit VALUES (" + QByteArray::number(seq) + ',' +
               QByteArray::number(atMs) +
               ",'555000111222','Old Nurse','R8001','RXX01','view','','" + outcome.toUtf8() +
               "','ED-WS-07','','',x'" + hash.toHex() + "',x'" + mac.toHex() +
               "','');"; // written before the environment column: empty
        prev = hash;
    }
    tamper(sql);
    anchors.set(AuditAnchor{seq, prev});
    const AuditVerdict v = verdict();
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.entries, 4);

    QList<AuditEntry> read;
    QVERIFY(log->forEach(
        [&](const AuditEntry& r) {
            read.append(r);
            return true;
        },
        2));
    QCOMPARE(read.size(), 3);
    QCOMPARE(read.at(0).outcome, AuditEntry::Outcome::Success);
    QCOMPARE(read.at(0).outcomeDetail, QStringLiteral("review-feed"));
    QCOMPARE(read.at(1).outcome, AuditEntry::Outcome::Cancelled);
    QCOMPARE(read.at(1).outcomeDetail, QStringLiteral("after 3 Patient, 2 CareTeam"));
    QCOMPARE(read.at(2).outcome, AuditEntry::Outcome::CouldNotCheck);
    QCOMPARE(read.at(2).outcomeDetail, QStringLiteral("service-error"));
    // Read back typed, each hashes to what is stored.
    QCOMPARE(AuditLog::chainHash(read.at(0).hash, read.at(1)), read.at(1).hash);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
