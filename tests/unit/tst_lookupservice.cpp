#include "core/audit/AccessAuditor.h"
#include "core/domain/Clock.h"
#include "core/domain/PlanType.h"
#include "core/lookup/AnswerCache.h"
#include "core/lookup/LookupService.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/net/FhirTransport.h"
#include "tests/support/FakeNetwork.h"
#include "tests/support/JsonTestSuite.h"
#include "tests/support/TestNurse.h"

#include <QHash>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace cpis;
using cpis::test::FakeAnswer;
using cpis::test::FakeNetwork;
using State = LookupResult::State;
using Reason = LookupResult::Reason;

Q_DECLARE_METATYPE(cpis::test::FakeAnswer)
Q_DECLARE_METATYPE(cpis::LookupResult::Reason)

namespace {

NhsNumber nhs(const char* d)
{
    return NhsNumber::parse(QString::fromLatin1(d)).value();
}

// A PDS Patient as the PDS FHIR API sends it; `status` is its NHS number verification code.
QByteArray patientJson(const char* id, const char* status = "01")
{
    return QByteArray(R"({"resourceType":"Patient","id":")") + id +
           R"(","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":")" + id +
           R"(","extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/)"
           R"(Extension-UKCore-NHSNumberVerificationStatus","valueCodeableConcept":{"coding":[{)"
           R"("system":"https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus",)"
           R"("code":")" +
           status +
           R"("}]}}]}],)"
           R"("meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/)"
           R"(v3-Confidentiality","code":"U"}]},)"
           R"("name":[{"use":"usual","family":"Testperson","given":["Ada"]}],)"
           R"("gender":"female","birthDate":"2016-11-22"})";
}

FakeAnswer notFound(const QByteArray& code)
{
    FakeAnswer a;
    a.status = 404;
    a.body = code.isEmpty() ? QByteArray()
                            : R"({"resourceType":"OperationOutcome","issue":[{"severity":"error",)"
                              R"("code":"not-found","details":{"coding":[{"code":")" +
                                  code + R"("}]}}]})";
    return a;
}

QByteArray careTeamJson(const char* subject)
{
    return QByteArray(
               R"({"resourceType":"Bundle","type":"searchset","total":1,"entry":[{)"
               R"("search":{"mode":"match"},"resource":{"resourceType":"CareTeam","id":"p1",)"
               R"("contained":[{"resourceType":"Organization","id":"la","identifier":[{)"
               R"("system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"E08000019"}],)"
               R"("name":"Sheffield City Council","telecom":[)"
               R"({"system":"phone","value":"0114 273 4855","use":"work"},)"
               R"({"system":"phone","value":"0114 273 4855 1","use":"mobile"}]}],)"
               R"("category":[{"coding":[{"system":"http://snomed.info/sct","code":"342191000000101"}]}],)"
               R"("subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":")") +
           subject +
           R"("}},"period":{"start":"2026-01-10"},"managingOrganization":[{"reference":"#la"}]}}]})";
}

FakeAnswer ok(const QByteArray& body)
{
    FakeAnswer a;
    a.body = body;
    return a;
}

const QByteArray kEmptyBundle = R"({"resourceType":"Bundle","type":"searchset","total":0})";

const QByteArray kHistory =
    R"({"resourceType":"Bundle","type":"searchset","total":1,"entry":[)"
    R"({"search":{"mode":"match"},"resource":{"resourceType":"AuditEvent","recorded":"2026-11-25T09:00:00Z",)"
    R"("agent":[{"who":{"reference":"PractitionerRole/r1"}}]}},)"
    R"({"search":{"mode":"include"},"resource":{"resourceType":"PractitionerRole","id":"r1",)"
    R"("practitioner":{"display":"Nurse One"},"organization":{"display":"Town ED"},)"
    R"("code":[{"coding":[{"display":"Registered Nurse"}]}]}}]})";

