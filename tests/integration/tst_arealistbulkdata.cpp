// Area lists against the in-process sandbox as the HL7 FHIR Bulk Data Access IG v2.0.0 has it:
// files on a second host ("localhost" for the same server on 127.0.0.1), allowed or not, with
// and without the token, deleted[] and error[], and Retry-After on 429/503.
#include "core/arealist/AreaListService.h"
#include "core/arealist/AreaListStore.h"
#include "core/audit/AuditLog.h"
#include "sandbox/endpoints/BulkExport.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/AreaDirectory.h"
#include "tests/support/AreaListRig.h"
#include "tests/support/MemoryDesk.h"

#include <QTest>

#include <memory>

using namespace cpis;
using cpis::sandbox::BulkExport;

class TestAreaListBulkData : public QObject, protected testsupport::AreaListRig
{
    Q_OBJECT
private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void filesOnAnAllowedSecondHost();
    void profileFileHostsReachTheDesk();
    void filesOnAHostNotAllowedAreRefusedUnfetched();
    void tokenOnlyWhereTheManifestAsks_data();
    void tokenOnlyWhereTheManifestAsks();
    void deletedPlanLeavesTheList();
    void reportedProblemsKeepAPartialList();
    void retryAfterIsHonoured_data();
    void retryAfterIsHonoured();
};

// The same sandbox under its other loopback name is the file server: allowed by the
// administrator, the files come from there.
void TestAreaListBulkData::filesOnAnAllowedSecondHost()
{
    m_server->areaLists().options().fileHost = QStringLiteral("localhost");
    AreaListClient::Settings s;
    s.fileHosts = {QStringLiteral("localhost:%1").arg(m_server->baseUrl().port())};
    auto own = ownAreaLists(s);
    const Outcome o = runSync(area(m_schoolId), AreaListService::Mode::Auto, own->service.get());
    QVERIFY2(o.ok, qPrintable(o.error));
    QVERIFY(o.patients >= 20);
    QCOMPARE(o.patients, m_server->areaLists().patientsSent());
    const auto& c = m_server->areaLists().counters();
    QCOMPARE(c.fileRequestHosts, QSet<QString>{QStringLiteral("localhost")});
    QVERIFY(c.fileRequestsWithToken > 0);
    QCOMPARE(qint64(m_desk->areaLists->rows(m_schoolId).size()), o.careTeams);
}

// The administrator's profile names the file hosts, and the one composition root hands them to
// the desk's own client: no test-built client in between.
void TestAreaListBulkData::profileFileHostsReachTheDesk()
{
    m_server->areaLists().options().fileHost = QStringLiteral("localhost");
    testsupport::MemoryDesk desk(m_server->baseUrl(), FhirTransport::Settings(), &m_clock,
                                 SiteType::UnscheduledCare,
                                 {QStringLiteral("localhost:%1").arg(m_server->baseUrl().port())});
    QCOMPARE(desk.services->config().areaLists.fileHosts.size(), 1);
    const Outcome o = runSync(area(m_schoolId), AreaListService::Mode::Auto, desk.areaLists.get());
    QVERIFY2(o.ok, qPrintable(o.error));
    QCOMPARE(m_server->areaLists().counters().fileRequestHosts,
             QSet<QString>{QStringLiteral("localhost")});
}

void TestAreaListBulkData::filesOnAHostNotAllowedAreRefusedUnfetched()
{
    const AreaInfo school = area(m_schoolId);
    QVERIFY(runSync(school).ok);
    const auto before = m_desk->areaLists->rows(school.id);
    const auto& c = m_server->areaLists().counters();
    const qint64 fetched = c.fileRequestsWithToken + c.fileRequestsWithoutToken;

    // The desk's own service: no file hosts allowed.
    m_server->areaLists().options().fileHost = QStringLiteral("localhost");
    m_clock.advanceSecs(60);
    const Outcome o = runSync(school, AreaListService::Mode::Full);
    QVERIFY(!o.ok);
    QVERIFY2(o.error.contains(QStringLiteral("localhost")), qPrintable(o.error));
    QVERIFY2(o.error.contains(QStringLiteral("allowed file host")), qPrintable(o.error));
    QCOMPARE(c.fileRequestsWithToken + c.fileRequestsWithoutToken, fetched); // nothing fetched
    QCOMPARE(m_desk->areaLists->rows(school.id).size(), before.size());
    QCOMPARE(*m_desk->areaLists->state(school.id).asOf, kNow);
}

