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

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cpis(const QStringList& args)
{
    QProcess p;
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

private:
    QTemporaryDir m_dir;
    QString store() const { return m_dir.filePath(QStringLiteral("store")); }
};

void TestCli::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CPIS_TEST_PRIVATE_KEYRING"))
        QFAIL("run through tests/support/with-private-keyring.sh (ctest does)");
    QVERIFY(m_dir.isValid());
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
    QTest::newRow("unknown plan code") << "9990000247" << 4 << "could-not-check";
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
}

void TestCli::badInputNeverContactsTheService()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTcpServer service; // stands in for the national service: nothing may connect
    QVERIFY(service.listen(QHostAddress::LocalHost));
    const QString otherStore = m_dir.filePath(QStringLiteral("untouched"));
    const Run r = cpis(QStringList{QStringLiteral("--service"),
                                   QStringLiteral("http://127.0.0.1:%1").arg(service.serverPort()),
                                   QStringLiteral("--store"), otherStore} +
                       args);
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
    QVERIFY(verify.out.startsWith("audit log intact"));

    const QString csv = m_dir.filePath(QStringLiteral("audit.csv"));
    const Run exported =
        cpis({QStringLiteral("--store"), store(), QStringLiteral("audit"), QStringLiteral("export"),
              QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), csv});
    QCOMPARE(exported.exitCode, 0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    QVERIFY(lines.last().contains(",look-up,9990000018,plans-found"));

    // The export itself is audited, so the log has grown by one.
    const Run after = cpis(
        {QStringLiteral("--store"), store(), QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(after.exitCode, 0);
    QVERIFY(after.out != verify.out);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
