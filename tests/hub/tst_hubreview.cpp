// The safeguarding lead's review queue at the hub on a real PostgreSQL: the site's positives
// read from the forwarded audit entries, filtered by plan type and status; a status set by one
// lead seen by the other; another site's lead neither sees nor changes them; the history kept;
// training and live reviewed apart; and a hub that is down is an error, never an empty queue.
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/hub/HubQueue.h"
#include "core/hub/HubSender.h"
#include "core/review/HubReviewClient.h"
#include "core/store/SecureDb.h"
#include "tests/hub/HubRig.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;
using namespace cpis::testsupport;

namespace {

const QString kDesk = QStringLiteral("desk_ed");
const QByteArray kDeskPassword = "desk-ed-pw-5521";
const QByteArray kLeadPassword = "lead-pw-8812";

using Items = Result<QList<ReviewItem>, QString>;

} // namespace

class TestHubReview : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void queueIsTheSitesPositives();
    void filtersByPlanTypeAndStatus();
    void secondLeadSeesTheFirstLeadsChange();
    void anotherSiteNeitherSeesNorChanges();
    void deskWithoutASiteIsRefused();
    void trainingAndLiveAreReviewedApart();
    void hubDownIsAnErrorNotAnEmptyQueue();

private:
    void lookUp(const QString& org,
                const QString& nhs,
                bool found,
                const QString& detail,
                const QString& environment = {});
    std::unique_ptr<HubReviewClient> client(const QString& role);
    Items fetch(HubReviewClient& c, HubReviewClient::Query q = {});
    Result<QDateTime, QString>
    set(HubReviewClient& c, const QString& id, ReviewStatus s, const QString& note);

    HubRig m_hub;
    QTemporaryDir m_dir;
    std::unique_ptr<SecureDb> m_db;
    std::unique_ptr<ManualClock> m_clock;
    MemoryAnchorStore m_anchors;
    std::unique_ptr<AuditLog> m_log;
};

void TestHubReview::initTestCase()
{
    CPIS_REQUIRE_POSTGRES();
    const QString up = m_hub.up();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    QVERIFY(m_hub.createDesk(kDesk, kDeskPassword).isEmpty());
    // What a trust's DBA does for each lead's desk (docs/hub.md).
    for (const auto& [role, site] : {std::pair{"lead_one", "RX1"}, std::pair{"lead_two", "RX1"},
                                     std::pair{"lead_other", "RY9"}}) {
        QVERIFY(m_hub.owner
                    ->exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE "
                                          "cpis_hub_desk, cpis_hub_lead")
                               .arg(QLatin1String(role), QString::fromLatin1(kLeadPassword))
                               .toUtf8())
                    .ok());
        QVERIFY(m_hub.owner
                    ->exec("INSERT INTO hub.desk_sites (desk, site) VALUES ($1, $2)",
                           {QByteArray(role), QByteArray(site)})
                    .ok());
    }

    auto db = SecureDb::open(m_dir.filePath(QStringLiteral("audit.db")),
                             QByteArray(SecureDb::kKeyBytes, 'a'));
    QVERIFY(db);
    m_db = std::move(db).value();
    m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc().addDays(-2));
    auto log = AuditLog::open(*m_db, QByteArray(SecureDb::kKeyBytes, 'm'), m_anchors, *m_clock);
    QVERIFY(log);
    m_log = std::move(log).value();

    lookUp(QStringLiteral("RX1"), QStringLiteral("9990000018"), true, QStringLiteral("plans:CPP"));
    lookUp(QStringLiteral("RX1"), QStringLiteral("9990000069"), false, QString());
    lookUp(QStringLiteral("RX1"), QStringLiteral("9990000034"), true,
           QStringLiteral("from-cache plans:LAC,CPP"));
    lookUp(QStringLiteral("RY9"), QStringLiteral("9990000026"), true, QStringLiteral("plans:UCPP"));

    HubQueue queue(*m_db);
    auto batch = queue.pending(0, 100);
    QVERIFY(batch);
    HubSender sender(m_hub.deskAddress(kDesk, kDeskPassword));
    const HubSendResult r = sender.send(batch.value());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.stored, 4);
}

void TestHubReview::lookUp(const QString& org,
                           const QString& nhs,
                           bool found,
                           const QString& detail,
                           const QString& environment)
{
    m_clock->advanceSecs(600);
    AuditEntry e;
    e.userId = QStringLiteral("555000111222");
    e.userName = QStringLiteral("Nurse One");
    e.role = QStringLiteral("R8001");
    e.organisation = org;
    e.action = AuditEntry::Action::LookUp;
    e.nhsNumber = nhs;
    e.outcome = found ? AuditEntry::Outcome::PlansFound : AuditEntry::Outcome::NoRecord;
    e.outcomeDetail = detail;
    e.workstation = QStringLiteral("ED-WS-07");
    e.requestId = QStringLiteral("req-") + nhs;
    e.environment = environment;
    QVERIFY(m_log->append(e));
}

