#include "sandbox/server/SandboxCommandLine.h"

#include "sandbox/endpoints/Cis2Realm.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ShiftedClock.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace cpis::sandbox {

namespace {
int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &c, 1);
}
} // namespace

std::optional<std::chrono::milliseconds> parseRtt(const QString& text)
{
    QString t = text.trimmed();
    if (t.endsWith(u"ms"))
        t.chop(2);
    bool ok = false;
    const int ms = t.toInt(&ok);
    if (!ok || ms < 0 || ms > 10000)
        return std::nullopt;
    return std::chrono::milliseconds(ms);
}

int runCommandLine(QCoreApplication& app, const QStringList& arguments, const QString& program)
{

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Local stand-in for the CP-IS national services (synthetic data, loopback only)."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption portOpt(QStringLiteral("port"),
                               QStringLiteral("Port to listen on (0: any free port)."),
                               QStringLiteral("port"), QStringLiteral("0"));
    parser.addOption(portOpt);
    QCommandLineOption seedOpt(QStringLiteral("seed"),
                               QStringLiteral("Seed of the synthetic population."),
                               QStringLiteral("n"), QStringLiteral("1"));
    QCommandLineOption peopleOpt(QStringLiteral("people"),
                                 QStringLiteral("Number of synthetic people (up to 850000)."),
                                 QStringLiteral("n"), QStringLiteral("5000"));
    QCommandLineOption tlsOpt(QStringLiteral("tls"),
                              QStringLiteral("Serve HTTPS with this PEM certificate; the key "
                                             "file follows as the next argument."),
                              QStringLiteral("cert"));
    QCommandLineOption clientCaOpt(
        QStringLiteral("client-ca"),
        QStringLiteral("With --tls: require a client certificate issued by a CA in this PEM "
                       "file (mutual TLS, as Spine's endpoints do)."),
        QStringLiteral("file"));
    QCommandLineOption openOpt(
        QStringLiteral("open"),
        QStringLiteral("No Authorization needed (acts as the triage nurse)."));
    QCommandLineOption faultOpt(QStringLiteral("fault"),
                                QStringLiteral("Server-wide fault, e.g. http-503 or latency=300."),
                                QStringLiteral("name"));
    QCommandLineOption nowOpt(QStringLiteral("now"),
                              QStringLiteral("Start the clock at this UTC time (ISO 8601)."),
                              QStringLiteral("time"));
    QCommandLineOption rttOpt(
        QStringLiteral("rtt"),
        QStringLiteral("Add a network round trip to every request, e.g. 20ms (give or take a "
                       "tenth; answered on a timer, never by blocking)."),
        QStringLiteral("time"), QStringLiteral("0ms"));
    parser.addOption(rttOpt);
    parser.addOption(seedOpt);
    parser.addOption(peopleOpt);
    parser.addOption(tlsOpt);
    parser.addOption(clientCaOpt);
    parser.addOption(openOpt);
    parser.addOption(faultOpt);
    parser.addOption(nowOpt);
    QCommandLineOption clientJwksOpt(
        QStringLiteral("client-jwks"),
        QStringLiteral("Trust the public keys in this JWKS file for client assertions and the "
                       "token exchange, as registering a desk's keys with CIS2 and the platform "
                       "does (a desk in training registers its own when the sandbox runs in it)."),
        QStringLiteral("file"));
    parser.addOption(clientJwksOpt);
    // Area lists (docs/api.md §11)
    QCommandLineOption areaSizeOpt(
        QStringLiteral("area-size"),
        QStringLiteral("Give the school nurse one more area with this many children on plans "
                       "(generated on demand, up to 200000)."),
        QStringLiteral("n"), QStringLiteral("0"));
    QCommandLineOption fileSizeOpt(QStringLiteral("export-file-size"),
                                   QStringLiteral("Resources per area-list NDJSON file."),
                                   QStringLiteral("n"), QStringLiteral("10000"));
    parser.addOption(areaSizeOpt);
    parser.addOption(fileSizeOpt);
    parser.process(arguments);

    auto fail = [&program](const QString& why) {
        QTextStream(stderr) << program << ": " << why << '\n';
        return 2;
    };
    bool portOk = false;
    const uint port = parser.value(portOpt).toUInt(&portOk);
    if (!portOk || port > 65535)
        return fail(QStringLiteral("--port takes a number from 0 to 65535"));
    bool seedOk = false, peopleOk = false;
    const quint64 seed = parser.value(seedOpt).toULongLong(&seedOk);
    const int people = parser.value(peopleOpt).toInt(&peopleOk);
    if (!seedOk)
        return fail(QStringLiteral("--seed takes a whole number"));
    if (!peopleOk || people < 0 || people > cpis::sandbox::SyntheticPopulation::kMaxPeople)
        return fail(QStringLiteral("--people takes a number from 0 to 850000"));

    bool areaOk = false, fileOk = false;
    const int areaSize = parser.value(areaSizeOpt).toInt(&areaOk);
    const int fileSize = parser.value(fileSizeOpt).toInt(&fileOk);
    if (!areaOk || areaSize < 0 || areaSize > 200000)
        return fail(QStringLiteral("--area-size takes a number from 0 to 200000"));
    if (!fileOk || fileSize < 1)
        return fail(QStringLiteral("--export-file-size takes a positive number"));

    const auto rtt = parseRtt(parser.value(rttOpt));
    if (!rtt)
        return fail(QStringLiteral("--rtt takes a time from 0ms to 10000ms, e.g. 20ms"));

    cpis::sandbox::SandboxServer::Options options;
    options.rtt = *rtt;
    options.areaLists.areaSize = areaSize;
    options.areaLists.maxFileResources = fileSize;
    options.port = static_cast<quint16>(port);
    options.seed = seed;
    options.people = people;
    options.open = parser.isSet(openOpt);
    if (parser.isSet(faultOpt)) {
        const auto fault = cpis::sandbox::FaultInjector::parse(parser.value(faultOpt));
        if (!fault)
            return fail(QStringLiteral("--fault names no known fault"));
        options.fault = *fault;
    }
    if (parser.isSet(tlsOpt)) {
        // --tls CERT KEY: the key is the first positional argument.
        const QStringList rest = parser.positionalArguments();
        if (rest.isEmpty())
            return fail(QStringLiteral("--tls takes a certificate and a key file"));
        QFile certFile(parser.value(tlsOpt));
        QFile keyFile(rest.first());
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the TLS certificate or key"));
        options.tlsCertificate = QSslCertificate(&certFile, QSsl::Pem);
        options.tlsKey = QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem);
        if (options.tlsKey.isNull())
            options.tlsKey = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
        if (options.tlsCertificate.isNull() || options.tlsKey.isNull())
            return fail(QStringLiteral("the TLS certificate or key is not PEM"));
    } else if (!parser.positionalArguments().isEmpty()) {
        return fail(QStringLiteral("unexpected argument"));
    }
    if (parser.isSet(clientCaOpt)) {
        if (!parser.isSet(tlsOpt))
            return fail(QStringLiteral("--client-ca needs --tls CERT KEY"));
        options.clientCaCertificates =
            QSslCertificate::fromPath(parser.value(clientCaOpt), QSsl::Pem);
        if (options.clientCaCertificates.isEmpty())
            return fail(QStringLiteral("--client-ca names no PEM certificate"));
    }
    std::unique_ptr<cpis::Clock> clock;
    if (parser.isSet(nowOpt)) {
        const QDateTime start = QDateTime::fromString(parser.value(nowOpt), Qt::ISODate);
        if (!start.isValid())
            return fail(QStringLiteral("--now takes an ISO 8601 time, e.g. 2026-11-25T10:00:00Z"));
        clock = std::make_unique<cpis::sandbox::ShiftedClock>(start);
        options.clock = clock.get();
    }

    QList<QJsonObject> clientKeys;
    if (parser.isSet(clientJwksOpt)) {
        QFile jwksFile(parser.value(clientJwksOpt));
        if (!jwksFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the --client-jwks file"));
        const QJsonArray keys =
            QJsonDocument::fromJson(jwksFile.read(1 << 20)).object().value(u"keys").toArray();
        for (const QJsonValue& k : keys)
            clientKeys << k.toObject();
        if (clientKeys.isEmpty())
            return fail(QStringLiteral("--client-jwks names no key (a JWKS: {\"keys\": [...]})"));
    }

    cpis::sandbox::SandboxServer server(options);
    for (const QJsonObject& jwk : clientKeys)
        server.cis2().registerKey(jwk);
    if (!server.start()) {
        QTextStream(stderr) << program << ": " << server.errorString() << '\n';
        return 1;
    }

    // Stop cleanly on SIGINT/SIGTERM: the handler only writes to a socket pair, and
    // the event loop does the rest.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return 1;
    QSocketNotifier notifier(g_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalFd[1], &c, 1);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);

    QTextStream(stdout) << server.baseUrl().toString() << Qt::endl;
    return app.exec();
}

} // namespace cpis::sandbox