class MemoryCache final : public AnswerCache
{
public:
    QHash<QString, Entry> entries;
    int saves = 0;
    Result<std::optional<Entry>, Error> load(const NhsNumber& n) override
    {
        const auto it = entries.constFind(n.digits());
        if (it == entries.constEnd())
            return std::optional<Entry>();
        return std::optional<Entry>(*it);
    }
    Status<Error> save(const NhsNumber& n, const Entry& e) override
    {
        ++saves;
        entries.insert(n.digits(), e);
        return {};
    }
};

class RecordingAuditor final : public AccessAuditor
{
public:
    QList<AccessEvent> events;
    bool fail = false;
    Status<Error> record(const UserSession&, const AccessEvent& e) override
    {
        if (fail)
            return Error{QStringLiteral("disk full")};
        events.append(e);
        return {};
    }
};

using testsupport::nurse;

// The national service as a table: path suffix -> answer, with overrides per test.
struct Service
{
    QHash<QString, FakeAnswer> byPath; // "Patient/<n>", "CareTeam", "AuditEvent"
    FakeAnswer route(const QNetworkRequest& req) const
    {
        const QString path = req.url().path();
        for (auto it = byPath.constBegin(); it != byPath.constEnd(); ++it)
            if (path.endsWith(it.key()))
                return it.value();
        FakeAnswer a;
        a.status = 404;
        a.body =
            R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found",)"
            R"("details":{"coding":[{"code":"RESOURCE_NOT_FOUND"}]}}]})";
        return a;
    }
};

struct Rig
{
    ManualClock clock{QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC)};
    Service service;
    FakeNetwork nam{[this](const QNetworkRequest& r) { return service.route(r); }};
    FhirTransport transport{&nam, &clock, [] {
                                FhirTransport::Settings s;
                                s.retry.maxAttempts = 1; // retries have their own tests
                                return s;
                            }()};
    NationalServiceClient client{
        &transport, QUrl(QStringLiteral("https://sandbox.invalid/personal-demographics/FHIR/R4")),
        QUrl(QStringLiteral("https://sandbox.invalid/cpis/FHIR/R4"))};
    MemoryCache cache;
    RecordingAuditor auditor;
    LookupService service_{&client, &cache, &auditor, &clock, {SiteType::UnscheduledCare}};

    Rig() { service_.setSession(nurse(clock.nowUtc())); }

    // PDS traces the child, CP-IS holds one plan, history one earlier look.
    void serveChildOnAPlan()
    {
        service.byPath.insert(QStringLiteral("Patient/9000000009"), ok(patientJson("9000000009")));
        service.byPath.insert(QStringLiteral("CareTeam"), ok(careTeamJson("9000000009")));
        service.byPath.insert(QStringLiteral("AuditEvent"), ok(kHistory));
    }

    LookupResult run(const NhsNumber& n)
    {
        std::optional<LookupResult> out;
        int auditedBeforeDone = -1;
        QObject ctx;
        service_.lookup(n, &ctx, [&](const LookupResult& r) {
            auditedBeforeDone = int(auditor.events.size());
            out = r;
        });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
            qFatal("look-up never finished");
        // The audit entry is durable before anyone sees the result.
        if (!auditor.fail && auditedBeforeDone != lastAuditCount + 1)
            qFatal("look-up was not audited exactly once before its result");
        lastAuditCount = int(auditor.events.size());
        return *out;
    }
    int lastAuditCount = 0;
};

} // namespace

class TestLookupService : public QObject
{
    Q_OBJECT
private slots:
    void plansFoundIsAuditedAndCached();
    void totalZeroIsNoRecord();
    void serviceFailuresAreNeverNoRecord_data();
    void serviceFailuresAreNeverNoRecord();
    void offlineAnswersFromCacheWithItsAge();
    void refusalsNeverFallBackToCache();
    void unknownNumberIsNotTraced();
    void unverifiedNumberIsNeverCheckedAtCpis();
    void notFoundIsPreciseAboutWhatWasNotFound_data();
    void notFoundIsPreciseAboutWhatWasNotFound();
    void cpisNotFoundIsNotPatientNotTraced();
    void supersededNumberIsFollowed();
    void silentReadForB0170User();
    void expiredSignInMakesNoRequest();
    void roleWithoutCpisIsRefused();
    void historyFailureKeepsThePlans();
    void auditFailureIsFlagged();
    void jsonTestSuiteBodiesNeverReadAsNoRecord();
    void traceAsksPdsOnlyUntilConfirmed();
    void rejectedTraceIsRecordedAndAsksNothing();
    void abandonedTraceIsRecordedAndAsksNothing();
    void untraceableNumberEndsAtTheTrace();
    void traceFromTheCopyIsMarkedAndAnsweredFromIt();
    void answerForAGoneScreenIsAuditedNotDelivered();
};

