// The cpis-sandbox executable as users and scripts see it: first line is the base URL,
// it answers on loopback, and SIGTERM stops it cleanly.
#include "sandbox/server/SandboxServer.h"
#include "tests/support/SandboxHttp.h"
#include "tests/support/TestCertificates.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestSandboxProcess : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void inProcessServerAnswers();
    void hostMustNameThisServer_data();
    void hostMustNameThisServer();
    void executablePrintsUrlAndStopsOnSignal_data();
    void executablePrintsUrlAndStopsOnSignal();
    void executableServesTlsAndOptions();
    void executableRequiresClientCertificates();
    void executableRefusesBadArguments_data();
    void executableRefusesBadArguments();

private:
    static int httpGetStatus(const QUrl& url);
    // One raw request with the given Host header lines (none: no Host at all); the status.
    static int statusWithHost(quint16 port, const QByteArray& hostLines, const QByteArray& path);
};

int TestSandboxProcess::statusWithHost(quint16 port,
                                       const QByteArray& hostLines,
                                       const QByteArray& path)
{
    // The server runs in this thread: every wait runs the event loop (QSignalSpy::wait).
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (socket.state() != QAbstractSocket::ConnectedState && !connected.wait(10000))
        return -1;
    QSignalSpy ready(&socket, &QTcpSocket::readyRead);
    socket.write("GET " + path + " HTTP/1.1\r\n" + hostLines +
                 "X-Request-ID: " + sandboxtest::newRequestId() + "\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n")) {
        if (!socket.bytesAvailable() && !ready.wait(10000))
            break;
        answer += socket.readAll();
    }
    // "HTTP/1.1 421 Misdirected Request"
    const QList<QByteArray> statusLine = answer.left(answer.indexOf("\r\n")).split(' ');
    return statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
}

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

void TestSandboxProcess::hostMustNameThisServer_data()
{
    QTest::addColumn<QByteArray>("host"); // %1: the server's port
    QTest::addColumn<int>("status");
    QTest::newRow("127.0.0.1:port") << QByteArray("Host: 127.0.0.1:%1\r\n") << 200;
    QTest::newRow("localhost:port") << QByteArray("Host: localhost:%1\r\n") << 200;
    QTest::newRow("[::1]:port") << QByteArray("Host: [::1]:%1\r\n") << 200;
    QTest::newRow("127.0.0.1") << QByteArray("Host: 127.0.0.1\r\n") << 200;
    // DNS rebinding: a page's own name, resolved to 127.0.0.1.
    QTest::newRow("rebound name") << QByteArray("Host: attacker.example:%1\r\n") << 421;
    QTest::newRow("rebound, no port") << QByteArray("Host: attacker.example\r\n") << 421;
    QTest::newRow("look-alike") << QByteArray("Host: localhost.attacker.example:%1\r\n") << 421;
    QTest::newRow("another port") << QByteArray("Host: 127.0.0.1:1\r\n") << 421;
    QTest::newRow("no Host") << QByteArray() << 400;
}

