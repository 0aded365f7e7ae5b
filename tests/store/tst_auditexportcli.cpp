// `cpis audit export` (CliCommands::auditExport) over the desk's composition root: only a
// signed-in role that may export the audit log gets it; the file is new, 0600 and never written
// through a link; the export's own entry names the signed-in user, whatever $USER says; and
// cells a spreadsheet would run come out neutralised.
#include "core/cli/CliCommands.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Vocabulary.h"
#include "tests/support/MemoryDesk.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace cpis;

namespace {

// The safeguarding lead's role code (a nurse consultant: the default rules give audit-export).
const QString kLeadRole = QStringLiteral("S8000:G8000:R0570");

UserSession signedIn(const QString& userId, const QString& roleCode)
{
    UserSession s;
    s.userId = userId;
    s.name = QStringLiteral("Test User ") + userId;
    s.roleId = QStringLiteral("100000000009");
    s.roleName = QStringLiteral("Test role");
    s.organisationCode = QStringLiteral("RX1");
    s.organisationName = QStringLiteral("Sandbox General Hospital NHS Trust");
    s.activityCodes = {vocabulary::kActivityViewAndNotify};
    s.roleCode = roleCode;
    s.accessToken = "token";
    s.accessExpiresUtc = QDateTime::currentDateTimeUtc().addSecs(3600);
    return s;
}

} // namespace

class TestAuditExportCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void onlyAnAuditRoleMayExport_data();
    void onlyAnAuditRoleMayExport();
    void entryNamesTheSignedInUserNotUSER();
    void existingFileAndLinksAreRefused();
    void forceReplacesAFileButNeverALink();
    void formulaCellsAreNeutralised();

private:
    // Runs the command signed in as `who` (nothing: not signed in); its exit code.
    int run(const std::optional<UserSession>& who,
            const QString& path,
            bool force = false,
            const QString& format = QStringLiteral("csv"));
    QByteArray read(const QString& path) const
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    std::unique_ptr<testsupport::MemoryDesk> m_desk;
    QTemporaryDir m_dir;
    QString m_out, m_err;
};

void TestAuditExportCli::init()
{
    // Nothing is sent: the export reads the local log only.
    m_desk = std::make_unique<testsupport::MemoryDesk>(QUrl(QStringLiteral("http://127.0.0.1:9")));
    m_out.clear();
    m_err.clear();
}

void TestAuditExportCli::cleanup()
{
    m_desk.reset();
}

int TestAuditExportCli::run(const std::optional<UserSession>& who,
                            const QString& path,
                            bool force,
                            const QString& format)
{
    QTextStream out(&m_out), err(&m_err);
    CliCommands::SessionSource session =
        [who](std::function<void(const Result<UserSession, QString>&)> give) {
            if (who)
                give(*who);
            else
                give(QStringLiteral("no session"));
        };
    CliCommands commands(*m_desk->services, session, out, err);
    int code = -1;
    commands.auditExport(format, path, force, [&code](int c) { code = c; });
    return code;
}

void TestAuditExportCli::onlyAnAuditRoleMayExport_data()
{
    QTest::addColumn<QString>("roleCode");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("safeguarding lead") << kLeadRole << 0;
    QTest::newRow("privacy officer") << QStringLiteral("S8000:G8000:R0001") << 0;
    QTest::newRow("triage nurse") << QStringLiteral("S8000:G8000:R8001") << 7;
    QTest::newRow("school nurse") << QStringLiteral("S8000:G8000:R0690") << 7;
    QTest::newRow("social worker") << QStringLiteral("S8000:G8000:R1330") << 7;
}

void TestAuditExportCli::onlyAnAuditRoleMayExport()
{
    QFETCH(QString, roleCode);
    QFETCH(int, exitCode);
    const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".csv");
    const qsizetype before = m_desk->userEntries().size();
    QCOMPARE(run(signedIn(QStringLiteral("555000000004"), roleCode), path), exitCode);
    QCOMPARE(QFileInfo::exists(path), exitCode == 0);
    QCOMPARE(m_desk->userEntries().size(), before + (exitCode == 0 ? 1 : 0));
    if (exitCode != 0)
        QVERIFY2(m_err.contains(QStringLiteral("may not export the audit log")), qPrintable(m_err));

    // Not signed in at all: refused the same way, nothing written.
    const QString none = m_dir.filePath(QStringLiteral("none-") + QTest::currentDataTag());
    QCOMPARE(run(std::nullopt, none), 7);
    QVERIFY(!QFileInfo::exists(none));
}