namespace {
int cpisRequests(const FakeNetwork& nam)
{
    int n = 0;
    for (const QNetworkRequest& r : nam.requests)
        n += r.url().path().contains(QStringLiteral("/cpis/")) ? 1 : 0;
    return n;
}

// Step 1 alone: the trace's outcome, once it has come.
std::pair<TracedPerson, LookupResult> traceOnly(Rig& rig, const NhsNumber& n, QObject* ctx)
{
    std::optional<std::pair<TracedPerson, LookupResult>> out;
    rig.service_.trace(
        n, ctx, [&](const TracedPerson& p, const LookupResult& e) { out = std::make_pair(p, e); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
        qFatal("trace never finished");
    return *out;
}
} // namespace

void TestLookupService::traceAsksPdsOnlyUntilConfirmed()
{
    Rig rig;
    rig.serveChildOnAPlan();
    QObject ctx;
    const auto [person, ended] = traceOnly(rig, nhs("9000000009"), &ctx);
    QVERIFY(person.isValid());
    QVERIFY(person.awaitsConfirmation());
    QVERIFY(!person.fromCache());
    QCOMPARE(person.patient().familyName, QStringLiteral("Testperson"));
    QCOMPARE(rig.nam.requests.size(), 1); // PDS only
    QCOMPARE(cpisRequests(rig.nam), 0);
    QVERIFY(rig.auditor.events.isEmpty()); // nothing decided yet

    std::optional<LookupResult> out;
    QVERIFY(rig.service_.queryConfirmed(person, &ctx, [&](const LookupResult& r) { out = r; }));
    QTRY_VERIFY(out.has_value());
    QCOMPARE(out->state, State::PlansFound);
    QVERIFY(out->cpisAsked);
    QVERIFY(out->notificationSent);
    QVERIFY(cpisRequests(rig.nam) >= 1);
    QCOMPARE(rig.auditor.events.size(), 1);
    QCOMPARE(rig.auditor.events.first().outcome, AuditEntry::Outcome::PlansFound);

    // Spent: a second confirmation sends nothing more and records nothing more.
    const int requests = int(rig.nam.requests.size());
    QVERIFY(!rig.service_.queryConfirmed(person, &ctx, [](const LookupResult&) {}));
    QVERIFY(!rig.service_.reject(person));
    QCOMPARE(int(rig.nam.requests.size()), requests);
    QCOMPARE(rig.auditor.events.size(), 1);
}

void TestLookupService::rejectedTraceIsRecordedAndAsksNothing()
{
    Rig rig;
    rig.serveChildOnAPlan();
    QObject ctx;
    const auto [person, ended] = traceOnly(rig, nhs("9000000009"), &ctx);
    QVERIFY(person.isValid());
    QVERIFY(rig.service_.reject(person));
    QVERIFY(!person.awaitsConfirmation());
    QCOMPARE(rig.auditor.events.size(), 1);
    const AccessEvent& e = rig.auditor.events.first();
    QCOMPARE(e.action, AuditEntry::Action::LookUp);
    QCOMPARE(e.outcome, AuditEntry::Outcome::Cancelled);
    QCOMPARE(e.outcomeDetail, QStringLiteral("identity-rejected"));
    QCOMPARE(e.subject, nhs("9000000009"));
    // And no confirmation can follow it.
    QVERIFY(!rig.service_.queryConfirmed(person, &ctx, [](const LookupResult&) {}));
    QTest::qWait(0);
    QCOMPARE(cpisRequests(rig.nam), 0);
    QCOMPARE(rig.auditor.events.size(), 1);
}

void TestLookupService::abandonedTraceIsRecordedAndAsksNothing()
{
    Rig rig;
    rig.serveChildOnAPlan();
    {
        QObject ctx;
        const auto [person, ended] = traceOnly(rig, nhs("9000000009"), &ctx);
        rig.service_.abandon(person);
        QCOMPARE(rig.auditor.events.size(), 1);
        QCOMPARE(rig.auditor.events.last().outcome, AuditEntry::Outcome::Cancelled);
        QCOMPARE(rig.auditor.events.last().outcomeDetail, QStringLiteral("abandoned"));
        rig.service_.abandon(person); // once only
        QCOMPARE(rig.auditor.events.size(), 1);
    }
    // The screen goes before the trace answers: recorded as abandoned, nothing delivered.
    bool delivered = false;
    {
        auto ctx = std::make_unique<QObject>();
        rig.service_.trace(nhs("9000000009"), ctx.get(),
                           [&](const TracedPerson&, const LookupResult&) { delivered = true; });
        ctx.reset();
    }
    QTRY_COMPARE(rig.auditor.events.size(), 2);
    QVERIFY(!delivered);
    QCOMPARE(rig.auditor.events.last().outcome, AuditEntry::Outcome::Cancelled);
    QCOMPARE(cpisRequests(rig.nam), 0);
}

void TestLookupService::untraceableNumberEndsAtTheTrace()
{
    Rig rig; // PDS knows nobody
    QObject ctx;
    const auto [person, ended] = traceOnly(rig, nhs("9000000009"), &ctx);
    QVERIFY(!person.isValid());
    QCOMPARE(ended.state, State::CouldNotCheck);
    QCOMPARE(ended.reason, Reason::PatientNotTraced);
    QVERIFY(!ended.cpisAsked);
    QCOMPARE(cpisRequests(rig.nam), 0);
    QCOMPARE(rig.auditor.events.size(), 1);
    QCOMPARE(rig.auditor.events.first().outcome, AuditEntry::Outcome::CouldNotCheck);
}

void TestLookupService::traceFromTheCopyIsMarkedAndAnsweredFromIt()
{
    Rig rig;
    rig.serveChildOnAPlan();
    const LookupResult live = rig.run(nhs("9000000009"));
    QCOMPARE(live.state, State::PlansFound);
    rig.clock.advanceSecs(2 * 3600);
    rig.service_.setSession(nurse(rig.clock.nowUtc())); // signed in again since
    FakeAnswer down;
    down.networkError = QNetworkReply::ConnectionRefusedError;
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), down);
    rig.service.byPath.insert(QStringLiteral("CareTeam"), down);
    const int before = cpisRequests(rig.nam);

