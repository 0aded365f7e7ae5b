// KeyStore against a real Secret Service (private gnome-keyring, see
// tests/support/with-private-keyring.sh): first run creates keys, the next run reads
// them; absent or locked keychain stops with a clear error and the database untouched.
#include "core/audit/AuditLog.h"
#include "core/audit/KeychainAnchorStore.h"
#include "core/domain/Clock.h"
#include "core/store/KeyStore.h"
#include "core/store/SecureDb.h"
#include "tests/store/StoreTestUtil.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;
using namespace storetest;

class TestKeyStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void firstRunCreatesSecondRunReads();
    void missingKeyWithDatabaseLeavesItUntouched();
    void rotationRekeysAndKeepsData();
    void anchorLivesInKeychain();
    void absentKeychainFailsClearly();
    void lockedKeychainFailsClearly(); // last: it locks the keyring for good

private:
    QString service(const char* name) const
    {
        return QStringLiteral("cpis-desk-test-%1-%2")
            .arg(QCoreApplication::applicationPid())
            .arg(QLatin1String(name));
    }
    // Runs the helper's load-keys in a child; returns its exit code and stdout.
    static std::pair<int, QString>
    childLoad(const QString& service, bool dbExists, const QProcessEnvironment& env);
    static QByteArray digest(const QString& dbPath)
    {
        return QCryptographicHash::hash(allFileBytes(dbPath), QCryptographicHash::Sha256);
    }
    QTemporaryDir dir;
};

void TestKeyStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(qEnvironmentVariableIsSet("CPIS_TEST_PRIVATE_KEYRING"),
             "keychain tests must run through tests/support/with-private-keyring.sh");
}

std::pair<int, QString>
TestKeyStore::childLoad(const QString& service, bool dbExists, const QProcessEnvironment& env)
{
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QStringLiteral(CPIS_STORE_HELPER),
                {QStringLiteral("load-keys"), service,
                 dbExists ? QStringLiteral("1") : QStringLiteral("0")});
    if (!child.waitForFinished(30000)) {
        child.kill();
        child.waitForFinished();
        return {-1, QStringLiteral("timeout")};
    }
    return {child.exitCode(), QString::fromUtf8(child.readAllStandardOutput()).trimmed()};
}

void TestKeyStore::firstRunCreatesSecondRunReads()
{
    const QString path = dir.filePath(QStringLiteral("first.db"));
    KeyStore first(service("first"));
    auto created = first.loadOrCreate(QFile::exists(path));
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QCOMPARE(created.value().databaseKey.size(), 32);
    QCOMPARE(created.value().auditMacKey.size(), 32);
    QVERIFY(created.value().databaseKey != created.value().auditMacKey);
    QVERIFY(!created.value().pendingDatabaseKey);
    {
        auto db = SecureDb::open(path, created.value().databaseKey);
        QVERIFY(db);
        QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x')"));
    }

    KeyStore second(service("first")); // a later start of the app
    auto read = second.loadOrCreate(QFile::exists(path));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read.value().databaseKey, created.value().databaseKey);
    QCOMPARE(read.value().auditMacKey, created.value().auditMacKey);
    QVERIFY(SecureDb::open(path, read.value().databaseKey));

    // Another service name is another key: the keys are not derived from anything.
    auto other = KeyStore(service("first-other")).loadOrCreate(false);
    QVERIFY(other);
    QVERIFY(other.value().databaseKey != created.value().databaseKey);
}

void TestKeyStore::missingKeyWithDatabaseLeavesItUntouched()
{
    const QString path = dir.filePath(QStringLiteral("orphan.db"));
    {
        auto db = SecureDb::open(path, key('o'));
        QVERIFY(db);
        QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT)"));
    }
    const QByteArray before = digest(path);
    KeyStore keys(service("orphan"));
    auto r = keys.loadOrCreate(true);
    QVERIFY(!r);
    QCOMPARE(r.error().code, StoreError::Code::KeyMissing);
    QVERIFY2(r.error().message.contains(QLatin1String("no new key was made")),
             qPrintable(r.error().message));
    QCOMPARE(digest(path), before);
    // And nothing was written to the keychain on the way.
    auto k = keys.read(KeyStore::kDatabaseKey);
    QVERIFY(k);
    QVERIFY(!k.value());
}

