// Secure-store benchmark. Run by hand from a release build:
//   build/release/bench/cpis_store_bench [answers=1000000] [appends=5000] [audit=1000000]
// A count of 0 skips that part (e.g. `0 0 50000` times verify() alone).
// Each figure is measured twice in this one process: on SQLCipher with a key (what the
// app does) and on the same SQLCipher library opened with no key ("plain SQLite": same
// engine 3.15.2, same pragmas, no encryption). Plain libsqlite3 cannot be linked into a
// process that has libsqlcipher, so this is the same-process baseline.
#include "bench/support/ConsoleOut.h"
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/store/Cache.h"
#include "core/store/SecureDb.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

using namespace cpis;
using cpis::console::complain;
using cpis::console::say;

namespace {

QByteArray benchKey(char c)
{
    return QByteArray(32, c);
}

std::unique_ptr<SecureDb> openDb(const QString& path, bool encrypted)
{
    auto db =
        encrypted ? SecureDb::open(path, benchKey('k')) : SecureDb::openPlaintextForBenchmark(path);
    if (!db) {
        complain("open failed: %s\n", qPrintable(db.error().message));
        std::exit(1);
    }
    return std::move(db).value();
}

// Increasing with i, so the fill appends to the b-tree instead of dirtying random pages;
// look-ups are still random.
QString nhsFor(qint64 i)
{
    return QString::number(9000000000LL + i * 997);
}

struct CacheFigures
{
    double fillSecs = 0;
    double p50us = 0, p99us = 0, maxus = 0;
};

CacheFigures benchCache(const QString& path, bool encrypted, qint64 n, int lookups)
{
    CacheFigures f;
    auto db = openDb(path, encrypted);
    ManualClock clock(QDateTime::currentDateTimeUtc());
    if (qEnvironmentVariableIsSet("CPIS_BENCH_CACHE_PRAGMA"))
        db->exec(qgetenv("CPIS_BENCH_CACHE_PRAGMA").constData());
    auto cache = Cache::open(*db, clock, {24 * 3600, 0});
    if (!cache)
        std::exit(1);
    QByteArray payload(200, 'p'); // a typical "no plan" answer is about this size
    QElapsedTimer t;
    t.start();
    for (qint64 i = 0; i < n; i += 10000) {
        db->begin();
        for (qint64 j = i; j < std::min(n, i + 10000); ++j) {
            payload[0] = char(j);
            cache.value()->put({nhsFor(j), payload, clock.nowUtc(), QStringLiteral("bench")});
        }
        db->commit();
    }
    f.fillSecs = double(t.nsecsElapsed()) / 1e9;

    QRandomGenerator rng(42);
    std::vector<double> us;
    us.reserve(size_t(lookups));
    for (int i = 0; i < lookups; ++i) {
        const QString nhs = nhsFor(qint64(rng.bounded(quint64(n))));
        t.restart();
        auto r = cache.value()->get(nhs);
        us.push_back(double(t.nsecsElapsed()) / 1e3);
        if (!r || !r.value()) {
            complain("look-up missed\n");
            std::exit(1);
        }
    }
    std::sort(us.begin(), us.end());
    f.p50us = us[us.size() / 2];
    f.p99us = us[us.size() * 99 / 100];
    f.maxus = us.back();
    return f;
}

AuditEntry sampleEntry(qint64 i)
{
    AuditEntry e;
    e.userId = QStringLiteral("555000111222");
    e.userName = QStringLiteral("Bench Nurse");
    e.role = QStringLiteral("R8001");
    e.organisation = QStringLiteral("RXX01");
    e.nhsNumber = nhsFor(i);
    e.outcome = QStringLiteral("no-plan");
    e.workstation = QStringLiteral("ED-WS-07");
    e.reason = QStringLiteral("Attending ED");
    e.requestId = QStringLiteral("req-%1").arg(i);
    return e;
}

double benchAppends(const QString& path, bool encrypted, int n)
{
    auto db = openDb(path, encrypted);
    SystemClock clock;
    MemoryAnchorStore anchors;
    auto log = AuditLog::open(*db, benchKey('m'), anchors, clock);
    if (!log)
        std::exit(1);
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        if (!log.value()->append(sampleEntry(i))) {
            complain("append failed\n");
            std::exit(1);
        }
    }
    return n / (double(t.nsecsElapsed()) / 1e9);
}

// The disk's floor for "durable, one at a time": write ~300 bytes and fdatasync, n times.
double fsyncFloor(const QString& path, int n)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_CREAT | O_WRONLY | O_APPEND, 0600);
    if (fd < 0)
        return 0;
    const QByteArray rec(300, 'x');
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        if (::write(fd, rec.constData(), size_t(rec.size())) < 0 || ::fdatasync(fd) != 0)
            break;
    }
    const double rate = n / (double(t.nsecsElapsed()) / 1e9);
    ::close(fd);
    return rate;
}