    QObject ctx;
    const auto [person, ended] = traceOnly(rig, nhs("9000000009"), &ctx);
    QVERIFY(person.isValid());
    QVERIFY(person.fromCache()); // the banner is the copy's, and says so
    QCOMPARE(person.cachedAtUtc(), live.answeredAtUtc);
    QCOMPARE(person.cacheReason(), Reason::Offline);
    std::optional<LookupResult> out;
    QVERIFY(rig.service_.queryConfirmed(person, &ctx, [&](const LookupResult& r) { out = r; }));
    QTRY_VERIFY(out.has_value());
    QVERIFY(out->fromCache);
    QCOMPARE(out->state, State::PlansFound);
    QCOMPARE(out->answeredAtUtc, live.answeredAtUtc);
    QVERIFY(!out->notificationSent);
    QCOMPARE(cpisRequests(rig.nam), before);
    QVERIFY(rig.auditor.events.last().outcomeDetail.contains(QStringLiteral("from-cache")));
}

void TestLookupService::answerForAGoneScreenIsAuditedNotDelivered()
{
    Rig rig;
    rig.serveChildOnAPlan();
    QObject traceCtx;
    const auto [person, ended] = traceOnly(rig, nhs("9000000009"), &traceCtx);
    bool delivered = false;
    {
        QObject gone;
        QVERIFY(rig.service_.queryConfirmed(person, &gone,
                                            [&](const LookupResult&) { delivered = true; }));
    }
    QTRY_COMPARE(rig.auditor.events.size(), 1);
    QVERIFY(!delivered);
    // Audited as what it was: CP-IS answered, the authority was notified.
    const AccessEvent& e = rig.auditor.events.first();
    QCOMPARE(e.outcome, AuditEntry::Outcome::PlansFound);
    QVERIFY2(e.outcomeDetail.contains(QStringLiteral("notified")), qPrintable(e.outcomeDetail));
    QVERIFY2(e.outcomeDetail.contains(QStringLiteral("abandoned")), qPrintable(e.outcomeDetail));
}

