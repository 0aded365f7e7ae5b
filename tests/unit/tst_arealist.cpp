// Area lists below the network: the strict NDJSON line readers and the store's
// transaction rules (full replace, incremental upsert, abort keeps the previous list, the
// ended-plan window, plans without their person).
#include "core/arealist/AreaListParser.h"
#include "core/arealist/AreaListStore.h"
#include "core/store/SecureDb.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cpis;

namespace {
const QByteArray kPatient =
    R"({"resourceType":"Patient","id":"9990000018","meta":{"lastUpdated":"2026-07-28T00:00:00Z"},)"
    R"("identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9990000018"}],)"
    R"("name":[{"use":"usual","family":"Scenario-Cpp","given":["Lily"]}],"gender":"female",)"
    R"("birthDate":"2019-11-25"})";
const QByteArray kCareTeam =
    R"({"resourceType":"CareTeam","id":"9990000018-1","meta":{"lastUpdated":"2026-07-28T00:00:00Z"},)"
    R"("contained":[{"resourceType":"Organization","id":"la","identifier":[{"system":)"
    R"("https://fhir.nhs.uk/Id/ods-organization-code","value":"SHE1"}],"name":"Sheffield Council",)"
    R"("telecom":[{"system":"phone","value":"01632 960051","use":"work"}]}],"status":"active",)"
    R"("category":[{"coding":[{"system":"http://snomed.info/sct","code":"342191000000101"}]}],)"
    R"("subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9990000018"}},)"
    R"("period":{"start":"2026-07-28"},"managingOrganization":[{"reference":"#la"}]})";

AreaPatient patient(const QString& nhs, const QString& family = QStringLiteral("Smith"))
{
    return AreaPatient{nhs,
                       QStringLiteral("Ava"),
                       family,
                       QDate(2015, 1, 2),
                       QStringLiteral("female"),
                       QDateTime(QDate(2026, 1, 1), QTime(), Qt::UTC)};
}

AreaPlan plan(const QString& id,
              const QString& nhs,
              std::optional<QDate> end = std::nullopt,
              PlanType t = PlanType::ChildProtection)
{
    return AreaPlan{id,
                    nhs,
                    t,
                    QDate(2025, 1, 1),
                    end,
                    QStringLiteral("SHE1"),
                    QStringLiteral("Sheffield Council"),
                    QDateTime(QDate(2026, 1, 1), QTime(), Qt::UTC)};
}
} // namespace

class TestAreaList : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }
    void readsTheDocumentedLines();
    void rejectsWhatIsNotExactlyThatShape_data();
    void rejectsWhatIsNotExactlyThatShape();
    void fullSyncReplacesTheArea();
    void incrementalSyncUpserts();
    void aPlanSentAgainReplacesItsRow();
    void abortKeepsThePreviousList();
    void endedPlansLeaveAfterTheWindow();
    void orphanPlansAreCounted();
    void failureKeepsAsOf();
    void readsErrorAndDeletedLines();
    void rejectsErrorAndDeletedLinesOfAnotherShape_data();
    void rejectsErrorAndDeletedLinesOfAnotherShape();
    void deletedResourcesLeaveTheList();
    void partialSyncKeepsItsProblems();

private:
    void sync(bool full,
              const QList<AreaPatient>& people,
              const QList<AreaPlan>& plans,
              const QDateTime& asOf,
              const QDate& today = QDate(2026, 11, 25));
    QList<AreaListRow> stored();
    QTemporaryDir m_dir;
    std::unique_ptr<SecureDb> m_db;
    std::unique_ptr<AreaListStore> m_store;
    int m_n = 0;
};

void TestAreaList::init()
{
    m_db = std::move(
        SecureDb::open(m_dir.filePath(QStringLiteral("l%1.db").arg(++m_n)), QByteArray(32, 'k'))
            .value());
    m_store = std::move(AreaListStore::open(*m_db).value());
}