void TestAuditExportCli::entryNamesTheSignedInUserNotUSER()
{
    const QByteArray saved = qgetenv("USER");
    qputenv("USER", "someone");
    const QString path = m_dir.filePath(QStringLiteral("user.ndjson"));
    const int code = run(signedIn(QStringLiteral("555000000004"), kLeadRole), path, false,
                         QStringLiteral("ndjson"));
    qputenv("USER", saved);
    QCOMPARE(code, 0);
    const QList<AuditEntry> entries = m_desk->userEntries();
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.last().action, AuditEntry::Action::Export);
    QCOMPARE(entries.last().userId, QStringLiteral("555000000004"));
    QCOMPARE(entries.last().userName, QStringLiteral("Test User 555000000004"));
    for (const AuditEntry& e : entries)
        QVERIFY(e.userId != u"someone" && e.userName != u"someone");
}

void TestAuditExportCli::existingFileAndLinksAreRefused()
{
    const UserSession lead = signedIn(QStringLiteral("555000000004"), kLeadRole);
    const QString existing = m_dir.filePath(QStringLiteral("existing.csv"));
    QFile f(existing);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keep");
    f.close();
    QCOMPARE(run(lead, existing), 1);
    QVERIFY2(m_err.contains(QStringLiteral("--force")), qPrintable(m_err));
    QCOMPARE(read(existing), QByteArray("keep"));

    const QString link = m_dir.filePath(QStringLiteral("link.csv"));
    QVERIFY(QFile::link(existing, link));
    QCOMPARE(run(lead, link), 1);
    const QString dangling = m_dir.filePath(QStringLiteral("dangling.csv"));
    const QString pointedAt = m_dir.filePath(QStringLiteral("would-be-created"));
    QVERIFY(QFile::link(pointedAt, dangling));
    QCOMPARE(run(lead, dangling), 1);
    QVERIFY(!QFileInfo::exists(pointedAt));
    QCOMPARE(read(existing), QByteArray("keep"));

    const QString fresh = m_dir.filePath(QStringLiteral("fresh.csv"));
    QCOMPARE(run(lead, fresh), 0);
    QCOMPARE(QFile::permissions(fresh), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadUser | QFileDevice::WriteUser);
}

void TestAuditExportCli::forceReplacesAFileButNeverALink()
{
    const UserSession lead = signedIn(QStringLiteral("555000000004"), kLeadRole);
    const QString path = m_dir.filePath(QStringLiteral("again.csv"));
    QCOMPARE(run(lead, path), 0);
    const QByteArray first = read(path);
    QCOMPARE(run(lead, path, true), 0);
    // The second export holds the first's own entry: a different, whole file.
    QVERIFY(read(path).size() > first.size());
    QVERIFY(read(path).startsWith(first.left(first.indexOf('\n'))));

    const QString victim = m_dir.filePath(QStringLiteral("victim"));
    QFile v(victim);
    QVERIFY(v.open(QIODevice::WriteOnly));
    v.write("precious");
    v.close();
    const QString link = m_dir.filePath(QStringLiteral("forced-link.csv"));
    QVERIFY(QFile::link(victim, link));
    QCOMPARE(run(lead, link, true), 1);
    QCOMPARE(read(victim), QByteArray("precious"));
    QVERIFY(QFileInfo(link).isSymLink());
}

void TestAuditExportCli::formulaCellsAreNeutralised()
{
    const UserSession lead = signedIn(QStringLiteral("555000000004"), kLeadRole);
    for (const QString& why :
         {QStringLiteral("=1+1"), QStringLiteral("\t=cmd"), QStringLiteral("\r=cmd")}) {
        AccessEvent ev;
        ev.action = AuditEntry::Action::View;
        ev.outcome = AuditEntry::Outcome::Success;
        ev.reason = why;
        QVERIFY(m_desk->services->audit(lead, ev));
    }
    const QString path = m_dir.filePath(QStringLiteral("cells.csv"));
    QCOMPARE(run(lead, path), 0);
    const QByteArray csv = read(path);
    QVERIFY2(csv.contains(",'=1+1,"), csv.constData());
    QVERIFY2(csv.contains(",'\t=cmd,"), csv.constData());
    QVERIFY2(csv.contains(",\"'\r=cmd\","), csv.constData());
    QVERIFY(!csv.contains(",=1+1,"));
    QVERIFY(!csv.contains(",\t=cmd,"));
}

QTEST_GUILESS_MAIN(TestAuditExportCli)
#include "tst_auditexportcli.moc"