void TestLookupService::plansFoundIsAuditedAndCached()
{
    Rig rig;
    rig.serveChildOnAPlan();

    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::PlansFound);
    QCOMPARE(r.plans.size(), 1);
    QCOMPARE(r.plans.first().authority.name, QStringLiteral("Sheffield City Council"));
    QCOMPARE(r.accessHistory.size(), 1);
    QVERIFY(!r.fromCache);
    QVERIFY(r.notificationSent);
    QCOMPARE(r.answeredAtUtc, rig.clock.nowUtc());
    QCOMPARE(rig.auditor.events.size(), 1);
    QCOMPARE(rig.auditor.events.first().action, AuditEntry::Action::LookUp);
    QCOMPARE(rig.auditor.events.first().outcome, AuditEntry::Outcome::PlansFound);
    QCOMPARE(rig.auditor.events.first().requestId, r.requestId);
    // The plan types found, for the review queue at the audit hub to filter by.
    QCOMPARE(rig.auditor.events.first().outcomeDetail,
             QStringLiteral("notified plans:") + planTypeShortName(r.plans.first().type));
    QVERIFY(rig.cache.entries.contains(QStringLiteral("9000000009")));

    // Three calls, one correlation id, the unscheduled flag on both CP-IS calls (the guide:
    // absent means unscheduled) and not on PDS's.
    QCOMPARE(rig.nam.requests.size(), 3);
    const QByteArray corr = rig.nam.requests.first().rawHeader("X-Correlation-ID");
    QVERIFY(!corr.isEmpty());
    for (const auto& req : std::as_const(rig.nam.requests))
        QCOMPARE(req.rawHeader("X-Correlation-ID"), corr);
    QVERIFY(!rig.nam.requests.at(0).hasRawHeader("IsUnscheduledAccessEvent"));
    QCOMPARE(rig.nam.requests.at(1).rawHeader("IsUnscheduledAccessEvent"), QByteArray("true"));
    QCOMPARE(rig.nam.requests.at(2).rawHeader("IsUnscheduledAccessEvent"), QByteArray("true"));
    // The guide's _include, exactly.
    QCOMPARE(QUrlQuery(rig.nam.requests.at(2).url())
                 .queryItemValue(QStringLiteral("_include"), QUrl::FullyDecoded),
             QStringLiteral("AuditEvent:entity-type=http://terminology.hl7.org/CodeSystem/"
                            "v3-RoleClass|ASSIGNED"));
}

void TestLookupService::totalZeroIsNoRecord()
{
    Rig rig;
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), ok(patientJson("9000000009")));
    rig.service.byPath.insert(QStringLiteral("CareTeam"), ok(kEmptyBundle));
    rig.service.byPath.insert(QStringLiteral("AuditEvent"), ok(kHistory));
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::NoRecord);
    QCOMPARE(r.reason, Reason::None);
    QVERIFY(!r.notificationSent); // no plan, no local authority to notify
    QCOMPARE(rig.auditor.events.first().outcome, AuditEntry::Outcome::NoRecord);
    QVERIFY(!rig.auditor.events.first().outcomeDetail.contains(QStringLiteral("plans:")));
}