void TestAreaList::sync(bool full,
                        const QList<AreaPatient>& people,
                        const QList<AreaPlan>& plans,
                        const QDateTime& asOf,
                        const QDate& today)
{
    QVERIFY(m_store->beginSync(QStringLiteral("school-1"), full).ok());
    for (const auto& p : people)
        QVERIFY(m_store->putPatient(p).ok());
    for (const auto& p : plans)
        QVERIFY(m_store->putPlan(p).ok());
    QCOMPARE(m_store->orphanPlans().value(), 0);
    QVERIFY(m_store->commitSync(QStringLiteral("School"), asOf, today).ok());
}

QList<AreaListRow> TestAreaList::stored()
{
    QList<AreaListRow> rows;
    const auto read = m_store->forEachRow(QStringLiteral("school-1"),
                                          [&](const AreaListRowView& r) { rows.append(toRow(r)); });
    if (!read)
        QTest::qFail("reading the stored rows failed", __FILE__, __LINE__);
    return rows;
}

void TestAreaList::readsTheDocumentedLines()
{
    const auto p = AreaListParser::patient(kPatient);
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().what));
    QCOMPARE(p->nhsNumber, QStringLiteral("9990000018"));
    QCOMPARE(p->familyName, QStringLiteral("Scenario-Cpp"));
    QCOMPARE(*p->birthDate, QDate(2019, 11, 25));
    QCOMPARE(p->lastUpdated, QDateTime(QDate(2026, 7, 28), QTime(0, 0), Qt::UTC));
    const auto c = AreaListParser::careTeam(kCareTeam);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().what));
    QCOMPARE(c->id, QStringLiteral("9990000018-1"));
    QCOMPARE(c->type, PlanType::ChildProtection);
    QCOMPARE(c->start, QDate(2026, 7, 28));
    QVERIFY(!c->end);
    QCOMPARE(c->laCode, QStringLiteral("SHE1"));
}

void TestAreaList::rejectsWhatIsNotExactlyThatShape_data()
{
    QTest::addColumn<bool>("isPatient");
    QTest::addColumn<QByteArray>("line");
    auto edit = [](QByteArray s, const char* from, const char* to) { return s.replace(from, to); };
    QTest::newRow("not JSON") << true << QByteArray(kPatient).left(40);
    QTest::newRow("empty") << true << QByteArray();
    QTest::newRow("wrong type") << true << kCareTeam;
    QTest::newRow("bad check digit")
        << true << edit(kPatient, "\"id\":\"9990000018\"", "\"id\":\"9990000019\"");
    QTest::newRow("no lastUpdated") << true << edit(kPatient, "\"lastUpdated\"", "\"versionId\"");
    QTest::newRow("bad birth date") << true << edit(kPatient, "2019-11-25", "2019-13-25");
    QTest::newRow("unknown plan code")
        << false << edit(kCareTeam, "342191000000101", "999999999999999");
    QTest::newRow("no LA") << false << edit(kCareTeam, "#la", "#elsewhere");
    QTest::newRow("bad start") << false
                               << edit(kCareTeam, "\"start\":\"2026-07-28\"",
                                       "\"start\":\"2026-07\"");
    QTest::newRow("lastUpdated without zone")
        << false << edit(kCareTeam, "2026-07-28T00:00:00Z", "2026-07-28T00:00:00");
    QTest::newRow("two lines") << false << kCareTeam + "\n" + kCareTeam;
}

void TestAreaList::rejectsWhatIsNotExactlyThatShape()
{
    QFETCH(bool, isPatient);
    QFETCH(QByteArray, line);
    if (isPatient)
        QVERIFY(!AreaListParser::patient(line).ok());
    else
        QVERIFY(!AreaListParser::careTeam(line).ok());
}

void TestAreaList::fullSyncReplacesTheArea()
{
    const QDateTime t1(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    sync(true, {patient(QStringLiteral("9990000018")), patient(QStringLiteral("9990000026"))},
         {plan(QStringLiteral("a-1"), QStringLiteral("9990000018")),
          plan(QStringLiteral("b-1"), QStringLiteral("9990000026"))},
         t1);
    sync(true, {patient(QStringLiteral("9990000034"))},
         {plan(QStringLiteral("c-1"), QStringLiteral("9990000034"))}, t1.addSecs(60));
    const QList<AreaListRow> rows = stored();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).nhsNumber, QStringLiteral("9990000034"));
    const AreaSyncState s = m_store->state(QStringLiteral("school-1")).value();
    QCOMPARE(*s.asOf, t1.addSecs(60));
    QCOMPARE(s.people, 1);
    QCOMPARE(s.plans, 1);
}

