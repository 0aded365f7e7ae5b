// The review queue below the screens. The queue itself is kept at the audit hub
// (tests/hub/tst_hubreview, tst_hubreviewdesk); here, what the desk does on its own: the daily
// counts behind the chart, with the empty days, and the deletion of the review file that desks
// kept before the review moved to the hub.
#include "core/desk/DeskServices.h"
#include "core/desk/SecureStore.h"
#include "core/domain/Clock.h"
#include "core/review/ReviewService.h"
#include "core/store/MemoryKeyProvider.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;

namespace {
const QDateTime kNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);

ReviewItem item(const QString& id, const QDateTime& when)
{
    ReviewItem it;
    it.id = id;
    it.when = when;
    it.nhsNumber = QStringLiteral("9990000018");
    it.plans = {{PlanType::ChildProtection, QStringLiteral("SHE1"), QStringLiteral("Sheffield")}};
    return it;
}
} // namespace

class TestReviewQueue : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void dailyCountsIncludeEmptyDays();
    void oldReviewFileIsDeleted();
};

void TestReviewQueue::dailyCountsIncludeEmptyDays()
{
    const QList<ReviewItem> items{
        item(QStringLiteral("today1"), kNow.addSecs(-600)),
        item(QStringLiteral("today2"), kNow.addSecs(-60)),
        item(QStringLiteral("d3"), kNow.addDays(-3)),
        item(QStringLiteral("d29"), kNow.addDays(-29)),
        item(QStringLiteral("d30"), kNow.addDays(-30)),
        item(QStringLiteral("tomorrow"), kNow.addDays(1)),
    };
    const auto counts = ReviewService::countPerDay(items, kNow.date(), 30);
    QCOMPARE(counts.size(), 30);
    QCOMPARE(counts.first().day, QDate(2026, 10, 27)); // 29 days ago: the oldest kept
    QCOMPARE(counts.last().day, QDate(2026, 11, 25));
    QCOMPARE(counts.last().count, 2);
    QCOMPARE(counts.at(26).count, 1);  // 3 days ago
    QCOMPARE(counts.first().count, 1); // 30 days ago falls outside, as does tomorrow
    int total = 0, zeroDays = 0;
    for (const auto& c : counts) {
        total += c.count;
        zeroDays += c.count == 0;
    }
    QCOMPARE(total, 4);
    QCOMPARE(zeroDays, 27);

    // Tomorrow the window moves on by a day.
    const auto later = ReviewService::countPerDay(items, kNow.date().addDays(1), 30);
    QCOMPARE(later.last().count, 1);
    QCOMPARE(later.first().day, QDate(2026, 10, 28));
    QCOMPARE(ReviewService::countPerDay(items, kNow.date(), 0).size(), 1);
}

// A desk from before the hub kept the site's queue in review.db, NHS numbers included: the
// composition root deletes it, journals too, and leaves the files it still uses.
void TestReviewQueue::oldReviewFileIsDeleted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char* name : {"review.db", "review.db-wal", "review.db-shm"}) {
        QFile f(dir.filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("left by an earlier desk");
    }
    SystemClock clock;
    MemoryKeyProvider keys;
    const auto config = DeskServices::defaultConfig(
        ServiceProfile::training().withSandbox(QUrl(QStringLiteral("http://127.0.0.1:9"))),
        dir.path(), QStringLiteral("test"));
    auto desk = DeskServices::create(config, &clock, keys);
    QVERIFY2(desk.ok(), qPrintable(desk.ok() ? QString() : desk.error().message));
    for (const char* name : {"review.db", "review.db-wal", "review.db-shm"})
        QVERIFY2(!QFile::exists(dir.filePath(QLatin1String(name))), name);
    QVERIFY(QFile::exists(SecureStore::path(dir.path(), DeskServices::kNoticesFile)));
}

QTEST_GUILESS_MAIN(TestReviewQueue)
#include "tst_reviewqueue.moc"