void TestLookupService::serviceFailuresAreNeverNoRecord_data()
{
    QTest::addColumn<FakeAnswer>("careTeam");
    QTest::addColumn<Reason>("reason");
    FakeAnswer a;
    a.status = 503;
    QTest::newRow("503") << a << Reason::ServiceError;
    a.status = 500;
    QTest::newRow("500") << a << Reason::ServiceError;
    a.status = 429;
    a.headers = {{"Retry-After", "30"}};
    QTest::newRow("429") << a << Reason::RateLimited;
    a = {};
    a.body = R"({"resourceType":"Bundle","type":"searchset","total":0)";
    QTest::newRow("truncated") << a << Reason::BadResponse;
    a = {};
    a.body = kEmptyBundle;
    a.contentType = "text/html";
    QTest::newRow("wrong content type") << a << Reason::BadResponse;
    a = {};
    a.body = QByteArray(careTeamJson("9000000009")).replace("342191000000101", "123456789");
    QTest::newRow("unknown plan code") << a << Reason::BadResponse;
    a = {};
    a.networkError = QNetworkReply::ConnectionRefusedError;
    QTest::newRow("refused") << a << Reason::Offline;
    a.networkError = QNetworkReply::RemoteHostClosedError;
    QTest::newRow("reset") << a << Reason::ServiceError;
    a = {};
    a.status = 401;
    QTest::newRow("401") << a << Reason::SignInExpired;
    a.status = 403;
    QTest::newRow("403") << a << Reason::AccessDenied;
}

void TestLookupService::serviceFailuresAreNeverNoRecord()
{
    QFETCH(FakeAnswer, careTeam);
    QFETCH(Reason, reason);
    Rig rig;
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), ok(patientJson("9000000009")));
    rig.service.byPath.insert(QStringLiteral("CareTeam"), careTeam);
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::CouldNotCheck);
    QCOMPARE(r.reason, reason);
    QVERIFY(!r.notificationSent);
    QVERIFY(r.patient.has_value()); // the trace still stands, for the banner
    QCOMPARE(rig.cache.saves, 0);   // failures are never cached
    QCOMPARE(rig.auditor.events.first().outcome, AuditEntry::Outcome::CouldNotCheck);
}

void TestLookupService::offlineAnswersFromCacheWithItsAge()
{
    Rig rig;
    rig.serveChildOnAPlan();
    const QDateTime fetched = rig.clock.nowUtc();
    QCOMPARE(rig.run(nhs("9000000009")).state, State::PlansFound);

    rig.clock.advanceSecs(3 * 3600);
    rig.service_.setSession(nurse(rig.clock.nowUtc())); // signed in again since
    FakeAnswer down;
    down.networkError = QNetworkReply::ConnectionRefusedError;
    rig.service.byPath.clear();
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), down);
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::PlansFound);
    QVERIFY(r.fromCache);
    QCOMPARE(r.reason, Reason::Offline);
    QCOMPARE(r.answeredAtUtc, fetched);
    QVERIFY(!r.notificationSent);
    QVERIFY(rig.auditor.events.last().outcomeDetail.contains(QStringLiteral("from-cache")));

    // With nothing cached for the number, the answer is "could not check".
    const LookupResult none = rig.run(nhs("9000000017"));
    QCOMPARE(none.state, State::CouldNotCheck);
    QVERIFY(!none.fromCache);
}

void TestLookupService::refusalsNeverFallBackToCache()
{
    Rig rig;
    rig.serveChildOnAPlan();
    QCOMPARE(rig.run(nhs("9000000009")).state, State::PlansFound);
    FakeAnswer denied;
    denied.status = 403;
    rig.service.byPath.insert(QStringLiteral("CareTeam"), denied);
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::CouldNotCheck);
    QCOMPARE(r.reason, Reason::AccessDenied);
    QVERIFY(!r.fromCache);
}

void TestLookupService::unknownNumberIsNotTraced()
{
    Rig rig; // every path answers 404 RESOURCE_NOT_FOUND
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::CouldNotCheck);
    QCOMPARE(r.reason, Reason::PatientNotTraced);
    QCOMPARE(rig.nam.requests.size(), 1); // CP-IS is never asked about an untraced number
}

