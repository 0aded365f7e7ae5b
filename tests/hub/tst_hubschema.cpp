// The hub's schema on a real PostgreSQL: its migrations, its hash agreeing with the desk's
// byte for byte, an identical re-send ignored and a different one recorded as a fork, and a
// desk's role unable to change or remove anything it sent.
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/hub/HubQueue.h"
#include "core/hub/HubSender.h"
#include "core/store/SecureDb.h"
#include "tests/hub/HubRig.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;
using namespace cpis::testsupport;

namespace {

const QString kDesk = QStringLiteral("desk_schema");
const QByteArray kDeskPassword = "desk-schema-pw-4471";

QByteArray key(char c)
{
    return QByteArray(SecureDb::kKeyBytes, c);
}

} // namespace

class TestHubSchema : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void migrationsApplyOnce();
    void hubHashesAsTheDeskDoes();
    void resendIsIgnoredAndADifferentEntryIsAFork();
    void deskRoleCannotChangeOrRemove();
    void mistakenGrantIsStillRefused();
    void deskNeedsTheHubsCertificate();
    void adminCommandMigratesAndChecks();

private:
    // A desk's log with entries that exercise the hash: an empty and a set environment,
    // non-ASCII text, an outcome with detail.
    void fillLog(AuditLog& log, ManualClock& clock, int n);

    HubRig m_hub;
    QTemporaryDir m_dir;
    std::unique_ptr<SecureDb> m_db;
    std::unique_ptr<ManualClock> m_clock;
    MemoryAnchorStore m_anchors;
    std::unique_ptr<AuditLog> m_log;
};

void TestHubSchema::initTestCase()
{
    CPIS_REQUIRE_POSTGRES();
    const QString up = m_hub.up();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    const QString made = m_hub.createDesk(kDesk, kDeskPassword);
    QVERIFY2(made.isEmpty(), qPrintable(made));

    auto db = SecureDb::open(m_dir.filePath(QStringLiteral("audit.db")), key('a'));
    QVERIFY(db);
    m_db = std::move(db).value();
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 1, 31), QTime(23, 59), Qt::UTC));
    auto log = AuditLog::open(*m_db, key('m'), m_anchors, *m_clock);
    QVERIFY(log);
    m_log = std::move(log).value();
}

void TestHubSchema::fillLog(AuditLog& log, ManualClock& clock, int n)
{
    for (int i = 1; i <= n; ++i) {
        clock.advanceSecs(37); // crosses into February: two monthly partitions
        AuditEntry e;
        e.userId = QStringLiteral("55500011122%1").arg(i % 10);
        e.userName = i % 2 ? QStringLiteral("Siân Llŷr") : QStringLiteral("Nurse One");
        e.role = QStringLiteral("R8001");
        e.organisation = QStringLiteral("RHQ01");
        e.action = i % 3 ? AuditEntry::Action::LookUp : AuditEntry::Action::View;
        e.nhsNumber = QStringLiteral("9434765919");
        e.outcome = i % 4 ? AuditEntry::Outcome::NoRecord : AuditEntry::Outcome::PlansFound;
        e.outcomeDetail = i % 5 ? QString() : QStringLiteral("from-cache timeout");
        e.workstation = QStringLiteral("ED-WS-07 (cpis)");
        e.environment = i % 2 ? QStringLiteral("training") : QString();
        e.reason = i % 2 ? QStringLiteral("Attending ED – «urgent»") : QString();
        e.requestId = QStringLiteral("req-%1").arg(i);
        QVERIFY(log.append(e));
    }
}

void TestHubSchema::migrationsApplyOnce()
{
    const int carried = int(HubMigrations::steps().size());
    QVERIFY(carried >= 3);
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.migrations"), qint64(carried));
    auto again = HubMigrations::apply(*m_hub.owner);
    QVERIFY2(again, qPrintable(again ? QString() : again.error()));
    QVERIFY(again->isEmpty());
    auto v = HubMigrations::appliedVersion(*m_hub.owner);
    QVERIFY(v);
    QCOMPARE(v.value(), carried);
}

