// One writer per store and one anchor per store, in the test's private keyring: a second
// desk or `cpis` on a store waits and is refused by name; two `cpis` loops on one store lose
// no entry; stores sharing a keyring keep their own anchors; a deleted anchor is tampering;
// an anchor that cannot be saved shows on the desk and in the command line's exit code.
#include "app/desk/Desk.h"
#include "core/audit/AuditLog.h"
#include "core/audit/KeychainAnchorStore.h"
#include "core/cli/CliCommands.h"
#include "core/desk/DeskServices.h"
#include "core/desk/SecureStore.h"
#include "core/domain/Clock.h"
#include "core/store/KeyStore.h"
#include "core/store/StoreLock.h"
#include "tests/support/CliRun.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <memory>

using namespace cpis;

namespace {

const QString kKeychainService = QStringLiteral("cpis-desk"); // the one cpis uses
const QString kPlanNumber = QStringLiteral("9990000018");

using clirun::Run;

QProcessEnvironment cliEnvironment(int waitSeconds)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CPIS_DESK_ADMIN_FILE"), QStringLiteral("/nonexistent/desk.conf"));
    env.insert(QStringLiteral("CPIS_STORE_WAIT_SECONDS"), QString::number(waitSeconds));
    return env;
}

QStringList cliArgs(const QString& store, const QStringList& args)
{
    // The training site is unscheduled care: a look-up says the identity was checked.
    return QStringList{QStringLiteral("--profile"), QStringLiteral("training"),
                       QStringLiteral("--store"), store} +
           args +
           (args.contains(QStringLiteral("lookup"))
                ? QStringList{QStringLiteral("--confirmed-identity")}
                : QStringList{});
}

Run runCli(const QString& store, const QStringList& args, int waitSeconds = 5)
{
    return clirun::runCpis(cliArgs(store, args), cliEnvironment(waitSeconds), 120000);
}

int exportedLookUps(const QString& store, const QString& csv)
{
    if (runCli(store, {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--as"),
                       QStringLiteral("safeguarding-lead"), QStringLiteral("--format"),
                       QStringLiteral("csv"), QStringLiteral("--output"), csv})
            .exitCode != 0)
        return -1;
    QFile f(csv);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    int n = 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        n += line.contains(",look-up,") ? 1 : 0;
    return n;
}

// `count` look-ups one after another, each its own `cpis` process, started as the previous
// one ends; the exit codes are collected.
class LookUpLoop : public QObject
{
public:
    LookUpLoop(QString store, int count) : m_store(std::move(store)), m_left(count)
    {
        m_process.setProcessEnvironment(cliEnvironment(120));
        connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus st) {
            codes.append(st == QProcess::NormalExit ? code : -1);
            if (codes.last() != 3)
                errors.append(m_process.readAllStandardError());
            next();
        });
    }
    void next()
    {
        if (m_left-- > 0)
            m_process.start(QStringLiteral(CPIS_CLI_EXE),
                            cliArgs(m_store, {QStringLiteral("lookup"), kPlanNumber}));
        else
            finished = true;
    }
    QList<int> codes;
    QList<QByteArray> errors;
    bool finished = false;

private:
    QString m_store;
    int m_left;
    QProcess m_process;
};

void lockKeyring()
{
    const int rc = QProcess::execute(
        QStringLiteral("dbus-send"),
        {QStringLiteral("--session"), QStringLiteral("--print-reply"),
         QStringLiteral("--dest=org.freedesktop.secrets"),
         QStringLiteral("/org/freedesktop/secrets"),
         QStringLiteral("org.freedesktop.Secret.Service.Lock"),
         QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
    QCOMPARE(rc, 0);
}

// Nothing is sent in the tests that use it: the services are built, never asked.
ServiceProfile trainingProfile()
{
    return ServiceProfile::training().withSandbox(QUrl(QStringLiteral("http://127.0.0.1:9")));
}

UserSession nurse()
{
    UserSession who;
    who.userId = QStringLiteral("555000111222");
    who.name = QStringLiteral("Test Nurse");
    return who;
}

AccessEvent lookUpEvent()
{
    AccessEvent ev;
    ev.action = AuditEntry::Action::LookUp;
    ev.subject = NhsNumber::parse(kPlanNumber).value();
    ev.outcome = AuditEntry::Outcome::PlansFound;
    return ev;
}

// An anchor store whose saves fail once told to, as a locked keychain's do.
class FailingAnchorStore final : public AnchorStore
{
public:
    explicit FailingAnchorStore(bool* failing) : m_failing(failing) {}
    StoreResult<std::optional<AuditAnchor>> load() override { return m_inner.load(); }
    StoreStatus save(const AuditAnchor& a) override
    {
        if (*m_failing)
            return StoreError{StoreError::Code::AnchorUnsaved, QStringLiteral("injected")};
        return m_inner.save(a);
    }

private:
    bool* m_failing;
    MemoryAnchorStore m_inner;
};

} // namespace

class TestStoreWriter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void secondDeskWaitsThenRefusesByName();
    void cliBesideADeskIsRefusedWithItsExitCode();
    void twoCliLoopsOnOneStoreRecordEveryLookUp();
    void storesInOneKeyringKeepTheirOwnAnchors();
    void anchorSaveFailureGivesTheCliItsExitCode();
    void groupWritableFolderIsRefusedAndNotChmodded();
    void lockedKeyringDuringLookUpShowsOnTheDesk(); // last: it locks the keyring for good
};

