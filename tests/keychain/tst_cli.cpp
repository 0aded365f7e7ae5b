// The `cpis` command line as a user runs it: training mode (in-process sandbox, real
// keychain in the test's private keyring), the documented JSON, and exit codes.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The administrator's file the runs see: `adminFile`, or one that does not exist (only the
// training profile is allowed), never the machine's own /etc/cpis-desk/desk.conf.
QString g_noAdminFile;

Run cpisExactly(const QStringList& args,
                const QString& adminFile = {},
                const QList<std::pair<QString, QString>>& extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& [name, value] : extraEnv)
        env.insert(name, value);
    env.insert(QStringLiteral("CPIS_DESK_ADMIN_FILE"),
               adminFile.isEmpty() ? g_noAdminFile : adminFile);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CPIS_CLI_EXE), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Most runs are training runs: the profile every user has to name. With no administrator's
// file the site is unscheduled care, where a look-up must say the identity was checked.
Run cpis(const QStringList& args)
{
    QStringList all = QStringList{QStringLiteral("--profile"), QStringLiteral("training")} + args;
    if (args.contains(QStringLiteral("lookup")))
        all << QStringLiteral("--confirmed-identity");
    return cpisExactly(all);
}

// An administrator's file as root writes it: owned by root, writable by root only. The desk
// refuses any other, so the tests that write one run as root (CI does).
#define REQUIRE_ROOT()                                                                             \
    do {                                                                                           \
        if (::geteuid() != 0)                                                                      \
            QSKIP("writes an administrator's file, which must be owned by root: run as root");     \
    } while (false)

QString writeAdminFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
        return {};
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                     QFileDevice::ReadOther);
    return path;
}

// The text lines of a CSV audit export, by action.
QList<QByteArray> exportedRows(const QString& csvPath, const QByteArray& action)
{
    QFile f(csvPath);
    QList<QByteArray> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.contains(QByteArray(',' + action + ',')))
            rows << line;
    return rows;
}

