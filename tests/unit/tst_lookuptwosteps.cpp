// The look-up in two steps: a PDS trace, then CP-IS only for the person whose banner the user
// confirmed; a rejected or abandoned trace is recorded and asks CP-IS nothing.
#include "tests/support/LookupServiceRig.h"

#include <QPointer>

#include <memory>

class TestLookupTwoSteps : public QObject
{
    Q_OBJECT
private slots:
    void traceAsksPdsOnlyUntilConfirmed();
    void rejectedTraceIsRecordedAndAsksNothing();
    void abandonedTraceIsRecordedAndAsksNothing();
    void untraceableNumberEndsAtTheTrace();
    void traceFromTheCopyIsMarkedAndAnsweredFromIt();
    void answerForAGoneScreenIsAuditedNotDelivered();
    void goneScreenAbortsTheCpisQueryInFlight();
    void goneScreenAbortsThePdsTraceInFlight();
    void unknownPlanTypeIsARecordAuditedAndKept();
};

namespace {
int cpisRequests(const FakeNetwork& nam)
{
    int n = 0;
    for (const QNetworkRequest& r : nam.requests)
        n += r.url().path().contains(QStringLiteral("/cpis/")) ? 1 : 0;
    return n;
}

// The fake replies still running, and how each ended: records whether the client aborted it.
struct ReplyWatch
{
    QList<QPointer<QNetworkReply>> replies;
    int aborted = 0;
    explicit ReplyWatch(FakeNetwork& nam)
    {
        for (QNetworkReply* r : nam.findChildren<QNetworkReply*>()) {
            if (r->isFinished())
                continue;
            replies.append(r);
            QObject::connect(r, &QNetworkReply::finished, r, [this, r] {
                aborted += r->error() == QNetworkReply::OperationCanceledError ? 1 : 0;
            });
        }
    }
};

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

void TestLookupTwoSteps::traceAsksPdsOnlyUntilConfirmed()
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

void TestLookupTwoSteps::rejectedTraceIsRecordedAndAsksNothing()
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

void TestLookupTwoSteps::abandonedTraceIsRecordedAndAsksNothing()
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

void TestLookupTwoSteps::untraceableNumberEndsAtTheTrace()
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

void TestLookupTwoSteps::traceFromTheCopyIsMarkedAndAnsweredFromIt()
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

void TestLookupTwoSteps::answerForAGoneScreenIsAuditedNotDelivered()
{
    // With nothing in flight to stop (the answer is the offline copy's), an answer whose screen
    // has gone is still audited as what it was, and not delivered.
    Rig rig;
    rig.serveChildOnAPlan();
    QCOMPARE(rig.run(nhs("9000000009")).state, State::PlansFound);
    FakeAnswer down;
    down.networkError = QNetworkReply::ConnectionRefusedError;
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), down);
    QObject traceCtx;
    const auto [person, ended] = traceOnly(rig, nhs("9000000009"), &traceCtx);
    QVERIFY(person.fromCache());
    bool delivered = false;
    {
        QObject gone;
        QVERIFY(rig.service_.queryConfirmed(person, &gone,
                                            [&](const LookupResult&) { delivered = true; }));
    }
    QTRY_COMPARE(rig.auditor.events.size(), 2);
    QVERIFY(!delivered);
    const AccessEvent& e = rig.auditor.events.last();
    QCOMPARE(e.outcome, AuditEntry::Outcome::PlansFound);
    QVERIFY2(e.outcomeDetail.contains(QStringLiteral("from-cache")), qPrintable(e.outcomeDetail));
    QVERIFY2(e.outcomeDetail.contains(QStringLiteral("abandoned")), qPrintable(e.outcomeDetail));
}

