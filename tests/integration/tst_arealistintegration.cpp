// Area lists end to end (docs/api.md §11): the desk's AreaListService against the in-process
// sandbox over real HTTP on loopback, into a real encrypted store;
// above all, an incremental _since sync transfers only what changed. The Bulk Data IG v2.0.0
// cases run against the sandbox too: files on a second host ("localhost" for the same server
// on 127.0.0.1), with and without the token, error[] and deleted[], Retry-After on 429/503.
#include "core/arealist/AreaListService.h"
#include "core/arealist/AreaListStore.h"
#include "core/audit/AuditExport.h"
#include "core/audit/AuditLog.h"
#include "sandbox/endpoints/BulkExport.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/AreaDirectory.h"
#include "tests/support/MemoryDesk.h"
#include "tests/support/SandboxHttp.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace cpis;
using cpis::sandbox::BulkExport;
using cpis::sandbox::SandboxPerson;
using cpis::sandbox::SandboxPlan;
using cpis::sandbox::SandboxServer;
using Outcome = AreaListService::Outcome;

namespace {
const QDateTime kNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
const QString kSchool = QStringLiteral("school-%1");
} // namespace

class TestAreaListIntegration : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void groupsFollowTheRole();
    void fullSyncStoresTheWholeArea();
    void incrementalSyncTransfersOnlyWhatChanged();
    void planEndingAsTheClockRunsIsAChange();
    void badLineFailsAndKeepsThePreviousList();
    void cancelKeepsThePreviousListAndDeletesTheJob();
    void exportEndpointsFollowTheContract();
    void csvExportIsAudited();
    void filesOnAnAllowedSecondHost();
    void profileFileHostsReachTheDesk();
    void filesOnAHostNotAllowedAreRefusedUnfetched();
    void tokenOnlyWhereTheManifestAsks_data();
    void tokenOnlyWhereTheManifestAsks();
    void deletedPlanLeavesTheList();
    void reportedProblemsKeepAPartialList();
    void retryAfterIsHonoured_data();
    void retryAfterIsHonoured();

private:
    // A client and service of the test's own on the desk's transport, store and audit: with
    // file hosts allowed, and waits recorded and fired at once, moving the clock on.
    struct OwnAreaLists
    {
        QList<std::chrono::milliseconds> waits;
        std::unique_ptr<AreaListClient> client;
        std::unique_ptr<AreaListService> service;
    };
    std::unique_ptr<OwnAreaLists> ownAreaLists(AreaListClient::Settings settings);
    UserSession session(const QString& user);
    Outcome runSync(const AreaInfo& area,
                    AreaListService::Mode mode = AreaListService::Mode::Auto,
                    AreaListService* service = nullptr);
    AreaInfo area(const QString& id);
    QList<AuditEntry> audit();
    sandboxtest::HttpResult get(const QString& pathOrUrl,
                                const QString& user,
                                const sandboxtest::Headers& extra = {},
                                const QByteArray& method = "GET");

    ManualClock m_clock{kNow};
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<testsupport::MemoryDesk> m_desk;
    QString m_schoolId;
    QNetworkAccessManager m_nam;
};

void TestAreaListIntegration::init()
{
    m_clock.set(kNow);
    SandboxServer::Options o;
    o.clock = &m_clock;
    o.areaLists.maxFileResources = 7; // several files per type even for a small area
    o.areaLists.preparePerTurn = 5;
    o.areaLists.retryAfterSecs = 0;
    m_server = std::make_unique<SandboxServer>(o);
    QVERIFY(m_server->start());
    m_desk = std::make_unique<testsupport::MemoryDesk>(m_server->baseUrl(),
                                                       FhirTransport::Settings(), &m_clock);
    m_schoolId = m_server->areas().groups().first().id;
}

void TestAreaListIntegration::cleanup()
{
    m_desk.reset();
    m_server.reset();
}

UserSession TestAreaListIntegration::session(const QString& user)
{
    UserSession s;
    s.userId = user;
    s.name = user;
    s.accessToken = m_server->signIn().issueAccessToken(user);
    s.accessExpiresUtc = kNow.addSecs(3600);
    s.workgroups = {kWorkgroupAreaLists};
    return s;
}