void TestStoreWriter::secondDeskWaitsThenRefusesByName()
{
    QTemporaryDir dir;
    qputenv("CPIS_STORE_WAIT_SECONDS", "1");
    SystemClock clock;
    desk::Desk::Options options;
    options.training = true;
    options.storeDirectory = dir.filePath(QStringLiteral("store"));
    auto opened = desk::Desk::open(options, clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
    std::unique_ptr<desk::Desk> first = std::move(opened.value());

    QElapsedTimer waited;
    waited.start();
    auto second = desk::Desk::open(options, clock);
    QVERIFY(!second.ok());
    QVERIFY(waited.elapsed() >= 1000);
    const QString message = second.error();
    QVERIFY2(message.contains(QStringLiteral("another program")), qPrintable(message));
    QVERIFY2(message.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(message));

    // Once the first has gone, the store opens again.
    first.reset();
    auto third = desk::Desk::open(options, clock);
    QVERIFY2(third.ok(), qPrintable(third.ok() ? QString() : third.error()));
    qunsetenv("CPIS_STORE_WAIT_SECONDS");
}

void TestStoreWriter::cliBesideADeskIsRefusedWithItsExitCode()
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("store"));
    SystemClock clock;
    KeyStore keys(kKeychainService);
    auto config = DeskServices::defaultConfig(trainingProfile(), store, QStringLiteral("test"));
    auto desk = DeskServices::create(config, &clock, keys);
    QVERIFY2(desk.ok(), qPrintable(desk.ok() ? QString() : desk.error().message));

    const Run r = runCli(store,
                         {QStringLiteral("audit"), QStringLiteral("export"),
                          QStringLiteral("--output"), dir.filePath(QStringLiteral("x.ndjson"))},
                         1);
    QCOMPARE(r.exitCode, int(CliCommands::StoreInUse));
    QVERIFY2(r.err.contains("in use by"), r.err.constData());
    QVERIFY2(r.err.contains(QByteArray::number(QCoreApplication::applicationPid())),
             r.err.constData());
    QVERIFY2(!r.err.contains("keychain"), r.err.constData()); // not blamed on the keychain
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.ndjson"))));
}

