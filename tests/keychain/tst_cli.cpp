// The `cpis` command line's commands as a user runs them: training mode (in-process sandbox,
// real keychain in the test's private keyring), the documented JSON, and exit codes. The
// administrator's file is tst_cliprofile's, kept sessions tst_clisession's.
#include "tests/support/CliRun.h"

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

namespace {

using namespace clirun;

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
    void lookupAtAnUnscheduledSiteNeedsConfirmedIdentity();

private:
    QTemporaryDir m_dir;
    QString store() const { return m_dir.filePath(QStringLiteral("store")); }
};

void TestCli::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CPIS_TEST_PRIVATE_KEYRING"))
        QFAIL("run through tests/support/with-private-keyring.sh (ctest does)");
    QVERIFY(m_dir.isValid());
    noAdminFile() = m_dir.filePath(QStringLiteral("no-admin-file.conf"));
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