std::unique_ptr<TestAreaListIntegration::OwnAreaLists>
TestAreaListIntegration::ownAreaLists(AreaListClient::Settings settings)
{
    auto own = std::make_unique<OwnAreaLists>();
    QList<std::chrono::milliseconds>* waits = &own->waits;
    ManualClock* clock = &m_clock;
    own->client = std::make_unique<AreaListClient>(
        m_desk->transport.get(), m_desk->services->config().profile.cpis, std::move(settings),
        &m_clock,
        [waits, clock](std::chrono::milliseconds delay, QObject* context,
                       std::function<void()> fire) {
            waits->append(delay);
            QTimer::singleShot(0, context, [clock, delay, fire] {
                clock->advanceMSecs(delay.count());
                fire();
            });
        });
    own->service = std::make_unique<AreaListService>(own->client.get(), m_desk->areaListStore.get(),
                                                     m_desk->auditor.get(), &m_clock);
    return own;
}

AreaInfo TestAreaListIntegration::area(const QString& id)
{
    for (const auto& g : m_server->areas().groups())
        if (g.id == id)
            return AreaInfo{g.id, g.name, 0};
    return {};
}

Outcome TestAreaListIntegration::runSync(const AreaInfo& a,
                                         AreaListService::Mode mode,
                                         AreaListService* service)
{
    if (!service)
        service = m_desk->areaLists.get();
    QSignalSpy done(service, &AreaListService::finished);
    if (!service->sync(session(QStringLiteral("school-nurse")), a, mode))
        return {};
    if (!done.wait(20000))
        return {};
    return done.first().first().value<Outcome>();
}

QList<AuditEntry> TestAreaListIntegration::audit()
{
    return m_desk->userEntries();
}

sandboxtest::HttpResult TestAreaListIntegration::get(const QString& pathOrUrl,
                                                     const QString& user,
                                                     const sandboxtest::Headers& extra,
                                                     const QByteArray& method)
{
    QUrl url = pathOrUrl.startsWith(u'/') ? m_server->baseUrl().resolved(QUrl(pathOrUrl))
                                          : QUrl(pathOrUrl);
    if (pathOrUrl.startsWith(u'/')) {
        url = m_server->baseUrl();
        const qsizetype q = pathOrUrl.indexOf(u'?');
        url.setPath(q < 0 ? pathOrUrl : pathOrUrl.left(q));
        if (q >= 0)
            url.setQuery(pathOrUrl.mid(q + 1));
    }
    sandboxtest::Headers h{{"X-Request-ID", sandboxtest::newRequestId()}};
    if (!user.isEmpty())
        h.append({"Authorization", "Bearer " + m_server->signIn().issueAccessToken(user)});
    h.append(extra);
    return sandboxtest::request(m_nam, method, url, h);
}

void TestAreaListIntegration::groupsFollowTheRole()
{
    auto ask = [this](const QString& user) {
        std::optional<Result<QList<AreaInfo>, ServiceError>> got;
        m_desk->areaLists->listAreas(session(user), [&got](const auto& r) { got = r; });
        (void)QTest::qWaitFor([&got] { return got.has_value(); }, 10000);
        return got.value_or(Result<QList<AreaInfo>, ServiceError>(ServiceError{}));
    };
    const auto nurse = ask(QStringLiteral("school-nurse"));
    QVERIFY(nurse.ok());
    QCOMPARE(nurse->size(), 3);
    for (const AreaInfo& a : nurse.value()) {
        QVERIFY(a.id.startsWith(QStringLiteral("school-")));
        QVERIFY(a.quantity > 0);
    }
    const auto visitor = ask(QStringLiteral("health-visitor"));
    QVERIFY(visitor.ok());
    QCOMPARE(visitor->size(), 3);
    QVERIFY(visitor->first().id.startsWith(QStringLiteral("hva-")));
    const auto triage = ask(QStringLiteral("triage-nurse"));
    QVERIFY(!triage.ok());
    QCOMPARE(triage.error().kind, ServiceError::Kind::AccessDenied);
}

