// The review queue below the screens, kept on the desk (the store-backed ReviewService; the
// desk itself keeps the review at the audit hub, tests/hub/tst_hubreview): the feed parser's
// strictness, the store's merge (a refresh never undoes the site's decisions), daily counts
// with empty days, and the audit of a status change.
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/review/ReviewClient.h"
#include "core/review/ReviewFeedParser.h"
#include "core/review/ReviewService.h"
#include "core/review/ReviewStore.h"
#include "tests/support/MemoryDesk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cpis;

namespace {
const QDateTime kNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
const QString kNhsSystem = QStringLiteral("https://fhir.nhs.uk/Id/nhs-number");
const QString kOdsSystem = QStringLiteral("https://fhir.nhs.uk/Id/ods-organization-code");
const QString kSnomed = QStringLiteral("http://snomed.info/sct");

QJsonObject positive(const QString& id,
                     const QString& recorded,
                     const QString& nhs,
                     const QList<std::pair<QString, QString>>& plans, // SNOMED code, LA ODS
                     const QString& role = QStringLiteral("100000000001"))
{
    QJsonArray entity{QJsonObject{
        {QStringLiteral("what"), QJsonObject{{QStringLiteral("identifier"),
                                              QJsonObject{{QStringLiteral("system"), kNhsSystem},
                                                          {QStringLiteral("value"), nhs}}}}}}};
    for (const auto& [code, ods] : plans)
        entity.append(QJsonObject{
            {QStringLiteral("what"),
             QJsonObject{
                 {QStringLiteral("identifier"), QJsonObject{{QStringLiteral("system"), kOdsSystem},
                                                            {QStringLiteral("value"), ods}}},
                 {QStringLiteral("display"), QString(ods + QStringLiteral(" Council"))}}},
            {QStringLiteral("type"),
             QJsonObject{{QStringLiteral("system"), kSnomed}, {QStringLiteral("code"), code}}}});
    return {{QStringLiteral("resourceType"), QStringLiteral("AuditEvent")},
            {QStringLiteral("id"), id},
            {QStringLiteral("recorded"), recorded},
            {QStringLiteral("agent"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("who"),
                  QJsonObject{{QStringLiteral("reference"),
                               QString(QStringLiteral("PractitionerRole/") + role)}}}}}},
            {QStringLiteral("entity"), entity}};
}

QJsonObject role(const QString& id = QStringLiteral("100000000001"))
{
    return {{QStringLiteral("resourceType"), QStringLiteral("PractitionerRole")},
            {QStringLiteral("id"), id},
            {QStringLiteral("practitioner"),
             QJsonObject{{QStringLiteral("display"), QStringLiteral("Amelia Hughes")}}},
            {QStringLiteral("code"),
             QJsonArray{QJsonObject{{QStringLiteral("coding"),
                                     QJsonArray{QJsonObject{{QStringLiteral("display"),
                                                             QStringLiteral("Triage Nurse")}}}}}}}};
}

QByteArray bundle(const QList<QJsonObject>& events,
                  const QList<QJsonObject>& roles,
                  int total = -1,
                  const QString& next = {})
{
    QJsonArray entries;
    for (const QJsonObject& e : events)
        entries.append(
            QJsonObject{{QStringLiteral("resource"), e},
                        {QStringLiteral("search"),
                         QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}}}});
    for (const QJsonObject& r : roles)
        entries.append(
            QJsonObject{{QStringLiteral("resource"), r},
                        {QStringLiteral("search"),
                         QJsonObject{{QStringLiteral("mode"), QStringLiteral("include")}}}});
    QJsonObject b{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                  {QStringLiteral("type"), QStringLiteral("searchset")},
                  {QStringLiteral("total"), total < 0 ? int(events.size()) : total},
                  {QStringLiteral("entry"), entries}};
    if (!next.isEmpty())
        b.insert(QStringLiteral("link"),
                 QJsonArray{QJsonObject{{QStringLiteral("relation"), QStringLiteral("next")},
                                        {QStringLiteral("url"), next}}});
    return QJsonDocument(b).toJson();
}

const QString kCpp = QStringLiteral("342191000000101");
const QString kLac = QStringLiteral("764841000000100");

