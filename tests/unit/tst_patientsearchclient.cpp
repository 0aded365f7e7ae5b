// The desk's side of PDS demographic search: the strict reader of its answers (candidates with
// scores, TOO_MANY_MATCHES, none, anything else an error), the criteria, the request the
// client sends, and the service that audits every search before its result is seen.
#include "core/audit/AccessAuditor.h"
#include "core/domain/Clock.h"
#include "core/domain/PatientSearchCriteria.h"
#include "core/fhir/FhirParser.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/lookup/PatientSearchService.h"
#include "core/net/FhirTransport.h"
#include "tests/support/FakeNetwork.h"
#include "tests/support/TestNurse.h"

#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace cpis;
using cpis::test::FakeAnswer;
using cpis::test::FakeNetwork;

namespace {

QByteArray patient(const char* id, const char* family, const char* birth)
{
    // As PDS sends a match: its security label and the number's verification status.
    return QByteArray(R"({"resourceType":"Patient","id":")") + id +
           R"(","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/)"
           R"(v3-Confidentiality","code":"U"}]},"identifier":[{"system":)"
           R"("https://fhir.nhs.uk/Id/nhs-number","value":")" +
           id +
           R"(","extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/)"
           R"(Extension-UKCore-NHSNumberVerificationStatus","valueCodeableConcept":{"coding":)"
           R"([{"system":"https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus",)"
           R"("code":"01"}]}}]}],"name":[{"use":"usual","family":")" +
           family + R"(","given":["Jayne"]}],"gender":"female","birthDate":")" + birth +
           R"(","address":[{"use":"home","line":["1 Church Lane"],"city":"Leeds","postalCode":"LS1 6AE"}]})";
}

QByteArray entry(const char* id, const char* family, const char* birth, const char* score)
{
    return QByteArray(R"({"fullUrl":"https://x/Patient/)") + id + R"(","search":{"score":)" +
           score + R"(},"resource":)" + patient(id, family, birth) + "}";
}

QByteArray bundle(int total, const QList<QByteArray>& entries)
{
    QByteArray b =
        R"({"resourceType":"Bundle","type":"searchset","total":)" + QByteArray::number(total);
    if (!entries.isEmpty())
        b += R"(,"entry":[)" + entries.join(',') + "]";
    return b + "}";
}

const QByteArray kTooMany =
    R"({"resourceType":"OperationOutcome","issue":[{"severity":"information",)"
    R"("code":"multiple-matches","details":{"coding":[{"system":)"
    R"("https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode","version":"1",)"
    R"("code":"TOO_MANY_MATCHES","display":"Too Many Matches"}]}}]})";

class RecordingAuditor final : public AccessAuditor
{
public:
    QList<AccessEvent> events;
    Status<Error> record(const UserSession&, const AccessEvent& e) override
    {
        events.append(e);
        return {};
    }
};

using testsupport::nurse;

PatientSearchCriteria jayne()
{
    PatientSearchCriteria c;
    c.family = QStringLiteral("Smyth");
    c.given = QStringLiteral("Jayne");
    c.gender = QStringLiteral("female");
    c.birthDate = QDate(2010, 10, 22);
    return c;
}

struct Rig
{
    ManualClock clock{QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC)};
    FakeAnswer answer;
    QList<QUrl> asked;
    FakeNetwork nam{[this](const QNetworkRequest& r) {
        asked.append(r.url());
        return answer;
    }};
    FhirTransport transport{&nam, &clock, [] {
                                FhirTransport::Settings s;
                                s.retry.maxAttempts = 1;
                                return s;
                            }()};
    NationalServiceClient client{
        &transport, QUrl(QStringLiteral("https://sandbox.invalid/personal-demographics/FHIR/R4")),
        QUrl(QStringLiteral("https://sandbox.invalid/cpis/FHIR/R4"))};
    RecordingAuditor auditor;
    PatientSearchService service{&client, &auditor, &clock};

    Rig() { service.setSession(nurse(clock.nowUtc())); }

    PatientSearchResult run(const PatientSearchCriteria& c)
    {
        std::optional<PatientSearchResult> out;
        qsizetype auditedBefore = -1;
        QObject ctx;
        service.search(c, &ctx, [&](const PatientSearchResult& r) {
            auditedBefore = auditor.events.size();
            out = r;
        });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
            qFatal("search never finished");
        if (auditedBefore != 1)
            qFatal("the search was not audited exactly once before its result");
        return *out;
    }
};

} // namespace

