// The site review feed end to end against the in-process sandbox over loopback HTTP: the
// contract of docs/api.md §12 (who may read it, which look-ups it lists, paging) and the
// desk's ReviewService reading it into the encrypted store, with status changes audited.
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/review/ReviewService.h"
#include "core/review/ReviewStore.h"
#include "sandbox/endpoints/ReviewFeed.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/MemoryDesk.h"
#include "tests/support/SandboxHttp.h"
#include "tests/support/SandboxSession.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace cpis;
using cpis::sandbox::SandboxServer;
using namespace sandboxtest;

namespace {
const QDateTime kNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
const QString kNhsSystem = QStringLiteral("https://fhir.nhs.uk/Id/nhs-number");

UserSession sessionFor(SandboxServer& server, const QString& userId)
{
    return testsupport::sandboxSession(server, userId, kNow.addSecs(3600));
}
} // namespace

class TestReviewIntegration : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void onlyReviewRolesAtTheirOwnSite_data();
    void onlyReviewRolesAtTheirOwnSite();
    void badSearchIsRefused_data();
    void badSearchIsRefused();
    void seededHistoryCoversThirtyDays();
    void livePositiveAppearsAndNoPlanDoesNot();
    void pagesFollowNextLinks();
    void serviceRefreshesAndAuditsStatus();
    void failedRefreshKeepsTheLastQueue();

private:
    HttpResult feed(const QString& user, const QString& query);
    HttpResult careTeam(const QString& user, const QString& nhs);
    QStringList feedNumbers(const QString& query);

    ManualClock m_clock{kNow};
    QNetworkAccessManager m_nam;
    std::unique_ptr<SandboxServer> m_server;
};

void TestReviewIntegration::init()
{
    m_clock.set(kNow);
    SandboxServer::Options o;
    o.clock = &m_clock;
    o.people = 2000;
    m_server = std::make_unique<SandboxServer>(o);
    QVERIFY(m_server->start());
}

void TestReviewIntegration::cleanup()
{
    m_server.reset();
}

HttpResult TestReviewIntegration::feed(const QString& user, const QString& query)
{
    QUrl url = m_server->baseUrl();
    url.setPath(QStringLiteral("/cpis/FHIR/R4/AuditEvent"));
    url.setQuery(query);
    return request(m_nam, "GET", url,
                   {{"X-Request-ID", newRequestId()},
                    {"Authorization", "Bearer " + m_server->signIn().issueAccessToken(user)}});
}

HttpResult TestReviewIntegration::careTeam(const QString& user, const QString& nhs)
{
    QUrl url = m_server->baseUrl();
    url.setPath(QStringLiteral("/cpis/FHIR/R4/CareTeam"));
    url.setQuery(QStringLiteral("patient:identifier=") + kNhsSystem + QStringLiteral("%7C") + nhs);
    return request(m_nam, "GET", url,
                   {{"X-Request-ID", newRequestId()},
                    {"Authorization", "Bearer " + m_server->signIn().issueAccessToken(user)}});
}

QStringList TestReviewIntegration::feedNumbers(const QString& query)
{
    const HttpResult r = feed(QStringLiteral("safeguarding-lead"), query);
    QStringList out;
    for (const QJsonValue& e : r.json().value(QLatin1String("entry")).toArray()) {
        const QJsonObject res = e.toObject().value(QLatin1String("resource")).toObject();
        if (res.value(QLatin1String("resourceType")).toString() != u"AuditEvent")
            continue;
        out << res.value(QLatin1String("entity"))
                   .toArray()
                   .first()
                   .toObject()
                   .value(QLatin1String("what"))
                   .toObject()
                   .value(QLatin1String("identifier"))
                   .toObject()
                   .value(QLatin1String("value"))
                   .toString();
    }
    return out;
}

void TestReviewIntegration::onlyReviewRolesAtTheirOwnSite_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("site");
    QTest::addColumn<int>("status");
    QTest::newRow("safeguarding lead, own site") << "safeguarding-lead"
                                                 << "RX1" << 200;
    QTest::newRow("safeguarding lead, another site") << "safeguarding-lead"
                                                     << "RX2" << 403;
    QTest::newRow("triage nurse (no CPIS-REVIEW), own site") << "triage-nurse"
                                                             << "RX1" << 403;
    QTest::newRow("school nurse, own site") << "school-nurse"
                                            << "RX2" << 403;
    QTest::newRow("social worker") << "social-worker"
                                   << "SHE1" << 403;
}