void TestLookupService::unverifiedNumberIsNeverCheckedAtCpis()
{
    Rig rig;
    rig.serveChildOnAPlan(); // CP-IS would answer with a plan
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"),
                              ok(patientJson("9000000009", "02")));
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::CouldNotCheck);
    QCOMPARE(r.reason, Reason::NumberNotVerified);
    QVERIFY(r.plans.isEmpty());
    QCOMPARE(rig.nam.requests.size(), 1);
    QVERIFY(rig.nam.requests.first().url().path().endsWith(QStringLiteral("Patient/9000000009")));
    QCOMPARE(rig.auditor.events.size(), 1);
    QCOMPARE(rig.auditor.events.first().outcome, AuditEntry::Outcome::CouldNotCheck);
    QVERIFY(
        rig.auditor.events.first().outcomeDetail.contains(QStringLiteral("number-not-verified")));
}

void TestLookupService::notFoundIsPreciseAboutWhatWasNotFound_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<Reason>("reason");
    QTest::newRow("RESOURCE_NOT_FOUND")
        << QByteArray("RESOURCE_NOT_FOUND") << Reason::PatientNotTraced;
    QTest::newRow("INVALIDATED_RESOURCE")
        << QByteArray("INVALIDATED_RESOURCE") << Reason::RecordInvalidated;
    QTest::newRow("FAILURE_TO_PROCESS_MESSAGE")
        << QByteArray("FAILURE_TO_PROCESS_MESSAGE") << Reason::RequestNotRecognised;
    QTest::newRow("no body") << QByteArray() << Reason::RequestNotRecognised;
}

void TestLookupService::notFoundIsPreciseAboutWhatWasNotFound()
{
    QFETCH(QByteArray, code);
    QFETCH(Reason, reason);
    Rig rig;
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), notFound(code));
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::CouldNotCheck);
    QCOMPARE(r.reason, reason);
    QCOMPARE(rig.nam.requests.size(), 1);
}

// "Not found" from CP-IS is never PDS's "not traced": the request went somewhere else.
void TestLookupService::cpisNotFoundIsNotPatientNotTraced()
{
    Rig rig;
    rig.serveChildOnAPlan();
    rig.service.byPath.insert(QStringLiteral("CareTeam"), notFound("RESOURCE_NOT_FOUND"));
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::CouldNotCheck);
    QCOMPARE(r.reason, Reason::RequestNotRecognised);
}

void TestLookupService::supersededNumberIsFollowed()
{
    Rig rig;
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), ok(patientJson("9000000017")));
    rig.service.byPath.insert(QStringLiteral("CareTeam"), ok(careTeamJson("9000000017")));
    rig.service.byPath.insert(QStringLiteral("AuditEvent"), ok(kHistory));
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::PlansFound);
    QCOMPARE(r.patient->nhsNumber, nhs("9000000017"));
    QCOMPARE(r.patient->supersededFrom, std::optional<NhsNumber>(nhs("9000000009")));
    const QUrlQuery q(rig.nam.requests.at(1).url());
    QVERIFY(q.queryItemValue(QStringLiteral("patient:identifier"), QUrl::FullyDecoded)
                .endsWith(QStringLiteral("|9000000017")));
}