void TestAreaListBulkData::tokenOnlyWhereTheManifestAsks_data()
{
    QTest::addColumn<bool>("requires");
    QTest::newRow("requiresAccessToken true") << true;
    QTest::newRow("requiresAccessToken false: capability URLs") << false;
}

void TestAreaListBulkData::tokenOnlyWhereTheManifestAsks()
{
    QFETCH(bool, requires);
    // Capability URLs refuse a request that also carries a token, as object stores do.
    m_server->areaLists().options().requiresAccessToken = requires;
    m_server->areaLists().options().fileHost = QStringLiteral("localhost");
    AreaListClient::Settings s;
    s.fileHosts = {QStringLiteral("localhost:%1").arg(m_server->baseUrl().port())};
    auto own = ownAreaLists(s);
    const Outcome o = runSync(area(m_schoolId), AreaListService::Mode::Auto, own->service.get());
    QVERIFY2(o.ok, qPrintable(o.error));
    const auto& c = m_server->areaLists().counters();
    QVERIFY(c.fileRequestsWithToken + c.fileRequestsWithoutToken >= 2);
    if (requires)
        QCOMPARE(c.fileRequestsWithoutToken, 0);
    else
        QCOMPARE(c.fileRequestsWithToken, 0);
}

void TestAreaListBulkData::deletedPlanLeavesTheList()
{
    const AreaInfo school = area(m_schoolId);
    QVERIFY(runSync(school).ok);
    const auto before = m_desk->areaLists->rows(school.id);

    // A plan recorded in error is deleted from CP-IS an hour later.
    const int index = m_server->areas().indexOf(school.id);
    const AreaListRow victim = before.front();
    int planIndex = -1;
    for (int i = 0; i < m_server->areas().memberCount(index) && planIndex < 0; ++i) {
        const auto m = m_server->areas().memberAt(index, i);
        if (m.person.nhsNumber != victim.nhsNumber)
            continue;
        for (int k = 0; k < m.person.plans.size(); ++k)
            if (m.person.plans.at(k).start == victim.start &&
                m.person.plans.at(k).type == victim.type)
                planIndex = k;
    }
    QVERIFY(planIndex >= 0);
    m_clock.advanceSecs(3600);
    QVERIFY(m_server->areaLists().deletePlan(school.id, victim.nhsNumber, planIndex));

    const Outcome o = runSync(school);
    QVERIFY2(o.ok, qPrintable(o.error));
    QVERIFY(!o.full);
    QCOMPARE(o.deleted, 1);
    QCOMPARE(m_server->areaLists().counters().deletions, 1);
    const auto after = m_desk->areaLists->rows(school.id);
    QCOMPARE(after.size(), before.size() - 1);
    for (const AreaListRow& r : after)
        QVERIFY(
            !(r.nhsNumber == victim.nhsNumber && r.start == victim.start && r.type == victim.type));
    QCOMPARE(audit().last().outcomeDetail,
             QStringLiteral("since: 0 Patient, 0 CareTeam, 1 deleted"));
    // A full list from now on leaves it out too.
    m_clock.advanceSecs(60);
    const Outcome full = runSync(school, AreaListService::Mode::Full);
    QVERIFY2(full.ok, qPrintable(full.error));
    QCOMPARE(m_desk->areaLists->rows(school.id).size(), after.size());
}