ReviewItem item(const QString& id, const QDateTime& when, const QString& nhs)
{
    ReviewItem it;
    it.id = id;
    it.when = when;
    it.nhsNumber = nhs;
    it.viewerName = QStringLiteral("Amelia Hughes");
    it.viewerRole = QStringLiteral("Triage Nurse");
    it.plans = {{PlanType::ChildProtection, QStringLiteral("SHE1"), QStringLiteral("Sheffield")}};
    return it;
}

UserSession lead()
{
    UserSession s;
    s.userId = QStringLiteral("555000000004");
    s.name = QStringLiteral("Tom Fielding");
    s.roleName = QStringLiteral("Named Nurse for Safeguarding Children");
    s.organisationCode = QStringLiteral("RX1");
    s.roleCode = QStringLiteral("S8000:G8000:R0570");
    return s;
}
} // namespace

class TestReviewQueue : public QObject
{
    Q_OBJECT
private slots:
    void parsesAPage();
    void refusesWhatItCannotRead_data();
    void refusesWhatItCannotRead();
    void mergeKeepsStatusAndNote();
    void itemsAreKeptPerSite();
    void dailyCountsIncludeEmptyDays();
    void statusChangeIsAudited();
    void unknownPositiveIsNotChanged();
};

void TestReviewQueue::parsesAPage()
{
    const QByteArray body =
        bundle({positive(QStringLiteral("rv-2"), QStringLiteral("2026-11-24T09:30:00Z"),
                         QStringLiteral("9990000042"),
                         {{kCpp, QStringLiteral("SHE1")}, {kLac, QStringLiteral("LEE1")}}),
                positive(QStringLiteral("rv-1"), QStringLiteral("2026-11-20T08:00:00Z"),
                         QStringLiteral("9990000018"), {{kCpp, QStringLiteral("SHE1")}})},
               {role()}, 5, QStringLiteral("http://127.0.0.1:9/cpis/FHIR/R4/AuditEvent?_offset=2"));
    const auto page = ReviewFeedParser::page(body);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().what));
    QCOMPARE(page->total, 5);
    QCOMPARE(page->next.query(), QStringLiteral("_offset=2"));
    QCOMPARE(page->items.size(), 2);
    const ReviewItem& first = page->items.first();
    QCOMPARE(first.id, QStringLiteral("rv-2"));
    QCOMPARE(first.when, QDateTime(QDate(2026, 11, 24), QTime(9, 30), Qt::UTC));
    QCOMPARE(first.nhsNumber, QStringLiteral("9990000042"));
    QCOMPARE(first.viewerName, QStringLiteral("Amelia Hughes"));
    QCOMPARE(first.viewerRole, QStringLiteral("Triage Nurse"));
    QCOMPARE(first.planTypes(), QStringLiteral("CPP, LAC"));
    QCOMPARE(first.authorities(), QStringLiteral("SHE1 Council, LEE1 Council"));
    QCOMPARE(first.status, ReviewStatus::ToReview);

    const auto empty = ReviewFeedParser::page(bundle({}, {}));
    QVERIFY(empty.ok());
    QVERIFY(empty->items.isEmpty());
}

void TestReviewQueue::refusesWhatItCannotRead_data()
{
    QTest::addColumn<QByteArray>("body");
    const auto ok = [](const QString& nhs, const QString& code) {
        return positive(QStringLiteral("rv-1"), QStringLiteral("2026-11-20T08:00:00Z"), nhs,
                        {{code, QStringLiteral("SHE1")}});
    };
    const QString n = QStringLiteral("9990000018");
    QTest::newRow("not json") << QByteArray("{\"resourceType\": \"Bundle\",, }");
    QTest::newRow("html") << QByteArray("<html>maintenance</html>");
    QTest::newRow("unknown plan code")
        << bundle({ok(n, QStringLiteral("999999999999999"))}, {role()});
    QTest::newRow("invalid nhs number")
        << bundle({ok(QStringLiteral("9990000019"), kCpp)}, {role()});
    QTest::newRow("role not included") << bundle({ok(n, kCpp)}, {});
    QTest::newRow("no plan") << bundle(
        {positive(QStringLiteral("rv-1"), QStringLiteral("2026-11-20T08:00:00Z"), n, {})},
        {role()});
    QTest::newRow("bad time") << bundle(
        {positive(QStringLiteral("rv-1"), QStringLiteral("yesterday"), n,
                  {{kCpp, QStringLiteral("SHE1")}})},
        {role()});
    QTest::newRow("total below entries") << bundle({ok(n, kCpp)}, {role()}, 0);
    QTest::newRow("total promises more, no next link") << bundle({}, {}, 3);
    QTest::newRow("a CareTeam where a positive was expected")
        << bundle({QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("CareTeam")}}}, {});
}