void TestAreaListIntegration::fullSyncStoresTheWholeArea()
{
    const AreaInfo school = area(m_schoolId);
    const Outcome o = runSync(school);
    QVERIFY2(o.ok, qPrintable(o.error));
    QVERIFY(o.full);
    QVERIFY(o.patients >= 20);
    QCOMPARE(o.patients, m_server->areaLists().patientsSent());
    QCOMPARE(o.careTeams, m_server->areaLists().careTeamsSent());

    const AreaSyncState st = m_desk->areaLists->state(school.id);
    QVERIFY(st.asOf.has_value());
    QCOMPARE(*st.asOf, kNow);
    QVERIFY(st.lastError.isEmpty());
    QCOMPARE(st.people, o.patients);
    QCOMPARE(st.plans, o.careTeams);
    const auto rows = m_desk->areaLists->rows(school.id);
    QCOMPARE(qint64(rows.size()), o.careTeams);
    // Ended plans are on the list (within the window) and so are open ones.
    QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [](const AreaListRow& r) { return r.end; }));
    QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [](const AreaListRow& r) { return !r.end; }));

    const QList<AuditEntry> entries = audit();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().action, AuditEntry::Action::ListSync);
    QCOMPARE(entries.first().outcome, AuditEntry::Outcome::Success);
    QCOMPARE(entries.first().outcomeDetail,
             QStringLiteral("full: %1 Patient, %2 CareTeam").arg(o.patients).arg(o.careTeams));
    QVERIFY(entries.first().nhsNumber.isEmpty());
}

void TestAreaListIntegration::incrementalSyncTransfersOnlyWhatChanged()
{
    const AreaInfo school = area(m_schoolId);
    const Outcome first = runSync(school);
    QVERIFY2(first.ok, qPrintable(first.error));
    const auto before = m_desk->areaLists->rows(school.id);
    const qint64 patientsBefore = m_server->areaLists().patientsSent();
    const qint64 careTeamsBefore = m_server->areaLists().careTeamsSent();

    // Nothing changed: nothing is sent, the list stays, as-of moves on.
    m_clock.advanceSecs(60);
    const Outcome idle = runSync(school);
    QVERIFY2(idle.ok, qPrintable(idle.error));
    QVERIFY(!idle.full);
    QCOMPARE(idle.patients, 0);
    QCOMPARE(idle.careTeams, 0);
    QCOMPARE(m_server->areaLists().patientsSent(), patientsBefore);
    QCOMPARE(m_server->areaLists().careTeamsSent(), careTeamsBefore);
    QCOMPARE(*m_desk->areaLists->state(school.id).asOf, kNow.addSecs(60));
    QCOMPARE(m_desk->areaLists->rows(school.id).size(), before.size());

    // Three changes an hour later: a new name (Patient only), a plan that ends (CareTeam
    // only), and a child who joins (one Patient and one CareTeam).
    m_clock.advanceSecs(3600);
    const QString renamed = before.front().nhsNumber;
    auto openPlan = std::find_if(before.cbegin(), before.cend(), [&](const AreaListRow& r) {
        return !r.end && r.nhsNumber != renamed;
    });
    QVERIFY(openPlan != before.cend());
    const QString ended = openPlan->nhsNumber;
    QVERIFY(m_server->areas().amendMember(
        school.id, renamed, [](SandboxPerson& p) { p.familyName = QStringLiteral("Renamed"); }));
    QVERIFY(m_server->areas().amendMember(school.id, ended, [&](SandboxPerson& p) {
        for (SandboxPlan& pl : p.plans)
            if (!pl.end && pl.start == openPlan->start) {
                pl.end = kNow.date();
                break;
            }
    }));
    SandboxPerson joiner;
    joiner.nhsNumber = QStringLiteral("9990000999"); // not a generated or scenario number
    QVERIFY(NhsNumber::parse(joiner.nhsNumber).ok());
    joiner.givenName = QStringLiteral("Nova");
    joiner.familyName = QStringLiteral("Joiner");
    joiner.birthDate = QDate(2018, 3, 1);
    joiner.gender = QStringLiteral("female");
    SandboxPlan plan;
    plan.type = PlanType::ChildProtection;
    plan.start = kNow.date();
    joiner.plans = {plan};
    QVERIFY(m_server->areas().addMember(school.id, joiner));

    const Outcome second = runSync(school);
    QVERIFY2(second.ok, qPrintable(second.error));
    QVERIFY(!second.full);
    // Exactly what changed went over the wire.
    QCOMPARE(second.patients, 2);
    QCOMPARE(second.careTeams, 2);
    QCOMPARE(m_server->areaLists().patientsSent() - patientsBefore, 2);
    QCOMPARE(m_server->areaLists().careTeamsSent() - careTeamsBefore, 2);

    // And the store holds the earlier list with those changes applied.
    const auto after = m_desk->areaLists->rows(school.id);
    QCOMPARE(after.size(), before.size() + 1);
    int renamedRows = 0, endedNow = 0, joined = 0;
    for (const AreaListRow& r : after) {
        if (r.nhsNumber == renamed) {
            QCOMPARE(r.familyName, QStringLiteral("Renamed"));
            ++renamedRows;
        }
        if (r.nhsNumber == ended && r.end == kNow.date())
            ++endedNow;
        if (r.nhsNumber == joiner.nhsNumber)
            ++joined;
    }
    QVERIFY(renamedRows >= 1);
    QCOMPARE(endedNow, 1);
    QCOMPARE(joined, 1);
    QCOMPARE(*m_desk->areaLists->state(school.id).asOf, kNow.addSecs(3660));
    const QList<AuditEntry> entries = audit();
    QCOMPARE(entries.last().outcome, AuditEntry::Outcome::Success);
    QCOMPARE(entries.last().outcomeDetail, QStringLiteral("since: 2 Patient, 2 CareTeam"));
}

