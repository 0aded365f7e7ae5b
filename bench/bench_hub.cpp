// The trust's audit hub under load, on the real forwarding path:
//   bench_hub [desks=50] [rate=120] [seconds=20] [backlog=10000] [logs=ram|disk]
// Starts a PostgreSQL server of its own (bench/support/PostgresServer, TLS, SCRAM), applies the
// hub's migrations as its owner and makes one login role per desk in cpis_hub_desk, as a trust's
// DBA would (docs/hub.md). Each desk is a thread with its own SQLCipher audit log (AuditLog) and
// its own HubForwarder (its own sending thread and connection to the hub, record_entries with its
// chain checks), appending `rate` entries a second, one durable append at a time, as look-ups do.
//   steady:  `seconds` of appends; entries accepted by the hub per second and the forwarding lag
//            (durable local append to the forwarder seeing the hub's commit) p50/p99/max.
//   outage:  the hub is stopped, `backlog` entries are appended across the desks, the hub is
//            started again; the drain is timed from the hub being up to every desk caught up.
//   floor:   the steady phase's rows, read back from the hub, INSERTed one statement each in
//            transactions of the forwarder's batch size over one connection into a plain table
//            of the same shape (no partitions, triggers or function).
//   desk disk: before the hub starts, what this machine's one disk gives the desks' durable
//            appends (the product's own: SQLCipher, WAL, a flush per entry), `desks` logs at
//            once and one alone, each appending as fast as it can. A trust's desks each have a
//            disk of their own; here all 50 share one, so by default (logs=ram) the desks' logs
//            in the hub phases live in RAM (/dev/shm): every append still runs the whole
//            product path, with a flush that costs nothing. logs=disk puts them on the disk.
// Targets: accepted >= 5,000/s, lag p99 < 2 s, drain < 30 s; exit code 2 when one is missed.
// The load average (/proc/loadavg) is printed with each phase: the machine may be shared.
#include "bench/support/ConsoleOut.h"
#include "bench/support/PostgresServer.h"
#include "core/audit/AuditAnchor.h"
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/hub/HubConnection.h"
#include "core/hub/HubForwarder.h"
#include "core/hub/HubMigrations.h"
#include "core/store/SecureDb.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

using namespace cpis;
using cpis::benchsupport::PostgresServer;
using cpis::console::complain;
using cpis::console::say;

namespace {

const HubForwarder::Settings kForwarding = [] {
    HubForwarder::Settings s;
    // Retries are shortened so that the drain measures the hub, not a backoff timer left over
    // from the outage; the batch size is the desk's.
    s.retryFirst = std::chrono::milliseconds(200);
    s.retryMax = std::chrono::milliseconds(1000);
    return s;
}();

constexpr int kAppendsPerTick = 4;

QElapsedTimer g_clock; // started once before any desk runs; read from every thread

AuditEntry sampleEntry(int desk, qint64 i)
{
    AuditEntry e;
    e.userId = QStringLiteral("555000111222");
    e.userName = QStringLiteral("Bench Nurse");
    e.role = QStringLiteral("R8001");
    e.organisation = QStringLiteral("RXX01");
    e.nhsNumber = QString::number(9000000000LL + i * 997 + desk); // not valid NHS numbers
    e.outcome = AuditEntry::Outcome::NoRecord;
    e.workstation = QStringLiteral("BENCH-WS-%1").arg(desk);
    e.reason = QStringLiteral("Attending ED");
    e.requestId = QStringLiteral("req-%1-%2").arg(desk).arg(i);
    return e;
}

// One desk: its log, its forwarder and its append timer, all on the desk's own thread.
class Desk : public QObject
{
public:
    Desk(int index, QString path, HubAddress address)
        : m_index(index), m_path(std::move(path)), m_address(std::move(address))
    {}