void TestLookupService::silentReadForB0170User()
{
    Rig rig;
    rig.service_.setSession(nurse(rig.clock.nowUtc(), "B0170"));
    rig.serveChildOnAPlan();
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::PlansFound);
    QVERIFY(!r.notificationSent);
    QCOMPARE(rig.nam.requests.size(), 3);
    QCOMPARE(rig.nam.requests.at(1).rawHeader("IsUnscheduledAccessEvent"), QByteArray("false"));
    QCOMPARE(rig.nam.requests.at(2).rawHeader("IsUnscheduledAccessEvent"), QByteArray("false"));

    // A B0107 user at a scheduled-care site reads silently too: the site decides, not the user.
    Rig scheduled;
    LookupService svc(&scheduled.client, &scheduled.cache, &scheduled.auditor, &scheduled.clock,
                      {SiteType::ScheduledCare});
    svc.setSession(nurse(scheduled.clock.nowUtc(), "B0107"));
    scheduled.service.byPath = rig.service.byPath;
    std::optional<LookupResult> out;
    QObject ctx;
    svc.lookup(nhs("9000000009"), &ctx, [&](const LookupResult& x) { out = x; });
    QTRY_VERIFY(out.has_value());
    QVERIFY(!out->notificationSent);
    QCOMPARE(scheduled.nam.requests.size(), 3);
    QCOMPARE(scheduled.nam.requests.at(1).rawHeader("IsUnscheduledAccessEvent"),
             QByteArray("false"));
    QCOMPARE(scheduled.nam.requests.at(2).rawHeader("IsUnscheduledAccessEvent"),
             QByteArray("false"));
}

void TestLookupService::expiredSignInMakesNoRequest()
{
    Rig rig;
    rig.clock.advanceSecs(7200);
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::CouldNotCheck);
    QCOMPARE(r.reason, Reason::SignInExpired);
    QCOMPARE(rig.nam.requests.size(), 0);
}

void TestLookupService::roleWithoutCpisIsRefused()
{
    Rig rig;
    rig.service_.setSession(nurse(rig.clock.nowUtc(), "B0001"));
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::CouldNotCheck);
    QCOMPARE(r.reason, Reason::NotPermitted);
    QCOMPARE(rig.nam.requests.size(), 0);
}

void TestLookupService::historyFailureKeepsThePlans()
{
    Rig rig;
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), ok(patientJson("9000000009")));
    rig.service.byPath.insert(QStringLiteral("CareTeam"), ok(careTeamJson("9000000009")));
    FakeAnswer broken;
    broken.status = 502;
    rig.service.byPath.insert(QStringLiteral("AuditEvent"), broken);
    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::PlansFound);
    QVERIFY(r.historyUnavailable);
}

void TestLookupService::auditFailureIsFlagged()
{
    Rig rig;
    rig.auditor.fail = true;
    rig.serveChildOnAPlan();
    const LookupResult r = rig.run(nhs("9000000009"));
    // A plan is never hidden because the log failed; the failure is shown instead.
    QCOMPARE(r.state, State::PlansFound);
    QVERIFY(r.auditFailed);
}

void TestLookupService::jsonTestSuiteBodiesNeverReadAsNoRecord()
{
    const auto files = cpis::testsupport::jsonTestSuiteFiles();
    QVERIFY2(files.size() >= cpis::testsupport::kJsonTestSuiteMinFiles,
             qPrintable(cpis::testsupport::jsonTestSuiteDir()));
    // Each body is served in turn by each of the three national-service calls, through the
    // real transport, parsers and look-up path.
    const QStringList endpoints{QStringLiteral("Patient/9000000009"), QStringLiteral("CareTeam"),
                                QStringLiteral("AuditEvent")};
    for (const auto& [name, body] : files) {
        for (const QString& endpoint : endpoints) {
            Rig rig;
            rig.service.byPath.insert(QStringLiteral("Patient/9000000009"),
                                      ok(patientJson("9000000009")));
            rig.service.byPath.insert(QStringLiteral("CareTeam"), ok(kEmptyBundle));
            rig.service.byPath.insert(QStringLiteral("AuditEvent"), ok(kHistory));
            rig.service.byPath.insert(endpoint, ok(body));
            const LookupResult r = rig.run(nhs("9000000009"));
            const QString where = name + QStringLiteral(" as ") + endpoint;
            if (endpoint == u"AuditEvent") {
                // The plans (none) were answered; only the history is unreadable.
                QVERIFY2(r.state == State::NoRecord && r.historyUnavailable, qPrintable(where));
            } else {
                QVERIFY2(r.state == State::CouldNotCheck, qPrintable(where));
                QCOMPARE(r.reason, Reason::BadResponse);
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestLookupService)
#include "tst_lookupservice.moc"