void TestKeyStore::rotationRekeysAndKeepsData()
{
    const QString cachePath = dir.filePath(QStringLiteral("rot-cache.db"));
    const QString auditPath = dir.filePath(QStringLiteral("rot-audit.db"));
    KeyStore keys(service("rotate"));
    auto k0 = keys.loadOrCreate(false);
    QVERIFY(k0);
    {
        auto cache = SecureDb::open(cachePath, k0.value().databaseKey);
        auto audit = SecureDb::open(auditPath, k0.value().databaseKey);
        QVERIFY(cache && audit);
        QVERIFY(cache.value()->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('c')"));
        QVERIFY(audit.value()->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('a')"));
        auto s = keys.rotateDatabaseKey([&](const QByteArray& newKey) -> StoreStatus {
            if (auto r = cache.value()->rekey(newKey); !r)
                return r;
            return audit.value()->rekey(newKey);
        });
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
    }
    auto k1 = KeyStore(service("rotate")).loadOrCreate(true);
    QVERIFY(k1);
    QVERIFY(k1.value().databaseKey != k0.value().databaseKey);
    QCOMPARE(k1.value().auditMacKey, k0.value().auditMacKey); // the seal key stays
    QVERIFY(!k1.value().pendingDatabaseKey);
    QCOMPARE(SecureDb::open(cachePath, k0.value().databaseKey).error().code,
             StoreError::Code::WrongKey);
    auto db = SecureDb::open(auditPath, k1.value().databaseKey);
    QVERIFY(db);
    QCOMPARE(db.value()->queryText("SELECT v FROM t").value(), QStringLiteral("a"));

    // A rotation that fails half-way keeps the new key as pending, never loses it.
    auto failed = keys.rotateDatabaseKey([](const QByteArray&) -> StoreStatus {
        return StoreError{StoreError::Code::Sql, QStringLiteral("disk full")};
    });
    QVERIFY(!failed);
    auto k2 = KeyStore(service("rotate")).loadOrCreate(true);
    QVERIFY(k2);
    QCOMPARE(k2.value().databaseKey, k1.value().databaseKey);
    QVERIFY(k2.value().pendingDatabaseKey);
}

void TestKeyStore::anchorLivesInKeychain()
{
    KeyStore keys(service("anchor"));
    KeychainAnchorStore anchors(keys, QStringLiteral("0123abcd"));
    auto none = anchors.load();
    QVERIFY(none);
    QVERIFY(!none.value());

    QTemporaryDir d;
    auto db = SecureDb::open(d.filePath(QStringLiteral("a.db")), key('a'));
    QVERIFY(db);
    ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    {
        auto log = AuditLog::open(*db.value(), key('m'), anchors, clock);
        QVERIFY(log);
        QVERIFY(log.value()->append(AuditEntry{}));
        QVERIFY(log.value()->append(AuditEntry{}));
        QVERIFY(log.value()->anchorStatus());
    }
    KeychainAnchorStore again(keys, QStringLiteral("0123abcd"));
    auto a = again.load();
    QVERIFY(a && a.value());
    QCOMPARE(a.value()->seq, 2);
    QCOMPARE(a.value()->headHash.size(), 32);
    QVERIFY(db.value()->exec("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2"));
    auto log = AuditLog::open(*db.value(), key('m'), again, clock);
    QVERIFY(log);
    QCOMPARE(log.value()->verify().value().problem, AuditVerdict::Problem::Truncated);
}

void TestKeyStore::absentKeychainFailsClearly()
{
    const QString path = dir.filePath(QStringLiteral("absent.db"));
    {
        auto db = SecureDb::open(path, key('q'));
        QVERIFY(db);
        QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT)"));
    }
    const QByteArray before = digest(path);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1").arg(dir.filePath(QStringLiteral("no-bus"))));
    env.remove(QStringLiteral("DISPLAY"));
    for (bool dbExists : {true, false}) {
        const auto [code, out] = childLoad(service("absent"), dbExists, env);
        QCOMPARE(code, 2);
        QVERIFY2(out.startsWith(QLatin1String("error ")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("keychain")), qPrintable(out));
    }
    QCOMPARE(digest(path), before);
}

void TestKeyStore::lockedKeychainFailsClearly()
{
    const QString path = dir.filePath(QStringLiteral("locked.db"));
    auto keys = KeyStore(service("locked")).loadOrCreate(false);
    QVERIFY(keys);
    {
        auto db = SecureDb::open(path, keys.value().databaseKey);
        QVERIFY(db);
        QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x')"));
    }
    const QByteArray before = digest(path);

    const int rc = QProcess::execute(
        QStringLiteral("dbus-send"),
        {QStringLiteral("--session"), QStringLiteral("--print-reply"),
         QStringLiteral("--dest=org.freedesktop.secrets"),
         QStringLiteral("/org/freedesktop/secrets"),
         QStringLiteral("org.freedesktop.Secret.Service.Lock"),
         QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
    QCOMPARE(rc, 0);

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Existing store: the locked keyring answers "not found"; that must stop, not re-key.
    {
        const auto [code, out] = childLoad(service("locked"), true, env);
        QCOMPARE(code, 2);
        QVERIFY2(out.startsWith(QLatin1String("error ")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("keychain")), qPrintable(out));
    }
    // No store yet, locked keyring: writes fail, so this is not a usable first run either.
    {
        const auto [code, out] = childLoad(service("locked-fresh"), false, env);
        QCOMPARE(code, 2);
        QVERIFY2(out.startsWith(QLatin1String("error ")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("locked")), qPrintable(out));
    }
    QCOMPARE(digest(path), before);
}

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
