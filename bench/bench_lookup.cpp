// bench_lookup: 1,000 sequential look-ups through LookupService (PDS trace, CP-IS query,
// access history, encrypted cache write, durable audit append) against one curl process
// fetching the same three requests per look-up from the same sandbox over one kept-alive
// connection: the floor. Both run in the same invocation, against a cpis-sandbox child
// process, so the ratio holds even on a noisy machine.
//
//   bench_lookup [--lookups N] [--store DIR] [--no-cache] [--no-audit]
//
// --no-cache / --no-audit leave that part out, to see what each costs (the desk never
// runs without them).
//
// The store lives in DIR (default: a temporary folder on the build's disk, since the
// audit append's fsync is part of what is measured). The look-ups run twice in the same
// invocation: keys and audit anchor in memory, then in the keychain as the desk keeps them
// (run it inside tests/support/with-private-keyring.sh for a throwaway gnome-keyring). The
// desk saves the anchor off the look-up path, at most once a second, so the two should be
// within 10% of each other.
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/store/KeyStore.h"
#include "core/store/MemoryKeyProvider.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace cpis;

namespace {

const QStringList kNumbers{QStringLiteral("9990000018"), QStringLiteral("9990000026"),
                           QStringLiteral("9990000034"), QStringLiteral("9990000042"),
                           QStringLiteral("9990000050"), QStringLiteral("9990000069"),
                           QStringLiteral("9990000077"), QStringLiteral("9990000093"),
                           QStringLiteral("9990000107"), QStringLiteral("9990000115")};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = qsizetype(p * double(v.size() - 1) + 0.5);
    return v.at(std::min(i, v.size() - 1));
}

QString careTeamQuery(const QString& n)
{
    return QStringLiteral(
               "/cpis/FHIR/R4/"
               "CareTeam?patient%3Aidentifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C") +
           n;
}