std::unique_ptr<HubReviewClient> TestHubReview::client(const QString& role)
{
    HubAddress a = m_hub.deskAddress(role, role == kDesk ? kDeskPassword : kLeadPassword);
    a.connectTimeoutSecs = 2;
    return std::make_unique<HubReviewClient>(a);
}

Items TestHubReview::fetch(HubReviewClient& c, HubReviewClient::Query q)
{
    if (!q.since.isValid())
        q.since = QDateTime::currentDateTimeUtc().addDays(-30);
    std::optional<Items> got;
    c.fetch(q, this, [&](const Items& r) { got = r; });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 15000))
        return QStringLiteral("no answer");
    return *got;
}

Result<QDateTime, QString>
TestHubReview::set(HubReviewClient& c, const QString& id, ReviewStatus s, const QString& note)
{
    std::optional<Result<QDateTime, QString>> got;
    c.setStatus(id, s, note, QStringLiteral("Lead ") + id, this,
                [&](const Result<QDateTime, QString>& r) { got = r; });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 15000))
        return QStringLiteral("no answer");
    return *got;
}

void TestHubReview::queueIsTheSitesPositives()
{
    auto lead = client(QStringLiteral("lead_one"));
    const Items r = fetch(*lead);
    QVERIFY2(r, qPrintable(r ? QString() : r.error()));
    // The two look-ups at RX1 that found a plan, newest first; not the no-record one, not RY9's.
    QCOMPARE(r->size(), 2);
    QCOMPARE(r->at(0).nhsNumber, QStringLiteral("9990000034"));
    QCOMPARE(r->at(0).id, HubReviewClient::itemId(kDesk, 3));
    QCOMPARE(r->at(0).planTypes(), QStringLiteral("LAC, CPP"));
    QCOMPARE(r->at(0).status, ReviewStatus::ToReview);
    QCOMPARE(r->at(0).viewerName, QStringLiteral("Nurse One"));
    QCOMPARE(r->at(1).nhsNumber, QStringLiteral("9990000018"));
    QVERIFY(r->at(1).when < r->at(0).when);
    // The days asked for: nothing since tomorrow.
    const Items later = fetch(*lead, {QDateTime::currentDateTimeUtc().addDays(1), {}, {}});
    QVERIFY(later);
    QVERIFY(later->isEmpty());
}

void TestHubReview::filtersByPlanTypeAndStatus()
{
    auto lead = client(QStringLiteral("lead_one"));
    const Items lac = fetch(*lead, {{}, {}, QStringLiteral("LAC")});
    QVERIFY(lac);
    QCOMPARE(lac->size(), 1);
    QCOMPARE(lac->first().nhsNumber, QStringLiteral("9990000034"));
    const Items cpp = fetch(*lead, {{}, {}, QStringLiteral("CPP")});
    QVERIFY(cpp);
    QCOMPARE(cpp->size(), 2);
    const Items referred = fetch(*lead, {{}, ReviewStatus::Referred, {}});
    QVERIFY(referred);
    QVERIFY(referred->isEmpty()); // nobody has referred anything yet
}

void TestHubReview::secondLeadSeesTheFirstLeadsChange()
{
    auto one = client(QStringLiteral("lead_one"));
    auto two = client(QStringLiteral("lead_two"));
    const QString id = HubReviewClient::itemId(kDesk, 3);
    auto first = set(*one, id, ReviewStatus::NoFurtherAction, QStringLiteral("known to team"));
    QVERIFY2(first, qPrintable(first ? QString() : first.error()));
    auto second = set(*one, id, ReviewStatus::Referred, QStringLiteral("referred to MASH"));
    QVERIFY(second);
    QVERIFY(second.value() >= first.value());

    const Items seen = fetch(*two);
    QVERIFY(seen);
    QCOMPARE(seen->size(), 2);
    QCOMPARE(seen->first().id, id);
    QCOMPARE(seen->first().status, ReviewStatus::Referred); // the latest change
    QCOMPARE(seen->first().note, QStringLiteral("referred to MASH"));
    QCOMPARE(seen->first().changedBy, QStringLiteral("Lead ") + id);
    QCOMPARE(seen->at(1).status, ReviewStatus::ToReview);
    const Items referred = fetch(*two, {{}, ReviewStatus::Referred, {}});
    QVERIFY(referred);
    QCOMPARE(referred->size(), 1);

    // Every change is kept, by whom; none can be altered by a lead.
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.reviews WHERE desk = $1 AND seq = 3 AND "
                         "reviewer_desk = 'lead_one'",
                         {kDesk.toUtf8()}),
             qint64(2));
    auto direct = m_hub.connectAs(QStringLiteral("lead_one"), kLeadPassword);
    QVERIFY(direct);
    QVERIFY(!direct->exec("UPDATE hub.reviews SET status = 'to-review'"));
    QVERIFY(!direct->exec("DELETE FROM hub.reviews"));
    QVERIFY(!direct->exec("INSERT INTO hub.reviews (desk, seq, site, status, reviewer) VALUES "
                          "('desk_ed', 1, 'RX1', 'referred', 'x')"));
    QVERIFY(!direct->exec("SELECT * FROM hub.entries"));
}

