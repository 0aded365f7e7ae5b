#include "core/fhir/FhirParser.h"
#include "tests/support/JsonTestSuite.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using cpis::FhirParser;
using cpis::NhsNumber;
using cpis::PlanType;

namespace {

NhsNumber nhs(const char* digits)
{
    return NhsNumber::parse(QString::fromLatin1(digits)).value();
}

QJsonObject careTeam(const QString& code, const QString& start, const QString& end)
{
    QJsonObject period{{QStringLiteral("start"), start}};
    if (!end.isEmpty())
        period.insert(QStringLiteral("end"), end);
    const QJsonObject org{
        {QStringLiteral("resourceType"), QStringLiteral("Organization")},
        {QStringLiteral("id"), QStringLiteral("la")},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"),
                                 QStringLiteral("https://fhir.nhs.uk/Id/ods-organization-code")},
                                {QStringLiteral("value"), QStringLiteral("SFD1")}}}},
        {QStringLiteral("name"), QStringLiteral("Sheffield City Council")},
        {QStringLiteral("telecom"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                {QStringLiteral("value"), QStringLiteral("01632 960001")},
                                {QStringLiteral("use"), QStringLiteral("work")}},
                    QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                {QStringLiteral("value"), QStringLiteral("07700 900001")},
                                {QStringLiteral("use"), QStringLiteral("mobile")}}}}};
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("CareTeam")},
        {QStringLiteral("id"), QStringLiteral("x-1")},
        {QStringLiteral("contained"), QJsonArray{org}},
        {QStringLiteral("category"),
         QJsonArray{QJsonObject{{QStringLiteral("coding"),
                                 QJsonArray{QJsonObject{{QStringLiteral("system"),
                                                         QStringLiteral("http://snomed.info/sct")},
                                                        {QStringLiteral("code"), code}}}}}}},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("identifier"),
                      QJsonObject{{QStringLiteral("system"),
                                   QStringLiteral("https://fhir.nhs.uk/Id/nhs-number")},
                                  {QStringLiteral("value"), QStringLiteral("9000000009")}}}}},
        {QStringLiteral("period"), period},
        {QStringLiteral("managingOrganization"),
         QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("#la")}}}}};
}

QJsonObject bundle(const QList<QJsonObject>& matches, const QList<QJsonObject>& includes = {})
{
    QJsonArray entries;
    for (const auto& m : matches)
        entries.append(
            QJsonObject{{QStringLiteral("resource"), m},
                        {QStringLiteral("search"),
                         QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}}}});
    for (const auto& i : includes)
        entries.append(
            QJsonObject{{QStringLiteral("resource"), i},
                        {QStringLiteral("search"),
                         QJsonObject{{QStringLiteral("mode"), QStringLiteral("include")}}}});
    QJsonObject b{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                  {QStringLiteral("type"), QStringLiteral("searchset")},
                  {QStringLiteral("total"), int(matches.size())}};
    if (!entries.isEmpty())
        b.insert(QStringLiteral("entry"), entries);
    return b;
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

const QString kCpp = QStringLiteral("342191000000101");
const QString kUcpp = QStringLiteral("818901000000100");

} // namespace

class TestFhirParser : public QObject
{
    Q_OBJECT
private slots:
    void validCareTeamBundle();
    void emptyBundleIsNoRecord();
    void rejectsBadCareTeams_data();
    void rejectsBadCareTeams();
    void auditEvents();
    void jsonTestSuiteNeverYieldsAnAnswer();
    void jsonTestSuiteInsideABundleIsNeverNoRecord();
    void fuzzSeedsAreAccepted();
};

void TestFhirParser::validCareTeamBundle()
{
    const auto r = FhirParser::careTeamBundle(
        json(bundle({careTeam(kCpp, QStringLiteral("2026-01-10"), QString()),
                     careTeam(kUcpp, QStringLiteral("2026-06-01"), QStringLiteral("2027-02-01"))})),
        nhs("9000000009"));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().what));
    QCOMPARE(r->size(), 2);
    QCOMPARE(r->at(0).type, PlanType::ChildProtection);
    QCOMPARE(r->at(0).start, QDate(2026, 1, 10));
    QVERIFY(!r->at(0).end.has_value());
    QCOMPARE(r->at(0).authority.officeHoursPhone, QStringLiteral("01632 960001"));
    QCOMPARE(r->at(0).authority.emergencyDutyPhone, QStringLiteral("07700 900001"));
    QCOMPARE(r->at(0).authority.odsCode, QStringLiteral("SFD1"));
    QCOMPARE(r->at(1).type, PlanType::UnbornChildProtection);
    QCOMPARE(r->at(1).end.value(), QDate(2027, 2, 1));
}

void TestFhirParser::emptyBundleIsNoRecord()
{
    const auto r = FhirParser::careTeamBundle(json(bundle({})), nhs("9000000009"));
    QVERIFY(r.ok());
    QVERIFY(r->isEmpty());
}