void TestAreaList::incrementalSyncUpserts()
{
    const QDateTime t1(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    sync(true, {patient(QStringLiteral("9990000018"))},
         {plan(QStringLiteral("a-1"), QStringLiteral("9990000018"))}, t1);
    sync(false,
         {patient(QStringLiteral("9990000018"), QStringLiteral("Jones")),
          patient(QStringLiteral("9990000026"))},
         {plan(QStringLiteral("b-1"), QStringLiteral("9990000026"))}, t1.addSecs(60));
    QMap<QString, QString> families;
    for (const AreaListRow& r : stored())
        families.insert(r.nhsNumber, r.familyName);
    QCOMPARE(families.size(), 2);
    QCOMPARE(families.value(QStringLiteral("9990000018")), QStringLiteral("Jones"));
}

void TestAreaList::aPlanSentAgainReplacesItsRow()
{
    const QDateTime t1(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    const QString nhs = QStringLiteral("9990000018");
    // The same CareTeam twice in one export: the later line is the plan.
    sync(true, {patient(nhs)},
         {plan(QStringLiteral("a-1"), nhs), plan(QStringLiteral("a-1"), nhs, QDate(2026, 11, 1))},
         t1);
    QList<AreaListRow> rows = stored();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).end, std::optional<QDate>(QDate(2026, 11, 1)));
    QCOMPARE(m_store->state(QStringLiteral("school-1")).value().plans, 1);
    // An incremental sync that changes it: still one row, now as sent.
    sync(false, {}, {plan(QStringLiteral("a-1"), nhs, std::nullopt, PlanType::LookedAfter)},
         t1.addSecs(60));
    rows = stored();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).type, PlanType::LookedAfter);
    QVERIFY(!rows.at(0).end);
}

void TestAreaList::abortKeepsThePreviousList()
{
    const QDateTime t1(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    sync(true, {patient(QStringLiteral("9990000018"))},
         {plan(QStringLiteral("a-1"), QStringLiteral("9990000018"))}, t1);
    QVERIFY(m_store->beginSync(QStringLiteral("school-1"), true).ok());
    QVERIFY(m_store->putPatient(patient(QStringLiteral("9990000026"))).ok());
    m_store->abortSync();
    const QList<AreaListRow> rows = stored();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).nhsNumber, QStringLiteral("9990000018"));
    QCOMPARE(*m_store->state(QStringLiteral("school-1")).value().asOf, t1);
}

void TestAreaList::endedPlansLeaveAfterTheWindow()
{
    const QDate today(2026, 11, 25);
    sync(true,
         {patient(QStringLiteral("9990000018")), patient(QStringLiteral("9990000026")),
          patient(QStringLiteral("9990000034"))},
         {plan(QStringLiteral("a-1"), QStringLiteral("9990000018"), today.addDays(-365)),
          plan(QStringLiteral("b-1"), QStringLiteral("9990000026"), today.addDays(-366)),
          plan(QStringLiteral("c-1"), QStringLiteral("9990000034"), today.addDays(-29),
               PlanType::UnbornChildProtection)},
         QDateTime(today, QTime(10, 0), Qt::UTC), today);
    QStringList kept;
    for (const AreaListRow& r : stored())
        kept << r.nhsNumber;
    QCOMPARE(kept, QStringList{QStringLiteral("9990000018")});
    QCOMPARE(m_store->state(QStringLiteral("school-1")).value().people, 1); // people follow
}

void TestAreaList::orphanPlansAreCounted()
{
    QVERIFY(m_store->beginSync(QStringLiteral("school-1"), true).ok());
    QVERIFY(m_store->putPlan(plan(QStringLiteral("a-1"), QStringLiteral("9990000018"))).ok());
    QCOMPARE(m_store->orphanPlans().value(), 1);
    m_store->abortSync();
}