void TestHubReview::anotherSiteNeitherSeesNorChanges()
{
    auto other = client(QStringLiteral("lead_other"));
    const Items r = fetch(*other);
    QVERIFY(r);
    QCOMPARE(r->size(), 1);
    QCOMPARE(r->first().nhsNumber, QStringLiteral("9990000026"));
    QCOMPARE(r->first().planTypes(), QStringLiteral("UCPP"));
    QVERIFY(!set(*other, HubReviewClient::itemId(kDesk, 1), ReviewStatus::Referred, QString()));
    // Nor a look-up that found nothing, at any site.
    auto one = client(QStringLiteral("lead_one"));
    QVERIFY(!set(*one, HubReviewClient::itemId(kDesk, 2), ReviewStatus::Referred, QString()));
}

void TestHubReview::deskWithoutASiteIsRefused()
{
    // A forwarding desk that is no lead's may not read the queue.
    auto desk = client(kDesk);
    const Items r = fetch(*desk);
    QVERIFY(!r);
}

void TestHubReview::trainingAndLiveAreReviewedApart()
{
    // The DBA names, beside each lead's site, the environment it reviews (docs/hub.md).
    for (const auto& [role, env] :
         {std::pair{"lead_live", "live"}, std::pair{"lead_training", "training"}}) {
        QVERIFY(m_hub.owner
                    ->exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE "
                                          "cpis_hub_desk, cpis_hub_lead")
                               .arg(QLatin1String(role), QString::fromLatin1(kLeadPassword))
                               .toUtf8())
                    .ok());
        QVERIFY(m_hub.owner
                    ->exec("INSERT INTO hub.desk_sites (desk, site, environment) VALUES ($1, "
                           "'RX1', $2)",
                           {QByteArray(role), QByteArray(env)})
                    .ok());
    }
    // Entries 5 and 6: a positive made in training, one made live, both at RX1.
    lookUp(QStringLiteral("RX1"), QStringLiteral("9990000042"), true, QStringLiteral("plans:CPP"),
           QStringLiteral("training"));
    lookUp(QStringLiteral("RX1"), QStringLiteral("9990000050"), true, QStringLiteral("plans:LAC"),
           QStringLiteral("live"));
    HubQueue queue(*m_db);
    auto batch = queue.pending(4, 100);
    QVERIFY(batch);
    QCOMPARE(batch->entries.size(), 2);
    HubSender sender(m_hub.deskAddress(kDesk, kDeskPassword));
    const HubSendResult sent = sender.send(batch.value());
    QVERIFY2(sent.ok, qPrintable(sent.error));
    QCOMPARE(sent.stored, 2);

    auto training = client(QStringLiteral("lead_training"));
    const Items t = fetch(*training);
    QVERIFY2(t, qPrintable(t ? QString() : t.error()));
    QCOMPARE(t->size(), 1);
    QCOMPARE(t->first().nhsNumber, QStringLiteral("9990000042"));
    auto live = client(QStringLiteral("lead_live"));
    const Items l = fetch(*live);
    QVERIFY(l);
    QCOMPARE(l->size(), 1);
    QCOMPARE(l->first().nhsNumber, QStringLiteral("9990000050"));
    // Neither changes the other's positive, nor one made with no environment named.
    QVERIFY(!set(*live, HubReviewClient::itemId(kDesk, 5), ReviewStatus::Referred, QString()));
    QVERIFY(!set(*training, HubReviewClient::itemId(kDesk, 6), ReviewStatus::Referred, QString()));
    QVERIFY(!set(*live, HubReviewClient::itemId(kDesk, 1), ReviewStatus::Referred, QString()));
    QVERIFY(set(*live, HubReviewClient::itemId(kDesk, 6), ReviewStatus::Referred, QString()));
    // A lead's desk with no environment named still reviews them all.
    auto one = client(QStringLiteral("lead_one"));
    const Items all = fetch(*one);
    QVERIFY(all);
    QCOMPARE(all->size(), 4);
}

void TestHubReview::hubDownIsAnErrorNotAnEmptyQueue()
{
    auto lead = client(QStringLiteral("lead_one"));
    QVERIFY(fetch(*lead));
    QVERIFY(m_hub.server.stop());
    const Items r = fetch(*lead);
    QVERIFY(!r);
    QVERIFY(!r.error().isEmpty());
    QVERIFY(!set(*lead, HubReviewClient::itemId(kDesk, 1), ReviewStatus::Referred, QString()));
}

QTEST_GUILESS_MAIN(TestHubReview)
#include "tst_hubreview.moc"