void TestAreaListIntegration::planEndingAsTheClockRunsIsAChange()
{
    // A UCPP ends on its own date: the day after, its CareTeam is inactive and resent.
    const AreaInfo visiting =
        area(QStringLiteral("hva-%1").arg(m_server->areas().groups().at(3).id.mid(4).toInt()));
    QSignalSpy done(m_desk->areaLists.get(), &AreaListService::finished);
    UserSession hv = session(QStringLiteral("health-visitor"));
    QVERIFY(m_desk->areaLists->sync(hv, visiting));
    QVERIFY(done.wait(20000));
    QVERIFY(done.last().first().value<Outcome>().ok);
    const auto rows = m_desk->areaLists->rows(visiting.id);
    QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [](const AreaListRow& r) {
        return r.type == PlanType::UnbornChildProtection;
    }));
    // Move past every UCPP's end (at most 200 days after its start) plus a day.
    std::optional<QDate> lastEnd;
    for (const AreaListRow& r : rows)
        if (r.type == PlanType::UnbornChildProtection && r.end && (!lastEnd || *r.end > *lastEnd))
            lastEnd = r.end;
    QVERIFY(lastEnd);
    m_clock.set(QDateTime(lastEnd->addDays(1), QTime(9, 0), Qt::UTC));
    hv.accessToken = m_server->signIn().issueAccessToken(QStringLiteral("health-visitor"));
    hv.accessExpiresUtc = m_clock.nowUtc().addSecs(3600);
    const qint64 sentBefore = m_server->areaLists().careTeamsSent();
    QVERIFY(m_desk->areaLists->sync(hv, visiting));
    QVERIFY(done.wait(20000));
    const Outcome o = done.last().first().value<Outcome>();
    QVERIFY2(o.ok, qPrintable(o.error));
    QVERIFY(!o.full);
    QVERIFY(o.careTeams >= 1);
    QCOMPARE(m_server->areaLists().careTeamsSent() - sentBefore, o.careTeams);
    QVERIFY(o.careTeams < qint64(rows.size()));
}

void TestAreaListIntegration::badLineFailsAndKeepsThePreviousList()
{
    const AreaInfo school = area(m_schoolId);
    QVERIFY(runSync(school).ok);
    const auto before = m_desk->areaLists->rows(school.id);
    const AreaSyncState stBefore = m_desk->areaLists->state(school.id);

    // A UCPP without an end date is not a plan the desk accepts (docs/api.md §5).
    m_clock.advanceSecs(600);
    QVERIFY(m_server->areas().amendMember(school.id, before.back().nhsNumber, [](SandboxPerson& p) {
        p.plans.first().type = PlanType::UnbornChildProtection;
        p.plans.first().end.reset();
    }));
    const Outcome bad = runSync(school, AreaListService::Mode::Full);
    QVERIFY(!bad.ok);
    QVERIFY(!bad.error.isEmpty());
    const auto after = m_desk->areaLists->rows(school.id);
    QCOMPARE(after.size(), before.size());
    const AreaSyncState st = m_desk->areaLists->state(school.id);
    QCOMPARE(st.asOf, stBefore.asOf);
    QCOMPARE(st.people, stBefore.people);
    QVERIFY(!st.lastError.isEmpty());
    QCOMPARE(audit().last().outcome, AuditEntry::Outcome::Failed);
}

