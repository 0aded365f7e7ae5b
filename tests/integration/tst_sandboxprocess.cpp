// The cpis-sandbox executable as users and scripts see it: first line is the base URL,
// it answers on loopback, and SIGTERM stops it cleanly.
#include "SandboxServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

class TestSandboxProcess : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void inProcessServerAnswers();
    void executablePrintsUrlAndStopsOnSignal_data();
    void executablePrintsUrlAndStopsOnSignal();

private:
    static int httpGetStatus(const QUrl& url);
};

int TestSandboxProcess::httpGetStatus(const QUrl& url)
{
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        return -1;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void TestSandboxProcess::inProcessServerAnswers()
{
    cpis::sandbox::SandboxServer server({});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QCOMPARE(server.baseUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(server.baseUrl().port() > 0);
    QCOMPARE(httpGetStatus(server.baseUrl().resolved(QUrl(QStringLiteral("/_sandbox/health")))),
             200);
}

void TestSandboxProcess::executablePrintsUrlAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestSandboxProcess::executablePrintsUrlAndStopsOnSignal()
{
    QFETCH(int, signal);
    QProcess proc;
    proc.setProgram(QStringLiteral(CPIS_SANDBOX_EXE));
    proc.setArguments({QStringLiteral("--port"), QStringLiteral("0")});
    proc.start();
    QVERIFY(proc.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(proc.canReadLine(), 10000);
    const QUrl base(QString::fromUtf8(proc.readLine()).trimmed());
    QCOMPARE(base.scheme(), QStringLiteral("http"));
    QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(httpGetStatus(base.resolved(QUrl(QStringLiteral("/_sandbox/health")))), 200);

    ::kill(static_cast<pid_t>(proc.processId()), signal);
    QVERIFY(proc.waitForFinished(10000));
    QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
    QCOMPARE(proc.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandboxprocess.moc"
