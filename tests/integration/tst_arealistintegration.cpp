// Area lists end to end (docs/api.md §11): the desk's AreaListService against the in-process
// sandbox over real HTTP on loopback, into a real encrypted store;
// above all, an incremental _since sync transfers only what changed. The Bulk Data IG v2.0.0
// cases (file hosts, token, deleted[], error[], Retry-After) are in tst_arealistbulkdata.
#include "core/arealist/AreaListService.h"
#include "core/arealist/AreaListStore.h"
#include "core/audit/AuditExport.h"
#include "core/audit/AuditLog.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/AreaDirectory.h"
#include "tests/support/AreaListRig.h"
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
using cpis::sandbox::SandboxPerson;
using cpis::sandbox::SandboxPlan;

class TestAreaListIntegration : public QObject, protected testsupport::AreaListRig
{
    Q_OBJECT
private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void groupsFollowTheRole();
    void fullSyncStoresTheWholeArea();
    void incrementalSyncTransfersOnlyWhatChanged();
    void planEndingAsTheClockRunsIsAChange();
    void badLineFailsAndKeepsThePreviousList();
    void cancelKeepsThePreviousListAndDeletesTheJob();
    void exportEndpointsFollowTheContract();
    void csvExportIsAudited();
};

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
    // Without Prefer: respond-async, without the job role, someone else's group, bad _type.
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

QTEST_GUILESS_MAIN(TestAreaListIntegration)
#include "tst_arealistintegration.moc"