void TestReviewQueue::refusesWhatItCannotRead()
{
    QFETCH(QByteArray, body);
    QVERIFY(!ReviewFeedParser::page(body).ok());
}

void TestReviewQueue::mergeKeepsStatusAndNote()
{
    ManualClock clock(kNow);
    testsupport::MemoryDesk desk(QUrl(QStringLiteral("http://127.0.0.1:9")),
                                 FhirTransport::Settings(), &clock);
    ReviewStore& store = *desk.reviewStore;
    const QString site = QStringLiteral("RX1");
    QVERIFY(store
                .merge(site,
                       {item(QStringLiteral("a"), kNow.addDays(-2), QStringLiteral("9990000018")),
                        item(QStringLiteral("b"), kNow.addDays(-1), QStringLiteral("9990000026"))})
                .ok());
    QVERIFY(store
                .setStatus(site, QStringLiteral("a"), ReviewStatus::Referred,
                           QStringLiteral("Told the LA"), QStringLiteral("Tom Fielding"), kNow)
                .ok());

    // The feed says the same positives again (one with a changed viewer role) and a new one.
    ReviewItem again = item(QStringLiteral("a"), kNow.addDays(-2), QStringLiteral("9990000018"));
    again.viewerRole = QStringLiteral("Emergency Nurse");
    QVERIFY(
        store.merge(site, {again, item(QStringLiteral("c"), kNow, QStringLiteral("9990000034"))})
            .ok());

    const auto all = store.items(site);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).id, QStringLiteral("c")); // newest first
    QCOMPARE(all->at(1).id, QStringLiteral("b"));
    const ReviewItem& a = all->at(2);
    QCOMPARE(a.status, ReviewStatus::Referred);
    QCOMPARE(a.note, QStringLiteral("Told the LA"));
    QCOMPARE(a.changedBy, QStringLiteral("Tom Fielding"));
    QCOMPARE(a.changedAt, kNow);
    QCOMPARE(a.viewerRole, QStringLiteral("Emergency Nurse")); // the feed's fields do refresh
    QCOMPARE(a.plans, item(QStringLiteral("a"), kNow, QStringLiteral("9990000018")).plans);
    QCOMPARE(all->at(0).status, ReviewStatus::ToReview);
    QVERIFY(all->at(0).changedBy.isEmpty());
}

void TestReviewQueue::itemsAreKeptPerSite()
{
    testsupport::MemoryDesk desk(QUrl(QStringLiteral("http://127.0.0.1:9")));
    ReviewStore& store = *desk.reviewStore;
    QVERIFY(store
                .merge(QStringLiteral("RX1"),
                       {item(QStringLiteral("a"), kNow, QStringLiteral("9990000018"))})
                .ok());
    QCOMPARE(store.items(QStringLiteral("RX2"))->size(), 0);
    QVERIFY(!store
                 .setStatus(QStringLiteral("RX2"), QStringLiteral("a"), ReviewStatus::Referred, {},
                            QStringLiteral("x"), kNow)
                 .ok());
    QVERIFY(!store.lastRefresh(QStringLiteral("RX1")).value().has_value());
    QVERIFY(store.setLastRefresh(QStringLiteral("RX1"), kNow).ok());
    QCOMPARE(*store.lastRefresh(QStringLiteral("RX1")).value(), kNow);
}