void TestFhirParser::rejectsBadCareTeams_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    const QJsonObject good = careTeam(kCpp, QStringLiteral("2026-01-10"), QString());
    auto mutated = [&](const std::function<void(QJsonObject&)>& f) {
        QJsonObject ct = good;
        f(ct);
        return json(bundle({ct}));
    };

    QTest::newRow("unknown plan code")
        << json(bundle({careTeam(QStringLiteral("999999999"), QStringLiteral("2026-01-10"), {})}))
        << "unknown plan code";
    QTest::newRow("UCPP without end")
        << json(bundle({careTeam(kUcpp, QStringLiteral("2026-01-10"), {})}))
        << "must have an end date";
    QTest::newRow("partial date") << json(bundle({careTeam(kCpp, QStringLiteral("2026-01"), {})}))
                                  << "period.start";
    QTest::newRow("impossible date")
        << json(bundle({careTeam(kCpp, QStringLiteral("2026-02-30"), {})})) << "period.start";
    QTest::newRow("ends before start")
        << json(
               bundle({careTeam(kCpp, QStringLiteral("2026-01-10"), QStringLiteral("2025-01-10"))}))
        << "ends before";
    QTest::newRow("no local authority")
        << mutated([](QJsonObject& ct) { ct.remove(QStringLiteral("managingOrganization")); })
        << "local authority has no name";
    QTest::newRow("dangling LA reference")
        << mutated([](QJsonObject& ct) { ct.insert(QStringLiteral("contained"), QJsonArray{}); })
        << "points at nothing the CareTeam contains";
    QTest::newRow("other subject")
        << mutated([](QJsonObject& ct) { ct.insert(QStringLiteral("subject"), QJsonObject{}); })
        << "subject";
    QTest::newRow("unknown telecom use") << mutated([](QJsonObject& ct) {
        QJsonObject org = ct.value(QStringLiteral("contained")).toArray().first().toObject();
        org.insert(QStringLiteral("telecom"),
                   QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                          {QStringLiteral("value"), QStringLiteral("01632 960002")},
                                          {QStringLiteral("use"), QStringLiteral("home")}}});
        ct.insert(QStringLiteral("contained"), QJsonArray{org});
    }) << "use 'home'";

    // Bundle.total counts records of up to three plans each: fewer CareTeams than records means
    // a plan is missing; more than three per record is not an answer the guide describes.
    QJsonObject wrongTotal = bundle({good});
    wrongTotal.insert(QStringLiteral("total"), 2);
    QTest::newRow("total says 2, holds 1") << json(wrongTotal) << "Bundle.total";
    QJsonObject overBound = bundle({good, good, good, good});
    overBound.insert(QStringLiteral("total"), 1);
    QTest::newRow("total says 1, holds 4") << json(overBound) << "Bundle.total";
    QJsonObject noTotal = bundle({});
    noTotal.remove(QStringLiteral("total"));
    QTest::newRow("no total") << json(noTotal) << "Bundle.total";
    QJsonObject notSearchset = bundle({});
    notSearchset.insert(QStringLiteral("type"), QStringLiteral("collection"));
    QTest::newRow("not searchset") << json(notSearchset) << "searchset";
    QTest::newRow("OperationOutcome")
        << QByteArray(R"({"resourceType":"OperationOutcome","issue":[]})") << "resourceType";
    QTest::newRow("truncated") << json(bundle({good})).chopped(20) << "not JSON";
    QTest::newRow("html") << QByteArray("<html>maintenance</html>") << "not JSON";
    QTest::newRow("empty body") << QByteArray() << "not JSON";
}

void TestFhirParser::rejectsBadCareTeams()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    const auto r = FhirParser::careTeamBundle(body, nhs("9000000009"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().what.contains(reason), qPrintable(r.error().what));
}

void TestFhirParser::auditEvents()
{
    auto role = [](const char* id, const char* name) {
        return QJsonObject{
            {QStringLiteral("resourceType"), QStringLiteral("PractitionerRole")},
            {QStringLiteral("id"), QString::fromLatin1(id)},
            {QStringLiteral("practitioner"),
             QJsonObject{{QStringLiteral("display"), QString::fromLatin1(name)}}},
            {QStringLiteral("organization"),
             QJsonObject{{QStringLiteral("display"), QStringLiteral("Town ED")}}},
            {QStringLiteral("code"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("display"),
                                                                    QStringLiteral("Nurse")}}}}}}}};
    };
    auto event = [](const char* when, const char* ref) {
        return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("AuditEvent")},
                           {QStringLiteral("recorded"), QString::fromLatin1(when)},
                           {QStringLiteral("agent"),
                            QJsonArray{QJsonObject{{QStringLiteral("who"),
                                                    QJsonObject{{QStringLiteral("reference"),
                                                                 QString::fromLatin1(ref)}}}}}}};
    };
    const auto r = FhirParser::auditEventBundle(
        json(bundle({event("2026-11-20T10:00:00Z", "PractitionerRole/a"),
                     event("2026-11-24T09:30:00.000+01:00", "PractitionerRole/b")},
                    {role("a", "A Nurse"), role("b", "B Nurse")})));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().what));
    QCOMPARE(r->size(), 2);
    QCOMPARE(r->at(0).viewerName, QStringLiteral("B Nurse")); // newest first
    QCOMPARE(r->at(0).when, QDateTime(QDate(2026, 11, 24), QTime(8, 30), Qt::UTC));
    QCOMPARE(r->at(1).role, QStringLiteral("Nurse"));

    const auto dangling = FhirParser::auditEventBundle(
        json(bundle({event("2026-11-20T10:00:00Z", "PractitionerRole/zz")}, {role("a", "A")})));
    QVERIFY(!dangling.ok());
    const auto badTime = FhirParser::auditEventBundle(
        json(bundle({event("2026-11-20 10:00", "PractitionerRole/a")}, {role("a", "A")})));
    QVERIFY(!badTime.ok());
}