QString auditQuery(const QString& n)
{
    return QStringLiteral(
               "/cpis/FHIR/R4/"
               "AuditEvent?patient%3Aidentifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C") +
           n + QStringLiteral("&_include=AuditEvent%3Aentity-type");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption lookupsOpt(QStringLiteral("lookups"), QStringLiteral("Look-ups."),
                                        QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption storeOpt(QStringLiteral("store"), QStringLiteral("Store folder."),
                                      QStringLiteral("dir"));
    const QCommandLineOption noCacheOpt(QStringLiteral("no-cache"),
                                        QStringLiteral("Leave the cache out (breakdown)."));
    const QCommandLineOption noAuditOpt(QStringLiteral("no-audit"),
                                        QStringLiteral("Leave the audit out (breakdown)."));
    parser.addOption(noCacheOpt);
    parser.addOption(noAuditOpt);
    parser.addOption(lookupsOpt);
    parser.addOption(storeOpt);
    parser.addHelpOption();
    parser.process(app);
    const int n = parser.value(lookupsOpt).toInt();
    QTextStream out(stdout);

    QProcess sandbox;
    sandbox.start(QStringLiteral(CPIS_SANDBOX_EXE), {QStringLiteral("--open")});
    if (!sandbox.waitForReadyRead(20000)) {
        out << "bench_lookup: the sandbox did not start\n";
        return 1;
    }
    const QUrl base(QString::fromUtf8(sandbox.readLine().trimmed()));
    out << "sandbox: " << base.toString() << " (separate process, --open)\n";

    QTemporaryDir tmp(parser.isSet(storeOpt)
                          ? parser.value(storeOpt) + QStringLiteral("/bench-XXXXXX")
                          : QStringLiteral(CPIS_BUILD_DIR "/bench-lookup-XXXXXX"));
    SystemClock clock;
    struct Pass
    {
        QList<double> ms;
        double totalMs = 0;
        int found = 0, none = 0, failed = 0;
        int anchorSaves = 0, anchorFailures = 0;
        QString error;
    };
    // The desk's own graph, from its one composition root, on its own store.
    auto runPass = [&](KeyProvider& keys, const QString& folder) {
        Pass pass;
        auto deskConfig =
            DeskServices::defaultConfig(ServiceProfile::training().withSandbox(base),
                                        tmp.filePath(folder), QStringLiteral("bench_lookup"));
        deskConfig.workstation = QStringLiteral("bench");
        auto opened = DeskServices::create(deskConfig, &clock, keys);
        if (!opened) {
            pass.error = opened.error().message;
            return pass;
        }
        DeskServices& desk = *opened.value();
        QObject::connect(&desk, &DeskServices::auditAnchorSaved, [&] { ++pass.anchorSaves; });
        QObject::connect(&desk, &DeskServices::auditAnchorFailed,
                         [&](const QString&) { ++pass.anchorFailures; });
        // The breakdown runs leave a part out of the same graph's look-up service.
        std::unique_ptr<LookupService> partial;
        if (parser.isSet(noCacheOpt) || parser.isSet(noAuditOpt))
            partial = std::make_unique<LookupService>(
                &desk.client(), parser.isSet(noCacheOpt) ? nullptr : &desk.answerCache(),
                parser.isSet(noAuditOpt) ? nullptr : &desk.auditor(), &clock,
                LookupService::Settings{SiteType::UnscheduledCare});
        LookupService& lookups = partial ? *partial : desk.lookups();
        UserSession s;
        s.userId = QStringLiteral("555000000001");
        s.name = QStringLiteral("Bench Nurse");
        s.activityCodes = {QStringLiteral("B0107")};
        s.accessToken = "open-mode";
        s.accessExpiresUtc = clock.nowUtc().addDays(1);
        lookups.setSession(s);

        // Warm-up: connection, TLS-free handshake, SQLite pages.
        auto one = [&](const QString& number) {
            std::optional<LookupResult> r;
            lookups.lookup(NhsNumber::parse(number).value(), &app,
                           [&](const LookupResult& x) { r = x; });
            while (!r)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            return *r;
        };
        for (int i = 0; i < 20; ++i)
            one(kNumbers.at(i % kNumbers.size()));

        QElapsedTimer total;
        total.start();
        for (int i = 0; i < n; ++i) {
            QElapsedTimer t;
            t.start();
            const LookupResult r = one(kNumbers.at(i % kNumbers.size()));
            pass.ms.append(double(t.nsecsElapsed()) / 1e6);
            pass.found += r.state == LookupResult::State::PlansFound;
            pass.none += r.state == LookupResult::State::NoRecord;
            pass.failed += r.state == LookupResult::State::CouldNotCheck ||
                           (r.auditFailed && !parser.isSet(noAuditOpt));
        }
        pass.totalMs = double(total.elapsed());
        if (!desk.flushAuditAnchor())
            ++pass.anchorFailures;
        return pass;
    };
    MemoryKeyProvider memoryKeys;
    const Pass memory = runPass(memoryKeys, QStringLiteral("memory"));
    if (!memory.error.isEmpty()) {
        out << "bench_lookup: the store did not open: " << memory.error << '\n';
        return 1;
    }
    KeyStore keychainKeys(QStringLiteral("cpis-desk-bench"));
    const Pass keychain = runPass(keychainKeys, QStringLiteral("keychain"));
    if (!keychain.error.isEmpty())
        out << "bench_lookup: no keychain run: " << keychain.error << '\n';
    const QList<double>& ours = memory.ms;
    const double oursTotal = memory.totalMs;
    const int found = memory.found, none = memory.none;
    const int failed = memory.failed + keychain.failed + keychain.anchorFailures;

    // The floor: the same three GETs per look-up, with the same headers, from one curl
    // process over one kept-alive connection. Headers go on the command line once: in a
    // config file each `header` line would pile up onto every later request.
    QFile config(tmp.filePath(QStringLiteral("curl.cfg")));
    if (!config.open(QIODevice::WriteOnly))
        return 1;
    const QString origin = base.toString(QUrl::RemovePath);
    for (int i = 0; i < n + 20; ++i) {
        const QString num = kNumbers.at(i % kNumbers.size());
        const QStringList paths{QStringLiteral("/personal-demographics/FHIR/R4/Patient/") + num,
                                careTeamQuery(num), auditQuery(num)};
        for (const QString& p : paths) {
            config.write("url = \"" + (origin + p).toUtf8() + "\"\n");
            config.write("output = \"/dev/null\"\n");
        }
    }
    config.close();
    QProcess curl;
    curl.start(
        QStringLiteral("curl"),
        {QStringLiteral("-s"), QStringLiteral("-H"),
         QStringLiteral("Authorization: Bearer open-mode"), QStringLiteral("-H"),
         QStringLiteral("Accept: application/fhir+json"), QStringLiteral("-H"),
         QStringLiteral("IsUnscheduledAccessEvent: true"), QStringLiteral("-H"),
         QStringLiteral("X-Request-ID: ") + QUuid::createUuid().toString(QUuid::WithoutBraces),
         QStringLiteral("-w"), QStringLiteral("%{time_total} %{num_connects}\\n"),
         QStringLiteral("-K"), config.fileName()});
    curl.waitForFinished(600000);
    const QList<QByteArray> lines = curl.readAllStandardOutput().trimmed().split('\n');
    QList<double> floor;
    int connects = 0;
    for (int i = 60; i + 2 < lines.size(); i += 3) { // skip the same 20 warm-up look-ups
        double sum = 0;
        for (int k = 0; k < 3; ++k) {
            const QList<QByteArray> f = lines.at(i + k).split(' ');
            sum += f.value(0).toDouble() * 1000.0;
            connects += f.value(1).toInt();
        }
        floor.append(sum);
    }

    sandbox.terminate();
    sandbox.waitForFinished(5000);

    const double o50 = percentile(ours, 0.50), o99 = percentile(ours, 0.99);
    const double f50 = percentile(floor, 0.50), f99 = percentile(floor, 0.99);
    out << Qt::fixed;
    out.setRealNumberPrecision(3);
    out << "look-ups: " << n << " (" << found << " plans found, " << none << " no record, "
        << failed << " failed)\n";
    out << "LookupService  p50 " << o50 << " ms  p99 " << o99 << " ms  (" << oursTotal / n
        << " ms/look-up wall; anchor in memory)\n";
    if (keychain.error.isEmpty()) {
        const double k50 = percentile(keychain.ms, 0.50), k99 = percentile(keychain.ms, 0.99);
        out << "  + keychain   p50 " << k50 << " ms  p99 " << k99 << " ms  ("
            << keychain.totalMs / n << " ms/look-up wall; keys and anchor in the keychain, "
            << keychain.anchorSaves << " anchor saves, " << keychain.anchorFailures << " failed)\n";
        out << "keychain/memory p50 " << k50 / o50 << "  p99 " << k99 / o99 << "  wall "
            << keychain.totalMs / oursTotal << '\n';
    }
    out << "curl floor     p50 " << f50 << " ms  p99 " << f99 << " ms  (" << floor.size()
        << " look-ups of 3 GETs, " << connects << " new connection(s))\n";
    out << "ratio          p50 " << o50 / f50 << "  p99 " << o99 / f99 << '\n';
    return failed == 0 ? 0 : 1;
}
