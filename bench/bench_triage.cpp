// bench_triage: the triage look-up on the real path, step by step, at a network round trip of
// 0 and 20 ms (the sandbox's --rtt, in process), with CP-IS over HL7 V3 (SpineCpisAdapter) and
// the desk's keys and audit anchor in the keychain (run inside with-private-keyring.sh).
//
// The two steps a nurse waits for:
//   trace:  Enter in the NHS-number field -> the patient banner painted (PDS);
//   CP-IS:  the confirmation key -> the CP-IS section painted (the V3 query).
// Beside each, in the same run and interleaved with it, its floor: a plain
// QNetworkAccessManager of its own doing the same request on a kept-alive connection to the
// same sandbox (one PDS GET; one QUPC_IN000006GB01 POST).
//
// The steps are read from timestamps by one small adapter (Steps::from), whichever flow the
// desk runs: when CP-IS was asked before the confirmation (a one-step look-up, trace and query
// on Enter), the trace is Enter -> PDS answer received and the CP-IS step is the rest up to
// the banner painted plus confirmation -> section painted; when it was not (trace on Enter,
// CP-IS on confirmation), the steps are the two waits as they are.
#include "app/desk/DeskComposition.h"
#include "bench/support/ConsoleOut.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/spine/SpineNames.h"
#include "core/spine/SpineQueryWriter.h"
#include "core/store/KeyStore.h"
#include "core/store/MemoryKeyProvider.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientBanner.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/NhsNumberEdit.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <optional>

using namespace cpis;
using cpis::console::complain;
using cpis::console::say;

namespace {

// Stamps the end of a widget's first paint after it is armed.
class PaintProbe : public QObject
{
public:
    qint64 paintedAt = -1;
    QElapsedTimer* clock = nullptr;
    QEventLoop* loop = nullptr;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Paint)
            return false;
        const bool handled = watched->event(event);
        if (paintedAt < 0) {
            paintedAt = clock->nsecsElapsed();
            if (loop)
                loop->quit();
        }
        return handled;
    }
};

// Runs the event loop until `done` or 10 s.
bool spin(const std::function<bool()>& done)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(0);
    QTimer::singleShot(10000, &loop, [&loop] { loop.exit(1); });
    return loop.exec() == 0 && done();
}

double pct(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p / 100.0 * double(v.size())));
    return v.at(i);
}

// One look-up's timestamps (ns on one clock) and the two steps read from them.
struct Stamps
{
    qint64 enter = -1, bannerPainted = -1, confirm = -1, sectionPainted = -1;
    qint64 pdsAnswered = -1;        // the desk's PDS reply finished
    bool cpisBeforeConfirm = false; // a one-step flow: CP-IS asked on Enter
};

struct Steps
{
    double trace = 0; // ms
    double cpis = 0;

    static Steps from(const Stamps& s)
    {
        if (s.cpisBeforeConfirm)
            return {double(s.pdsAnswered - s.enter) / 1e6,
                    double((s.bannerPainted - s.pdsAnswered) + (s.sectionPainted - s.confirm)) /
                        1e6};
        return {double(s.bannerPainted - s.enter) / 1e6,
                double(s.sectionPainted - s.confirm) / 1e6};
    }
};

struct Figures
{
    QList<double> trace, cpis, pdsFloor, cpisFloor, enterToBanner, confirmToSection;
    bool oneStep = false;
};

QByteArray newId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

// The floor's CP-IS exchange: the query the desk would send, with a fresh message id.
QByteArray v3Query(const ServiceProfile& p, const UserSession& nurse, const QString& nhs)
{
    SpineQuery q;
    q.nhsNumber = nhs;
    q.unscheduled = true;
    q.messageId = QString::fromLatin1(newId()).toUpper();
    q.queryId = QString::fromLatin1(newId()).toUpper();
    q.createdUtc = QDateTime::currentDateTimeUtc();
    q.to = p.cpis;
    q.deskAsid = p.deskAsid;
    q.deskPartyKey = p.deskPartyKey;
    q.cpisAsid = p.cpisAsid;
    q.author = SpineAuthor::person(nurse);
    return SpineQueryWriter::write(q).value();
}