class TestPatientSearchClient : public QObject
{
    Q_OBJECT

private slots:
    void parsesCandidatesBestFirst()
    {
        const auto r = FhirParser::patientSearchset(
            bundle(2, {entry("9000000017", "Smith", "2010-10-22", "0.8"),
                       entry("9000000009", "Smyth", "2010-10-22", "1")}));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().what));
        QVERIFY(!r->tooManyMatches);
        QCOMPARE(r->candidates.size(), 2);
        QCOMPARE(r->candidates[0].patient.nhsNumber.digits(), QStringLiteral("9000000009"));
        QCOMPARE(r->candidates[0].score, 1.0);
        QCOMPARE(r->candidates[1].score, 0.8);
        QCOMPARE(r->candidates[1].patient.familyName, QStringLiteral("Smith"));
        QCOMPARE(r->candidates[1].patient.birthDate,
                 std::optional(PartialDate::fromDate(QDate(2010, 10, 22))));
        QVERIFY(r->candidates[1].patient.address.contains(QStringLiteral("LS1 6AE")));
    }

    void tooManyMatchesIsItsOwnOutcome()
    {
        const auto r = FhirParser::patientSearchset(kTooMany);
        QVERIFY(r.ok());
        QVERIFY(r->tooManyMatches);
        QVERIFY(r->candidates.isEmpty());
    }

    void emptySearchsetIsNoCandidates()
    {
        const auto r = FhirParser::patientSearchset(bundle(0, {}));
        QVERIFY(r.ok());
        QVERIFY(!r->tooManyMatches);
        QVERIFY(r->candidates.isEmpty());
    }

    void anythingElseIsAnError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("{\"resourceType\": \"Bundle\",, }");
        QTest::newRow("empty body") << QByteArray();
        QTest::newRow("an array") << QByteArray("[]");
        QTest::newRow("a Patient") << patient("9000000009", "Smyth", "2010-10-22");
        QTest::newRow("another outcome")
            << QByteArray(R"({"resourceType":"OperationOutcome","issue":[{"severity":"error",)"
                          R"("code":"value","details":{"coding":[{"code":"INVALID_VALUE"}]}}]})");
        QTest::newRow("outcome without issues")
            << QByteArray(R"({"resourceType":"OperationOutcome","issue":[]})");
        QTest::newRow("not a searchset")
            << QByteArray(R"({"resourceType":"Bundle","type":"collection","total":0})");
        QTest::newRow("no total") << QByteArray(R"({"resourceType":"Bundle","type":"searchset"})");
        QTest::newRow("total disagrees")
            << bundle(2, {entry("9000000009", "Smyth", "2010-10-22", "1")});
        QTest::newRow("no score") << bundle(1,
                                            {QByteArray(R"({"search":{},"resource":)") +
                                             patient("9000000009", "Smyth", "2010-10-22") + "}"});
        QTest::newRow("score above 1")
            << bundle(1, {entry("9000000009", "Smyth", "2010-10-22", "1.5")});
        QTest::newRow("score negative")
            << bundle(1, {entry("9000000009", "Smyth", "2010-10-22", "-0.1")});
        QTest::newRow("score a string")
            << bundle(1, {entry("9000000009", "Smyth", "2010-10-22", "\"0.9\"")});
        QTest::newRow("bad NHS number")
            << bundle(1, {entry("9000000008", "Smyth", "2010-10-22", "1")});
        QTest::newRow("bad birth date")
            << bundle(1, {entry("9000000009", "Smyth", "2010-13-22", "1")});
        QTest::newRow("same patient twice")
            << bundle(2, {entry("9000000009", "Smyth", "2010-10-22", "1"),
                          entry("9000000009", "Smyth", "2010-10-22", "0.9")});
        QTest::newRow("a CareTeam among them") << bundle(
            1, {QByteArray(R"({"search":{"score":1},"resource":{"resourceType":"CareTeam"}})")});
    }

    void anythingElseIsAnError()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!FhirParser::patientSearchset(body).ok());
    }

    void criteria()
    {
        PatientSearchCriteria c = jayne();
        QCOMPARE(c.problem(), PatientSearchCriteria::Problem::None);
        QCOMPARE(c.auditText(), QStringLiteral("family=Smyth; given=Jayne; gender=female; "
                                               "birthdate=eq2010-10-22; _fuzzy-match=true"));
        c.given.clear();
        QCOMPARE(c.problem(), PatientSearchCriteria::Problem::NotEnoughDetail);
        c.postcode = QStringLiteral("LS1 6AE");
        QCOMPARE(c.problem(), PatientSearchCriteria::Problem::None); // family, sex, postcode
        c.birthDate.reset();
        QCOMPARE(c.problem(), PatientSearchCriteria::Problem::NoBirthDate);

        // Aged 6 to 8 on 25 Nov 2026: born 26 Nov 2017 to 25 Nov 2020.
        const auto [from, to] = PatientSearchCriteria::birthRangeForAges(6, 8, QDate(2026, 11, 25));
        QCOMPARE(from, QDate(2017, 11, 26));
        QCOMPARE(to, QDate(2020, 11, 25));
        c.bornFrom = to;
        c.bornTo = from;
        QCOMPARE(c.problem(), PatientSearchCriteria::Problem::RangeReversed);
    }

    void clientSendsThePublishedParameters()
    {
        Rig rig;
        rig.answer.body = bundle(0, {});
        PatientSearchCriteria c = jayne();
        c.birthDate.reset();
        c.bornFrom = QDate(2017, 11, 26);
        c.bornTo = QDate(2020, 11, 25);
        c.family = QStringLiteral("O'Reilly Smith");
        c.maxResults = 10;
        const PatientSearchResult r = rig.run(c);
        QCOMPARE(r.state, PatientSearchResult::State::Candidates);
        QCOMPARE(rig.asked.size(), 1);
        const QUrl u = rig.asked.first();
        QCOMPARE(u.path(), QStringLiteral("/personal-demographics/FHIR/R4/Patient"));
        const QUrlQuery q(u);
        QCOMPARE(q.queryItemValue(QStringLiteral("family"), QUrl::FullyDecoded),
                 QStringLiteral("O'Reilly Smith"));
        QCOMPARE(q.allQueryItemValues(QStringLiteral("birthdate")),
                 (QStringList{QStringLiteral("ge2017-11-26"), QStringLiteral("le2020-11-25")}));
        QCOMPARE(q.queryItemValue(QStringLiteral("_fuzzy-match")), QStringLiteral("true"));
        QCOMPARE(q.queryItemValue(QStringLiteral("_max-results")), QStringLiteral("10"));
        QCOMPARE(q.queryItemValue(QStringLiteral("gender")), QStringLiteral("female"));
    }

    void serviceAuditsEverySearchWithItsCriteria()
    {
        Rig rig;
        rig.answer.body = bundle(1, {entry("9000000009", "Smyth", "2010-10-22", "0.95")});
        const PatientSearchResult r = rig.run(jayne());
        QCOMPARE(r.state, PatientSearchResult::State::Candidates);
        QCOMPARE(r.candidates.size(), 1);
        QVERIFY(!r.auditFailed);
        const AccessEvent& e = rig.auditor.events.first();
        QCOMPARE(e.action, AuditEntry::Action::Search);
        QCOMPARE(e.outcome, AuditEntry::Outcome::Success);
        QCOMPARE(e.outcomeDetail, QStringLiteral("candidates 1"));
        QCOMPARE(e.reason, jayne().auditText());
        QVERIFY(e.subject.isNull());
    }

    void tooManyMatchesIsNotNoMatch()
    {
        Rig rig;
        rig.answer.body = kTooMany;
        const PatientSearchResult r = rig.run(jayne());
        QCOMPARE(r.state, PatientSearchResult::State::TooManyMatches);
        QCOMPARE(rig.auditor.events.first().outcomeDetail, QStringLiteral("too-many-matches"));
    }

    void malformedIsCouldNotSearch()
    {
        Rig rig;
        rig.answer.body = "{\"resourceType\":\"Bundle\",";
        const PatientSearchResult r = rig.run(jayne());
        QCOMPARE(r.state, PatientSearchResult::State::CouldNotSearch);
        QCOMPARE(r.errorKind, ServiceError::Kind::BadResponse);
        QVERIFY(r.candidates.isEmpty());
        QCOMPARE(rig.auditor.events.first().outcome, AuditEntry::Outcome::CouldNotCheck);
    }

    void refusalKeepsItsCode()
    {
        Rig rig;
        rig.answer.status = 400;
        rig.answer.body =
            R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"value",)"
            R"("details":{"coding":[{"code":"INVALID_SEARCH_DATA"}]},"diagnostics":"x"}]})";
        const PatientSearchResult r = rig.run(jayne());
        QCOMPARE(r.state, PatientSearchResult::State::CouldNotSearch);
        QCOMPARE(r.errorKind, ServiceError::Kind::InvalidRequest);
        QCOMPARE(r.spineCode, QStringLiteral("INVALID_SEARCH_DATA"));
    }

    void expiredSessionIsNotSent()
    {
        Rig rig;
        rig.clock.advanceSecs(7200);
        const PatientSearchResult r = rig.run(jayne());
        QCOMPARE(r.state, PatientSearchResult::State::CouldNotSearch);
        QCOMPARE(r.errorKind, ServiceError::Kind::SignInExpired);
        QVERIFY(rig.asked.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPatientSearchClient)
#include "tst_patientsearchclient.moc"