void TestLookupTwoSteps::goneScreenAbortsTheCpisQueryInFlight()
{
    Rig rig;
    rig.serveChildOnAPlan();
    FakeAnswer slow;
    slow.stall = true; // CP-IS has the query and has not answered yet
    rig.service.byPath.insert(QStringLiteral("CareTeam"), slow);
    QObject traceCtx;
    const auto [person, ended] = traceOnly(rig, nhs("9000000009"), &traceCtx);
    bool delivered = false;
    auto screen = std::make_unique<QObject>();
    QVERIFY(rig.service_.queryConfirmed(person, screen.get(),
                                        [&](const LookupResult&) { delivered = true; }));
    QCOMPARE(cpisRequests(rig.nam), 1);
    ReplyWatch watch(rig.nam);
    QCOMPARE(watch.replies.size(), 1);
    QVERIFY(rig.auditor.events.isEmpty());

    screen.reset(); // Esc, an edit of the number, the next search or a lock
    // The reply is aborted at once, not left to run for nobody...
    QCOMPARE(watch.aborted, 1);
    // ...and the query, which may have reached CP-IS, is recorded as what it was, as soon as
    // the access noted ahead of it is on disk (the entry settles that note).
    QTRY_COMPARE(rig.auditor.events.size(), 1);
    const AccessEvent& e = rig.auditor.events.first();
    QCOMPARE(e.outcome, AuditEntry::Outcome::Cancelled);
    QCOMPARE(e.outcomeDetail,
             QStringLiteral("cpis-query-aborted may-have-notified abandoned")); // unscheduled care
    QVERIFY(e.requestId.isEmpty()); // not the trace's id
    QTest::qWait(0);
    QCoreApplication::processEvents();
    QVERIFY(!delivered);
    QCOMPARE(rig.auditor.events.size(), 1); // once only
    QCOMPARE(cpisRequests(rig.nam), 1);     // no history asked after it, no retry
    QVERIFY(!person.awaitsConfirmation());
}

void TestLookupTwoSteps::goneScreenAbortsThePdsTraceInFlight()
{
    Rig rig;
    FakeAnswer slow;
    slow.stall = true;
    rig.service.byPath.insert(QStringLiteral("Patient/9000000009"), slow);
    bool delivered = false;
    auto screen = std::make_unique<QObject>();
    rig.service_.trace(nhs("9000000009"), screen.get(),
                       [&](const TracedPerson&, const LookupResult&) { delivered = true; });
    ReplyWatch watch(rig.nam);
    QCOMPARE(watch.replies.size(), 1);
    screen.reset();
    QCOMPARE(watch.aborted, 1);
    QCOMPARE(rig.auditor.events.size(), 1);
    QCOMPARE(rig.auditor.events.first().outcome, AuditEntry::Outcome::Cancelled);
    QCOMPARE(rig.auditor.events.first().outcomeDetail, QStringLiteral("abandoned"));
    QCoreApplication::processEvents();
    QVERIFY(!delivered);
    QCOMPARE(rig.auditor.events.size(), 1);
    QCOMPARE(cpisRequests(rig.nam), 0);
}

void TestLookupTwoSteps::unknownPlanTypeIsARecordAuditedAndKept()
{
    Rig rig;
    rig.serveChildOnAPlan();
    QByteArray future = careTeamJson("9000000009");
    QVERIFY(future.contains("342191000000101"));
    future.replace("342191000000101", "999999999999999"); // a plan type added to CP-IS later
    rig.service.byPath.insert(QStringLiteral("CareTeam"), ok(future));

    const LookupResult r = rig.run(nhs("9000000009"));
    QCOMPARE(r.state, State::PlansFound); // CP-IS holds a record: never no-record
    QVERIFY(r.plans.isEmpty());
    QCOMPARE(r.undisplayable.size(), 1);
    QVERIFY(r.undisplayable.first().authority.has_value());
    QCOMPARE(r.undisplayable.first().authority->name, QStringLiteral("Sheffield City Council"));
    QVERIFY(r.notificationSent); // like any plan, in unscheduled care
    const AccessEvent& e = rig.auditor.events.last();
    QCOMPARE(e.outcome, AuditEntry::Outcome::PlansFound);
    QVERIFY2(e.outcomeDetail.contains(QStringLiteral("undisplayable-record")),
             qPrintable(e.outcomeDetail));

    // The offline copy keeps it as it was.
    FakeAnswer down;
    down.networkError = QNetworkReply::ConnectionRefusedError;
    rig.service.byPath.insert(QStringLiteral("CareTeam"), down);
    const LookupResult copy = rig.run(nhs("9000000009"));
    QVERIFY(copy.fromCache);
    QCOMPARE(copy.state, State::PlansFound);
    QCOMPARE(copy.undisplayable, r.undisplayable);
}

QTEST_GUILESS_MAIN(TestLookupTwoSteps)
#include "tst_lookuptwosteps.moc"