void TestSandboxProcess::hostMustNameThisServer()
{
    QFETCH(QByteArray, host);
    QFETCH(int, status);
    // --open (no sign-in needed) is where a rebound page could read people; checked with and
    // without it.
    for (const bool open : {false, true}) {
        cpis::sandbox::SandboxServer::Options o;
        o.open = open;
        cpis::sandbox::SandboxServer server(o);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const quint16 port = quint16(server.baseUrl().port());
        const QByteArray lines = QByteArray(host).replace("%1", QByteArray::number(port));
        QCOMPARE(statusWithHost(port, lines, "/_sandbox/health"), status);
        if (open && status != 200) // a person, too, is refused before any route
            QCOMPARE(
                statusWithHost(port, lines, "/personal-demographics/FHIR/R4/Patient/9990000018"),
                status);
    }
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

void TestSandboxProcess::executableServesTlsAndOptions()
{
    QTemporaryDir dir;
    QVERIFY(sandboxtest::makeLoopbackCertificate(dir.path()));
    QProcess proc;
    proc.setProgram(QStringLiteral(CPIS_SANDBOX_EXE));
    proc.setArguments({QStringLiteral("--tls"), dir.filePath(QStringLiteral("cert.pem")),
                       dir.filePath(QStringLiteral("key.pem")), QStringLiteral("--open"),
                       QStringLiteral("--people"), QStringLiteral("2000"), QStringLiteral("--seed"),
                       QStringLiteral("9"), QStringLiteral("--fault"), QStringLiteral("http-503")});
    proc.start();
    QVERIFY(proc.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(proc.canReadLine(), 10000);
    const QUrl base(QString::fromUtf8(proc.readLine()).trimmed());
    QCOMPARE(base.scheme(), QStringLiteral("https"));

    QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    const QSslCertificate cert(&certFile, QSsl::Pem);
    QNetworkAccessManager nam;
    QUrl patient = base;
    patient.setPath(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000018"));
    // --open: no token needed; --fault: every FHIR request fails with 503.
    const auto r = sandboxtest::request(nam, "GET", patient,
                                        {{"X-Request-ID", sandboxtest::newRequestId()}}, {cert});
    QCOMPARE(r.error, QNetworkReply::ServiceUnavailableError);
    QCOMPARE(r.status, 503);

    ::kill(static_cast<pid_t>(proc.processId()), SIGTERM);
    QVERIFY(proc.waitForFinished(10000));
    QCOMPARE(proc.exitCode(), 0);
}

void TestSandboxProcess::executableRequiresClientCertificates()
{
    QString why;
    const auto certs = cpis::testsupport::TestCertificates::make(&why);
    QVERIFY2(certs, qPrintable(why));
    QProcess proc;
    proc.setProgram(QStringLiteral(CPIS_SANDBOX_EXE));
    proc.setArguments({QStringLiteral("--tls"), certs->server.certificatePath,
                       certs->server.keyPath, QStringLiteral("--client-ca"),
                       certs->ca.certificatePath, QStringLiteral("--people"),
                       QStringLiteral("500")});
    proc.start();
    QVERIFY(proc.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(proc.canReadLine(), 10000);
    QUrl health(QString::fromUtf8(proc.readLine()).trimmed());
    health.setPath(QStringLiteral("/_sandbox/health"));

    auto get = [&](bool withClientCertificate) {
        QNetworkAccessManager nam; // its own: no session or connection carried over
        QNetworkRequest req(health);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({certs->ca.certificate});
        tls.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);
        if (withClientCertificate) {
            tls.setLocalCertificate(certs->client.certificate);
            tls.setPrivateKey(certs->client.key);
        }
        req.setSslConfiguration(tls);
        req.setTransferTimeout(10000);
        QNetworkReply* reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool finished = done.wait(15000) || reply->isFinished();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return finished ? status : -1;
    };
    QCOMPARE(get(true), 200);
    QCOMPARE(get(false), 0); // the handshake fails: no HTTP status at all

    ::kill(static_cast<pid_t>(proc.processId()), SIGTERM);
    QVERIFY(proc.waitForFinished(10000));
    QCOMPARE(proc.exitCode(), 0);
}

void TestSandboxProcess::executableRefusesBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
    QTest::newRow("people") << QStringList{QStringLiteral("--people"), QStringLiteral("many")};
    QTest::newRow("fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("gremlins")};
    QTest::newRow("tls-no-key") << QStringList{QStringLiteral("--tls"), QStringLiteral("/nope")};
    QTest::newRow("now") << QStringList{QStringLiteral("--now"), QStringLiteral("yesterday")};
    QTest::newRow("client-ca-without-tls")
        << QStringList{QStringLiteral("--client-ca"), QStringLiteral("/nope")};
}

void TestSandboxProcess::executableRefusesBadArguments()
{
    QFETCH(QStringList, args);
    QProcess proc;
    proc.start(QStringLiteral(CPIS_SANDBOX_EXE), args);
    QVERIFY(proc.waitForFinished(10000));
    QCOMPARE(proc.exitCode(), 2);
    QVERIFY(proc.readAllStandardOutput().isEmpty());
    QVERIFY(proc.readAllStandardError().startsWith("cpis-sandbox: "));
}

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandboxprocess.moc"
