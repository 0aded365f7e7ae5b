// bench_desk: from Enter in the NHS-number field to the CP-IS result painted, in the real
// triage window against the in-process sandbox on loopback, with a real event loop.
//
// Each look-up: Enter -> answer -> banner painted (t1); then the confirmation key ->
// CpisResultView painted (t2). The nurse's reading time between the two is not the
// desk's: "Enter to result painted" = t1 + (t2 - confirm pressed). The sandbox runs in this
// process and thread, so its work is counted too; the store is a real SQLCipher pair in a
// temporary folder (TMPDIR: put it on a real disk, as fsync is part of the audit append),
// keyed first in memory, then in the keychain as the desk keeps its keys and audit anchor
// (run inside tests/support/with-private-keyring.sh for a throwaway gnome-keyring).
#include "app/desk/DeskComposition.h"
#include "bench/support/ConsoleOut.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/store/KeyStore.h"
#include "core/store/MemoryKeyProvider.h"
#include "sandbox/server/SandboxServer.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientBanner.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/NhsNumberEdit.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <optional>

using namespace cpis;
using cpis::console::complain;
using cpis::console::say;

namespace {

// Records when a widget's paint event has finished.
class PaintProbe : public QObject
{
public:
    qint64 paintedAt = -1;
    QElapsedTimer* clock = nullptr;
    QEventLoop* loop = nullptr; // quit once painted

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Paint)
            return false;
        // event() itself does not pass through filters: this paints, then stamps the time.
        const bool handled = watched->event(event);
        if (paintedAt < 0) {
            paintedAt = clock->nsecsElapsed();
            if (loop)
                loop->quit();
        }
        return handled;
    }
};

double pct(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p / 100.0 * double(v.size())));
    return v.at(i);
}