void TestHubSchema::hubHashesAsTheDeskDoes()
{
    fillLog(*m_log, *m_clock, 60);
    HubQueue queue(*m_db);
    auto batch = queue.pending(0, 1000);
    QVERIFY(batch);
    QCOMPARE(batch->entries.size(), 60);
    HubSender sender(m_hub.deskAddress(kDesk, kDeskPassword));
    const HubSendResult r = sender.send(batch.value());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.stored, 60);
    QCOMPARE(r.lastSeq, qint64(60));

    const QList<std::optional<QByteArray>> desk{kDesk.toUtf8()};
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.entries WHERE desk = $1 AND hash_ok "
                         "AND link_ok",
                         desk),
             qint64(60));
    // Recomputed again now, over what is stored: no gap, no bad hash, no broken link.
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.check_desk($1)", desk), qint64(0));
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.alerts WHERE desk = $1", desk), qint64(0));
    // One partition per month of the entries' own times.
    QCOMPARE(
        m_hub.count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'hub.entries'::regclass"),
        qint64(2));
    // The outcome stays queryable for the review of positives.
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.positives WHERE desk = $1", desk),
             m_hub.count("SELECT count(*) FROM hub.entries WHERE desk = $1 AND action = 'look-up' "
                         "AND outcome LIKE 'plans-found%'",
                         desk));
    QVERIFY(m_hub.count("SELECT count(*) FROM hub.positives WHERE desk = $1", desk) > 0);
}

void TestHubSchema::resendIsIgnoredAndADifferentEntryIsAFork()
{
    const QList<std::optional<QByteArray>> desk{kDesk.toUtf8()};
    const qint64 before = m_hub.count("SELECT count(*) FROM hub.entries WHERE desk = $1", desk);
    QVERIFY(before > 0);
    HubQueue queue(*m_db);
    auto batch = queue.pending(0, 1000);
    QVERIFY(batch);
    HubSender sender(m_hub.deskAddress(kDesk, kDeskPassword));
    HubSendResult r = sender.send(batch.value());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.duplicates, int(batch->entries.size()));
    QCOMPARE(r.stored, 0);
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.entries WHERE desk = $1", desk), before);

    // The same number, other content, correctly hashed: the original stays.
    HubBatch changed;
    changed.prevHash = batch->entries.at(4).hash;
    HubEntry e = batch->entries.at(5);
    e.fields[5] = "9999999999";
    changed.entries << e;
    r = sender.send(changed);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.forks, 1);
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.entries WHERE desk = $1 AND seq = 6 AND "
                         "nhs_number = '9434765919'",
                         desk),
             qint64(1));
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.check_desk($1) WHERE kind = 'fork' AND seq = 6",
                         desk),
             qint64(1));
}

void TestHubSchema::deskRoleCannotChangeOrRemove()
{
    auto desk = m_hub.connectAs(kDesk, kDeskPassword);
    QVERIFY(desk);
    const QList<QByteArray> refused = {
        "UPDATE hub.entries SET nhs_number = '0000000000'",
        "DELETE FROM hub.entries",
        "TRUNCATE hub.entries",
        "UPDATE hub.entries_2026_02 SET nhs_number = '0000000000'",
        "DELETE FROM hub.entries_2026_01",
        "TRUNCATE hub.entries_2026_01",
        "DELETE FROM hub.alerts",
        "TRUNCATE hub.alerts",
        "UPDATE hub.desks SET head_seq = 0",
        "DELETE FROM hub.desks",
        "INSERT INTO hub.entries (desk, seq) VALUES ('x', 1)",
        "SELECT count(*) FROM hub.entries",
        "SELECT * FROM hub.check_desk('desk_schema')",
        "DROP TABLE hub.entries",
        "ALTER TABLE hub.entries DISABLE TRIGGER entries_append_only",
    };
    const qint64 before = m_hub.count("SELECT count(*) FROM hub.entries");
    for (const QByteArray& sql : refused) {
        auto r = desk->exec(sql);
        QVERIFY2(!r, sql.constData());
        QVERIFY2(r.error().contains(QStringLiteral("permission denied")) ||
                     r.error().contains(QStringLiteral("must be owner")),
                 qPrintable(r.error()));
    }
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.entries"), before);
}