void TestAreaListBulkData::reportedProblemsKeepAPartialList()
{
    const AreaInfo school = area(m_schoolId);
    QVERIFY(runSync(school).ok);
    const auto complete = m_desk->areaLists->rows(school.id);
    const QString failing = complete.back().nhsNumber;
    qsizetype theirRows = 0;
    for (const AreaListRow& r : complete)
        theirRows += r.nhsNumber == failing ? 1 : 0;

    m_server->areaLists().options().failingMembers = {failing};
    m_clock.advanceSecs(60);
    const Outcome o = runSync(school, AreaListService::Mode::Full);
    QVERIFY2(o.ok, qPrintable(o.error));
    QCOMPARE(o.problems, 1);
    QCOMPARE(o.problemNotes.size(), 1);
    QVERIFY(o.problemNotes.first().contains(QStringLiteral("could not be exported")));
    // The list is kept, without what the service could not send, and says it is partial.
    const auto partial = m_desk->areaLists->rows(school.id);
    QCOMPARE(partial.size(), complete.size() - theirRows);
    const AreaSyncState st = m_desk->areaLists->state(school.id);
    QCOMPARE(st.problems, 1);
    QCOMPARE(st.problemNotes, o.problemNotes);
    QCOMPARE(*st.asOf, kNow.addSecs(60));
    QVERIFY(
        audit().last().outcomeDetail.endsWith(QStringLiteral(", partial: 1 problems reported")));

    // The next sync is full, so what was missing comes back once the service can send it.
    m_server->areaLists().options().failingMembers.clear();
    m_clock.advanceSecs(60);
    const Outcome next = runSync(school);
    QVERIFY2(next.ok, qPrintable(next.error));
    QVERIFY(next.full);
    QCOMPARE(next.problems, 0);
    QCOMPARE(m_desk->areaLists->rows(school.id).size(), complete.size());
    QCOMPARE(m_desk->areaLists->state(school.id).problems, 0);
}

void TestAreaListBulkData::retryAfterIsHonoured_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("asDate");
    QTest::newRow("429, seconds") << 429 << false;
    QTest::newRow("503, HTTP-date") << 503 << true;
}

void TestAreaListBulkData::retryAfterIsHonoured()
{
    QFETCH(int, status);
    QFETCH(bool, asDate);
    BulkExport::Options& o = m_server->areaLists().options();
    o.throttledPolls = 2;
    o.throttleStatus = status;
    o.throttleRetryAfterSecs = 120; // longer than the transport's own retries wait
    o.retryAfterSecs = 7;
    o.retryAfterAsDate = asDate;
    // Preparation goes on between polls; every wait fires at once (moving the clock on), so a
    // slower one would mean hundreds of polls and, in test time, past maxExportWait.
    o.prepareIntervalMs = 0;
    auto own = ownAreaLists({});
    const Outcome out = runSync(area(m_schoolId), AreaListService::Mode::Auto, own->service.get());
    QStringList waits;
    for (const auto& w : std::as_const(own->waits))
        waits << QString::number(w.count());
    QVERIFY2(out.ok, qPrintable(out.error + waits.join(u' ')));
    QVERIFY2(own->waits.size() >= 2, qPrintable(waits.join(u' ')));
    QVERIFY2(own->waits.at(0) == std::chrono::milliseconds(120000), qPrintable(waits.join(u' ')));
    QVERIFY2(own->waits.at(1) == std::chrono::milliseconds(120000), qPrintable(waits.join(u' ')));
    // Any 202s after them: the sandbox's Retry-After for an export in progress.
    for (qsizetype i = 2; i < own->waits.size(); ++i)
        QVERIFY2(own->waits.at(i) == std::chrono::milliseconds(7000), qPrintable(waits.join(u' ')));
    QCOMPARE(o.throttledPolls, 0);
}

QTEST_GUILESS_MAIN(TestAreaListBulkData)
#include "tst_arealistbulkdata.moc"