void TestReviewIntegration::onlyReviewRolesAtTheirOwnSite()
{
    QFETCH(QString, user);
    QFETCH(QString, site);
    QFETCH(int, status);
    const HttpResult r = feed(user, QStringLiteral("site=%1&outcome=positive").arg(site));
    QCOMPARE(r.status, status);
    if (status == 403) {
        QCOMPARE(r.spineCode(), QStringLiteral("ACCESS_DENIED"));
        QCOMPARE(r.json().value(QLatin1String("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
    }
}

void TestReviewIntegration::badSearchIsRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("no outcome") << "site=RX1";
    QTest::newRow("other outcome") << "site=RX1&outcome=negative";
    QTest::newRow("two sites") << "site=RX1&site=RX1&outcome=positive";
    QTest::newRow("bad date") << "site=RX1&outcome=positive&date=2026-11-01";
    QTest::newRow("three dates")
        << "site=RX1&outcome=positive&date=ge2026-11-01&date=lt2026-11-20&date=le2026-11-21";
    QTest::newRow("count too big") << "site=RX1&outcome=positive&_count=501";
    QTest::newRow("unknown parameter") << "site=RX1&outcome=positive&patient=9990000018";
}

void TestReviewIntegration::badSearchIsRefused()
{
    QFETCH(QString, query);
    const HttpResult r = feed(QStringLiteral("safeguarding-lead"), query);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("INVALID_SEARCH_DATA"));
}

void TestReviewIntegration::seededHistoryCoversThirtyDays()
{
    const HttpResult r = feed(QStringLiteral("safeguarding-lead"),
                              QStringLiteral("site=RX1&outcome=positive&date=ge2026-10-27"));
    QCOMPARE(r.status, 200);
    const QJsonObject b = r.json();
    const int total = b.value(QLatin1String("total")).toInt();
    QVERIFY2(total >= 30, qPrintable(QString::number(total)));
    QVERIFY(total <= 30 * 5);
    // All fit one default page (at least 30 days must), newest first, with the viewers.
    QDateTime previous = kNow;
    QSet<QDate> days;
    int events = 0, roles = 0;
    for (const QJsonValue& e : b.value(QLatin1String("entry")).toArray()) {
        const QJsonObject res = e.toObject().value(QLatin1String("resource")).toObject();
        if (res.value(QLatin1String("resourceType")).toString() == u"PractitionerRole") {
            ++roles;
            QCOMPARE(res.value(QLatin1String("organization"))
                         .toObject()
                         .value(QLatin1String("display"))
                         .toString(),
                     QStringLiteral("Sandbox General Hospital NHS Trust"));
            continue;
        }
        ++events;
        const QDateTime when =
            QDateTime::fromString(res.value(QLatin1String("recorded")).toString(), Qt::ISODate);
        QVERIFY(when <= previous);
        QVERIFY(when >= QDateTime(QDate(2026, 10, 27), QTime(0, 0), Qt::UTC));
        previous = when;
        days.insert(when.date());
        QVERIFY(res.value(QLatin1String("entity")).toArray().size() >= 2); // child + plan(s)
    }
    QCOMPARE(events, total);
    QVERIFY(roles >= 1 && roles <= 2);
    QVERIFY2(days.size() >= 15, qPrintable(QString::number(days.size()))); // spread over the month
    QVERIFY(b.value(QLatin1String("link")).toArray().size() == 1);         // self only: one page

    // Deterministic: a second sandbox with the same seed and clock seeds the same history.
    SandboxServer::Options o;
    o.clock = &m_clock;
    o.people = 2000;
    SandboxServer twin(o);
    const auto a = m_server->reviewFeed().positivesAt(QStringLiteral("RX1"));
    const auto c = twin.reviewFeed().positivesAt(QStringLiteral("RX1"));
    QCOMPARE(a.size(), c.size());
    for (int i = 0; i < a.size(); ++i) {
        QCOMPARE(a.at(i).nhsNumber, c.at(i).nhsNumber);
        QCOMPARE(a.at(i).when, c.at(i).when);
    }
    QVERIFY(m_server->reviewFeed().positivesAt(QStringLiteral("RX2")).isEmpty());
}

void TestReviewIntegration::livePositiveAppearsAndNoPlanDoesNot()
{
    const QString today = QStringLiteral("site=RX1&outcome=positive&date=ge2026-11-25");
    QCOMPARE(feedNumbers(today), QStringList());

    m_clock.advanceSecs(60);
    QCOMPARE(careTeam(QStringLiteral("triage-nurse"), QStringLiteral("9990000069")).status,
             200); // no CP-IS record
    QCOMPARE(feedNumbers(today), QStringList());

    m_clock.advanceSecs(60);
    QCOMPARE(careTeam(QStringLiteral("triage-nurse"), QStringLiteral("9990000042")).status, 200);
    m_clock.advanceSecs(60);
    // A positive at another site is that site's, not RX1's.
    QCOMPARE(careTeam(QStringLiteral("school-nurse"), QStringLiteral("9990000018")).status, 200);
    QCOMPARE(feedNumbers(today), QStringList{QStringLiteral("9990000042")});

    const HttpResult r = feed(QStringLiteral("safeguarding-lead"), today);
    const QJsonArray entries = r.json().value(QLatin1String("entry")).toArray();
    const QJsonObject ev = entries.first().toObject().value(QLatin1String("resource")).toObject();
    QCOMPARE(ev.value(QLatin1String("recorded")).toString(),
             QStringLiteral("2026-11-25T10:02:00Z"));
    const QJsonArray entity = ev.value(QLatin1String("entity")).toArray();
    QCOMPARE(entity.size(), 3); // the child, a CPP (Sheffield) and a LAC (Leeds)
    QStringList las;
    for (int i = 1; i < entity.size(); ++i)
        las << entity.at(i)
                   .toObject()
                   .value(QLatin1String("what"))
                   .toObject()
                   .value(QLatin1String("display"))
                   .toString();
    QCOMPARE(las,
             (QStringList{QStringLiteral("Sheffield Council"), QStringLiteral("Leeds Council")}));
    const QJsonObject role = entries.last().toObject().value(QLatin1String("resource")).toObject();
    QCOMPARE(role.value(QLatin1String("practitioner"))
                 .toObject()
                 .value(QLatin1String("display"))
                 .toString(),
             QStringLiteral("Amelia Hughes"));
}

void TestReviewIntegration::pagesFollowNextLinks()
{
    const HttpResult all =
        feed(QStringLiteral("safeguarding-lead"), QStringLiteral("site=RX1&outcome=positive"));
    const int total = all.json().value(QLatin1String("total")).toInt();
    QVERIFY(total > 7);
    QStringList paged;
    QUrl next = m_server->baseUrl();
    next.setPath(QStringLiteral("/cpis/FHIR/R4/AuditEvent"));
    next.setQuery(QStringLiteral("site=RX1&outcome=positive&_count=7"));
    int pages = 0;
    while (!next.isEmpty() && pages < 100) {
        ++pages;
        const HttpResult r =
            request(m_nam, "GET", next,
                    {{"X-Request-ID", newRequestId()},
                     {"Authorization", "Bearer " + m_server->signIn().issueAccessToken(
                                                       QStringLiteral("safeguarding-lead"))}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("total")).toInt(), total);
        next.clear();
        for (const QJsonValue& l : r.json().value(QLatin1String("link")).toArray())
            if (l.toObject().value(QLatin1String("relation")).toString() == u"next")
                next = QUrl(l.toObject().value(QLatin1String("url")).toString());
        for (const QJsonValue& e : r.json().value(QLatin1String("entry")).toArray()) {
            const QJsonObject res = e.toObject().value(QLatin1String("resource")).toObject();
            if (res.value(QLatin1String("resourceType")).toString() == u"AuditEvent")
                paged << res.value(QLatin1String("id")).toString();
        }
    }
    QCOMPARE(pages, (total + 6) / 7);
    QCOMPARE(paged.size(), total);
    QCOMPARE(QSet<QString>(paged.begin(), paged.end()).size(), total);
}

void TestReviewIntegration::serviceRefreshesAndAuditsStatus()
{
    FhirTransport::Settings s;
    testsupport::MemoryDesk desk(m_server->baseUrl(), s, &m_clock);
    const UserSession lead = sessionFor(*m_server, QStringLiteral("safeguarding-lead"));

    // A triage nurse at the same trust finds a plan.
    m_clock.advanceSecs(300);
    QCOMPARE(careTeam(QStringLiteral("triage-nurse"), QStringLiteral("9990000018")).status, 200);

    QObject receiver;
    std::optional<Status<ReviewService::Error>> outcome;
    desk.review->refresh(lead, kNow.date().addDays(-29), &receiver,
                         [&](const Status<ReviewService::Error>& st) { outcome = st; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY2(outcome->ok(), qPrintable(outcome->ok() ? QString() : outcome->error().message));
    QCOMPARE(desk.review->lastRefreshed(lead).value(), std::optional(kNow.addSecs(300)));

    const auto items = desk.review->items(lead);
    QVERIFY(items.ok());
    // Everything at RX1 since the first of the 30 days: seeded history and today's look-up.
    qsizetype expected = 0;
    for (const auto& p : m_server->reviewFeed().positivesAt(QStringLiteral("RX1")))
        expected += p.when.date() >= kNow.date().addDays(-29);
    QCOMPARE(items->size(), expected);
    const ReviewItem& newest = items->first();
    QCOMPARE(newest.nhsNumber, QStringLiteral("9990000018"));
    QCOMPARE(newest.viewerName, QStringLiteral("Amelia Hughes"));
    QCOMPARE(newest.planTypes(), QStringLiteral("CPP"));
    QCOMPARE(newest.authorities(), QStringLiteral("Sheffield Council"));
    QCOMPARE(newest.when, kNow.addSecs(300));

    const auto counts = desk.review->dailyCounts(lead);
    QVERIFY(counts.ok());
    QCOMPARE(counts->size(), 30);
    int total = 0;
    for (const auto& c : counts.value())
        total += c.count;
    QCOMPARE(total, int(items->size()));

    QVERIFY(desk.review
                ->setStatus(lead, newest.id, ReviewStatus::Referred,
                            QStringLiteral("Rang Sheffield duty team"))
                .ok());

    // A second refresh keeps the decision.
    outcome.reset();
    desk.review->refresh(lead, kNow.date().addDays(-29), &receiver,
                         [&](const Status<ReviewService::Error>& st) { outcome = st; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY(outcome->ok());
    const auto again = desk.reviewStore->find(QStringLiteral("RX1"), newest.id).value();
    QCOMPARE(again->status, ReviewStatus::Referred);
    QCOMPARE(again->note, QStringLiteral("Rang Sheffield duty team"));
    QCOMPARE(again->changedBy, QStringLiteral("Tom Fielding"));

    // The audit log holds the change, and the two reads of the feed.
    QStringList actions;
    AuditEntry change;
    for (const AuditEntry& e : desk.userEntries()) {
        actions << AuditEntry::actionName(e.action);
        if (e.action == AuditEntry::Action::ReviewUpdated)
            change = e;
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("view"), QStringLiteral("review-updated"),
                                   QStringLiteral("view")}));
    QCOMPARE(change.nhsNumber, QStringLiteral("9990000018"));
    QCOMPARE(change.outcome, AuditEntry::Outcome::Success);
    QCOMPARE(change.outcomeDetail, QStringLiteral("referred"));
    QCOMPARE(change.reason, QStringLiteral("Rang Sheffield duty team"));
    QCOMPARE(change.userId, QStringLiteral("555000000004"));
    QCOMPARE(change.organisation, QStringLiteral("RX1"));
    QVERIFY(desk.audit->verify().value().ok());
}

void TestReviewIntegration::failedRefreshKeepsTheLastQueue()
{
    FhirTransport::Settings s;
    s.totalTimeout = std::chrono::milliseconds(3000);
    testsupport::MemoryDesk desk(m_server->baseUrl(), s, &m_clock);
    const UserSession lead = sessionFor(*m_server, QStringLiteral("safeguarding-lead"));
    QObject receiver;
    std::optional<Status<ReviewService::Error>> outcome;
    desk.review->refresh(lead, kNow.date().addDays(-29), &receiver,
                         [&](const Status<ReviewService::Error>& st) { outcome = st; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY(outcome->ok());
    const qsizetype before = desk.review->items(lead)->size();
    QVERIFY(before > 0);

    // The service goes away: the refresh fails as a value, and the queue and time stay.
    m_server.reset();
    m_clock.advanceSecs(600);
    outcome.reset();
    desk.review->refresh(lead, kNow.date().addDays(-29), &receiver,
                         [&](const Status<ReviewService::Error>& st) { outcome = st; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error().kind, ReviewService::Error::Kind::Service);
    QCOMPARE(desk.review->items(lead)->size(), before);
    QCOMPARE(desk.review->lastRefreshed(lead).value(), std::optional(kNow));

    // A role refused by the service is a failure too, never an empty queue.
    init();
    testsupport::MemoryDesk other(m_server->baseUrl(), s, &m_clock);
    UserSession nurse = sessionFor(*m_server, QStringLiteral("triage-nurse"));
    outcome.reset();
    other.review->refresh(nurse, kNow.date().addDays(-29), &receiver,
                          [&](const Status<ReviewService::Error>& st) { outcome = st; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error().service->kind, ServiceError::Kind::AccessDenied);
    QVERIFY(!other.review->lastRefreshed(nurse).value().has_value());
}

QTEST_GUILESS_MAIN(TestReviewIntegration)
#include "tst_reviewintegration.moc"
