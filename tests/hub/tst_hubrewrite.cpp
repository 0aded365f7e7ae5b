// A desk's user holds every key of their own log: they can delete a look-up, re-seal the
// chain and rewrite the anchor, and the desk's own check still says intact. What the hub
// already holds does not change: it keeps the originals and reports the rewritten entries,
// when the desk sends them, as forks. Also: entries made while the hub is down wait and go.
#include "core/audit/KeychainAnchorStore.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/store/MemoryKeyProvider.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/hub/HubRig.h"
#include "tests/support/SandboxSession.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;
using namespace cpis::testsupport;

namespace {

const QString kDesk = QStringLiteral("desk_rewrite");
const QByteArray kDeskPassword = "desk-rewrite-pw-3307";
constexpr qint64 kDeleted = 3; // the look-up the user removes from their log

} // namespace

class TestHubRewrite : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void entriesWaitWhileTheHubIsDown();
    void rewrittenLogCannotChangeTheHub();

private:
    std::unique_ptr<DeskServices> openDesk();
    void lookUp(DeskServices& desk);
    void waitUntilForwarded(DeskServices& desk);
    QList<std::optional<QByteArray>> desk() const { return {kDesk.toUtf8()}; }

    HubRig m_hub;
    sandbox::SandboxServer m_sandbox{sandbox::SandboxServer::Options{}};
    QTemporaryDir m_dir;
    SystemClock m_clock;
    MemoryKeyProvider m_keys;
};

void TestHubRewrite::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    CPIS_REQUIRE_POSTGRES();
    const QString up = m_hub.up();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    const QString made = m_hub.createDesk(kDesk, kDeskPassword);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    QVERIFY(m_keys.write(HubAddress::passwordEntry(ServiceProfile::kTraining), kDeskPassword));
}

std::unique_ptr<DeskServices> TestHubRewrite::openDesk()
{
    ServiceProfile profile = ServiceProfile::training().withSandbox(m_sandbox.baseUrl());
    profile.auditHub = QUrl(m_hub.server.uri(kDesk));
    profile.caBundle = m_hub.server.caFile();
    auto config = DeskServices::defaultConfig(profile, m_dir.path(), QStringLiteral("test"));
    config.workstation = QStringLiteral("rewrite-test-desk");
    config.hub.retryFirst = std::chrono::milliseconds(50);
    config.hub.retryMax = std::chrono::milliseconds(200);
    auto d = DeskServices::create(config, &m_clock, m_keys);
    if (!d)
        qWarning("desk: %s", qPrintable(d.error().message));
    return d ? std::move(d.value()) : nullptr;
}

void TestHubRewrite::lookUp(DeskServices& d)
{
    d.lookups().setSession(
        sandboxSession(m_sandbox, QStringLiteral("triage-nurse"), m_clock.nowUtc().addSecs(600)));
    bool done = false;
    d.lookups().lookup(NhsNumber::parse(QStringLiteral("9434765919")).value(), this,
                       [&](const LookupResult& r) {
                           QVERIFY(!r.auditFailed);
                           done = true;
                       });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
}

void TestHubRewrite::waitUntilForwarded(DeskServices& d)
{
    HubForwarder* f = d.hubForwarder();
    QVERIFY(f);
    QTRY_VERIFY_WITH_TIMEOUT(f->state().backlog() == 0 &&
                                 f->state().forwardedSeq == d.store().audit().lastSeq() &&
                                 f->state().lastError.isEmpty(),
                             20000);
    QVERIFY(f->state().lastSentUtc.isValid());
}

void TestHubRewrite::entriesWaitWhileTheHubIsDown()
{
    QVERIFY(m_hub.server.stop());
    auto d = openDesk();
    QVERIFY(d);
    for (int i = 0; i < 3; ++i)
        lookUp(*d);
    HubForwarder* f = d->hubForwarder();
    QTRY_VERIFY_WITH_TIMEOUT(!f->state().lastError.isEmpty(), 20000);
    QCOMPARE(f->state().backlog(), d->store().audit().lastSeq());
    QVERIFY(!f->state().lastSentUtc.isValid());

    QVERIFY(m_hub.server.start());
    waitUntilForwarded(*d);
    const QString again = m_hub.reconnect();
    QVERIFY2(again.isEmpty(), qPrintable(again));
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.entries WHERE desk = $1", desk()),
             d->store().audit().lastSeq());
}