void report(const char* what, const QList<double>& ms)
{
    double sum = 0;
    for (double x : ms)
        sum += x;
    say("%-34s n=%lld  mean %7.2f  p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f ms\n", what,
        static_cast<long long>(ms.size()), sum / double(ms.size()), pct(ms, 50), pct(ms, 95),
        pct(ms, 99), pct(ms, 100));
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;

    sandbox::SandboxServer sandbox(sandbox::SandboxServer::Options{});
    if (!sandbox.start()) {
        complain("bench_desk: sandbox did not start\n");
        return 1;
    }
    // The desk's own graph in a temporary store, keyed in memory or in the keychain.
    QTemporaryDir dir;
    SystemClock systemClock;
    struct Figures
    {
        QList<double> toBanner, toResult, total, service;
        int anchorSaves = 0, anchorFailures = 0;
    };
    auto measure = [&](KeyProvider& keys, const QString& folder) -> std::optional<Figures> {
        Figures f;
        auto config =
            DeskServices::defaultConfig(ServiceProfile::training().withSandbox(sandbox.baseUrl()),
                                        dir.filePath(folder), QStringLiteral("bench_desk"));
        config.workstation = QStringLiteral("bench");
        auto opened = DeskServices::create(config, &systemClock, keys);
        if (!opened) {
            complain("bench_desk: the store did not open\n");
            return std::nullopt;
        }
        DeskServices& services = *opened.value();
        QObject::connect(&services, &DeskServices::auditAnchorSaved, [&f] { ++f.anchorSaves; });
        QObject::connect(&services, &DeskServices::auditAnchorFailed,
                         [&f](const QString&) { ++f.anchorFailures; });
        desk::RoleViewOptions roles;
        roles.functions = {DeskFunction::LookUp}; // the triage screen alone
        roles.training = &sandbox;
        ui::MainWindow window(desk::environment(services.config().profile, &sandbox),
                              desk::windowServices(services, roles), ui::DeskSettings{});
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return std::nullopt;
        window.signInAs(QStringLiteral("triage-nurse"));
        if (!QTest::qWaitFor([&] { return window.isSignedIn(); }, 10000)) {
            complain("bench_desk: sign-in failed\n");
            return std::nullopt;
        }

        auto* triage = qobject_cast<ui::TriageView*>(window.functionView(DeskFunction::LookUp));
        if (!triage) {
            complain("bench_desk: no look-up screen\n");
            return std::nullopt;
        }

        QElapsedTimer clock;
        clock.start();
        PaintProbe bannerProbe, resultProbe;
        bannerProbe.clock = resultProbe.clock = &clock;
        triage->banner()->installEventFilter(&bannerProbe);
        triage->resultView()->installEventFilter(&resultProbe);

        // Plan, several plans, no record, ended: the states a shift mostly sees.
        // A plain event loop, as the desk runs: QTest::qWaitFor would sleep 10 ms between turns.
        auto waitPainted = [](PaintProbe& probe) {
            if (probe.paintedAt > 0)
                return true;
            QEventLoop loop;
            probe.loop = &loop;
            QTimer::singleShot(10000, &loop, [&loop] { loop.exit(1); });
            const bool ok = loop.exec() == 0;
            probe.loop = nullptr;
            return ok && probe.paintedAt > 0;
        };

        const QStringList numbers{QStringLiteral("9990000018"), QStringLiteral("9990000042"),
                                  QStringLiteral("9990000069"), QStringLiteral("9990000050")};
        QList<double>& toBanner = f.toBanner;
        QList<double>& toResult = f.toResult;
        QList<double>& total = f.total;
        ui::NhsNumberEdit* field = triage->nhsField();
        for (int i = 0; i < runs + 5; ++i) {
            QTest::keyClick(field, Qt::Key_Escape);
            QTest::keyClicks(field, numbers.at(i % numbers.size()));
            bannerProbe.paintedAt = resultProbe.paintedAt = -1;
            const qint64 enter = clock.nsecsElapsed();
            QTest::keyClick(field, Qt::Key_Return);
            if (!waitPainted(bannerProbe)) {
                complain("bench_desk: no banner painted\n");
                return std::nullopt;
            }
            const qint64 confirm = clock.nsecsElapsed();
            QTest::keyClick(field, Qt::Key_Return, Qt::ControlModifier);
            if (!waitPainted(resultProbe)) {
                complain("bench_desk: no result painted\n");
                return std::nullopt;
            }
            if (i < 5)
                continue; // warm-up: first connections, first layouts
            const double a = double(bannerProbe.paintedAt - enter) / 1e6;
            const double b = double(resultProbe.paintedAt - confirm) / 1e6;
            toBanner << a;
            toResult << b;
            total << a + b;
        }
        // The floor, in the same run: the same look-ups straight through LookupService, no UI.
        QList<double>& service = f.service;
        for (int i = 0; i < runs; ++i) {
            QEventLoop loop;
            const qint64 start = clock.nsecsElapsed();
            qint64 done = -1;
            services.lookups().lookup(NhsNumber::parse(numbers.at(i % numbers.size())).value(),
                                      &loop, [&](const LookupResult&) {
                                          done = clock.nsecsElapsed();
                                          loop.quit();
                                      });
            if (done < 0)
                loop.exec();
            service << double(done - start) / 1e6;
        }
        if (!services.flushAuditAnchor())
            ++f.anchorFailures;
        return f;
    };
    MemoryKeyProvider memoryKeys;
    const auto memory = measure(memoryKeys, QStringLiteral("memory"));
    if (!memory)
        return 1;
    KeyStore keychainKeys(QStringLiteral("cpis-desk-bench"));
    const auto keychain = measure(keychainKeys, QStringLiteral("keychain"));
    if (!keychain)
        complain("bench_desk: no keychain run (is a Secret Service reachable?)\n");
    const QList<double>& toBanner = memory->toBanner;
    const QList<double>& toResult = memory->toResult;
    const QList<double>& total = memory->total;
    const QList<double>& service = memory->service;

    say("bench_desk: %d look-ups, platform %s, loopback sandbox at %s\n", runs,
        qPrintable(QGuiApplication::platformName()), qPrintable(sandbox.baseUrl().toString()));
    report("Enter -> banner painted", toBanner);
    report("confirm key -> result painted", toResult);
    report("Enter -> result painted (desk)", total);
    report("LookupService alone (floor)", service);
    if (keychain) {
        say("with keys and audit anchor in the keychain (%d anchor saves, %d failed):\n",
            keychain->anchorSaves, keychain->anchorFailures);
        report("Enter -> result painted (desk, keychain)", keychain->total);
        report("LookupService alone (keychain)", keychain->service);
        say("keychain/memory desk: p50 %.2f  p99 %.2f\n", pct(keychain->total, 50) / pct(total, 50),
            pct(keychain->total, 99) / pct(total, 99));
    }
    say("ratio desk/floor: p50 %.2f  p99 %.2f\n", pct(total, 50) / pct(service, 50),
        pct(total, 99) / pct(service, 99));
    const double p99 = pct(total, 99);
    say("p99 %.2f ms: %s (target < 100 ms)\n", p99, p99 < 100 ? "PASS" : "FAIL");
    return p99 < 100 ? 0 : 2;
}
