// A desk for the hub's crash test, as its own process so that it can be killed: the
// composition root (DeskServices) over a store and keys in files, the training sandbox in
// process, and the profile's audit hub pointed at the test's server.
//   hub_desk_child look-up <store> <keys> <hub-uri> <ca>   look up in a loop; prints
//       "looked-up <seq>" after each look-up is audited
//   hub_desk_child drain <store> <keys> <hub-uri> <ca>     exits 0 once the hub holds every
//       entry, printing "drained <seq>"
#include "bench/support/ConsoleOut.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/FileKeyProvider.h"
#include "tests/support/SandboxSession.h"

#include <QCoreApplication>
#include <QTimer>

using namespace cpis;
using cpis::console::complain;
using cpis::console::say;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6 || (args.at(1) != u"look-up" && args.at(1) != u"drain")) {
        complain("usage: hub_desk_child look-up|drain <store> <keys> <hub-uri> <ca>\n");
        return 1;
    }
    const bool drain = args.at(1) == u"drain";
    sandbox::SandboxServer sandbox(sandbox::SandboxServer::Options{});
    if (!sandbox.start()) {
        complain("sandbox: %s\n", qPrintable(sandbox.errorString()));
        return 2;
    }
    ServiceProfile profile = ServiceProfile::training().withSandbox(sandbox.baseUrl());
    profile.auditHub = QUrl(args.at(4));
    profile.caBundle = args.at(5);
    auto config = DeskServices::defaultConfig(profile, args.at(2), QStringLiteral("hub-test"));
    config.workstation = QStringLiteral("hub-test-desk");
    config.hub.retryFirst = std::chrono::milliseconds(50);
    config.hub.retryMax = std::chrono::milliseconds(400);
    config.hub.batchSize = 7; // several batches per run: kills land between and inside them
    SystemClock clock;
    testsupport::FileKeyProvider keys(args.at(3));
    auto services = DeskServices::create(config, &clock, keys);
    if (!services) {
        complain("desk: %s\n", qPrintable(services.error().message));
        return 2;
    }
    DeskServices& desk = *services.value();
    HubForwarder* hub = desk.hubForwarder();
    if (!hub) {
        complain("desk: no hub forwarder\n");
        return 2;
    }
    if (drain) {
        auto check = [&] {
            const auto& s = hub->state();
            if (s.localSeq > 0 && s.backlog() == 0 && s.lastError.isEmpty()) {
                say("drained %lld\n", static_cast<long long>(s.forwardedSeq));
                QCoreApplication::exit(0);
            }
        };
        QObject::connect(hub, &HubForwarder::stateChanged, &app, check);
        check();
        return app.exec();
    }
    desk.lookups().setSession(testsupport::sandboxSession(sandbox, QStringLiteral("triage-nurse"),
                                                          clock.nowUtc().addSecs(3600)));
    const NhsNumber nhs = NhsNumber::parse(QStringLiteral("9434765919")).value();
    std::function<void()> next = [&] {
        desk.lookups().lookup(nhs, &app, [&](const LookupResult& r) {
            if (r.auditFailed) {
                complain("look-up not audited\n");
                QCoreApplication::exit(3);
                return;
            }
            say("looked-up %lld\n", static_cast<long long>(desk.store().audit().lastSeq()));
            QTimer::singleShot(0, &app, next);
        });
    };
    next();
    return app.exec();
}
