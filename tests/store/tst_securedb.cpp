// SQLCipher wrapper: nothing readable on disk, wrong key refused clearly, schema moves
// forward only, rekey works.
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/store/Cache.h"
#include "core/store/SecureDb.h"
#include "tests/store/StoreTestUtil.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;
using namespace storetest;

class TestSecureDb : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void filesHoldNoClearText();
    void wrongKeyFailsClearly();
    void plaintextBaselineIsReallyPlain();
    void pragmasArePinned();
    void migrationsRunForwardOnce();
    void newerSchemaIsRefused();
    void rekeyChangesTheKey();
    void statementsBindAndReport();
};

void TestSecureDb::filesHoldNoClearText()
{
    QTemporaryDir dir;
    const QString cachePath = dir.filePath(QStringLiteral("cache.db"));
    const QString auditPath = dir.filePath(QStringLiteral("audit.db"));
    const QString nhs = QStringLiteral("9434765919");
    const QString name = QStringLiteral("Zebedee Quixotic-Hartley");
    ManualClock clock(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    {
        auto cdb = SecureDb::open(cachePath, key('a'));
        QVERIFY2(cdb, qPrintable(cdb ? QString() : cdb.error().message));
        auto cache = Cache::open(*cdb.value(), clock, {24 * 3600, 0});
        QVERIFY(cache);
        for (int i = 0; i < 50; ++i) {
            const QByteArray payload =
                QStringLiteral(R"({"nhs":"%1","name":"%2","i":%3})").arg(nhs, name).arg(i).toUtf8();
            QVERIFY(cache.value()->put({i == 0 ? nhs : QString::number(9000000000LL + i), payload,
                                        clock.nowUtc(), QStringLiteral("sandbox")}));
        }
        auto adb = SecureDb::open(auditPath, key('b'));
        QVERIFY(adb);
        MemoryAnchorStore anchors;
        auto log = AuditLog::open(*adb.value(), key('c'), anchors, clock);
        QVERIFY(log);
        AuditEntry e;
        e.userName = name;
        e.nhsNumber = nhs;
        e.reason = QStringLiteral("Attending A&E");
        QVERIFY(log.value()->append(e));
        // Check the bytes while the databases are open, so the -wal files are there too.
        for (const QString& path : {cachePath, auditPath}) {
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
            const QByteArray bytes = allFileBytes(path);
            QVERIFY(bytes.size() > 4096);
            QVERIFY(!fileBytes(path).startsWith("SQLite format 3"));
            QVERIFY(!bytes.contains(nhs.toUtf8()));
            QVERIFY(!bytes.contains(name.toUtf8()));
            QVERIFY(!bytes.contains("Quixotic"));
            QVERIFY(!bytes.contains("CREATE TABLE"));
        }
    }
    for (const QString& path : {cachePath, auditPath}) {
        const QByteArray bytes = allFileBytes(path);
        QVERIFY(!bytes.startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains(nhs.toUtf8()));
        QVERIFY(!bytes.contains(name.toUtf8()));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
    }
}

void TestSecureDb::wrongKeyFailsClearly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.db"));
    {
        auto db = SecureDb::open(path, key('a'));
        QVERIFY(db);
        QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x')"));
    }
    const QByteArray before = allFileBytes(path);
    auto wrong = SecureDb::open(path, key('b'));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, StoreError::Code::WrongKey);
    QVERIFY2(wrong.error().message.contains(QLatin1String("key does not decrypt")),
             qPrintable(wrong.error().message));
    QCOMPARE(allFileBytes(path), before); // a failed open must not write

    auto shortKey = SecureDb::open(path, QByteArray(16, 'a'));
    QVERIFY(!shortKey);
    QCOMPARE(shortKey.error().code, StoreError::Code::KeyInvalid);

    auto right = SecureDb::open(path, key('a'));
    QVERIFY(right);
    auto v = right.value()->queryText("SELECT v FROM t");
    QVERIFY(v);
    QCOMPARE(v.value(), QStringLiteral("x"));
}

void TestSecureDb::plaintextBaselineIsReallyPlain()
{
    // The benchmark baseline must be what it claims, or its ratios mean nothing.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plain.db"));
    {
        auto db = SecureDb::openPlaintextForBenchmark(path);
        QVERIFY(db);
        QVERIFY(!db.value()->encrypted());
        QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('visible')"));
    }
    QVERIFY(fileBytes(path).startsWith("SQLite format 3"));
    auto asEncrypted = SecureDb::open(path, key('a'));
    QVERIFY(!asEncrypted);
    QCOMPARE(asEncrypted.error().code, StoreError::Code::WrongKey);
}