    // On the desk's thread. An error message, or empty.
    QString open()
    {
        auto db = SecureDb::open(m_path, QByteArray(32, char('a' + m_index % 26)));
        if (!db)
            return db.error().message;
        m_db = std::move(db.value());
        auto log = AuditLog::open(*m_db, QByteArray(32, 'm'), m_anchors, m_time);
        if (!log)
            return log.error().message;
        m_log = std::move(log.value());
        auto f = HubForwarder::create(*m_db, m_address, m_time, kForwarding);
        if (!f)
            return f.error().message;
        m_forwarder = std::move(f.value());
        HubForwarder* fw = m_forwarder.get();
        m_log->addAppendObserver([fw] { fw->wake(); });
        connect(fw, &HubForwarder::stateChanged, this, &Desk::acknowledged);
        m_appendedAtNs.push_back(0); // seq 0: none
        m_tick.setTimerType(Qt::PreciseTimer);
        connect(&m_tick, &QTimer::timeout, this, &Desk::tick);
        return {};
    }

    // On the desk's thread: append `rate` entries a second from `fromNs` until `untilNs` (on
    // g_clock), then stop by itself, so that every desk's window is the same.
    void startSteady(double rate, qint64 fromNs, qint64 untilNs)
    {
        m_rate = rate;
        m_steadyFrom = fromNs;
        m_steadyUntil = untilNs;
        appending = true;
        m_steadyAppended = 0;
        m_tick.start(5);
    }
    void stop() { m_tick.stop(); }

    // On the desk's thread: `n` appends as fast as they go (the hub is down).
    bool appendNow(int n)
    {
        for (int i = 0; i < n; ++i)
            if (!append())
                return false;
        return true;
    }

    void close()
    {
        m_tick.stop();
        m_log.reset();
        m_forwarder.reset();
        m_db.reset();
    }

    // Read across threads once the desk's thread has been quiet (after a blocking call).
    std::vector<qint64> takeLags() { return std::exchange(m_lagsNs, {}); }
    std::atomic<qint64> appended{0};
    std::atomic<qint64> forwarded{0};
    std::atomic<bool> failed{false};
    std::atomic<bool> appending{false};
    std::atomic<bool> hadError{false};

private:
    bool append()
    {
        if (!m_log->append(sampleEntry(m_index, appended.load() + 1))) {
            failed = true;
            return false;
        }
        m_appendedAtNs.push_back(g_clock.nsecsElapsed());
        appended = qint64(m_appendedAtNs.size()) - 1;
        return true;
    }

    void tick()
    {
        const qint64 now = g_clock.nsecsElapsed();
        const qint64 due = qint64(double(now - m_steadyFrom) / 1e9 * m_rate);
        // At the window's end the desk stops: appends it fell behind by are not made up.
        if (now >= m_steadyUntil) {
            m_tick.stop();
            appending = false;
            return;
        }
        // A few at a time, then back to the event loop: the forwarder's acknowledgements are
        // handled on this thread too, as on the desk, where look-ups and forwarding share it.
        for (int i = 0; i < kAppendsPerTick && m_steadyAppended < due && !failed; ++i) {
            if (append())
                ++m_steadyAppended;
        }
    }

    void acknowledged()
    {
        const auto& s = m_forwarder->state();
        if (!s.lastError.isEmpty())
            hadError = true;
        const qint64 now = g_clock.nsecsElapsed();
        const qint64 upTo = std::min<qint64>(s.forwardedSeq, qint64(m_appendedAtNs.size()) - 1);
        for (qint64 seq = m_ackedUpTo + 1; seq <= upTo; ++seq)
            m_lagsNs.push_back(now - m_appendedAtNs[size_t(seq)]);
        m_ackedUpTo = std::max(m_ackedUpTo, upTo);
        forwarded = m_ackedUpTo;
    }

    int m_index;
    QString m_path;
    HubAddress m_address;
    SystemClock m_time;
    MemoryAnchorStore m_anchors;
    std::unique_ptr<SecureDb> m_db;
    std::unique_ptr<AuditLog> m_log;
    std::unique_ptr<HubForwarder> m_forwarder;
    QTimer m_tick{this}; // a child, so that it moves to the desk's thread with the desk
    double m_rate = 0;
    qint64 m_steadyFrom = 0;
    qint64 m_steadyUntil = 0;
    qint64 m_steadyAppended = 0;
    std::vector<qint64> m_appendedAtNs; // by seq
    qint64 m_ackedUpTo = 0;
    std::vector<qint64> m_lagsNs;
};

struct Rig
{
    std::vector<std::unique_ptr<Desk>> desks;
    std::vector<std::unique_ptr<QThread>> threads;