void TestStoreWriter::twoCliLoopsOnOneStoreRecordEveryLookUp()
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("store"));
    // The first run makes the store, so that both loops meet an existing one.
    QCOMPARE(runCli(store, {QStringLiteral("cache"), QStringLiteral("stats")}).exitCode, 0);
    LookUpLoop a(store, 40);
    LookUpLoop b(store, 40);
    a.next();
    b.next();
    QTRY_VERIFY_WITH_TIMEOUT(a.finished && b.finished, 240000);
    QCOMPARE(a.codes, QList<int>(40, 3));
    QCOMPARE(b.codes, QList<int>(40, 3));

    const Run verified = runCli(store, {QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY2(verified.out.contains("audit log intact"), verified.out.constData());
    QCOMPARE(exportedLookUps(store, dir.filePath(QStringLiteral("audit.csv"))), 80);
}

void TestStoreWriter::storesInOneKeyringKeepTheirOwnAnchors()
{
    QTemporaryDir dir;
    const QString storeA = dir.filePath(QStringLiteral("a"));
    const QString storeB = dir.filePath(QStringLiteral("b"));
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(runCli(storeA, {QStringLiteral("lookup"), kPlanNumber}).exitCode, 3);
        QCOMPARE(runCli(storeB, {QStringLiteral("lookup"), kPlanNumber}).exitCode, 3);
    }
    QCOMPARE(runCli(storeA, {QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
    QCOMPARE(runCli(storeB, {QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);

    // Each store names its own keychain entry.
    SystemClock clock;
    KeyStore keys(kKeychainService);
    QString idA;
    QString idB;
    for (auto [path, id] : {std::pair{storeA, &idA}, std::pair{storeB, &idB}}) {
        auto s = SecureStore::open(path, keys, clock, {});
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        *id = s.value()->storeId();
    }
    QVERIFY(!idA.isEmpty());
    QVERIFY(idA != idB);
    auto anchorA = keys.read(KeychainAnchorStore::entryNameFor(idA));
    QVERIFY(anchorA && anchorA.value());

    // A's anchor deleted: A is tampered with (a cut tail could hide behind it), B is not.
    QVERIFY(keys.remove(KeychainAnchorStore::entryNameFor(idA)));
    const Run a = runCli(storeA, {QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(a.exitCode, int(CliCommands::AuditTampered));
    QVERIFY2(a.out.contains("anchor is missing"), a.out.constData());
    QCOMPARE(runCli(storeB, {QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
    // Using A does not quietly re-anchor it: the loss stays visible, and the look-up says
    // it was not anchored.
    const Run again = runCli(storeA, {QStringLiteral("lookup"), kPlanNumber});
    QCOMPARE(again.exitCode, int(CliCommands::NotAudited));
    QVERIFY2(again.out.contains("CP-IS ALERT"), again.out.constData());
    QCOMPARE(runCli(storeA, {QStringLiteral("audit"), QStringLiteral("verify")}).exitCode,
             int(CliCommands::AuditTampered));
}

void TestStoreWriter::anchorSaveFailureGivesTheCliItsExitCode()
{
    QTemporaryDir dir;
    SystemClock clock;
    KeyStore keys(kKeychainService);
    bool failing = false;
    auto config = DeskServices::defaultConfig(
        trainingProfile(), dir.filePath(QStringLiteral("store")), QStringLiteral("test"));
    config.anchorDelay = std::chrono::milliseconds(0);
    config.store.anchors = [&failing](KeyProvider&, const QString&) {
        return std::unique_ptr<AnchorStore>(new FailingAnchorStore(&failing));
    };
    auto created = DeskServices::create(config, &clock, keys);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    DeskServices& services = *created.value();
    QSignalSpy saved(&services, &DeskServices::auditAnchorSaved);
    QSignalSpy failed(&services, &DeskServices::auditAnchorFailed);

    // The entry is recorded at once; its anchor follows from the event loop, not inside.
    QVERIFY(services.audit(nurse(), lookUpEvent()).ok());
    QVERIFY(services.store().audit().anchorPending());
    QVERIFY(saved.wait(5000));
    QVERIFY(!services.store().audit().anchorPending());

    failing = true;
    QVERIFY(services.audit(nurse(), lookUpEvent()).ok()); // recorded: the entry is durable
    QVERIFY(failed.wait(5000));
    QVERIFY(services.auditAnchorFailing());

    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    CliCommands commands(services, {}, outStream, errStream);
    QCOMPARE(commands.anchored(CliCommands::PlansFound), int(CliCommands::NotAudited));
    QCOMPARE(commands.anchored(CliCommands::NoRecord), int(CliCommands::NotAudited));
    // A failure keeps its own code: it says more than "not anchored".
    QCOMPARE(commands.anchored(CliCommands::CouldNotCheck), int(CliCommands::CouldNotCheck));
    QVERIFY2(err.contains(QStringLiteral("anchor could not be saved")), qPrintable(err));

    failing = false;
    QCOMPARE(commands.anchored(CliCommands::PlansFound), int(CliCommands::PlansFound));
    QVERIFY(!services.auditAnchorFailing());
    QVERIFY(services.store().audit().verify().value().ok());
}

void TestStoreWriter::groupWritableFolderIsRefusedAndNotChmodded()
{
    QTemporaryDir dir;
    const QString shared = dir.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(shared));
    const auto groupWritable = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                               QFileDevice::WriteGroup | QFileDevice::ExeGroup;
    QVERIFY(QFile::setPermissions(shared, groupWritable));
    const Run r = runCli(shared, {QStringLiteral("cache"), QStringLiteral("stats")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("can be written by other users"), r.err.constData());
    QCOMPARE(QFileInfo(shared).permissions() & groupWritable, groupWritable);
    const QStringList left = QDir(shared).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                                    QDir::NoDotAndDotDot);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));

    // An existing private folder the user made keeps its permissions too.
    const QString own = dir.filePath(QStringLiteral("own"));
    QVERIFY(QDir().mkpath(own));
    const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                          QFileDevice::ReadGroup | QFileDevice::ExeGroup;
    QVERIFY(QFile::setPermissions(own, readable));
    QCOMPARE(runCli(own, {QStringLiteral("cache"), QStringLiteral("stats")}).exitCode, 0);
    QCOMPARE(QFileInfo(own).permissions() & (readable | QFileDevice::ReadOther), readable);
}

void TestStoreWriter::lockedKeyringDuringLookUpShowsOnTheDesk()
{
    QTemporaryDir dir;
    SystemClock clock;
    desk::Desk::Options options;
    options.training = true;
    options.storeDirectory = dir.filePath(QStringLiteral("store"));
    auto opened = desk::Desk::open(options, clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
    desk::Desk& desk = *opened.value();
    QLabel* problem = desk.window().auditAnchorProblem();
    QVERIFY(problem);
    QVERIFY(problem->isHidden());
    DeskServices& services = desk.services();
    QSignalSpy failed(&services, &DeskServices::auditAnchorFailed);

    // The keyring locks while the desk runs (the session locked it, or the user did): the
    // look-up is recorded, its anchor cannot be saved, and the desk says so.
    lockKeyring();
    QVERIFY(services.audit(nurse(), lookUpEvent()).ok());
    QVERIFY(failed.wait(10000));
    QVERIFY(!problem->isHidden());
    QVERIFY2(problem->text().contains(QStringLiteral("not anchored")), qPrintable(problem->text()));
    QVERIFY(!problem->accessibleName().isEmpty());
}

QTEST_MAIN(TestStoreWriter)
#include "tst_storewriter.moc"
