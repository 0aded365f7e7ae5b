// Sandbox at scale: start-up with N people, and CareTeam query latency on loopback, measured
// beside curl fetching the same URL over one kept-alive connection in the same run.
//
//   bench_sandbox [--people 500000] [--queries 2000]
//
// Budgets: start-up under 10 s; CareTeam p99 under 5 ms.
#include "sandbox/server/SandboxServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <csignal>
#include <vector>

namespace {

struct Stats
{
    double p50, p95, p99, max, mean;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, size_t(q * double(ms.size())))]; };
    double sum = 0;
    for (double v : ms)
        sum += v;
    return {at(0.50), at(0.95), at(0.99), ms.back(), sum / double(ms.size())};
}

void print(QTextStream& out, const char* label, const Stats& s, size_t n)
{
    out << QStringLiteral("  %1 n=%2  p50 %3 ms  p95 %4 ms  p99 %5 ms  max %6 ms  mean %7 ms\n")
               .arg(QString::fromLatin1(label), -22)
               .arg(n)
               .arg(s.p50, 0, 'f', 3)
               .arg(s.p95, 0, 'f', 3)
               .arg(s.p99, 0, 'f', 3)
               .arg(s.max, 0, 'f', 3)
               .arg(s.mean, 0, 'f', 3);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int people = 500000;
    int queries = 2000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--people")
            people = args[i + 1].toInt();
        else if (args[i] == u"--queries")
            queries = args[i + 1].toInt();
    }

    // 1. In-process start-up: generate the population and listen.
    QElapsedTimer t;
    t.start();
    {
        cpis::sandbox::SandboxServer::Options o;
        o.people = people;
        cpis::sandbox::SandboxServer server(o);
        if (!server.start())
            return 1;
        out << QStringLiteral("in-process start-up, %1 people: %2 ms\n")
                   .arg(people)
                   .arg(t.nsecsElapsed() / 1e6, 0, 'f', 1);
    }

    // 2. The executable as users run it: from exec to the base URL on stdout.
    QProcess sandbox;
    sandbox.setProgram(QStringLiteral(CPIS_SANDBOX_EXE));
    sandbox.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--open"),
                          QStringLiteral("--people"), QString::number(people)});
    t.restart();
    sandbox.start();
    if (!sandbox.waitForStarted())
        return 1;
    while (!sandbox.canReadLine())
        if (!sandbox.waitForReadyRead(30000))
            return 1;
    const double startupMs = t.nsecsElapsed() / 1e6;
    const QString base = QString::fromUtf8(sandbox.readLine()).trimmed();
    out << QStringLiteral("cpis-sandbox start-up to base URL, %1 people: %2 ms (budget 10000)\n")
               .arg(people)
               .arg(startupMs, 0, 'f', 1);

    const QString target =
        base + QStringLiteral("/cpis/FHIR/R4/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/"
                              "nhs-number%7C9990000042");
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);

    // 3. Qt client, sequential GETs on one kept-alive connection.
    QNetworkAccessManager nam;
    std::vector<double> qt;
    qt.reserve(size_t(queries));
    for (int i = 0; i < queries + 50; ++i) {
        QNetworkRequest req{QUrl(target)};
        req.setRawHeader("X-Request-ID", requestId);
        req.setRawHeader("IsUnscheduledAccessEvent", "false");
        QElapsedTimer one;
        one.start();
        QNetworkReply* reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(10000))
            return 1;
        const double ms = one.nsecsElapsed() / 1e6;
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return 1;
        reply->deleteLater();
        if (i >= 50) // warm-up excluded
            qt.push_back(ms);
    }

    // 3b. A bare QTcpSocket client: the same request with the least client-side work, to
    // separate the server's share from QNetworkAccessManager's.
    QTcpSocket raw;
    const QUrl u(target);
    raw.connectToHost(u.host(), quint16(u.port()));
    if (!raw.waitForConnected(5000))
        return 1;
    const QByteArray rawRequest = "GET " + u.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) +
                                  " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-ID: " + requestId +
                                  "\r\nIsUnscheduledAccessEvent: false\r\n\r\n";
    std::vector<double> bare;
    for (int i = 0; i < queries + 50; ++i) {
        QElapsedTimer one;
        one.start();
        raw.write(rawRequest);
        QByteArray got;
        qsizetype need = -1;
        while (need < 0 || got.size() < need) {
            if (!raw.waitForReadyRead(5000))
                return 1;
            got += raw.readAll();
            const qsizetype end = got.indexOf("\r\n\r\n");
            if (need < 0 && end >= 0) {
                const qsizetype cl = got.indexOf("Content-Length: ");
                need = end + 4 + got.mid(cl + 16, got.indexOf('\r', cl) - cl - 16).toLongLong();
            }
        }
        if (i >= 50)
            bare.push_back(one.nsecsElapsed() / 1e6);
    }
    raw.disconnectFromHost();

    // 4. curl, the same URL many times on one command line (one kept-alive connection).
    QStringList curlArgs{QStringLiteral("-s"),
                         QStringLiteral("-w"),
                         QStringLiteral("%{time_total}\\n"),
                         QStringLiteral("-H"),
                         QStringLiteral("X-Request-ID: ") + QString::fromLatin1(requestId),
                         QStringLiteral("-H"),
                         QStringLiteral("IsUnscheduledAccessEvent: false")};
    for (int i = 0; i < queries + 50; ++i)
        curlArgs << QStringLiteral("-o") << QStringLiteral("/dev/null") << target; // -o is per URL
    QProcess curl;
    curl.start(QStringLiteral("curl"), curlArgs);
    if (!curl.waitForFinished(120000))
        return 1;
    std::vector<double> viaCurl;
    const QList<QByteArray> lines = curl.readAllStandardOutput().split('\n');
    for (int i = 50; i < lines.size(); ++i)
        if (!lines[i].trimmed().isEmpty())
            viaCurl.push_back(lines[i].toDouble() * 1000.0);

    ::kill(pid_t(sandbox.processId()), SIGTERM);
    sandbox.waitForFinished(10000);

    if (viaCurl.empty())
        return 1;
    out << QStringLiteral("CareTeam query (2 plans), %1 sequential requests after 50 warm-up:\n")
               .arg(queries);
    const Stats q = stats(qt);
    const Stats c = stats(viaCurl);
    print(out, "QNetworkAccessManager", q, qt.size());
    print(out, "QTcpSocket (bare)", stats(bare), bare.size());
    print(out, "curl -w time_total", c, viaCurl.size());
    out << QStringLiteral("  p99 ratio Qt/curl: %1 (budget: Qt p99 under 5 ms)\n")
               .arg(q.p99 / c.p99, 0, 'f', 2);
    return q.p99 < 5.0 && startupMs < 10000.0 ? 0 : 3;
}
