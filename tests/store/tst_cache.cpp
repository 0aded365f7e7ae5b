// Cache: last answer per NHS number, retention, purge on demand and on schedule, stats.
#include "core/domain/Clock.h"
#include "core/store/Cache.h"
#include "core/store/SecureDb.h"
#include "tests/store/StoreTestUtil.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;
using namespace storetest;

class TestCache : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void keepsLastAnswerPerNumber();
    void expiredAnswersAreNotReturned();
    void purgeOnDemandRemovesOnlyExpired();
    void scheduledPurgeRuns();
    void statsCount();
    void survivesReopen();
    void reconnectKeepsWorking();

private:
    CachedAnswer answer(const QString& nhs, const QByteArray& payload) const
    {
        return {nhs, payload, clock->nowUtc(), QStringLiteral("sandbox")};
    }
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<SecureDb> db;
};

void TestCache::init()
{
    dir = std::make_unique<QTemporaryDir>();
    clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    auto opened = SecureDb::open(dir->filePath(QStringLiteral("cache.db")), key('k'));
    QVERIFY(opened);
    db = std::move(opened).value();
}

void TestCache::cleanup()
{
    db.reset();
    dir.reset();
}

void TestCache::keepsLastAnswerPerNumber()
{
    auto cache = Cache::open(*db, *clock, {24 * 3600, 0});
    QVERIFY(cache);
    QVERIFY(cache.value()->put(answer(QStringLiteral("9434765919"), "first")));
    clock->advanceSecs(60);
    QVERIFY(cache.value()->put(answer(QStringLiteral("9434765919"), "second")));
    QVERIFY(cache.value()->put(answer(QStringLiteral("9434765870"), QByteArray())));
    auto got = cache.value()->get(QStringLiteral("9434765919"));
    QVERIFY(got && got.value());
    QCOMPARE(got.value()->payload, QByteArray("second"));
    QCOMPARE(got.value()->fetchedAtUtc, clock->nowUtc());
    QCOMPARE(got.value()->environment, QStringLiteral("sandbox"));
    auto empty = cache.value()->get(QStringLiteral("9434765870"));
    QVERIFY(empty && empty.value());
    QCOMPARE(empty.value()->payload, QByteArray());
    auto none = cache.value()->get(QStringLiteral("9999999999"));
    QVERIFY(none);
    QVERIFY(!none.value());
}

void TestCache::expiredAnswersAreNotReturned()
{
    auto cache = Cache::open(*db, *clock, {3600, 0});
    QVERIFY(cache);
    QVERIFY(cache.value()->put(answer(QStringLiteral("9434765919"), "p")));
    clock->advanceSecs(3600);
    QVERIFY(cache.value()->get(QStringLiteral("9434765919")).value()); // exactly at the limit
    clock->advanceSecs(1);
    QVERIFY(!cache.value()->get(QStringLiteral("9434765919")).value());
    cache.value()->setRetentionSecs(7200); // configurable at run time
    QVERIFY(cache.value()->get(QStringLiteral("9434765919")).value());
}

void TestCache::purgeOnDemandRemovesOnlyExpired()
{
    auto cache = Cache::open(*db, *clock, {});
    QVERIFY(cache);
    QCOMPARE(cache.value()->retentionSecs(), 24 * 3600); // the default
    QVERIFY(cache.value()->put(answer(QStringLiteral("1111111111"), "old")));
    clock->advanceSecs(23 * 3600);
    QVERIFY(cache.value()->put(answer(QStringLiteral("2222222222"), "new")));
    clock->advanceSecs(2 * 3600);
    auto n = cache.value()->purgeExpired();
    QVERIFY(n);
    QCOMPARE(n.value(), 1);
    QCOMPARE(db->queryText("SELECT group_concat(nhs_number) FROM answer").value(),
             QStringLiteral("2222222222"));
    QCOMPARE(cache.value()->clear().value(), 1);
    QCOMPARE(db->queryText("SELECT count(*) FROM answer").value(), QStringLiteral("0"));
}

