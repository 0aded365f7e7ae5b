#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &c, 1);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpis-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Local stand-in for the CP-IS national services (synthetic data, loopback only)."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption portOpt(QStringLiteral("port"),
                               QStringLiteral("Port to listen on (0: any free port)."),
                               QStringLiteral("port"), QStringLiteral("0"));
    parser.addOption(portOpt);
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOpt).toUInt(&portOk);
    if (!portOk || port > 65535) {
        QTextStream(stderr) << "cpis-sandbox: --port takes a number from 0 to 65535\n";
        return 2;
    }

    cpis::sandbox::SandboxServer::Options options;
    options.port = static_cast<quint16>(port);
    cpis::sandbox::SandboxServer server(options);
    if (!server.start()) {
        QTextStream(stderr) << "cpis-sandbox: " << server.errorString() << '\n';
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
