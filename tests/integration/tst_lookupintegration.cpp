// The look-up path end to end against the in-process sandbox over real HTTP on loopback:
// every scenario and every fault of docs/sandbox.md, the audit-before-result rule, silent
// reads, and the switch to the cache (and back) when the service goes away.
#include "core/audit/AuditLog.h"
#include "core/audit/AuditLogAuditor.h"
#include "core/domain/Clock.h"
#include "core/lookup/LookupService.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/lookup/StoreAnswerCache.h"
#include "core/net/FhirTransport.h"
#include "core/signin/HeadlessSignIn.h"
#include "core/signin/SignInCredentials.h"
#include "core/store/Cache.h"
#include "core/store/SecureDb.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/endpoints/Cis2Realm.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/MemoryDesk.h"
#include "tests/support/SandboxSession.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace cpis;
using cpis::sandbox::SandboxServer;
using State = LookupResult::State;
using Reason = LookupResult::Reason;

namespace {

struct Expect
{
    State state;
    Reason reason = Reason::None;
    int plans = -1; // -1: not checked
};

// What each number of docs/sandbox.md must give. A number in the document but not here
// fails the test, so a new scenario cannot go untested.
const QHash<QString, Expect>& expectations()
{
    static const QHash<QString, Expect> e{
        {QStringLiteral("9990000018"), {State::PlansFound, Reason::None, 1}},
        {QStringLiteral("9990000026"), {State::PlansFound, Reason::None, 1}},
        {QStringLiteral("9990000034"), {State::PlansFound, Reason::None, 1}},
        {QStringLiteral("9990000042"), {State::PlansFound, Reason::None, 2}},
        {QStringLiteral("9990000050"), {State::PlansFound, Reason::None, 1}},
        {QStringLiteral("9990000069"), {State::NoRecord, Reason::None, 0}},
        {QStringLiteral("9990000077"), {State::PlansFound, Reason::None, 1}},
        {QStringLiteral("9990000085"), {State::PlansFound, Reason::None, 1}}, // via 0093
        {QStringLiteral("9990000093"), {State::PlansFound, Reason::None, 1}},
        {QStringLiteral("9990000107"), {State::NoRecord, Reason::None, 0}},
        {QStringLiteral("9990000115"), {State::PlansFound, Reason::None, 1}},
        {QStringLiteral("9990000123"), {State::NoRecord, Reason::None, 0}},
        {QStringLiteral("9990000263"), {State::CouldNotCheck, Reason::PatientNotTraced}},
        {QStringLiteral("9990000271"), {State::PlansFound, Reason::None, 2}}, // one record
        // PDS records as NHS England publishes them
        {QStringLiteral("9990002908"), {State::NoRecord, Reason::None, 0}},   // deceased
        {QStringLiteral("9990002916"), {State::PlansFound, Reason::None, 1}}, // V
        {QStringLiteral("9990002924"), {State::PlansFound, Reason::None, 1}}, // born yyyy-mm
        {QStringLiteral("9990002932"), {State::PlansFound, Reason::None, 1}}, // born yyyy
        {QStringLiteral("9990002940"), {State::CouldNotCheck, Reason::NumberNotVerified}},
        {QStringLiteral("9990002959"), {State::NoRecord, Reason::None, 0}}, // temp address first
        {QStringLiteral("9990002967"), {State::CouldNotCheck, Reason::RecordInvalidated}},
        {QStringLiteral("9990002975"), {State::NoRecord, Reason::None, 0}}, // name like markup
        // faults
        {QStringLiteral("9990000131"), {State::PlansFound, Reason::None, 1}}, // latency
        {QStringLiteral("9990000158"), {State::CouldNotCheck, Reason::Timeout}},
        {QStringLiteral("9990000166"), {State::CouldNotCheck, Reason::ServiceError}},
        {QStringLiteral("9990000174"), {State::CouldNotCheck, Reason::ServiceError}},
        {QStringLiteral("9990000182"), {State::CouldNotCheck, Reason::ServiceError}},
        {QStringLiteral("9990000190"), {State::CouldNotCheck, Reason::ServiceError}},
        {QStringLiteral("9990000204"), {State::CouldNotCheck, Reason::RateLimited}},
        {QStringLiteral("9990000212"), {State::CouldNotCheck, Reason::BadResponse}},
        {QStringLiteral("9990000220"), {State::CouldNotCheck, Reason::ServiceError}},
        {QStringLiteral("9990000239"), {State::CouldNotCheck, Reason::BadResponse}},
        // a plan type the desk does not know: a record, shown as one it cannot display
        {QStringLiteral("9990000247"), {State::PlansFound, Reason::None, 0}},
        {QStringLiteral("9990000255"), {State::CouldNotCheck, Reason::ServiceError}},
        // V3-only faults (docs/sandbox.md): over FHIR, a child with an open CPP
        {QStringLiteral("9990000301"), {State::PlansFound, Reason::None, 1}},
        {QStringLiteral("9990000298"), {State::PlansFound, Reason::None, 1}},
    };
    return e;
}

// Every NHS number in docs/sandbox.md's tables ("| 999 000 0018 |").
QStringList documentedNumbers()
{
    QFile f(QStringLiteral(CPIS_SOURCE_DIR "/docs/sandbox.md"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression row(QStringLiteral("^\\| (\\d{3} \\d{3} \\d{4}) \\|"),
                                        QRegularExpression::MultilineOption);
    QStringList out;
    auto it = row.globalMatch(QString::fromUtf8(f.readAll()));
    while (it.hasNext())
        out.append(it.next().captured(1).remove(u' '));
    return out;
}

NhsNumber nhs(const QString& d)
{
    return NhsNumber::parse(d).value();
}

// The desk's look-up stack (tests/support/MemoryDesk.h) on a clock the test moves, with
// the sandbox's own sign-in for the session.
struct Desk
{
    ManualClock clock{QDateTime::currentDateTimeUtc()};
    cpis::testsupport::MemoryDesk stack;
    testsupport::Part<AuditLog>& audit = stack.audit;
    testsupport::Part<LookupService>& lookups = stack.lookups;

    explicit Desk(const QUrl& base, SiteType site = SiteType::UnscheduledCare)
        : stack(base, testsupport::quickTransport(), &clock, site)
    {}

    void signInAs(SandboxServer& sandbox, const QString& userId)
    {
        lookups->setSession(
            testsupport::sandboxSession(sandbox, userId, clock.nowUtc().addDays(1)));
    }

    // Runs one look-up; checks that exactly one audit entry was committed before the
    // result was handed over.
    LookupResult run(const QString& number)
    {
        const qint64 before = audit->lastSeq();
        std::optional<LookupResult> out;
        qint64 seqAtResult = -1;
        QObject ctx;
        lookups->lookup(nhs(number), &ctx, [&](const LookupResult& r) {
            seqAtResult = audit->lastSeq();
            out = r;
        });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
            qFatal("look-up of a scenario never finished");
        if (seqAtResult != before + 1)
            qFatal("look-up was not audited exactly once before its result");
        return *out;
    }
};

} // namespace

class TestLookupIntegration : public QObject
{
    Q_OBJECT
private slots:
    void everyDocumentedNumberIsCovered();
    void scenarios_data();
    void scenarios();
    void auditHoldsEveryLookUp();
    void silentReadsNotifyNobody();
    void silentDeskSaysSoOnEveryCall_data();
    void silentDeskSaysSoOnEveryCall();
    void sandboxStopsThenComesBack();
    void lookUpSendsThePlatformTokenNeverCis2s();
};

void TestLookupIntegration::everyDocumentedNumberIsCovered()
{
    const QStringList documented = documentedNumbers();
    QVERIFY2(documented.size() >= 20, "docs/sandbox.md lists too few numbers: moved?");
    for (const QString& n : documented) {
        if (!NhsNumber::parse(n)) // the deliberately invalid one: bad input, never sent
            continue;
        QVERIFY2(expectations().contains(n), qPrintable(n + QStringLiteral(" is untested")));
    }
}

void TestLookupIntegration::scenarios_data()
{
    QTest::addColumn<QString>("number");
    for (auto it = expectations().constBegin(); it != expectations().constEnd(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key();
}

void TestLookupIntegration::scenarios()
{
    QFETCH(QString, number);
    SandboxServer sandbox({});
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    Desk desk(sandbox.baseUrl());
    desk.signInAs(sandbox, QStringLiteral("triage-nurse"));

    const Expect want = expectations().value(number);
    const qsizetype looksBefore = sandbox.accessLog().history(number, 25).size();
    const LookupResult r = desk.run(number);
    QCOMPARE(LookupResult::stateName(r.state), LookupResult::stateName(want.state));
    QCOMPARE(LookupResult::reasonName(r.reason), LookupResult::reasonName(want.reason));
    QVERIFY(!r.fromCache);
    if (want.plans >= 0)
        QCOMPARE(r.plans.size(), want.plans);
    if (r.state == State::CouldNotCheck) {
        QVERIFY(r.plans.isEmpty());
        QVERIFY(!r.notificationSent);
    }
    if (r.state != State::CouldNotCheck) {
        QVERIFY(r.patient.has_value());
        QCOMPARE(r.accessHistory.first().viewerName, QStringLiteral("Amelia Hughes"));
    }
    if (number == u"9990000247") { // never "no record", never "could not check"
        QCOMPARE(r.undisplayable.size(), 1);
        QVERIFY(r.undisplayable.first().authority.has_value());
        QVERIFY(!r.undisplayable.first().authority->emergencyDutyPhone.isEmpty());
        QVERIFY(r.notificationSent);
        const AuditEntry last = desk.stack.userEntries().last();
        QCOMPARE(last.outcome, AuditEntry::Outcome::PlansFound);
        QVERIFY2(last.outcomeDetail.contains(QStringLiteral("undisplayable-record")),
                 qPrintable(last.outcomeDetail));
    } else {
        QVERIFY(r.undisplayable.isEmpty());
    }
    if (number == u"9990000085") { // superseded: followed, and the user is told
        QCOMPARE(r.patient->nhsNumber.digits(), QStringLiteral("9990000093"));
        QCOMPARE(r.patient->supersededFrom->digits(), number);
    }
    if (number == u"9990000077") {
        QVERIFY(r.patient->restricted());
        QVERIFY(r.patient->address.isEmpty());
    }
    if (number == u"9990000050")
        QVERIFY(r.plans.first().hasEndedBy(desk.clock.nowUtc().date()));
    if (number == u"9990000034")
        QCOMPARE(r.plans.first().type, PlanType::UnbornChildProtection);
    if (number == u"9990000204")
        QVERIFY(r.retryAfterSecs > 0);
    if (number == u"9990002940" || number == u"9990002967") {
        // Neither an unverified number nor an invalidated record is asked about at CP-IS.
        QVERIFY(!r.patient.has_value());
        QCOMPARE(sandbox.accessLog().history(number, 25).size(), looksBefore);
    }
    if (number == u"9990002908")
        QVERIFY(r.patient->deceased.has_value());
    if (number == u"9990002975") // read as sent, markup and all
        QCOMPARE(r.patient->familyName, QStringLiteral("<b>X</b>"));
    if (number == u"9990002959") {
        QVERIFY(r.patient->address.startsWith(QStringLiteral("1 Scenario Street")));
        QVERIFY(!r.patient->temporaryAddress.isEmpty());
    }
}

void TestLookupIntegration::auditHoldsEveryLookUp()
{
    SandboxServer sandbox({});
    QVERIFY(sandbox.start());
    Desk desk(sandbox.baseUrl());
    desk.signInAs(sandbox, QStringLiteral("triage-nurse"));
    const QStringList numbers{QStringLiteral("9990000018"), QStringLiteral("9990000069"),
                              QStringLiteral("9990000190"), QStringLiteral("9990000263")};
    QStringList requestIds;
    for (const QString& n : numbers)
        requestIds.append(QString::fromLatin1(desk.run(n).requestId));

    const QList<AuditEntry> entries = desk.stack.userEntries();
    QCOMPARE(entries.size(), numbers.size());
    for (int i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries[i].action, AuditEntry::Action::LookUp);
        QCOMPARE(entries[i].nhsNumber, numbers[i]);
        QCOMPARE(entries[i].userName, QStringLiteral("Amelia Hughes"));
        QCOMPARE(entries[i].workstation, QStringLiteral("test-host"));
        QCOMPARE(entries[i].requestId, requestIds[i]);
    }
    QCOMPARE(entries[0].outcome, AuditEntry::Outcome::PlansFound);
    QCOMPARE(entries[1].outcome, AuditEntry::Outcome::NoRecord);
    QCOMPARE(entries[2].outcome, AuditEntry::Outcome::CouldNotCheck);
    QVERIFY(desk.audit->verify()->ok());
}

void TestLookupIntegration::silentReadsNotifyNobody()
{
    SandboxServer sandbox({});
    QVERIFY(sandbox.start());
    const QString child = QStringLiteral("9990000018");
    const QString la = QStringLiteral("SHE1");
    const auto notices = [&] { return sandbox.accessLog().notificationsFor(la).size(); };

    Desk ed(sandbox.baseUrl(), SiteType::UnscheduledCare);
    ed.signInAs(sandbox, QStringLiteral("triage-nurse"));
    const auto before = notices();
    QVERIFY(ed.run(child).notificationSent);
    QCOMPARE(notices(), before + 1);

    Desk school(sandbox.baseUrl(), SiteType::UnscheduledCare);
    school.signInAs(sandbox, QStringLiteral("school-nurse")); // B0170: silent read
    const LookupResult silent = school.run(child);
    QCOMPARE(silent.state, State::PlansFound);
    QVERIFY(!silent.notificationSent);
    QCOMPARE(notices(), before + 1);

    Desk gp(sandbox.baseUrl(), SiteType::ScheduledCare); // B0107, but not unscheduled care
    gp.signInAs(sandbox, QStringLiteral("triage-nurse"));
    QVERIFY(!gp.run(child).notificationSent);
    QCOMPARE(notices(), before + 1);
}

// The guide: IsUnscheduledAccessEvent absent means unscheduled, on the CareTeam search and on
// the access history alike. A silent read must say false on both, so the sandbox counts no
// unscheduled call and no notifying access, and no mailbox hears of it.
void TestLookupIntegration::silentDeskSaysSoOnEveryCall_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("site");
    QTest::addColumn<bool>("unscheduled");
    QTest::newRow("B0170 in unscheduled care")
        << "school-nurse" << int(SiteType::UnscheduledCare) << false;
    QTest::newRow("B0107 in scheduled care")
        << "triage-nurse" << int(SiteType::ScheduledCare) << false;
    QTest::newRow("B0107 in unscheduled care")
        << "triage-nurse" << int(SiteType::UnscheduledCare) << true;
}

void TestLookupIntegration::silentDeskSaysSoOnEveryCall()
{
    QFETCH(QString, user);
    QFETCH(int, site);
    QFETCH(bool, unscheduled);
    SandboxServer sandbox({});
    QVERIFY(sandbox.start());
    const int seededNotices = sandbox.accessLog().notificationCount();
    QCOMPARE(sandbox.accessLog().calls().declaredUnscheduled, 0);

    Desk desk(sandbox.baseUrl(), SiteType(site));
    desk.signInAs(sandbox, user);
    const LookupResult r = desk.run(QStringLiteral("9990000271")); // two plans, one record
    QCOMPARE(r.state, State::PlansFound);
    QCOMPARE(r.plans.size(), 2);
    QVERIFY(!r.historyUnavailable);
    QCOMPARE(r.notificationSent, unscheduled);

    const cpis::sandbox::CallCounts& calls = sandbox.accessLog().calls();
    if (unscheduled) {
        QCOMPARE(calls.declaredUnscheduled, 2); // CareTeam and AuditEvent
        QCOMPARE(calls.declaredSilent, 0);
        QCOMPARE(calls.notifyingAccesses, 2);
        QCOMPARE(sandbox.accessLog().notificationCount(), seededNotices + 1); // one authority
    } else {
        QCOMPARE(calls.declaredUnscheduled, 0);
        QCOMPARE(calls.declaredSilent, 2);
        QCOMPARE(calls.notifyingAccesses, 0);
        QCOMPARE(sandbox.accessLog().notificationCount(), seededNotices);
    }
}

void TestLookupIntegration::sandboxStopsThenComesBack()
{
    auto sandbox = std::make_unique<SandboxServer>(SandboxServer::Options{});
    QVERIFY(sandbox->start());
    const quint16 port = quint16(sandbox->baseUrl().port());
    Desk desk(sandbox->baseUrl());
    desk.signInAs(*sandbox, QStringLiteral("triage-nurse"));
    const QString child = QStringLiteral("9990000018");
    const QString none = QStringLiteral("9990000069");

    const QDateTime fetched = desk.clock.nowUtc();
    QCOMPARE(desk.run(child).state, State::PlansFound);
    QCOMPARE(desk.run(none).state, State::NoRecord);

    sandbox.reset(); // the service goes away mid-run
    desk.clock.advanceSecs(2 * 3600);
    const LookupResult cachedPlans = desk.run(child);
    QCOMPARE(cachedPlans.state, State::PlansFound);
    QVERIFY(cachedPlans.fromCache);
    QCOMPARE(cachedPlans.reason, Reason::Offline);
    QCOMPARE(cachedPlans.answeredAtUtc, fetched); // its age: two hours
    QCOMPARE(cachedPlans.answeredAtUtc.secsTo(desk.clock.nowUtc()), 2 * 3600);
    const LookupResult cachedNone = desk.run(none);
    QCOMPARE(cachedNone.state, State::NoRecord);
    QVERIFY(cachedNone.fromCache);
    const LookupResult never = desk.run(QStringLiteral("9990000026")); // never looked up
    QCOMPARE(never.state, State::CouldNotCheck);
    QCOMPARE(never.reason, Reason::Offline);

    SandboxServer::Options again;
    again.port = port;
    SandboxServer back(again);
    QVERIFY2(back.start(), qPrintable(back.errorString()));
    desk.signInAs(back, QStringLiteral("triage-nurse")); // a new service, a new token
    const LookupResult live = desk.run(child);
    QCOMPARE(live.state, State::PlansFound);
    QVERIFY(!live.fromCache);
    QCOMPARE(live.answeredAtUtc, desk.clock.nowUtc());
}

void TestLookupIntegration::lookUpSendsThePlatformTokenNeverCis2s()
{
    SandboxServer sandbox({});
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    struct Seen
    {
        QString path;
        QByteArray authorization;
        QByteArray urid;
    };
    QList<Seen> seen;
    sandbox.observe([&seen](const cpis::sandbox::HttpRequest& in) {
        seen.append({in.path, in.header("authorization"), in.header("nhsd-session-urid")});
    });
    Desk desk(sandbox.baseUrl());
    // Signed in as training signs in: CIS2's realm, then the platform's token exchange.
    const ServiceProfile profile = ServiceProfile::training().withSandbox(sandbox.baseUrl());
    const auto credentials = SignInCredentials::ephemeral();
    for (const QJsonObject& jwk : credentials.publicJwks())
        sandbox.cis2().registerKey(jwk);
    std::optional<Result<UserSession, QString>> signedIn;
    QObject context;
    HeadlessSignIn::start(desk.stack.transport.get(), &desk.clock, profile.signIn, credentials,
                          QStringLiteral("triage-nurse"), &context,
                          [&](const Result<UserSession, QString>& r) { signedIn = r; });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 15000);
    QVERIFY2(signedIn->ok(), signedIn->ok() ? "" : qPrintable(signedIn->error()));
    const UserSession session = signedIn->value();
    QVERIFY(!session.identityAccessToken.isEmpty());
    QVERIFY(session.accessToken != session.identityAccessToken);
    desk.lookups->setSession(session);

    seen.clear();
    const LookupResult r = desk.run(QStringLiteral("9990000018"));
    QCOMPARE(LookupResult::stateName(r.state), LookupResult::stateName(State::PlansFound));
    int pds = 0;
    int cpisCalls = 0;
    for (const Seen& s : std::as_const(seen)) {
        const bool isPds = s.path.startsWith(u"/personal-demographics/");
        const bool isCpis = s.path.startsWith(u"/cpis/");
        if (!isPds && !isCpis)
            continue;
        (isPds ? pds : cpisCalls)++;
        QCOMPARE(s.authorization, QByteArray("Bearer " + session.accessToken));
        QVERIFY(!s.authorization.contains(session.identityAccessToken));
        QCOMPARE(s.urid, session.roleId.toLatin1());
    }
    QVERIFY(pds >= 1);
    QVERIFY(cpisCalls >= 1);
}

QTEST_GUILESS_MAIN(TestLookupIntegration)
#include "tst_lookupintegration.moc"