std::optional<Figures> measure(int rttMs, int runs, KeyProvider& keys, const QString& folder)
{
    sandbox::SandboxServer::Options o;
    o.rtt = std::chrono::milliseconds(rttMs);
    sandbox::SandboxServer sandbox(o);
    if (!sandbox.start()) {
        complain("bench_triage: sandbox did not start\n");
        return std::nullopt;
    }
    ServiceProfile profile = ServiceProfile::training();
    profile.cpisInterface = CpisInterface::Hl7V3;
    profile = profile.withSandbox(sandbox.baseUrl());
    SystemClock systemClock;
    auto config = DeskServices::defaultConfig(profile, folder, QStringLiteral("bench_triage"));
    config.workstation = QStringLiteral("bench");
    auto opened = DeskServices::create(config, &systemClock, keys);
    if (!opened) {
        complain("bench_triage: the store did not open: %s\n", qPrintable(opened.error().message));
        return std::nullopt;
    }
    DeskServices& services = *opened.value();
    desk::RoleViewOptions roles;
    roles.functions = {DeskFunction::LookUp};
    roles.training = &sandbox;
    ui::MainWindow window(desk::environment(services.config().profile, &sandbox),
                          desk::windowServices(services, roles), ui::DeskSettings{});
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return std::nullopt;
    window.signInAs(QStringLiteral("triage-nurse"));
    if (!spin([&] { return window.isSignedIn(); })) {
        complain("bench_triage: sign-in failed\n");
        return std::nullopt;
    }
    auto* triage = qobject_cast<ui::TriageView*>(window.functionView(DeskFunction::LookUp));
    if (!triage)
        return std::nullopt;

    QElapsedTimer clock;
    clock.start();
    PaintProbe bannerProbe, resultProbe;
    bannerProbe.clock = resultProbe.clock = &clock;
    triage->banner()->installEventFilter(&bannerProbe);
    triage->resultView()->installEventFilter(&resultProbe);

    Stamps stamps;
    int cpisReplies = 0;
    QObject::connect(&services.network(), &QNetworkAccessManager::finished, &window,
                     [&](QNetworkReply* r) {
                         const QString path = r->url().path();
                         if (path.startsWith(u"/personal-demographics"))
                             stamps.pdsAnswered = clock.nsecsElapsed();
                         else if (path.startsWith(u"/spine/cpis"))
                             ++cpisReplies;
                     });

    // The floor's own client and session, kept alive across its requests.
    QNetworkAccessManager floorNam;
    const auto user = sandbox.signIn().user(QStringLiteral("triage-nurse")).value();
    UserSession nurse;
    nurse.userId = user.userUid;
    nurse.name = user.name;
    nurse.roleId = user.roleId;
    nurse.roleName = user.roleName;
    nurse.roleCode = user.roleCode;
    nurse.organisationCode = user.orgCode;
    nurse.organisationName = user.orgName;
    const QByteArray bearer = "Bearer " + sandbox.signIn().issueAccessToken(user.id);
    auto timed = [&](QNetworkReply* reply) -> double {
        const qint64 start = clock.nsecsElapsed();
        if (!spin([reply] { return reply->isFinished(); }) ||
            reply->error() != QNetworkReply::NoError) {
            reply->deleteLater();
            return -1;
        }
        reply->readAll();
        reply->deleteLater();
        return double(clock.nsecsElapsed() - start) / 1e6;
    };

    const QStringList numbers{QStringLiteral("9990000018"), QStringLiteral("9990000042"),
                              QStringLiteral("9990000069"), QStringLiteral("9990000050")};
    Figures f;
    ui::NhsNumberEdit* field = triage->nhsField();
    for (int i = 0; i < runs + 5; ++i) {
        const QString& nhs = numbers.at(i % numbers.size());
        QTest::keyClick(field, Qt::Key_Escape);
        QTest::keyClicks(field, nhs);
        stamps = Stamps{};
        bannerProbe.paintedAt = resultProbe.paintedAt = -1;
        cpisReplies = 0;
        stamps.enter = clock.nsecsElapsed();
        QTest::keyClick(field, Qt::Key_Return);
        if (!spin([&] { return bannerProbe.paintedAt > 0; })) {
            complain("bench_triage: no banner painted\n");
            return std::nullopt;
        }
        stamps.bannerPainted = bannerProbe.paintedAt;
        stamps.cpisBeforeConfirm = cpisReplies > 0;
        stamps.confirm = clock.nsecsElapsed();
        QTest::keyClick(field, Qt::Key_Return, Qt::ControlModifier);
        if (!spin([&] { return resultProbe.paintedAt > 0; })) {
            complain("bench_triage: no CP-IS section painted\n");
            return std::nullopt;
        }
        stamps.sectionPainted = resultProbe.paintedAt;

        // The floor, interleaved: one PDS GET, then one CP-IS exchange.
        QUrl pds = profile.pds;
        pds.setPath(pds.path() + QStringLiteral("/Patient/") + nhs);
        QNetworkRequest get(pds);
        get.setRawHeader("Authorization", bearer);
        get.setRawHeader("X-Request-ID", newId());
        get.setRawHeader("Accept", "application/fhir+json");
        const double pdsFloor = timed(floorNam.get(get));
        QNetworkRequest post(profile.cpis);
        post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/xml; charset=utf-8"));
        post.setRawHeader("SOAPAction",
                          '"' + QByteArray(spine::kQueryAction.data(), spine::kQueryAction.size()) +
                              '"');
        const double cpisFloor = timed(floorNam.post(post, v3Query(profile, nurse, nhs)));
        if (pdsFloor < 0 || cpisFloor < 0) {
            complain("bench_triage: a floor request failed\n");
            return std::nullopt;
        }
        if (i < 5)
            continue; // warm-up: first layouts, the floor's first connections
        const Steps s = Steps::from(stamps);
        f.oneStep = stamps.cpisBeforeConfirm;
        f.trace << s.trace;
        f.cpis << s.cpis;
        f.enterToBanner << double(stamps.bannerPainted - stamps.enter) / 1e6;
        f.confirmToSection << double(stamps.sectionPainted - stamps.confirm) / 1e6;
        f.pdsFloor << pdsFloor;
        f.cpisFloor << cpisFloor;
    }
    services.flushAuditAnchor();
    return f;
}

