// LocalDirectory: add, find, update, remove, list; kept across reopen; out of reach of the
// cache's retention purge and clear (the store keeps it in its own file, as here).
#include "core/desk/DeskServices.h"
#include "core/directory/LocalDirectory.h"
#include "core/domain/Clock.h"
#include "core/store/Cache.h"
#include "core/store/SecureDb.h"
#include "tests/store/StoreTestUtil.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;
using namespace storetest;

class TestLocalDirectory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void putFindUpdateRemove();
    void allIsOrderedByCode();
    void odsCodeIsNormalised();
    void entryWithoutCodeIsRefused();
    void survivesReopen();
    void cachePurgeAndClearLeaveItAlone();
    void isEncrypted();

private:
    QString path() const { return SecureStore::path(dir->path(), DeskServices::kDirectoryFile); }
    void open();
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<SecureDb> db;
    std::unique_ptr<LocalDirectory> directory;
};

void TestLocalDirectory::init()
{
    dir = std::make_unique<QTemporaryDir>();
    QVERIFY(dir->isValid());
    open();
}

void TestLocalDirectory::open()
{
    directory.reset();
    db.reset();
    auto opened = SecureDb::open(path(), key('d'));
    QVERIFY(opened);
    db = std::move(opened).value();
    auto d = LocalDirectory::open(*db);
    QVERIFY(d);
    directory = std::move(d).value();
}

void TestLocalDirectory::cleanup()
{
    directory.reset();
    db.reset();
    dir.reset();
}

void TestLocalDirectory::putFindUpdateRemove()
{
    auto none = directory->find(QStringLiteral("SHE1"));
    QVERIFY(none);
    QVERIFY(!none.value());

    const DirectoryEntry she{QStringLiteral("SHE1"), QStringLiteral("mash@sheffield.example"),
                             QStringLiteral("Ask for the duty social worker")};
    QVERIFY(directory->put(she));
    auto got = directory->find(QStringLiteral("SHE1"));
    QVERIFY(got && got.value());
    QCOMPARE(*got.value(), she);

    const DirectoryEntry updated{QStringLiteral("SHE1"), QStringLiteral("cpis@sheffield.example"),
                                 QStringLiteral("Secure email only")};
    QVERIFY(directory->put(updated));
    got = directory->find(QStringLiteral("SHE1"));
    QVERIFY(got && got.value());
    QCOMPARE(*got.value(), updated);
    QCOMPARE(directory->all().value().size(), 1);

    QVERIFY(directory->remove(QStringLiteral("SHE1")));
    got = directory->find(QStringLiteral("SHE1"));
    QVERIFY(got);
    QVERIFY(!got.value());
    QVERIFY(directory->remove(QStringLiteral("SHE1"))); // already gone: not an error
    QVERIFY(directory->all().value().isEmpty());
}

void TestLocalDirectory::allIsOrderedByCode()
{
    QVERIFY(directory->put({QStringLiteral("LEE1"), QStringLiteral("l@example"), QString()}));
    QVERIFY(directory->put({QStringLiteral("SHE1"), QStringLiteral("s@example"), QString()}));
    QVERIFY(directory->put({QStringLiteral("BRA1"), QString(), QStringLiteral("phone first")}));
    auto all = directory->all();
    QVERIFY(all);
    QStringList codes;
    for (const DirectoryEntry& e : all.value())
        codes << e.odsCode;
    QCOMPARE(codes, (QStringList{"BRA1", "LEE1", "SHE1"}));
    QCOMPARE(all.value().at(0).notes, QStringLiteral("phone first"));
}

void TestLocalDirectory::odsCodeIsNormalised()
{
    QVERIFY(directory->put({QStringLiteral(" she1 "), QStringLiteral("s@example"), QString()}));
    auto got = directory->find(QStringLiteral("SHE1"));
    QVERIFY(got && got.value());
    QCOMPARE(got.value()->odsCode, QStringLiteral("SHE1"));
    QVERIFY(directory->find(QStringLiteral("she1")).value().has_value());
    QVERIFY(directory->remove(QStringLiteral("She1")));
    QVERIFY(!directory->find(QStringLiteral("SHE1")).value().has_value());
}

void TestLocalDirectory::entryWithoutCodeIsRefused()
{
    QVERIFY(!directory->put({QStringLiteral("  "), QStringLiteral("x@example"), QString()}));
    QVERIFY(directory->all().value().isEmpty());
}

void TestLocalDirectory::survivesReopen()
{
    const DirectoryEntry she{QStringLiteral("SHE1"), QStringLiteral("s@example"),
                             QStringLiteral("line one\nline two")};
    QVERIFY(directory->put(she));
    open();
    auto got = directory->find(QStringLiteral("SHE1"));
    QVERIFY(got && got.value());
    QCOMPARE(*got.value(), she);
    QCOMPARE(db->schemaVersion().value(), 1);
}

void TestLocalDirectory::cachePurgeAndClearLeaveItAlone()
{
    // The store's arrangement: the cache in cache.db, the directory in directory.db, one key.
    auto cacheDb = SecureDb::open(SecureStore::cachePath(dir->path()), key('d'));
    QVERIFY(cacheDb);
    ManualClock clock(QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    auto cache = Cache::open(*cacheDb.value(), clock, {3600, 0});
    QVERIFY(cache);
    QVERIFY(cache.value()->put(
        {QStringLiteral("9434765919"), "p", clock.nowUtc(), QStringLiteral("sandbox")}));
    const DirectoryEntry she{QStringLiteral("SHE1"), QStringLiteral("s@example"), QString()};
    QVERIFY(directory->put(she));

    clock.advanceSecs(2 * 3600); // the answer is now past retention; the entry has none
    QCOMPARE(cache.value()->purgeExpired().value(), 1);
    QVERIFY(cache.value()->put(
        {QStringLiteral("9434765870"), "q", clock.nowUtc(), QStringLiteral("sandbox")}));
    QCOMPARE(cache.value()->clear().value(), 1);

    auto got = directory->find(QStringLiteral("SHE1"));
    QVERIFY(got && got.value());
    QCOMPARE(*got.value(), she);
    QCOMPARE(directory->all().value().size(), 1);
}

void TestLocalDirectory::isEncrypted()
{
    QVERIFY(directory->put({QStringLiteral("SHE1"), QStringLiteral("plainsight@example.org"),
                            QStringLiteral("MARKERNOTE")}));
    directory.reset();
    db.reset(); // closed, so the WAL is checkpointed into the file
    const QByteArray bytes = allFileBytes(path());
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains("plainsight@example.org"));
    QVERIFY(!bytes.contains("MARKERNOTE"));
    QVERIFY(!bytes.contains("SQLite format 3"));
    // A different key does not open it.
    QVERIFY(!SecureDb::open(path(), key('x')));
}

QTEST_GUILESS_MAIN(TestLocalDirectory)
#include "tst_localdirectory.moc"