void TestAreaListIntegration::cancelKeepsThePreviousListAndDeletesTheJob()
{
    const AreaInfo school = area(m_schoolId);
    QVERIFY(runSync(school).ok);
    const auto before = m_desk->areaLists->rows(school.id);

    // Slow preparation: the cancel lands while the service is still polling.
    m_server->areaLists().options().prepareIntervalMs = 200;
    QSignalSpy progress(m_desk->areaLists.get(), &AreaListService::progress);
    QSignalSpy done(m_desk->areaLists.get(), &AreaListService::finished);
    m_clock.advanceSecs(10);
    QVERIFY(m_desk->areaLists->sync(session(QStringLiteral("school-nurse")), area(m_schoolId),
                                    AreaListService::Mode::Full));
    QVERIFY(progress.wait(5000)); // X-Progress from a 202
    QVERIFY(progress.last().first().toString().contains(QStringLiteral("preparing")));
    m_desk->areaLists->cancel();
    QCOMPARE(done.size(), 1);
    const Outcome c = done.first().first().value<Outcome>();
    QVERIFY(c.cancelled);
    QVERIFY(!c.ok);
    QCOMPARE(m_desk->areaLists->rows(m_schoolId).size(), before.size());
    QCOMPARE(*m_desk->areaLists->state(m_schoolId).asOf, kNow);
    const AuditEntry cancelledEntry = audit().last();
    QCOMPARE(cancelledEntry.outcome, AuditEntry::Outcome::Cancelled);
    // Exported as cancelled, a failure to complete, not as a success.
    const QJsonObject exported = AuditExport::toFhirAuditEvent(cancelledEntry);
    QCOMPARE(exported.value(QLatin1String("outcomeDesc")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(exported.value(QLatin1String("outcome")).toString(), QStringLiteral("4"));
    QVERIFY(AuditExport::toCsvRow(cancelledEntry).contains(",cancelled,\"after "));
    // A second sync after the cancel works.
    m_server->areaLists().options().prepareIntervalMs = 0;
    QVERIFY(runSync(area(m_schoolId)).ok);
}

void TestAreaListIntegration::exportEndpointsFollowTheContract()
{
    const QString nurse = QStringLiteral("school-nurse");
    const QString kick =
        QStringLiteral("/cpis/FHIR/R4/Group/%1/$export?_type=Patient,CareTeam").arg(m_schoolId);
    // Without Prefer: respond-async, without the workgroup, someone else's group, bad _type.
    QCOMPARE(get(kick, nurse).status, 400);
    QCOMPARE(get(kick, QStringLiteral("triage-nurse"), {{"Prefer", "respond-async"}}).status, 403);
    QCOMPARE(get(kick, QString(), {{"Prefer", "respond-async"}}).status, 401);
    QCOMPARE(get(QStringLiteral("/cpis/FHIR/R4/Group/hva-1/$export?_type=Patient"), nurse,
                 {{"Prefer", "respond-async"}})
                 .status,
             404);
    QCOMPARE(get(QStringLiteral("/cpis/FHIR/R4/Group/%1/$export?_type=Observation").arg(m_schoolId),
                 nurse, {{"Prefer", "respond-async"}})
                 .status,
             400);
    QCOMPARE(get(kick + QStringLiteral("&_since=yesterday"), nurse, {{"Prefer", "respond-async"}})
                 .status,
             400);

    m_server->areaLists().options().prepareIntervalMs = 100; // a few 202s before the manifest
    const auto accepted = get(kick, nurse, {{"Prefer", "respond-async"}});
    QCOMPARE(accepted.status, 202);
    const QString status = QString::fromLatin1(accepted.header("content-location"));
    QVERIFY(status.startsWith(m_server->baseUrl().toString()));
    // Polling: 202 with X-Progress and Retry-After until the manifest.
    sandboxtest::HttpResult poll;
    bool sawProgress = false;
    QTRY_VERIFY_WITH_TIMEOUT((poll = get(status, nurse),
                              sawProgress |= !poll.header("x-progress").isEmpty(),
                              poll.status == 200),
                             10000);
    QVERIFY(sawProgress);
    const QJsonObject manifest = poll.json();
    QCOMPARE(manifest.value(QLatin1String("transactionTime")).toString(),
             QStringLiteral("2026-11-25T10:00:00Z"));
    QCOMPARE(manifest.value(QLatin1String("requiresAccessToken")).toBool(), true);
    const QJsonArray output = manifest.value(QLatin1String("output")).toArray();
    QVERIFY(output.size() >= 4); // 7 resources per file
    // Someone else's token cannot poll or read the files; a file needs a token at all.
    QCOMPARE(get(status, QStringLiteral("health-visitor")).status, 404);
    const QString file = output.first().toObject().value(QLatin1String("url")).toString();
    QCOMPARE(get(file, QString()).status, 401);
    const auto body = get(file, nurse);
    QCOMPARE(body.status, 200);
    QVERIFY(body.header("content-type").startsWith("application/fhir+ndjson"));
    QCOMPARE(body.body.count('\n'),
             output.first().toObject().value(QLatin1String("count")).toInt());
    // DELETE cancels: the job and its files are gone.
    QCOMPARE(get(status, nurse, {}, "DELETE").status, 202);
    QCOMPARE(get(status, nurse).status, 404);
    QCOMPARE(get(file, nurse).status, 404);
}

void TestAreaListIntegration::csvExportIsAudited()
{
    const AreaInfo school = area(m_schoolId);
    QVERIFY(runSync(school).ok);
    const auto rows = m_desk->areaLists->rows(school.id);
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    const auto written =
        m_desk->areaLists->exportCsv(session(QStringLiteral("school-nurse")), school.id, rows, out);
    QVERIFY(written.ok());
    QCOMPARE(written.value(), qint64(rows.size()));
    // The as-of line (the area and when, in UK time), the header row, the rows.
    QCOMPARE(out.data().count('\n'), qsizetype(rows.size()) + 2);
    const QList<QByteArray> lines = out.data().split('\n');
    const QString asOf = kNow.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London")))
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QVERIFY2(
        lines.at(0).startsWith(QStringLiteral("# Area list as of %1 UK time,").arg(asOf).toUtf8()),
        lines.at(0).constData());
    QVERIFY(QString::fromUtf8(lines.at(0)).contains(school.name));
    QVERIFY(lines.at(1).startsWith("NHS number,"));
    QCOMPARE(audit().last().action, AuditEntry::Action::Export);
    QCOMPARE(audit().last().outcome, AuditEntry::Outcome::Success);
    QCOMPARE(audit().last().outcomeDetail, QStringLiteral("csv %1 rows").arg(rows.size()));
}

// The same sandbox under its other loopback name is the file server: allowed by the
// administrator, the files come from there.
void TestAreaListIntegration::filesOnAnAllowedSecondHost()
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
void TestAreaListIntegration::profileFileHostsReachTheDesk()
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

void TestAreaListIntegration::filesOnAHostNotAllowedAreRefusedUnfetched()
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

void TestAreaListIntegration::tokenOnlyWhereTheManifestAsks_data()
{
    QTest::addColumn<bool>("requires");
    QTest::newRow("requiresAccessToken true") << true;
    QTest::newRow("requiresAccessToken false: capability URLs") << false;
}

void TestAreaListIntegration::tokenOnlyWhereTheManifestAsks()
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

void TestAreaListIntegration::deletedPlanLeavesTheList()
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

void TestAreaListIntegration::reportedProblemsKeepAPartialList()
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

void TestAreaListIntegration::retryAfterIsHonoured_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("asDate");
    QTest::newRow("429, seconds") << 429 << false;
    QTest::newRow("503, HTTP-date") << 503 << true;
}

void TestAreaListIntegration::retryAfterIsHonoured()
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

QTEST_GUILESS_MAIN(TestAreaListIntegration)
#include "tst_arealistintegration.moc"
