// The audit log beside other writers and its anchor: appends through two handles on one file
// chain one after the other; a new log is anchored at entry 0, so a missing anchor later is
// tampering and is never quietly replaced; the shared anchor of older versions is taken over
// only when it names an entry of this log; with anchorEvery = 0 appends save no anchor.
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/store/SecureDb.h"
#include "tests/store/AuditLogRig.h"
#include "tests/store/StoreTestUtil.h"

#include <QStandardPaths>
#include <QTest>

using namespace cpis;
using namespace storetest;

class TestAuditAnchor : public AuditLogRig
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { openRig(); }
    void cleanup() { closeRig(); }
    void twoHandlesOnOneFileChainInTurn();
    void newLogIsAnchoredAtEntryZero();
    void missingAnchorIsTamperingAndStaysMissing();
    void legacyAnchorIsTakenOverOnlyIfItIsThisLogs();
    void deferredAnchorIsSavedOnlyWhenFlushed();
    void storeIdentityIsMadeOnceAndKept();
};

void TestAuditAnchor::twoHandlesOnOneFileChainInTurn()
{
    auto otherDb = SecureDb::open(path, key('a'));
    QVERIFY(otherDb);
    MemoryAnchorStore otherAnchors;
    auto other = AuditLog::open(*otherDb.value(), key('m'), otherAnchors, *clock);
    QVERIFY(other);
    // Each handle read the head once at open; before the fix the second append of the pair
    // failed on a taken seq (or forked the chain).
    for (int i = 1; i <= 20; ++i) {
        clock->advanceMSecs(10);
        auto a = log->append(sample(i));
        QVERIFY2(a, qPrintable(a ? QString() : a.error().message));
        auto b = other.value()->append(sample(100 + i));
        QVERIFY2(b, qPrintable(b ? QString() : b.error().message));
        QCOMPARE(b.value().seq, a.value().seq + 1);
    }
    QVERIFY(log->appendBatch({sample(1), sample(2)}));
    QCOMPARE(log->lastSeq(), 42);
    const AuditVerdict v = verdict();
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.entries, 42);
}

void TestAuditAnchor::newLogIsAnchoredAtEntryZero()
{
    auto a = anchors.load().value();
    QVERIFY(a);
    QCOMPARE(a->seq, 0);
    QVERIFY(verdict().ok());
}

void TestAuditAnchor::missingAnchorIsTamperingAndStaysMissing()
{
    fill(5);
    log.reset();
    // Someone with the database key cuts the tail and deletes the anchor.
    tamper("DELETE FROM audit WHERE seq > 3");
    anchors.set(std::nullopt);
    auto l = AuditLog::open(*db, key('m'), anchors, *clock);
    QVERIFY(l);
    log = std::move(l).value();
    QVERIFY(log->anchorMissing());
    const AuditVerdict v = verdict();
    QCOMPARE(v.problem, AuditVerdict::Problem::AnchorMissing);
    QVERIFY2(v.message.contains(QLatin1String("anchor is missing")), qPrintable(v.message));

    // Appending still records, but no new anchor papers over the loss.
    QVERIFY(log->append(sample(9)));
    QVERIFY(!log->flushAnchor());
    QVERIFY(!log->anchorStatus());
    QVERIFY(!anchors.load().value());
    log.reset(); // the destructor's flush must not anchor it either
    QVERIFY(!anchors.load().value());
}

void TestAuditAnchor::legacyAnchorIsTakenOverOnlyIfItIsThisLogs()
{
    fill(4);
    const AuditAnchor mine = *anchors.load().value();
    log.reset();

    anchors.set(std::nullopt);
    auto l = AuditLog::open(*db, key('m'), anchors, *clock);
    QVERIFY(l);
    log = std::move(l).value();
    AuditAnchor foreign = mine;
    foreign.headHash[0] = char(foreign.headHash[0] ^ 1); // another store's head
    QVERIFY(!log->adoptAnchor(foreign));
    QVERIFY(!log->adoptAnchor(AuditAnchor{9, mine.headHash})); // beyond this log's end
    QVERIFY(log->anchorMissing());

    QVERIFY(log->adoptAnchor(mine));
    QVERIFY(!log->anchorMissing());
    QCOMPARE(*anchors.load().value(), mine);
    QVERIFY(verdict().ok());
}

void TestAuditAnchor::deferredAnchorIsSavedOnlyWhenFlushed()
{
    log.reset();
    AuditLogOptions deferred;
    deferred.anchorEvery = 0;
    auto l = AuditLog::open(*db, key('m'), anchors, *clock, deferred);
    QVERIFY(l);
    log = std::move(l).value();
    // Two observers, as the desk has with a hub (its anchor timer and the forwarder): each
    // hears every append, neither displaces the other.
    int appended = 0, forwarded = 0;
    log->addAppendObserver([&appended] { ++appended; });
    log->addAppendObserver([&forwarded] { ++forwarded; });
    const int saves = anchors.saves();
    fill(3);
    QCOMPARE(appended, 3);
    QCOMPARE(forwarded, 3);
    QCOMPARE(anchors.saves(), saves);
    QVERIFY(log->anchorPending());
    QVERIFY(log->flushAnchor());
    QCOMPARE(anchors.saves(), saves + 1);
    QCOMPARE(anchors.load().value()->seq, 3);
    QVERIFY(!log->anchorPending());
}

void TestAuditAnchor::storeIdentityIsMadeOnceAndKept()
{
    auto first = AuditLog::identify(*db);
    QVERIFY(first);
    auto second = AuditLog::identify(*db);
    QVERIFY(second);
    QCOMPARE(first.value().id.size(), 32);
    QVERIFY(first.value().created);
    QVERIFY(!second.value().created);
    QCOMPARE(second.value().id, first.value().id);

    QTemporaryDir elsewhere;
    auto otherDb = SecureDb::open(elsewhere.filePath(QStringLiteral("audit.db")), key('a'));
    QVERIFY(otherDb);
    auto other = AuditLog::identify(*otherDb.value());
    QVERIFY(other);
    QVERIFY(other.value().id != first.value().id);
}

QTEST_GUILESS_MAIN(TestAuditAnchor)
#include "tst_auditanchor.moc"