    template <typename F> void onEach(F f)
    {
        for (auto& d : desks)
            QMetaObject::invokeMethod(
                d.get(), [&f, p = d.get()] { f(*p); }, Qt::BlockingQueuedConnection);
    }
    qint64 sum(std::atomic<qint64> Desk::*field) const
    {
        qint64 n = 0;
        for (const auto& d : desks)
            n += ((*d).*field).load();
        return n;
    }
    bool anyFailed() const
    {
        return std::any_of(desks.begin(), desks.end(),
                           [](const auto& d) { return d->failed.load(); });
    }
    // Polls until no desk is appending and every forwarder has acknowledged all it holds, or
    // the timeout. Seconds taken, or -1.
    double waitCaughtUp(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        auto busy = [this] {
            return std::any_of(desks.begin(), desks.end(),
                               [](const auto& d) { return d->appending.load(); });
        };
        while (busy() || sum(&Desk::forwarded) < sum(&Desk::appended)) {
            if (t.elapsed() > timeoutMs || anyFailed())
                return -1;
            QThread::msleep(5); // polls counters other threads move; nothing to wait on here
        }
        return double(t.nsecsElapsed()) / 1e9;
    }
};

// The load average when a phase starts: the figures mean little without it.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() >= 3
               ? QString::fromLatin1(parts.at(0) + ' ' + parts.at(1) + ' ' + parts.at(2))
               : QStringLiteral("unknown");
}

// `n` audit logs in `folder`, each on a thread of its own appending as fast as it can for
// `millis`: durable appends per second, all logs together, or -1.
double diskProbe(const QString& folder, int n, int millis)
{
    std::atomic<qint64> total{0};
    std::atomic<bool> bad{false};
    // Every log opens first; the window is the same for all.
    const qint64 from = g_clock.nsecsElapsed() + 2'000'000'000;
    const qint64 until = from + qint64(millis) * 1'000'000;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < n; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            auto db =
                SecureDb::open(QDir(folder).filePath(QStringLiteral("probe%1-%2.db").arg(n).arg(i)),
                               QByteArray(32, char('a' + i % 26)));
            if (!db) {
                bad = true;
                return;
            }
            SystemClock clock;
            MemoryAnchorStore anchors;
            auto log = AuditLog::open(*db.value(), QByteArray(32, 'm'), anchors, clock);
            if (!log) {
                bad = true;
                return;
            }
            qint64 made = 0;
            for (qint64 k = 1;; ++k) {
                const qint64 now = g_clock.nsecsElapsed();
                if (now >= until)
                    break;
                if (!log.value()->append(sampleEntry(i, k))) {
                    bad = true;
                    return;
                }
                if (now >= from)
                    ++made;
            }
            total += made;
        }));
        threads.back()->start();
    }
    for (auto& t : threads)
        t->wait();
    return bad ? -1.0 : double(total.load()) / (double(millis) / 1000.0);
}

double percentile(std::vector<qint64>& v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return double(v[std::min(v.size() - 1, size_t(double(v.size()) * p))]) / 1e6;
}