// Wall-clock seconds; cpuSecs gets the process CPU time, all threads (the machine is shared, so
// wall time includes waiting for a core).
double benchVerify(const QString& path, bool encrypted, qint64 n, double* cpuSecs)
{
    {
        auto db = openDb(path, encrypted);
        SystemClock clock;
        MemoryAnchorStore anchors;
        auto log = AuditLog::open(*db, benchKey('m'), anchors, clock);
        for (qint64 i = 0; i < n; i += 10000) {
            QList<AuditEntry> batch;
            for (qint64 j = i; j < std::min(n, i + 10000); ++j)
                batch.append(sampleEntry(j));
            if (!log.value()->appendBatch(batch))
                std::exit(1);
        }
    }
    // A fresh open, as at start-up.
    auto db = openDb(path, encrypted);
    SystemClock clock;
    MemoryAnchorStore anchors;
    auto log = AuditLog::open(*db, benchKey('m'), anchors, clock);
    QElapsedTimer t;
    const std::clock_t c0 = std::clock();
    t.start();
    auto v = log.value()->verify();
    const double secs = double(t.nsecsElapsed()) / 1e9;
    *cpuSecs = double(std::clock() - c0) / CLOCKS_PER_SEC;
    if (!v || !v.value().ok() || v.value().entries != n) {
        complain("verify did not pass\n");
        std::exit(1);
    }
    return secs;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    const qint64 answers = a.size() > 1 ? a.at(1).toLongLong() : 1000000;
    const int appends = a.size() > 2 ? a.at(2).toInt() : 5000;
    const qint64 audit = a.size() > 3 ? a.at(3).toLongLong() : 1000000;
    const int lookups = 100000;

    // CPIS_BENCH_DIR: where the files go (default: the system temp dir, same disk here).
    QTemporaryDir dir(qEnvironmentVariableIsSet("CPIS_BENCH_DIR")
                          ? qEnvironmentVariable("CPIS_BENCH_DIR") + QStringLiteral("/store-XXXXXX")
                          : QDir::tempPath() + QStringLiteral("/cpis_store_bench-XXXXXX"));
    say("cpis_store_bench: SQLCipher %s vs the same library with no key "
        "(plain SQLite 3.15.2) in %s\n",
        "3.4.1", qPrintable(dir.path()));

    if (answers > 0) {
        say("\n[cache] %lld answers (200-byte payload), %d random point look-ups\n",
            static_cast<long long>(answers), lookups);
        const CacheFigures ce =
            benchCache(dir.filePath(QStringLiteral("c-enc.db")), true, answers, lookups);
        const CacheFigures cp =
            benchCache(dir.filePath(QStringLiteral("c-plain.db")), false, answers, lookups);
        say("  %-10s fill %6.2f s   look-up p50 %6.1f us  p99 %6.1f us  max %8.1f us\n",
            "sqlcipher", ce.fillSecs, ce.p50us, ce.p99us, ce.maxus);
        say("  %-10s fill %6.2f s   look-up p50 %6.1f us  p99 %6.1f us  max %8.1f us\n", "plain",
            cp.fillSecs, cp.p50us, cp.p99us, cp.maxus);
        say("  ratio      fill %6.2fx  p50 %.2fx  p99 %.2fx   (target p99 < 1000 us: %s)\n",
            ce.fillSecs / cp.fillSecs, ce.p50us / cp.p50us, ce.p99us / cp.p99us,
            ce.p99us < 1000 ? "met" : "MISSED");
    }

    if (appends > 0) {
        say("\n[audit append] %d durable appends, one at a time (WAL, synchronous=FULL)\n",
            appends);
        const double ae = benchAppends(dir.filePath(QStringLiteral("a-enc.db")), true, appends);
        const double ap = benchAppends(dir.filePath(QStringLiteral("a-plain.db")), false, appends);
        const double floor = fsyncFloor(dir.filePath(QStringLiteral("fsync.bin")), appends);
        say("  sqlcipher %8.0f /s\n  plain     %8.0f /s\n  ratio (plain/sqlcipher) %.2fx"
            "   (target >= 2000/s: %s)\n",
            ae, ap, ap / ae, ae >= 2000 ? "met" : "MISSED");
        say("  disk floor: write(300 B)+fdatasync %8.0f /s (no database at all)\n", floor);
    }

    if (audit > 0) {
        say("\n[audit verify] %lld entries, hash chain + HMAC, fresh open\n",
            static_cast<long long>(audit));
        double vec = 0, vpc = 0;
        const double ve = benchVerify(dir.filePath(QStringLiteral("v-enc.db")), true, audit, &vec);
        const double vp =
            benchVerify(dir.filePath(QStringLiteral("v-plain.db")), false, audit, &vpc);
        say("  sqlcipher %6.2f s wall, %6.2f s CPU\n  plain     %6.2f s wall, %6.2f s CPU\n"
            "  ratio %.2fx wall, %.2fx CPU   (target < 5 s: %s)\n",
            ve, vec, vp, vpc, ve / vp, vec / vpc, ve < 5 ? "met" : "MISSED");
    }
    return 0;
}