void TestAreaList::failureKeepsAsOf()
{
    const QDateTime t1(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    sync(true, {patient(QStringLiteral("9990000018"))},
         {plan(QStringLiteral("a-1"), QStringLiteral("9990000018"))}, t1);
    QVERIFY(m_store
                ->recordFailure(QStringLiteral("school-1"), QStringLiteral("School"),
                                t1.addSecs(300), QStringLiteral("offline"))
                .ok());
    const AreaSyncState s = m_store->state(QStringLiteral("school-1")).value();
    QCOMPARE(*s.asOf, t1);
    QCOMPARE(*s.lastAttempt, t1.addSecs(300));
    QCOMPARE(s.lastError, QStringLiteral("offline"));
    QCOMPARE(s.plans, 1);
}

// The IG's examples (Bulk Data Access IG v2.0.0, export.html: the OperationOutcome of "Response -
// Error Status", and the deleted-resource transaction Bundle, here in the IG's published,
// well-formed JSON of Bundle/deleted-resource-transaction-bundle-example).
void TestAreaList::readsErrorAndDeletedLines()
{
    const QByteArray outcome =
        R"({"resourceType": "OperationOutcome","id": "1","issue": [{"severity": "error",)"
        R"("code": "processing","details": {"text": "An internal timeout has occurred"}}]})";
    const auto issues = AreaListParser::operationOutcome(outcome);
    QVERIFY2(issues.ok(), qPrintable(issues.ok() ? QString() : issues.error().what));
    QCOMPARE(issues->size(), 1);
    QCOMPARE(issues->first().severity, QStringLiteral("error"));
    QCOMPARE(issues->first().code, QStringLiteral("processing"));
    QCOMPARE(issues->first().text, QStringLiteral("An internal timeout has occurred"));
    // diagnostics, when there, is the text.
    const auto withDiagnostics = AreaListParser::operationOutcome(
        R"({"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"incomplete",)"
        R"("diagnostics":"one","details":{"text":"two"}}]})");
    QVERIFY(withDiagnostics.ok());
    QCOMPARE(withDiagnostics->first().text, QStringLiteral("one"));

    const QByteArray bundle =
        R"({"resourceType":"Bundle","id":"deleted-resource-transaction-bundle-example",)"
        R"("meta":{"lastUpdated":"2020-04-27T02:56:00Z"},"type":"transaction",)"
        R"("entry":[{"request":{"method":"DELETE","url":"Patient/123"}}]})";
    const auto deleted = AreaListParser::deletedBundle(bundle);
    QVERIFY2(deleted.ok(), qPrintable(deleted.ok() ? QString() : deleted.error().what));
    QCOMPARE(deleted->size(), 1);
    QCOMPARE(deleted->first().type, QStringLiteral("Patient"));
    QCOMPARE(deleted->first().id, QStringLiteral("123"));
    const auto two = AreaListParser::deletedBundle(
        R"({"resourceType":"Bundle","type":"transaction","entry":[)"
        R"({"request":{"method":"DELETE","url":"CareTeam/9990000018-1"}},)"
        R"({"request":{"method":"DELETE","url":"https://x.invalid/cpis/FHIR/R4/CareTeam/a-2"}}]})");
    QVERIFY(two.ok());
    QCOMPARE(two->size(), 2);
    QCOMPARE(two->at(0).id, QStringLiteral("9990000018-1"));
    QCOMPARE(two->at(1).type, QStringLiteral("CareTeam"));
    QCOMPARE(two->at(1).id, QStringLiteral("a-2"));
}

void TestAreaList::rejectsErrorAndDeletedLinesOfAnotherShape_data()
{
    QTest::addColumn<bool>("isOutcome");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("outcome without issue")
        << true << QByteArray(R"({"resourceType":"OperationOutcome","issue":[]})");
    QTest::newRow("issue without severity")
        << true << QByteArray(R"({"resourceType":"OperationOutcome","issue":[{"code":"x"}]})");
    QTest::newRow("issue of unknown severity")
        << true
        << QByteArray(
               R"({"resourceType":"OperationOutcome","issue":[{"severity":"bad","code":"x"}]})");
    QTest::newRow("not an outcome") << true << QByteArray(R"({"resourceType":"Bundle"})");
    QTest::newRow("batch, not transaction")
        << false
        << QByteArray(
               R"({"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"DELETE","url":"CareTeam/a"}}]})");
    QTest::newRow("not DELETE")
        << false
        << QByteArray(
               R"({"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PUT","url":"CareTeam/a"}}]})");
    QTest::newRow("url without id")
        << false
        << QByteArray(
               R"({"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"DELETE","url":"CareTeam"}}]})");
    QTest::newRow("no entry")
        << false << QByteArray(R"({"resourceType":"Bundle","type":"transaction","entry":[]})");
}