// The floor: the same rows, plain INSERTs over one connection. Rows per second, or -1.
double floorRate(HubConnection& owner, qint64 rows, int batch)
{
    const QByteArray cols = "desk, seq, at_time, at_ms, user_id, user_name, role, organisation, "
                            "action, nhs_number, outcome, workstation, reason, request_id, "
                            "environment, prev_hash, hash, mac";
    if (!owner.exec("CREATE TABLE bench_floor (desk name NOT NULL, seq bigint NOT NULL, "
                    "at_time timestamptz NOT NULL, at_ms bigint NOT NULL, user_id text NOT NULL, "
                    "user_name text NOT NULL, role text NOT NULL, organisation text NOT NULL, "
                    "action text NOT NULL, nhs_number text NOT NULL, outcome text NOT NULL, "
                    "workstation text NOT NULL, reason text NOT NULL, request_id text NOT NULL, "
                    "environment text NOT NULL, prev_hash bytea NOT NULL, hash bytea NOT NULL, "
                    "mac bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), "
                    "PRIMARY KEY (desk, seq))"))
        return -1;
    auto src = owner.exec("SELECT " + cols + " FROM hub.entries ORDER BY arrival LIMIT " +
                          QByteArray::number(rows));
    if (!src || src->isEmpty())
        return -1;
    const QByteArray insert = "INSERT INTO bench_floor (" + cols +
                              ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                              "$14, $15, $16::bytea, $17::bytea, $18::bytea)";
    QElapsedTimer t;
    t.start();
    for (qsizetype i = 0; i < src->size(); i += batch) {
        if (!owner.exec("BEGIN"))
            return -1;
        for (qsizetype j = i; j < std::min(src->size(), i + batch); ++j)
            if (auto r = owner.exec(insert, src->at(j)); !r) {
                complain("floor insert: %s\n", qPrintable(r.error()));
                return -1;
            }
        if (!owner.exec("COMMIT"))
            return -1;
    }
    return double(src->size()) / (double(t.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("cpis.hub.info=false"));
    const QStringList a = app.arguments();
    const int nDesks = a.size() > 1 ? a.at(1).toInt() : 50;
    const double rate = a.size() > 2 ? a.at(2).toDouble() : 120;
    const int seconds = a.size() > 3 ? a.at(3).toInt() : 20;
    const int backlog = a.size() > 4 ? a.at(4).toInt() : 10000;
    const QString logs = a.size() > 5 ? a.at(5) : QStringLiteral("ram");
    if (nDesks < 1 || rate <= 0 || seconds < 1 || backlog < nDesks ||
        (logs != u"ram" && logs != u"disk")) {
        complain("usage: bench_hub [desks=50] [rate=120] [seconds=20] [backlog=10000] "
                 "[logs=ram|disk]\n");
        return 1;
    }
    if (!PostgresServer::binariesPresent()) {
        complain("no PostgreSQL server in %s (Debian: apt-get install postgresql)\n",
                 qPrintable(PostgresServer::binDir()));
        return 1;
    }
    g_clock.start();
    say("bench_hub: %d desks, %.0f entries/s each (%.0f/s offered), %d s, backlog %d; "
        "targets: accepted >= 5000/s, lag p99 < 2000 ms, drain < 30 s\n",
        nDesks, rate, rate * nDesks, seconds, backlog);

    // --- desk disk ---
    {
        QTemporaryDir onDisk;
        say("\n[desk disk] load %s; audit logs in %s\n", qPrintable(loadAverage()),
            qPrintable(onDisk.path()));
        const double one = diskProbe(onDisk.path(), 1, 2000);
        const double all = diskProbe(onDisk.path(), nDesks, 3000);
        say("[desk disk] durable appends as fast as they go: one desk alone %.0f/s; %d desks "
            "at once %.0f/s in all (%.0f/s each), against %.0f/s offered below\n",
            one, nDesks, all, all / nDesks, rate * nDesks);
    }

    const bool ram = logs == u"ram" && QFileInfo(QStringLiteral("/dev/shm")).isDir() &&
                     QFileInfo(QStringLiteral("/dev/shm")).isWritable();
    QTemporaryDir dir(ram ? QStringLiteral("/dev/shm/bench_hub-XXXXXX")
                          : QDir::tempPath() + QStringLiteral("/bench_hub-XXXXXX"));

    PostgresServer server;
    if (!server.start()) {
        complain("server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    auto addressFor = [&](const QString& user, const QByteArray& pw) {
        HubAddress h;
        h.url = QUrl(server.uri(user));
        h.caBundle = server.caFile();
        h.password = pw;
        return h;
    };
    auto ownerConn =
        HubConnection::open(addressFor(server.adminUser(), server.adminPassword()).keywords());
    if (!ownerConn) {
        complain("owner: %s\n", qPrintable(ownerConn.error()));
        return 1;
    }
    HubConnection& owner = *ownerConn.value();
    if (auto m = HubMigrations::apply(owner); !m) {
        complain("migrations: %s\n", qPrintable(m.error()));
        return 1;
    }
    Rig rig;
    for (int i = 0; i < nDesks; ++i) {
        const QString role = QStringLiteral("bench_desk_%1").arg(i);
        const QByteArray pw = "bench-pw-" + QByteArray::number(i) + "-" + server.adminPassword();
        if (auto r = owner.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE "
                                               "cpis_hub_desk")
                                    .arg(role, QString::fromLatin1(pw))
                                    .toUtf8());
            !r) {
            complain("role: %s\n", qPrintable(r.error()));
            return 1;
        }
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("bench-desk-%1").arg(i));
        auto desk = std::make_unique<Desk>(i, dir.filePath(QStringLiteral("desk%1.db").arg(i)),
                                           addressFor(role, pw));
        desk->moveToThread(thread.get());
        thread->start();
        rig.threads.push_back(std::move(thread));
        rig.desks.push_back(std::move(desk));
    }
    QString why;
    rig.onEach([&why](Desk& d) {
        if (const QString e = d.open(); !e.isEmpty())
            why = e;
    });
    if (!why.isEmpty()) {
        complain("desk: %s\n", qPrintable(why));
        return 1;
    }
    auto finish = [&](int code) {
        rig.onEach([](Desk& d) { d.close(); });
        for (auto& t : rig.threads) {
            t->quit();
            t->wait();
        }
        return code;
    };
    say("\n[hub] TLS verify-full, SCRAM, one connection per desk; the desks' audit logs in %s "
        "(%s)\n",
        qPrintable(dir.path()),
        ram ? "RAM: each desk's own disk is not this machine's one disk" : "this machine's disk");

    // --- warm-up ---
    // Desks already running: the month's partition exists and every desk has its row and its
    // connection. One desk first, alone: the first entries of a month from many desks at once
    // can deadlock in hub.ensure_month (a batch holds hub.entries while another, holding the
    // partition lock, waits to create the partition); the hub aborts one, which retries.
    QElapsedTimer warm;
    warm.start();
    QMetaObject::invokeMethod(
        rig.desks.front().get(), [&rig] { rig.desks.front()->appendNow(1); },
        Qt::BlockingQueuedConnection);
    const double firstDesk = rig.waitCaughtUp(120000);
    rig.onEach([](Desk& d) {
        if (d.appended == 0)
            d.appendNow(1);
    });
    if (firstDesk < 0 || rig.waitCaughtUp(120000) < 0) {
        complain("the desks' first entries did not reach the hub\n");
        return finish(1);
    }
    rig.onEach([](Desk& d) {
        d.takeLags();
        d.hadError = false;
    });
    say("[warm-up] every desk's first entry at the hub in %.2f s\n",
        double(warm.nsecsElapsed()) / 1e9);
    say("\n[steady] load %s\n", qPrintable(loadAverage()));

    // --- steady ---
    const qint64 t0 = g_clock.nsecsElapsed() + 200'000'000; // every desk told before it starts
    const qint64 t1 = t0 + qint64(seconds) * 1'000'000'000;
    rig.onEach([rate, t0, t1](Desk& d) { d.startSteady(rate, t0, t1); });
    // The desks run on their own threads; this one only reads their counters at the end.
    QThread::usleep(static_cast<unsigned long>((t1 - g_clock.nsecsElapsed()) / 1000));
    const qint64 accWindow = rig.sum(&Desk::forwarded);
    const qint64 appByEnd = rig.sum(&Desk::appended);
    const double windowSecs = double(g_clock.nsecsElapsed() - t0) / 1e9;
    const double tail = rig.waitCaughtUp(120000);
    if (tail < 0) {
        complain("the hub did not catch up with the steady phase\n");
        return finish(1);
    }
    const double totalSecs = double(g_clock.nsecsElapsed() - t0) / 1e9;
    std::vector<qint64> lags;
    rig.onEach([&lags](Desk& d) {
        auto l = d.takeLags();
        lags.insert(lags.end(), l.begin(), l.end());
    });
    const qint64 steadyRows = rig.sum(&Desk::appended);
    const double accepted = double(accWindow) / windowSecs;
    const double p50 = percentile(lags, 0.50), p99 = percentile(lags, 0.99),
                 pmax = percentile(lags, 1.0);
    say("[steady] window %.1f s: desks appended %lld (%.0f/s of %.0f/s offered), the hub "
        "accepted %lld: %.0f entries/s (target >= 5000/s)\n",
        windowSecs, static_cast<long long>(appByEnd), double(appByEnd) / windowSecs, rate * nDesks,
        static_cast<long long>(accWindow), accepted);
    say("[steady] all %lld accepted %.2f s after the window (%.0f/s from its start to the last "
        "acknowledgement)\n",
        static_cast<long long>(steadyRows - nDesks), tail, double(steadyRows - nDesks) / totalSecs);
    const auto troubled = std::count_if(rig.desks.begin(), rig.desks.end(),
                                        [](const auto& d) { return d->hadError.load(); });
    say("[steady] desks that saw a failed send: %lld\n", static_cast<long long>(troubled));
    say("[steady] forwarding lag (durable append to hub commit seen) p50 %.1f ms, p99 %.1f ms "
        "(target < 2000 ms), max %.1f ms over %lld entries\n",
        p50, p99, pmax, static_cast<long long>(lags.size()));

    // --- outage ---
    say("\n[outage] load %s\n", qPrintable(loadAverage()));
    if (!server.stop()) {
        complain("stop: %s\n", qPrintable(server.errorString()));
        return finish(1);
    }
    const int each = backlog / nDesks;
    rig.onEach([each](Desk& d) { d.appendNow(each); });
    const qint64 waiting = rig.sum(&Desk::appended) - rig.sum(&Desk::forwarded);
    if (!server.start()) {
        complain("start: %s\n", qPrintable(server.errorString()));
        return finish(1);
    }
    const double drain = rig.waitCaughtUp(120000);
    rig.onEach([](Desk& d) { d.takeLags(); });
    say("[outage] %lld entries waited in the desks' logs; drained %.2f s after the hub was "
        "up (target < 30 s; %.0f entries/s)\n",
        static_cast<long long>(waiting), drain, drain > 0 ? double(waiting) / drain : 0.0);

    // --- floor ---
    auto again =
        HubConnection::open(addressFor(server.adminUser(), server.adminPassword()).keywords());
    const double floor =
        again ? floorRate(*again.value(), steadyRows, kForwarding.batchSize) : -1.0;
    say("\n[floor] load %s\n", qPrintable(loadAverage()));
    say("[floor] plain INSERTs of the %lld rows the hub held after the steady phase, %d per "
        "transaction, one connection: %.0f rows/s\n",
        static_cast<long long>(steadyRows), kForwarding.batchSize, floor);
    if (floor > 0)
        say("[ratio] accepted/floor %.2f; drain rate/floor %.2f\n", accepted / floor,
            drain > 0 ? double(waiting) / drain / floor : 0.0);

    const bool met = accepted >= 5000 && p99 < 2000 && drain >= 0 && drain < 30;
    say("\n[targets] accepted %.0f/s >= 5000/s: %s; lag p99 %.0f ms < 2000 ms: %s; drain %.2f s "
        "< 30 s: %s; load at the end %s\n",
        accepted, accepted >= 5000 ? "met" : "MISSED", p99, p99 < 2000 ? "met" : "MISSED", drain,
        drain >= 0 && drain < 30 ? "met" : "MISSED", qPrintable(loadAverage()));
    return finish(met ? 0 : 2);
}