// The first ```json block of docs/cli.md: the documented form of `lookup --json`.
QJsonObject documentedExample()
{
    QFile f(QStringLiteral(CPIS_SOURCE_DIR "/docs/cli.md"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(f.readAll());
    static const QRegularExpression block(QStringLiteral("```json\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    return QJsonDocument::fromJson(block.match(text).captured(1).toUtf8()).object();
}

// The same fields, recursively, with values of the same JSON type (null matches anything,
// since a documented null may be a value in another answer, and the reverse).
QString shapeDifference(const QJsonValue& doc, const QJsonValue& got, const QString& path)
{
    if (doc.isNull() || got.isNull())
        return {};
    if (doc.type() != got.type())
        return path + QStringLiteral(": type differs");
    if (doc.isObject()) {
        const QJsonObject a = doc.toObject(), b = got.toObject();
        if (a.keys() != b.keys())
            return path + QStringLiteral(": fields ") + a.keys().join(u',') +
                   QStringLiteral(" documented, ") + b.keys().join(u',') +
                   QStringLiteral(" printed");
        for (const QString& k : a.keys())
            if (const QString d = shapeDifference(a.value(k), b.value(k), path + u'.' + k);
                !d.isEmpty())
                return d;
    }
    if (doc.isArray() && !doc.toArray().isEmpty() && !got.toArray().isEmpty())
        return shapeDifference(doc.toArray().first(), got.toArray().first(), path + u"[0]");
    return {};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lookupJsonIsTheDocumentedForm();
    void exitCodesPerOutcome_data();
    void exitCodesPerOutcome();
    void badInputNeverContactsTheService_data();
    void badInputNeverContactsTheService();
    void auditVerifyAndExport();
    void refusesToRunWithoutAProfile();
    void unknownOptionIsBadInput();
    void trainingMarkerOnEveryOutput();
    void profileNotAllowedIsRefused();
    void liveProfileOverPlainHttpIsRefusedBeforeAnyConnection();
    void adminFileOthersCanWriteIsRefused();
    void siteTypeChangeIsAuditedAtTheNextStart();
    void lookupAtAnUnscheduledSiteNeedsConfirmedIdentity();
    void auditStatusShowsWhatWaitsForTheHub();

private:
    QTemporaryDir m_dir;
    QString store() const { return m_dir.filePath(QStringLiteral("store")); }
};

void TestCli::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CPIS_TEST_PRIVATE_KEYRING"))
        QFAIL("run through tests/support/with-private-keyring.sh (ctest does)");
    QVERIFY(m_dir.isValid());
    g_noAdminFile = m_dir.filePath(QStringLiteral("no-admin-file.conf"));
}

void TestCli::lookupJsonIsTheDocumentedForm()
{
    const Run r = cpis({QStringLiteral("--store"), store(), QStringLiteral("lookup"),
                        QStringLiteral("999 000 0018"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 3, r.err.constData());
    QJsonParseError pe;
    const QJsonObject got = QJsonDocument::fromJson(r.out, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    const QJsonObject doc = documentedExample();
    QVERIFY2(!doc.isEmpty(), "no ```json example in docs/cli.md");
    const QString diff = shapeDifference(doc, got, QStringLiteral("$"));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // The values, not only the shape, for the documented scenario.
    QCOMPARE(got.value(QLatin1String("state")).toString(), QStringLiteral("plans-found"));
    QCOMPARE(got.value(QLatin1String("nhsNumber")).toString(), QStringLiteral("9990000018"));
    QVERIFY(got.value(QLatin1String("reason")).isNull());
    QCOMPARE(got.value(QLatin1String("fromCache")).toBool(), false);
    QCOMPARE(got.value(QLatin1String("notificationSent")).toBool(), true);
    const QJsonObject plan = got.value(QLatin1String("plans")).toArray().first().toObject();
    QCOMPARE(plan.value(QLatin1String("type")).toString(), QStringLiteral("CPP"));
    QCOMPARE(plan.value(QLatin1String("localAuthority")).toObject().value(QLatin1String("ods")),
             QJsonValue(QStringLiteral("SHE1")));
    QCOMPARE(got.value(QLatin1String("patient")).toObject().value(QLatin1String("family")),
             QJsonValue(QStringLiteral("Scenario-Cpp")));
}

void TestCli::exitCodesPerOutcome_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("state");
    QTest::newRow("plans found") << "9990000034" << 3 << "plans-found";
    QTest::newRow("no record") << "9990000069" << 0 << "no-record";
    QTest::newRow("503") << "9990000190" << 4 << "could-not-check";
    QTest::newRow("unknown plan type: a record") << "9990000247" << 3 << "plans-found";
    QTest::newRow("not traced") << "9990000263" << 4 << "could-not-check";
}

void TestCli::exitCodesPerOutcome()
{
    QFETCH(QString, number);
    QFETCH(int, exitCode);
    QFETCH(QString, state);
    const Run r = cpis({QStringLiteral("--store"), store(), QStringLiteral("lookup"), number,
                        QStringLiteral("--json")});
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    const QJsonObject got = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(got.value(QLatin1String("state")).toString(), state);
    if (state == u"could-not-check")
        QVERIFY(got.value(QLatin1String("message"))
                    .toString()
                    .endsWith(QStringLiteral("Follow local safeguarding procedure.")));

    // The role decides: a user without CP-IS access is refused, whatever the number.
    const Run refused = cpis({QStringLiteral("--store"), store(), QStringLiteral("--as"),
                              QStringLiteral("social-worker"), QStringLiteral("lookup"), number});
    QCOMPARE(refused.exitCode, 7);
}

void TestCli::badInputNeverContactsTheService_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("check digit") << QStringList{QStringLiteral("lookup"),
                                                QStringLiteral("9434765918")}
                                 << "last digit does not match";
    QTest::newRow("letter") << QStringList{QStringLiteral("lookup"), QStringLiteral("94347659l9")}
                            << "only digits";
    QTest::newRow("length") << QStringList{QStringLiteral("history"), QStringLiteral("943476591")}
                            << "10 digits";
    QTest::newRow("two numbers") << QStringList{QStringLiteral("lookup"),
                                                QStringLiteral("9434765919"),
                                                QStringLiteral("9000000009")}
                                 << "exactly one";
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("frobnicate")} << "unknown command";
    QTest::newRow("audit what") << QStringList{QStringLiteral("audit")} << "verify, export";
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("lookup"), QStringLiteral("9434765919"),
                       QStringLiteral("--frobnicate")}
        << "unknown option";
}

void TestCli::badInputNeverContactsTheService()
{
    REQUIRE_ROOT();
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTcpServer service; // stands in for the national service: nothing may connect
    QVERIFY(service.listen(QHostAddress::LocalHost));
    const QString otherStore = m_dir.filePath(QStringLiteral("untouched"));
    // A profile whose every service is the listening socket: an https address that would be
    // used, had the input been good.
    const QString url = QStringLiteral("https://127.0.0.1:%1").arg(service.serverPort());
    const QString admin = writeAdminFile(
        m_dir.filePath(QStringLiteral("admin-bad-input.conf")),
        QStringLiteral("[desk]\nprofiles = local\n[profile local]\npds = %1/pds\ncpis = %1/cpis\n"
                       "identity = %1/oauth2\ncpis-interface = fhir\n")
            .arg(url)
            .toUtf8());
    QVERIFY(!admin.isEmpty());
    const Run r = cpisExactly(QStringList{QStringLiteral("--profile"), QStringLiteral("local"),
                                          QStringLiteral("--store"), otherStore} +
                                  args,
                              admin);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message, Qt::CaseInsensitive), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY(!service.waitForNewConnection(100));
    QVERIFY(!QDir(otherStore).exists()); // the store was not even opened
}

void TestCli::auditVerifyAndExport()
{
    const Run look = cpis({QStringLiteral("--store"), store(), QStringLiteral("lookup"),
                           QStringLiteral("9990000018")});
    QCOMPARE(look.exitCode, 3);
    QVERIFY(look.out.contains("CP-IS ALERT"));
    QVERIFY(look.out.contains("Emergency duty (out of hours): 07700"));

    const Run verify = cpis(
        {QStringLiteral("--store"), store(), QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
    QVERIFY2(verify.out.contains("\naudit log intact"), verify.out.constData());

    const QString csv = m_dir.filePath(QStringLiteral("audit.csv"));
    const QStringList exportCsv{QStringLiteral("--store"),  store(),
                                QStringLiteral("audit"),    QStringLiteral("export"),
                                QStringLiteral("--format"), QStringLiteral("csv"),
                                QStringLiteral("--output"), csv};
    // Signed in like any command, and only a role that may export the audit log gets it: the
    // default test user (the triage nurse) may not.
    const Run refused = cpis(exportCsv);
    QCOMPARE(refused.exitCode, 7);
    QVERIFY2(refused.err.contains("may not export the audit log"), refused.err.constData());
    QVERIFY(!QFile::exists(csv));

    const QStringList asLead{QStringLiteral("--as"), QStringLiteral("safeguarding-lead")};
    const Run exported = cpisExactly(
        QStringList{QStringLiteral("--profile"), QStringLiteral("training")} + asLead + exportCsv,
        {}, {{QStringLiteral("USER"), QStringLiteral("someone")}});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QCOMPARE(QFile::permissions(csv), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadUser | QFileDevice::WriteUser);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    f.close();
    QVERIFY(lines.size() >= 2);
    QVERIFY(lines.last().contains(",look-up,9990000018,plans-found"));

    // The file is there now: not replaced without --force, then replaced whole.
    const Run again = cpis(asLead + exportCsv);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("already exists"), again.err.constData());
    const Run forced = cpis(asLead + exportCsv + QStringList{QStringLiteral("--force")});
    QVERIFY2(forced.exitCode == 0, forced.err.constData());
    // The first export's own entry names the signed-in lead, whatever $USER said.
    const QList<QByteArray> exportRows = exportedRows(csv, "export");
    QVERIFY(!exportRows.isEmpty());
    QVERIFY2(exportRows.first().contains(",555000000004,Tom Fielding,"),
             exportRows.first().constData());
    QVERIFY(!exportRows.first().contains("someone"));

    // The export itself is audited, so the log has grown by one.
    const Run after = cpis(
        {QStringLiteral("--store"), store(), QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(after.exitCode, 0);
    QVERIFY(after.out != verify.out);
}

void TestCli::refusesToRunWithoutAProfile()
{
    QTcpServer service;
    QVERIFY(service.listen(QHostAddress::LocalHost));
    const QString otherStore = m_dir.filePath(QStringLiteral("no-profile"));
    const Run r = cpisExactly({QStringLiteral("--store"), otherStore, QStringLiteral("lookup"),
                               QStringLiteral("9990000018")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no --profile given"), r.err.constData());
    QVERIFY(r.err.contains("--profile training"));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QDir(otherStore).exists());
}

void TestCli::unknownOptionIsBadInput()
{
    const QString otherStore = m_dir.filePath(QStringLiteral("unknown-option"));
    for (const QStringList& args :
         {QStringList{QStringLiteral("--frobnicate"), QStringLiteral("cache"),
                      QStringLiteral("stats")},
          QStringList{QStringLiteral("--profile"), QStringLiteral("training"),
                      QStringLiteral("--store"), otherStore, QStringLiteral("lookup"),
                      QStringLiteral("9990000018"), QStringLiteral("--jsn")}}) {
        const Run r = cpisExactly(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Unknown option"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
    QVERIFY(!QDir(otherStore).exists()); // nothing was opened
    // --help still prints the usage and succeeds.
    const Run help = cpisExactly({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--profile"));
}

void TestCli::trainingMarkerOnEveryOutput()
{
    const QByteArray marker = "[TRAINING: synthetic data";
    const Run text = cpis({QStringLiteral("--store"), store(), QStringLiteral("lookup"),
                           QStringLiteral("9990000018")});
    QCOMPARE(text.exitCode, 3);
    QVERIFY2(text.out.startsWith(marker), text.out.constData());

    const Run json = cpis({QStringLiteral("--store"), store(), QStringLiteral("lookup"),
                           QStringLiteral("9990000018"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 3);
    const QJsonObject answer = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(answer.value(QStringLiteral("training")), QJsonValue(true));
    QCOMPARE(answer.value(QStringLiteral("environment")).toString(), QStringLiteral("training"));

    const Run history = cpis({QStringLiteral("--store"), store(), QStringLiteral("history"),
                              QStringLiteral("9990000018"), QStringLiteral("--json")});
    QCOMPARE(history.exitCode, 0);
    const QJsonObject h = QJsonDocument::fromJson(history.out).object();
    QCOMPARE(h.value(QStringLiteral("training")), QJsonValue(true));
    QVERIFY(h.value(QStringLiteral("accessHistory")).isArray());

    for (const QStringList& command :
         {QStringList{QStringLiteral("audit"), QStringLiteral("verify")},
          QStringList{QStringLiteral("cache"), QStringLiteral("stats")},
          QStringList{QStringLiteral("history"), QStringLiteral("9990000018")},
          QStringList{QStringLiteral("login")}}) {
        const Run r = cpis(QStringList{QStringLiteral("--store"), store()} + command);
        QVERIFY2(r.exitCode == 0, qPrintable(command.join(u' ') + u' ' + QString::fromUtf8(r.err)));
        QVERIFY2(r.out.startsWith(marker), qPrintable(command.join(u' ')));
    }

    // An export to standard output is data, not text: each entry names its environment.
    const Run ndjson = cpis({QStringLiteral("--as"), QStringLiteral("safeguarding-lead"),
                             QStringLiteral("--store"), store(), QStringLiteral("audit"),
                             QStringLiteral("export")});
    QCOMPARE(ndjson.exitCode, 0);
    const QList<QByteArray> lines = ndjson.out.trimmed().split('\n');
    QVERIFY(!lines.isEmpty());
    for (const QByteArray& line : lines)
        QVERIFY2(line.contains("\"https://cpis-desk.local/service-environment\",\"valueString\":"
                               "\"training\""),
                 line.constData());
}

void TestCli::profileNotAllowedIsRefused()
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

void TestCli::liveProfileOverPlainHttpIsRefusedBeforeAnyConnection()
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

void TestCli::adminFileOthersCanWriteIsRefused()
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

// The command line shows no banner: where a look-up notifies the local authority, it asks CP-IS
// only when the user says the identity was checked, and otherwise stops before anything starts.
void TestCli::lookupAtAnUnscheduledSiteNeedsConfirmedIdentity()
{
    const QString untouched = m_dir.filePath(QStringLiteral("unconfirmed"));
    const auto lookup = [&](const QStringList& extra, const QString& admin = QString()) {
        return cpisExactly(QStringList{QStringLiteral("--profile"), QStringLiteral("training"),
                                       QStringLiteral("--store"), untouched,
                                       QStringLiteral("lookup"), QStringLiteral("9990000018")} +
                               extra,
                           admin);
    };
    const Run refused = lookup({});
    QCOMPARE(refused.exitCode, 11);
    QVERIFY2(refused.err.contains("--confirmed-identity"), refused.err.constData());
    QVERIFY2(refused.err.contains("Nothing was sent"), refused.err.constData());
    QVERIFY(refused.out.isEmpty());
    QVERIFY(!QDir(untouched).exists()); // not even the store was opened
    const Run confirmed = lookup({QStringLiteral("--confirmed-identity")});
    QVERIFY2(confirmed.exitCode == 3, confirmed.err.constData());

    // A scheduled site reads silently: nobody is notified, so no confirmation is asked for.
    REQUIRE_ROOT();
    const QString admin = m_dir.filePath(QStringLiteral("admin-scheduled-lookup.conf"));
    QVERIFY(!writeAdminFile(admin, "[desk]\nsite = scheduled\nprofiles = training\n").isEmpty());
    const Run scheduled = lookup({}, admin);
    QVERIFY2(scheduled.exitCode == 3, scheduled.err.constData());
}

void TestCli::siteTypeChangeIsAuditedAtTheNextStart()
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

void TestCli::auditStatusShowsWhatWaitsForTheHub()
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