void TestFhirParser::jsonTestSuiteNeverYieldsAnAnswer()
{
    const auto files = cpis::testsupport::jsonTestSuiteFiles();
    QVERIFY2(files.size() >= cpis::testsupport::kJsonTestSuiteMinFiles,
             qPrintable(cpis::testsupport::jsonTestSuiteDir()));
    for (const auto& [name, body] : files) {
        // None of these is a FHIR resource, so every one must be refused: in particular
        // none may pass as an empty Bundle ("no CP-IS record").
        QVERIFY2(!FhirParser::careTeamBundle(body, nhs("9000000009")).ok(), qPrintable(name));
        QVERIFY2(!FhirParser::auditEventBundle(body).ok(), qPrintable(name));
        QVERIFY2(!FhirParser::patient(body, nhs("9000000009")).ok(), qPrintable(name));
    }
}

// The suite's documents placed where an answer's structure is read: as the entry list of an
// otherwise valid empty searchset, and as an included resource in one. Only a body that
// really is a valid empty CareTeam searchset may come back as "no CP-IS record".
void TestFhirParser::jsonTestSuiteInsideABundleIsNeverNoRecord()
{
    const auto files = cpis::testsupport::jsonTestSuiteFiles();
    QVERIFY2(files.size() >= cpis::testsupport::kJsonTestSuiteMinFiles,
             qPrintable(cpis::testsupport::jsonTestSuiteDir()));
    const QByteArray head = R"({"resourceType":"Bundle","type":"searchset","total":0,"entry":)";
    int emptyEntryLists = 0;
    for (const auto& [name, doc] : files) {
        // Judged by the suite's verdict, not by Qt's lenient parser: only a y_ document that
        // is an empty array leaves the Bundle a valid empty searchset.
        const QJsonDocument parsed = QJsonDocument::fromJson(doc);
        const bool emptyArray =
            name.startsWith(u"y_") && parsed.isArray() && parsed.array().isEmpty();
        emptyEntryLists += emptyArray;

        const auto asEntries = FhirParser::careTeamBundle(head + doc + '}', nhs("9000000009"));
        QVERIFY2(asEntries.ok() == emptyArray, qPrintable(name));
        QVERIFY2(!asEntries.ok() || asEntries->isEmpty(), qPrintable(name));

        const QByteArray asIncludeBody =
            head + R"([{"search":{"mode":"include"},"resource":)" + doc + "}]}";
        QVERIFY2(!FhirParser::careTeamBundle(asIncludeBody, nhs("9000000009")).ok(),
                 qPrintable(name));
        QVERIFY2(!FhirParser::auditEventBundle(asIncludeBody).ok(), qPrintable(name));
    }
    QVERIFY(emptyEntryLists > 0); // the valid case was exercised, so refusals are not blanket
}

// The fuzzer's hand-written seeds must be answers the readers accept, or fuzzing would
// start from bodies that never reach the deeper checks.
void TestFhirParser::fuzzSeedsAreAccepted()
{
    const QDir seeds(QStringLiteral(CPIS_SOURCE_DIR "/fuzz/seeds"));
    int checked = 0;
    const QStringList names = seeds.entryList(QDir::Files);
    for (const QString& name : names) {
        QFile f(seeds.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        QString error;
        if (name.startsWith(u"patient")) {
            const auto r = FhirParser::patient(body, nhs("9000000009"));
            error = r.ok() ? QString() : r.error().what;
        } else if (name.startsWith(u"careteam")) {
            const auto r = FhirParser::careTeamBundle(body, nhs("9000000009"));
            error = r.ok() ? QString() : r.error().what;
        } else if (name.startsWith(u"auditevent")) {
            const auto r = FhirParser::auditEventBundle(body);
            error = r.ok() ? QString() : r.error().what;
        } else {
            continue; // cache payloads: tst_lookupresult
        }
        QVERIFY2(error.isEmpty(), qPrintable(name + u": " + error));
        ++checked;
    }
    QVERIFY(checked >= 5);
}

QTEST_GUILESS_MAIN(TestFhirParser)
#include "tst_fhirparser.moc"