void TestReviewQueue::dailyCountsIncludeEmptyDays()
{
    ManualClock clock(kNow);
    testsupport::MemoryDesk desk(QUrl(QStringLiteral("http://127.0.0.1:9")),
                                 FhirTransport::Settings(), &clock);
    const UserSession s = lead();
    QVERIFY(
        desk.reviewStore
            ->merge(
                s.organisationCode,
                {item(QStringLiteral("today1"), kNow.addSecs(-600), QStringLiteral("9990000018")),
                 item(QStringLiteral("today2"), kNow.addSecs(-60), QStringLiteral("9990000026")),
                 item(QStringLiteral("d3"), kNow.addDays(-3), QStringLiteral("9990000034")),
                 item(QStringLiteral("d29"), kNow.addDays(-29), QStringLiteral("9990000042")),
                 item(QStringLiteral("d30"), kNow.addDays(-30), QStringLiteral("9990000050"))})
            .ok());
    ReviewService review(static_cast<ReviewClient*>(nullptr), desk.reviewStore.get(),
                         desk.auditor.get(), &clock);
    const auto counts = review.dailyCounts(s, 30);
    QVERIFY(counts.ok());
    QCOMPARE(counts->size(), 30);
    QCOMPARE(counts->first().day, QDate(2026, 10, 27)); // 29 days ago: the oldest kept
    QCOMPARE(counts->last().day, QDate(2026, 11, 25));
    QCOMPARE(counts->last().count, 2);
    QCOMPARE(counts->at(26).count, 1);  // 3 days ago
    QCOMPARE(counts->first().count, 1); // 30 days ago falls outside
    int total = 0, zeroDays = 0;
    for (const auto& c : counts.value()) {
        total += c.count;
        zeroDays += c.count == 0;
    }
    QCOMPARE(total, 4);
    QCOMPARE(zeroDays, 27);

    // Tomorrow the window moves on by a day.
    clock.advanceSecs(86400);
    const auto later = review.dailyCounts(s, 30);
    QCOMPARE(later->last().count, 0);
    QCOMPARE(later->first().day, QDate(2026, 10, 28));
}

void TestReviewQueue::statusChangeIsAudited()
{
    ManualClock clock(kNow);
    testsupport::MemoryDesk desk(QUrl(QStringLiteral("http://127.0.0.1:9")),
                                 FhirTransport::Settings(), &clock);
    const UserSession s = lead();
    QVERIFY(desk.reviewStore
                ->merge(s.organisationCode,
                        {item(QStringLiteral("a"), kNow.addDays(-1), QStringLiteral("9990000018"))})
                .ok());
    clock.advanceSecs(120);
    ReviewService review(static_cast<ReviewClient*>(nullptr), desk.reviewStore.get(),
                         desk.auditor.get(), &clock);
    const auto done = review.setStatus(s, QStringLiteral("a"), ReviewStatus::NoFurtherAction,
                                       QStringLiteral("  Known to the LA  "));
    QVERIFY(done.ok());
    const auto stored = desk.reviewStore->find(s.organisationCode, QStringLiteral("a"));
    QCOMPARE(stored.value()->status, ReviewStatus::NoFurtherAction);
    QCOMPARE(stored.value()->note, QStringLiteral("Known to the LA"));
    QCOMPARE(stored.value()->changedAt, kNow.addSecs(120));

    const QList<AuditEntry> entries = desk.userEntries();
    QCOMPARE(entries.size(), 1);
    const AuditEntry& e = entries.first();
    QCOMPARE(e.action, AuditEntry::Action::ReviewUpdated);
    QCOMPARE(AuditEntry::actionName(e.action), QStringLiteral("review-updated"));
    QCOMPARE(AuditEntry::actionFromName(QStringLiteral("review-updated")),
             std::optional(AuditEntry::Action::ReviewUpdated));
    QCOMPARE(e.nhsNumber, QStringLiteral("9990000018"));
    QCOMPARE(e.outcome, AuditEntry::Outcome::Success);
    QCOMPARE(e.outcomeDetail, QStringLiteral("no-further-action"));
    QCOMPARE(e.reason, QStringLiteral("Known to the LA"));
    QCOMPARE(e.userName, QStringLiteral("Tom Fielding"));
    QCOMPARE(e.organisation, QStringLiteral("RX1"));
    QCOMPARE(e.atUtc, kNow.addSecs(120));
    QVERIFY(desk.audit->verify().value().ok());
}

void TestReviewQueue::unknownPositiveIsNotChanged()
{
    testsupport::MemoryDesk desk(QUrl(QStringLiteral("http://127.0.0.1:9")));
    SystemClock clock;
    ReviewService review(static_cast<ReviewClient*>(nullptr), desk.reviewStore.get(),
                         desk.auditor.get(), &clock);
    const auto r = review.setStatus(lead(), QStringLiteral("nope"), ReviewStatus::Referred, {});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ReviewService::Error::Kind::NotFound);
    QCOMPARE(desk.userEntries().size(), 0);
}

QTEST_GUILESS_MAIN(TestReviewQueue)
#include "tst_reviewqueue.moc"