void TestHubSchema::mistakenGrantIsStillRefused()
{
    // A reporting role given too much by mistake still cannot change a row: the trigger
    // refuses everyone but the hub's owner.
    QVERIFY(m_hub.owner->exec("CREATE ROLE careless_reporter LOGIN PASSWORD 'careless-pw-1'"));
    QVERIFY(m_hub.owner->exec("GRANT USAGE ON SCHEMA hub TO careless_reporter"));
    QVERIFY(m_hub.owner->exec("GRANT ALL ON ALL TABLES IN SCHEMA hub TO careless_reporter"));
    auto careless = m_hub.connectAs(QStringLiteral("careless_reporter"), "careless-pw-1");
    QVERIFY(careless);
    for (const QByteArray& sql :
         {QByteArray("UPDATE hub.entries SET nhs_number = '0'"),
          QByteArray("DELETE FROM hub.entries"), QByteArray("TRUNCATE hub.entries"),
          QByteArray("DELETE FROM hub.alerts")}) {
        auto r = careless->exec(sql);
        QVERIFY2(!r, sql.constData());
        QVERIFY2(r.error().contains(QStringLiteral("append-only")), qPrintable(r.error()));
    }
}

void TestHubSchema::deskNeedsTheHubsCertificate()
{
    HubAddress a = m_hub.deskAddress(kDesk, kDeskPassword);
    // A CA that did not sign the hub's certificate: the connection is refused before the
    // password is sent.
    QTemporaryDir other;
    const QString otherCa = other.filePath(QStringLiteral("other.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-keyout"), other.filePath(QStringLiteral("k.pem")),
                   QStringLiteral("-out"), otherCa});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
    a.caBundle = otherCa;
    auto c = HubConnection::open(a.keywords());
    QVERIFY(!c);
    QVERIFY2(c.error().contains(QStringLiteral("certificate")), qPrintable(c.error()));
    // A password-less address is refused by the desk before it tries.
    a.password.clear();
    QVERIFY(a.problem().has_value());
}

void TestHubSchema::adminCommandMigratesAndChecks()
{
    const auto run = [&](const QStringList& args, QByteArray* output) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), QString::fromLatin1(m_hub.server.adminPassword()));
        env.insert(QStringLiteral("PGSSLMODE"), QStringLiteral("verify-full"));
        env.insert(QStringLiteral("PGSSLROOTCERT"), m_hub.server.caFile());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CPIS_HUB_EXE), args);
        if (!p.waitForFinished(30000))
            return -1;
        *output = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    const QString owner = m_hub.server.uri(m_hub.server.adminUser());
    QByteArray said;
    QCOMPARE(run({QStringLiteral("migrate"), owner}, &said), 0);
    const QByteArray steps = QByteArray::number(qsizetype(HubMigrations::steps().size()));
    QVERIFY2(said.contains(QByteArray("at step " + steps + " of " + steps)), said.constData());
    QVERIFY2(!said.contains("applied step"), said.constData());
    // The desk of this test has a fork at entry 6 (above): the check says so, exit code 8.
    QCOMPARE(run({QStringLiteral("check"), owner, kDesk}, &said), 8);
    QVERIFY2(said.contains("1 problem(s)") && said.contains("fork"), said.constData());
}

QTEST_GUILESS_MAIN(TestHubSchema)
#include "tst_hubschema.moc"