void TestSecureDb::pragmasArePinned()
{
    QTemporaryDir dir;
    auto db = SecureDb::open(dir.filePath(QStringLiteral("p.db")), key('a'));
    QVERIFY(db);
    auto q = [&](const char* sql) { return db.value()->queryText(sql).value(); };
    QCOMPARE(q("PRAGMA cipher_version"), QStringLiteral("3.4.1"));
    QCOMPARE(q("PRAGMA cipher_page_size"), QStringLiteral("1024"));
    QCOMPARE(q("PRAGMA cipher_use_hmac"), QStringLiteral("1"));
    QCOMPARE(q("PRAGMA journal_mode"), QStringLiteral("wal"));
    QCOMPARE(q("PRAGMA synchronous"), QStringLiteral("2")); // FULL
    QCOMPARE(q("PRAGMA secure_delete"), QStringLiteral("1"));
    QCOMPARE(q("PRAGMA cache_size"), QStringLiteral("-65536"));

    // A cache may trade the per-commit flush for speed; the default stays FULL.
    QVERIFY(db.value()->setDurability(SecureDb::Durability::AtCheckpoint));
    QCOMPARE(q("PRAGMA synchronous"), QStringLiteral("1")); // NORMAL
    QVERIFY(db.value()->setDurability(SecureDb::Durability::EveryCommit));
    QCOMPARE(q("PRAGMA synchronous"), QStringLiteral("2"));
}

void TestSecureDb::migrationsRunForwardOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("m.db"));
    const QStringList v1 = {QStringLiteral("CREATE TABLE a (x INTEGER)")};
    const QStringList v2 = v1 + QStringList{QStringLiteral("ALTER TABLE a ADD COLUMN y TEXT")};
    {
        auto db = SecureDb::open(path, key('a'));
        QVERIFY(db);
        QVERIFY(db.value()->migrate(v1));
        QCOMPARE(db.value()->schemaVersion().value(), 1);
        QVERIFY(db.value()->migrate(v1)); // idempotent: CREATE would fail if run twice
    }
    auto db = SecureDb::open(path, key('a'));
    QVERIFY(db);
    QVERIFY(db.value()->migrate(v2));
    QCOMPARE(db.value()->schemaVersion().value(), 2);
    QVERIFY(db.value()->exec("INSERT INTO a (x, y) VALUES (1, 'z')"));

    // A failing step leaves the version where it was.
    const QStringList bad = v2 + QStringList{QStringLiteral("CREATE TABLE a (dup INTEGER)")};
    QVERIFY(!db.value()->migrate(bad));
    QCOMPARE(db.value()->schemaVersion().value(), 2);
}

void TestSecureDb::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    auto db = SecureDb::open(dir.filePath(QStringLiteral("n.db")), key('a'));
    QVERIFY(db);
    QVERIFY(db.value()->exec("PRAGMA user_version = 9"));
    auto s = db.value()->migrate({QStringLiteral("CREATE TABLE a (x)")});
    QVERIFY(!s);
    QCOMPARE(s.error().code, StoreError::Code::SchemaTooNew);
}

void TestSecureDb::rekeyChangesTheKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.db"));
    {
        auto db = SecureDb::open(path, key('a'));
        QVERIFY(db);
        QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('kept')"));
        auto s = db.value()->rekey(key('z'));
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
        QCOMPARE(db.value()->queryText("PRAGMA journal_mode").value(), QStringLiteral("wal"));
    }
    QCOMPARE(SecureDb::open(path, key('a')).error().code, StoreError::Code::WrongKey);
    auto db = SecureDb::open(path, key('z'));
    QVERIFY(db);
    QCOMPARE(db.value()->queryText("SELECT v FROM t").value(), QStringLiteral("kept"));
}

void TestSecureDb::statementsBindAndReport()
{
    QTemporaryDir dir;
    auto db = SecureDb::open(dir.filePath(QStringLiteral("s.db")), key('a'));
    QVERIFY(db);
    QVERIFY(db.value()->exec("CREATE TABLE t (i INTEGER, s TEXT, b BLOB)"));
    auto ins = db.value()->prepare("INSERT INTO t VALUES (?, ?, ?)");
    QVERIFY(ins);
    const QString tricky = QStringLiteral("'); DROP TABLE t; --");
    QVERIFY(ins.value().bind(1, qint64(7)).bind(2, tricky).bind(3, QByteArray("\0x", 2)).run());
    auto sel = db.value()->prepare("SELECT i, s, b FROM t");
    QVERIFY(sel);
    QVERIFY(sel.value().step().value());
    QCOMPARE(sel.value().int64(0), 7);
    QCOMPARE(sel.value().text(1), tricky);
    QCOMPARE(sel.value().blob(2), QByteArray("\0x", 2));

    auto bad = db.value()->prepare("SELECT nope FROM t");
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, StoreError::Code::Sql);
    QVERIFY(bad.error().message.contains(QLatin1String("no such column")));

    {
        SqlTransaction tx(*db.value());
        QVERIFY(tx.begin());
        QVERIFY(db.value()->exec("INSERT INTO t VALUES (8, 'rolled back', NULL)"));
    } // no commit: rolled back
    QCOMPARE(db.value()->queryText("SELECT count(*) FROM t").value(), QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestSecureDb)
#include "tst_securedb.moc"