void TestHubRewrite::rewrittenLogCannotChangeTheHub()
{
    QList<AuditEntry> original;
    {
        auto d = openDesk();
        QVERIFY(d);
        for (int i = 0; i < 4; ++i)
            lookUp(*d);
        waitUntilForwarded(*d);
        QVERIFY(d->store().audit().forEach([&](const AuditEntry& e) {
            original << e;
            return true;
        }));
    }
    const qint64 n = original.size();
    QVERIFY(n > kDeleted + 2);

    // The user, with the keys from their own keychain: entry 3 deleted, every later entry
    // renumbered, re-hashed and re-sealed, the anchor rewritten to match.
    {
        auto keys = m_keys.loadOrCreate(true);
        QVERIFY(keys);
        auto db = SecureDb::open(SecureStore::auditPath(m_dir.path()), keys->databaseKey);
        QVERIFY(db);
        QVERIFY(db.value()->exec("DROP TRIGGER audit_no_delete; DELETE FROM audit"));
        auto identity = AuditLog::identify(*db.value());
        QVERIFY(identity);
        KeychainAnchorStore anchors(m_keys, identity->id);
        QVERIFY(m_keys.remove(anchors.entryName()));
        ManualClock replay(original.first().atUtc);
        auto log = AuditLog::open(*db.value(), keys->auditMacKey, anchors, replay);
        QVERIFY(log);
        for (const AuditEntry& e : std::as_const(original)) {
            if (e.seq == kDeleted)
                continue;
            replay.set(e.atUtc); // the entries keep their own times
            QVERIFY(log.value()->append(e));
        }
        auto verdict = log.value()->verify();
        QVERIFY(verdict);
        QVERIFY2(verdict->ok(), "the rewrite should pass the desk's own check");
        QCOMPARE(verdict->entries, n - 1);
    }

    // The desk starts again on the rewritten log and looks up once more.
    auto d = openDesk();
    QVERIFY(d);
    lookUp(*d);
    waitUntilForwarded(*d);
    QCOMPARE(d->store().audit().lastSeq(), n);

    // The hub still holds the originals, each once.
    const HubRows held =
        m_hub.query("SELECT seq, encode(hash, 'hex'), request_id FROM hub.entries WHERE desk = $1 "
                    "ORDER BY seq",
                    desk());
    QCOMPARE(qint64(held.size()), n);
    for (int i = 0; i < held.size(); ++i) {
        QCOMPARE(held.at(i).at(0).value_or(""), QByteArray::number(original.at(i).seq));
        QCOMPARE(held.at(i).at(1).value_or(""), original.at(i).hash.toHex());
    }
    // Its check reports every rewritten number as a fork, and nothing else.
    const HubRows problems =
        m_hub.query("SELECT kind, seq FROM hub.check_desk($1) ORDER BY seq", desk());
    QList<qint64> forks;
    for (const HubRow& p : problems) {
        QCOMPARE(p.at(0).value_or(""), QByteArray("fork"));
        forks << p.at(1).value_or("0").toLongLong();
    }
    qInfo() << "forks at" << forks;
    QList<qint64> expected;
    for (qint64 s = kDeleted; s <= n; ++s)
        expected << s;
    QCOMPARE(forks, expected);
    // The rewritten entry that now sits at number 3 is the original 4th, kept in the alert.
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.alerts WHERE desk = $1 AND kind = 'fork' "
                         "AND seq = 3 AND entry->>'request_id' = $2",
                         {kDesk.toUtf8(), original.at(int(kDeleted)).requestId.toUtf8()}),
             qint64(1));
    qInfo("the desk's log: %lld entries after the rewrite and one more look-up; the hub: %lld "
          "originals held, %lld forks reported",
          d->store().audit().lastSeq(), qint64(held.size()), qint64(forks.size()));
}

QTEST_GUILESS_MAIN(TestHubRewrite)
#include "tst_hubrewrite.moc"
