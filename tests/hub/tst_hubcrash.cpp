// Store and forward through crashes and outages: a desk killed with SIGKILL twenty times
// while looking up, with the hub stopped and started at random between the kills. Afterwards
// the hub holds every entry of the desk's log exactly once, in order, and its own check of the
// chain finds nothing wrong.
#include "core/desk/SecureStore.h"
#include "core/domain/Clock.h"
#include "core/profile/ServiceProfile.h"
#include "tests/hub/HubRig.h"
#include "tests/support/FileKeyProvider.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace cpis;
using namespace cpis::testsupport;

namespace {

const QString kDesk = QStringLiteral("desk_crash");
const QByteArray kDeskPassword = "desk-crash-pw-8812";
constexpr int kKills = 20;
constexpr quint32 kSeed = 20261207;

} // namespace

class TestHubCrash : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void killedDeskLosesNothingAndSendsNothingTwice();

private:
    QStringList childArgs(const QString& mode) const
    {
        return {mode, m_dir.filePath(QStringLiteral("store")),
                m_dir.filePath(QStringLiteral("keys")), m_hub.server.uri(kDesk),
                m_hub.server.caFile()};
    }

    HubRig m_hub;
    QTemporaryDir m_dir;
};

void TestHubCrash::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    CPIS_REQUIRE_POSTGRES();
    const QString up = m_hub.up();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    const QString made = m_hub.createDesk(kDesk, kDeskPassword);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    // What an administrator does once per desk: the role's password into the keychain.
    FileKeyProvider keys(m_dir.filePath(QStringLiteral("keys")));
    QVERIFY(keys.write(HubAddress::passwordEntry(ServiceProfile::kTraining), kDeskPassword));
}

void TestHubCrash::killedDeskLosesNothingAndSendsNothingTwice()
{
    QRandomGenerator rng(kSeed);
    int lookUps = 0;
    int roundsWithHubDown = 0;
    for (int kill = 0; kill < kKills; ++kill) {
        const bool hubUp = rng.bounded(2) == 1;
        if (hubUp && !m_hub.server.isRunning()) {
            QVERIFY2(m_hub.server.start(), qPrintable(m_hub.server.errorString()));
        } else if (!hubUp && m_hub.server.isRunning()) {
            m_hub.owner.reset();
            QVERIFY2(m_hub.server.stop(), qPrintable(m_hub.server.errorString()));
        }
        roundsWithHubDown += hubUp ? 0 : 1;
        const int target = 1 + int(rng.bounded(6));

        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(CPIS_HUB_DESK_CHILD), childArgs(QStringLiteral("look-up")));
        QVERIFY(child.waitForStarted());
        int seen = 0;
        QByteArray pending;
        auto drain = [&] {
            pending += child.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                if (pending.startsWith("looked-up "))
                    ++seen;
                pending.remove(0, nl + 1);
            }
        };
        QTRY_VERIFY_WITH_TIMEOUT((drain(), seen >= target || child.state() != QProcess::Running),
                                 60000);
        QCOMPARE(child.state(), QProcess::Running);
        ::kill(pid_t(child.processId()), SIGKILL); // mid-loop, mid-batch, no clean-up
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        drain();
        lookUps += seen;
    }

    // The hub comes back; the desk, started once more, sends what is left and stops.
    if (!m_hub.server.isRunning())
        QVERIFY2(m_hub.server.start(), qPrintable(m_hub.server.errorString()));
    const QString reconnected = m_hub.reconnect();
    QVERIFY2(reconnected.isEmpty(), qPrintable(reconnected));
    QProcess last;
    last.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    last.start(QStringLiteral(CPIS_HUB_DESK_CHILD), childArgs(QStringLiteral("drain")));
    QVERIFY(last.waitForFinished(60000));
    QCOMPARE(last.exitStatus(), QProcess::NormalExit);
    QCOMPARE(last.exitCode(), 0);
    QVERIFY(last.readAllStandardOutput().startsWith("drained "));

    // The desk's log as it stands, opened with the desk's keys: intact.
    FileKeyProvider keys(m_dir.filePath(QStringLiteral("keys")));
    SystemClock clock;
    auto store = SecureStore::open(m_dir.filePath(QStringLiteral("store")), keys, clock, {});
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    auto verdict = store.value()->audit().verify();
    QVERIFY(verdict);
    QVERIFY2(verdict->ok(), qPrintable(verdict->message));
    QList<QPair<qint64, QByteArray>> local;
    QVERIFY(store.value()->audit().forEach([&](const AuditEntry& e) {
        local << qMakePair(e.seq, e.hash.toHex());
        return true;
    }));

    // What the hub holds for this desk, in the order of the entries' numbers.
    const HubRows held = m_hub.query("SELECT seq, encode(hash, 'hex'), arrival FROM hub.entries "
                                     "WHERE desk = $1 ORDER BY seq",
                                     {kDesk.toUtf8()});
    const qint64 distinct = m_hub.count("SELECT count(DISTINCT seq) FROM hub.entries "
                                        "WHERE desk = $1",
                                        {kDesk.toUtf8()});
    const HubRows problems =
        m_hub.query("SELECT kind, seq, detail FROM hub.check_desk($1)", {kDesk.toUtf8()});
    const qint64 alerts =
        m_hub.count("SELECT count(*) FROM hub.alerts WHERE desk = $1", {kDesk.toUtf8()});
    qInfo("seed %u: %d kills (%d with the hub down), %d look-ups reported, %lld entries in the "
          "desk's log, %lld rows at the hub (%lld distinct numbers), %lld problems found by the "
          "hub's check, %lld alerts",
          kSeed, kKills, roundsWithHubDown, lookUps, qint64(local.size()), qint64(held.size()),
          distinct, qint64(problems.size()), alerts);
    for (const HubRow& p : problems)
        qWarning("hub check: %s", p.value(2).value_or("").constData());

    QVERIFY(roundsWithHubDown > 0 && roundsWithHubDown < kKills);
    QVERIFY(lookUps >= kKills);
    QVERIFY(local.size() >= lookUps);
    QCOMPARE(qint64(held.size()), qint64(local.size())); // every entry, none twice
    QCOMPARE(distinct, qint64(local.size()));
    qint64 previousArrival = 0;
    for (int i = 0; i < local.size(); ++i) {
        const HubRow& row = held.at(i);
        QCOMPARE(row.at(0).value_or(""), QByteArray::number(local.at(i).first));
        QCOMPARE(row.at(1).value_or(""), local.at(i).second);
        const qint64 arrival = row.at(2).value_or("0").toLongLong();
        QVERIFY2(arrival > previousArrival, "entries reached the hub out of order");
        previousArrival = arrival;
    }
    QVERIFY(problems.isEmpty());
    QCOMPARE(alerts, qint64(0));
}

QTEST_GUILESS_MAIN(TestHubCrash)
#include "tst_hubcrash.moc"