void TestAreaList::rejectsErrorAndDeletedLinesOfAnotherShape()
{
    QFETCH(bool, isOutcome);
    QFETCH(QByteArray, line);
    if (isOutcome)
        QVERIFY(!AreaListParser::operationOutcome(line).ok());
    else
        QVERIFY(!AreaListParser::deletedBundle(line).ok());
}

void TestAreaList::deletedResourcesLeaveTheList()
{
    const QDateTime t1(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    sync(true,
         {patient(QStringLiteral("9990000018")), patient(QStringLiteral("9990000026")),
          patient(QStringLiteral("9990000034"))},
         {plan(QStringLiteral("a-1"), QStringLiteral("9990000018")),
          plan(QStringLiteral("a-2"), QStringLiteral("9990000018")),
          plan(QStringLiteral("b-1"), QStringLiteral("9990000026")),
          plan(QStringLiteral("c-1"), QStringLiteral("9990000034"))},
         t1);
    QVERIFY(m_store->beginSync(QStringLiteral("school-1"), false).ok());
    QCOMPARE(m_store->removePlan(QStringLiteral("a-2")).value(), 1);
    QCOMPARE(m_store->removePlan(QStringLiteral("b-1")).value(), 1);
    QCOMPARE(m_store->removePlan(QStringLiteral("never-sent")).value(), 0);
    QCOMPARE(m_store->removePatient(QStringLiteral("9990000034")).value(), 2); // plan and person
    QCOMPARE(m_store->orphanPlans().value(), 0);
    QVERIFY(m_store->commitSync(QStringLiteral("School"), t1.addSecs(60), t1.date()).ok());
    const QList<AreaListRow> rows = stored();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().nhsNumber, QStringLiteral("9990000018"));
    const AreaSyncState s = m_store->state(QStringLiteral("school-1")).value();
    QCOMPARE(s.plans, 1);
    QCOMPARE(s.people, 1); // 9990000026 lost their only plan, and with it the list
    // Outside a sync nothing is removed.
    QVERIFY(!m_store->removePlan(QStringLiteral("a-1")).ok());
}

void TestAreaList::partialSyncKeepsItsProblems()
{
    const QDateTime t1(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    QVERIFY(m_store->beginSync(QStringLiteral("school-1"), true).ok());
    QVERIFY(m_store->putPatient(patient(QStringLiteral("9990000018"))).ok());
    QVERIFY(m_store->putPlan(plan(QStringLiteral("a-1"), QStringLiteral("9990000018"))).ok());
    QVERIFY(m_store
                ->commitSync(QStringLiteral("School"), t1, t1.date(), 3,
                             {QStringLiteral("first"), QStringLiteral("second")})
                .ok());
    AreaSyncState s = m_store->state(QStringLiteral("school-1")).value();
    QCOMPARE(s.problems, 3);
    QCOMPARE(s.problemNotes, (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
    QCOMPARE(s.plans, 1);
    // A failure after it still describes the partial list that is there.
    QVERIFY(m_store
                ->recordFailure(QStringLiteral("school-1"), QStringLiteral("School"),
                                t1.addSecs(60), QStringLiteral("offline"))
                .ok());
    QCOMPARE(m_store->state(QStringLiteral("school-1")).value().problems, 3);
    // A complete sync clears them.
    sync(true, {patient(QStringLiteral("9990000018"))},
         {plan(QStringLiteral("a-1"), QStringLiteral("9990000018"))}, t1.addSecs(120));
    s = m_store->state(QStringLiteral("school-1")).value();
    QCOMPARE(s.problems, 0);
    QVERIFY(s.problemNotes.isEmpty());
}

QTEST_GUILESS_MAIN(TestAreaList)
#include "tst_arealist.moc"