void TestCache::scheduledPurgeRuns()
{
    auto cache = Cache::open(*db, *clock, {60, 20});
    QVERIFY(cache);
    QVERIFY(cache.value()->put(answer(QStringLiteral("1111111111"), "old")));
    clock->advanceSecs(120);
    QSignalSpy purged(cache.value().get(), &Cache::purged);
    QVERIFY(purged.wait(5000));
    QCOMPARE(purged.first().first().toLongLong(), 1);
    QCOMPARE(db->queryText("SELECT count(*) FROM answer").value(), QStringLiteral("0"));
}

void TestCache::statsCount()
{
    auto cache = Cache::open(*db, *clock, {3600, 0});
    QVERIFY(cache);
    const QDateTime t0 = clock->nowUtc();
    QVERIFY(cache.value()->put(answer(QStringLiteral("1111111111"), "a")));
    clock->advanceSecs(7200);
    QVERIFY(cache.value()->put(answer(QStringLiteral("2222222222"), "b")));
    QVERIFY(cache.value()->put(answer(QStringLiteral("3333333333"), "c")));
    auto s = cache.value()->stats();
    QVERIFY(s);
    QCOMPARE(s.value().entries, 3);
    QCOMPARE(s.value().expired, 1);
    QCOMPARE(s.value().oldestFetchedUtc, t0);
    QCOMPARE(s.value().newestFetchedUtc, clock->nowUtc());
    QVERIFY(cache.value()->purgeExpired());
    QCOMPARE(cache.value()->stats().value().purgedTotal, 1);
    QCOMPARE(cache.value()->stats().value().entries, 2);
}

void TestCache::survivesReopen()
{
    const QString path = db->path();
    {
        auto cache = Cache::open(*db, *clock, {3600, 0});
        QVERIFY(cache);
        QVERIFY(cache.value()->put(answer(QStringLiteral("9434765919"), "kept")));
    }
    db.reset();
    auto reopened = SecureDb::open(path, key('k'));
    QVERIFY(reopened);
    auto cache = Cache::open(*reopened.value(), *clock, {3600, 0});
    QVERIFY(cache);
    QCOMPARE(cache.value()->get(QStringLiteral("9434765919")).value()->payload, QByteArray("kept"));
}

// The lock closes and reopens the cache's connection: the same answers, the same key and
// durability, and puts and gets work on the new connection.
void TestCache::reconnectKeepsWorking()
{
    auto cache = Cache::open(*db, *clock, {24 * 3600, 0});
    QVERIFY(cache);
    QVERIFY(db->setDurability(SecureDb::Durability::AtCheckpoint));
    QVERIFY(cache.value()->put(answer(QStringLiteral("9434765919"), "before")));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(cache.value()->reconnect());
    qInfo("reconnect took %.2f ms", double(timer.nsecsElapsed()) / 1e6);
    QCOMPARE(db->queryText("PRAGMA synchronous").value(), QStringLiteral("1")); // NORMAL
    QCOMPARE(db->queryText("PRAGMA journal_mode").value(), QStringLiteral("wal"));
    auto got = cache.value()->get(QStringLiteral("9434765919"));
    QVERIFY(got && got.value());
    QCOMPARE(got.value()->payload, QByteArray("before"));
    QVERIFY(cache.value()->put(answer(QStringLiteral("9434765870"), "after")));
    cache.value().reset();
    db.reset();
    auto reopened = SecureDb::open(dir->filePath(QStringLiteral("cache.db")), key('k'));
    QVERIFY(reopened);
    db = std::move(reopened).value();
    cache = Cache::open(*db, *clock, {24 * 3600, 0});
    QVERIFY(cache);
    auto after = cache.value()->get(QStringLiteral("9434765870"));
    QVERIFY(after && after.value());
    QCOMPARE(after.value()->payload, QByteArray("after"));
}

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
