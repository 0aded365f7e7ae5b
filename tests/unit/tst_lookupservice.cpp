#include "tests/support/LookupServiceRig.h"

class TestLookupService : public QObject
{
    Q_OBJECT
private slots:
    void plansFoundIsAuditedAndCached();
    void aCopyWaitingToBeCachedIsWrittenBeforeTheSessionIsForgotten();
    void aCopyWaitingToBeCachedAnswersALookUpThatFailsAtOnce();
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
};

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
    // Kept in the cache once the answer is handed over (behind the screen's repaint).
    QTRY_VERIFY(rig.cache.entries.contains(QStringLiteral("9000000009")));

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

void TestLookupService::aCopyWaitingToBeCachedIsWrittenBeforeTheSessionIsForgotten()
{
    // A lock forgets the session and then has the store let go of what it holds: a copy still
    // waiting is written first, never into the cache after the lock.
    Rig rig;
    rig.serveChildOnAPlan();
    const QString number = QStringLiteral("9000000009");
    std::optional<bool> cachedWhenAnswered, cachedWhenForgotten;
    QObject ctx;
    rig.service_.lookup(nhs("9000000009"), &ctx, [&](const LookupResult& r) {
        QCOMPARE(r.state, State::PlansFound);
        // The answer is handed over before its copy is written...
        cachedWhenAnswered = rig.cache.entries.contains(number);
        // ...and a lock at once still finds the copy written when it forgets the session.
        rig.service_.forgetSession();
        cachedWhenForgotten = rig.cache.entries.contains(number);
    });
    QTRY_VERIFY(cachedWhenForgotten.has_value());
    QCOMPARE(*cachedWhenAnswered, false);
    QCOMPARE(*cachedWhenForgotten, true);
}

void TestLookupService::aCopyWaitingToBeCachedAnswersALookUpThatFailsAtOnce()
{
    // The service goes away as the answer is shown, and the next look-up of the number is
    // refused at once: it still finds the answer's copy, though not yet written when it began.
    Rig rig;
    rig.serveChildOnAPlan();
    std::optional<LookupResult> second;
    QObject ctx;
    rig.service_.lookup(nhs("9000000009"), &ctx, [&](const LookupResult& first) {
        QCOMPARE(first.state, State::PlansFound);
        QVERIFY(!rig.cache.entries.contains(QStringLiteral("9000000009")));
        FakeAnswer down;
        down.networkError = QNetworkReply::ConnectionRefusedError;
        rig.service.byPath.clear();
        rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), down);
        rig.service_.lookup(nhs("9000000009"), &ctx, [&](const LookupResult& r) { second = r; });
    });
    QTRY_VERIFY(second.has_value());
    QCOMPARE(second->state, State::PlansFound);
    QVERIFY(second->fromCache);
    QCOMPARE(second->reason, Reason::Offline);
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
    // (A known code system with an unknown code is a record the desk cannot display:
    // tst_lookuptwosteps::unknownPlanTypeIsARecordAuditedAndKept.)
    a.body = QByteArray(careTeamJson("9000000009"))
                 .replace("http://snomed.info/sct", "https://codes.example.org/plans");
    QTest::newRow("no SNOMED plan code") << a << Reason::BadResponse;
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
