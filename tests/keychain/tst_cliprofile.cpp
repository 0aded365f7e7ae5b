// The `cpis` command line under the administrator's file (/etc/cpis-desk/desk.conf): which
// profiles may be named, https only outside training, a file others can write refused, the site
// type's changes audited, and the audit hub's status.
#include "tests/support/CliRun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace clirun;

class TestCliProfile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void profileNotAllowedIsRefused();
    void liveProfileOverPlainHttpIsRefusedBeforeAnyConnection();
    void adminFileOthersCanWriteIsRefused();
    void siteTypeChangeIsAuditedAtTheNextStart();
    void auditStatusShowsWhatWaitsForTheHub();

private:
    QTemporaryDir m_dir;
};

void TestCliProfile::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CPIS_TEST_PRIVATE_KEYRING"))
        QFAIL("run through tests/support/with-private-keyring.sh (ctest does)");
    QVERIFY(m_dir.isValid());
    noAdminFile() = m_dir.filePath(QStringLiteral("no-admin-file.conf"));
}

void TestCliProfile::profileNotAllowedIsRefused()
{
    // Without an administrator's file only training is allowed: "live" is refused by name.
    const QString otherStore = m_dir.filePath(QStringLiteral("not-allowed"));
    const Run r =
        cpisExactly({QStringLiteral("--profile"), QStringLiteral("live"), QStringLiteral("--store"),
                     otherStore, QStringLiteral("cache"), QStringLiteral("stats")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("not one the administrator allows"), r.err.constData());
    QVERIFY(!QDir(otherStore).exists());
}

void TestCliProfile::liveProfileOverPlainHttpIsRefusedBeforeAnyConnection()
{
    REQUIRE_ROOT();
    QTcpServer service; // every address of the profile points here
    QVERIFY(service.listen(QHostAddress::LocalHost));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(service.serverPort());
    const QString admin = writeAdminFile(
        m_dir.filePath(QStringLiteral("admin-http.conf")),
        QStringLiteral("[desk]\nprofiles = live\n[profile live]\n"
                       "pds = %1/personal-demographics/FHIR/R4\ncpis = %1/cpis/FHIR/R4\n"
                       "identity = %1/oauth2\nmesh = %1\ncpis-interface = fhir\n")
            .arg(url)
            .toUtf8());
    QVERIFY(!admin.isEmpty());
    const QString otherStore = m_dir.filePath(QStringLiteral("http-live"));
    for (const QStringList& command :
         {QStringList{QStringLiteral("lookup"), QStringLiteral("9990000018")},
          QStringList{QStringLiteral("login")}}) {
        const Run r = cpisExactly(QStringList{QStringLiteral("--profile"), QStringLiteral("live"),
                                              QStringLiteral("--store"), otherStore} +
                                      command,
                                  admin);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("must be https://") && r.err.contains("Nothing was sent"),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
    // The socket was listening all along and nobody came.
    QVERIFY(!service.hasPendingConnections());
    QVERIFY(!service.waitForNewConnection(200));
    QVERIFY(!QDir(otherStore).exists());
}

void TestCliProfile::adminFileOthersCanWriteIsRefused()
{
    const QString admin = writeAdminFile(m_dir.filePath(QStringLiteral("admin-0666.conf")),
                                         "[desk]\nsite = scheduled\nprofiles = training\n");
    QVERIFY(!admin.isEmpty());
    QVERIFY(QFile::setPermissions(admin, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ReadOther | QFileDevice::WriteOther));
    const Run r = cpisExactly({QStringLiteral("--profile"), QStringLiteral("training"),
                               QStringLiteral("--store"), m_dir.filePath(QStringLiteral("w")),
                               QStringLiteral("cache"), QStringLiteral("stats")},
                              admin);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("writable by root only"), r.err.constData());
}

void TestCliProfile::siteTypeChangeIsAuditedAtTheNextStart()
{
    REQUIRE_ROOT();
    const QString dir = m_dir.filePath(QStringLiteral("site-change"));
    const QString admin = m_dir.filePath(QStringLiteral("admin-site.conf"));
    const QString csv = m_dir.filePath(QStringLiteral("site-change.csv"));
    const auto run = [&](const QStringList& command) {
        return cpisExactly(QStringList{QStringLiteral("--profile"), QStringLiteral("training"),
                                       QStringLiteral("--store"), dir} +
                               command,
                           admin);
    };
    const auto exportRows = [&] {
        const Run r = run({QStringLiteral("--as"), QStringLiteral("safeguarding-lead"),
                           QStringLiteral("audit"), QStringLiteral("export"),
                           QStringLiteral("--format"), QStringLiteral("csv"),
                           QStringLiteral("--output"), csv, QStringLiteral("--force")});
        return r.exitCode == 0 ? exportedRows(csv, "configuration") : QList<QByteArray>{};
    };

    QVERIFY(!writeAdminFile(admin, "[desk]\nsite = unscheduled\nprofiles = training\n").isEmpty());
    QCOMPARE(run({QStringLiteral("cache"), QStringLiteral("stats")}).exitCode, 0);
    QList<QByteArray> rows = exportRows();
    QCOMPARE(rows.size(), 1);
    QVERIFY2(rows.at(0).contains("site=unscheduled"), rows.at(0).constData());

    // The same settings again: nothing new to record.
    QCOMPARE(run({QStringLiteral("cache"), QStringLiteral("stats")}).exitCode, 0);
    QCOMPARE(exportRows().size(), 1);

    // The administrator makes this a scheduled site: the next start records it.
    QVERIFY(!writeAdminFile(admin, "[desk]\nsite = scheduled\nprofiles = training\n").isEmpty());
    QCOMPARE(run({QStringLiteral("cache"), QStringLiteral("stats")}).exitCode, 0);
    rows = exportRows();
    QCOMPARE(rows.size(), 2);
    QVERIFY2(rows.at(1).contains("site=scheduled"), rows.at(1).constData());
    QVERIFY(rows.at(1).contains("changed since the last start"));
    QVERIFY(rows.at(1).contains(",training,")); // the environment column

    const Run verify = run({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verify.exitCode, 0);
}

void TestCliProfile::auditStatusShowsWhatWaitsForTheHub()
{
    REQUIRE_ROOT();
    const QString ca = m_dir.filePath(QStringLiteral("hub-ca.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=hub"),
                   QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("hub-ca.key")),
                   QStringLiteral("-out"), ca});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
    // Nothing listens on port 1: the hub is never reached, and nothing else is contacted.
    const QString admin =
        writeAdminFile(m_dir.filePath(QStringLiteral("admin-hub.conf")),
                       "[desk]\nprofiles = hubtest\n[profile hubtest]\ncpis-interface = fhir\n"
                       "pds = https://pds.invalid/FHIR/R4\ncpis = https://cpis.invalid/FHIR/R4\n"
                       "identity = https://identity.invalid/oauth2\n"
                       "audit-hub = postgresql://desk_cli@127.0.0.1:1/cpis_hub\nca-bundle = " +
                           ca.toUtf8() + "\n");
    QVERIFY(!admin.isEmpty());
    const QStringList base{QStringLiteral("--profile"), QStringLiteral("hubtest"),
                           QStringLiteral("--store"), m_dir.filePath(QStringLiteral("hub"))};
    Run r =
        cpisExactly(base + QStringList{QStringLiteral("audit"), QStringLiteral("status")}, admin);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("audit hub: postgresql://127.0.0.1:1/cpis_hub\n"), r.out.constData());
    QVERIFY2(!r.out.contains("desk_cli"), "the status names the hub, not the desk's role");
    // The configuration entry of the first start waits; no password is in the keychain yet.
    QVERIFY2(r.out.contains("audit log: 1 entries\n"), r.out.constData());
    QVERIFY2(r.out.contains("waiting to be sent: 1\n"), r.out.constData());
    QVERIFY2(r.out.contains("last successful send: never\n"), r.out.constData());
    QVERIFY2(r.out.contains("hub problem: no password for the audit hub"), r.out.constData());

    QProcess set;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CPIS_DESK_ADMIN_FILE"), admin);
    set.setProcessEnvironment(env);
    set.start(QStringLiteral(CPIS_CLI_EXE),
              base + QStringList{QStringLiteral("audit"), QStringLiteral("hub-password")});
    set.write("desk-cli-password\n");
    set.closeWriteChannel();
    QVERIFY(set.waitForFinished(60000));
    QCOMPARE(set.exitCode(), 0);
    r = cpisExactly(base + QStringList{QStringLiteral("audit"), QStringLiteral("status")}, admin);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains("no password"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCliProfile)
#include "tst_cliprofile.moc"