void report(const char* what, const QList<double>& ms)
{
    say("  %-34s p50 %7.2f  p99 %7.2f ms\n", what, pct(ms, 50), pct(ms, 99));
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : QString();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int runs = 500;
    bool memoryKeys = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--lookups" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--memory-keys")
            memoryKeys = true; // without a Secret Service; not the desk's real path
    }
    QTemporaryDir dir;
    KeyStore keychain(QStringLiteral("cpis-desk-bench"));
    MemoryKeyProvider memory;
    KeyProvider& keys = memoryKeys ? static_cast<KeyProvider&>(memory) : keychain;
    say("bench_triage: %d look-ups per RTT, CP-IS over HL7 V3, keys %s, platform %s, load %s\n",
        runs, memoryKeys ? "in memory" : "in the keychain",
        qPrintable(QGuiApplication::platformName()), qPrintable(loadAverage()));
    bool met = true;
    for (const int rtt : {0, 20}) {
        const auto f = measure(rtt, runs, keys, dir.filePath(QStringLiteral("rtt%1").arg(rtt)));
        if (!f)
            return 1;
        say("RTT %d ms (%s flow; load %s):\n", rtt,
            f->oneStep ? "one-step: trace and CP-IS on Enter, split by timestamps"
                       : "two-step: trace on Enter, CP-IS on confirmation",
            qPrintable(loadAverage()));
        report("Enter -> banner painted", f->enterToBanner);
        report("confirm -> CP-IS section painted", f->confirmToSection);
        report("trace step", f->trace);
        report("floor: plain PDS GET", f->pdsFloor);
        report("CP-IS step", f->cpis);
        report("floor: plain CP-IS POST", f->cpisFloor);
        const double traceRatio = pct(f->trace, 99) / pct(f->pdsFloor, 99);
        const double cpisRatio = pct(f->cpis, 99) / pct(f->cpisFloor, 99);
        say("  p99 step/floor: trace %.2f, CP-IS %.2f\n", traceRatio, cpisRatio);
        const bool ok = rtt == 0 ? pct(f->trace, 99) < 100 && pct(f->cpis, 99) < 100
                                 : traceRatio <= 1.25 && cpisRatio <= 1.25;
        say("  target (%s): %s\n",
            rtt == 0 ? "each step's p99 < 100 ms" : "each step's p99 within 1.25x its floor",
            ok ? "PASS" : "FAIL");
        met = met && ok;
    }
    return met ? 0 : 2;
}
