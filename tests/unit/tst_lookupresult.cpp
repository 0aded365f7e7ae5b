#include "core/lookup/LookupJson.h"
#include "core/lookup/LookupResult.h"
#include "tests/support/JsonTestSuite.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using cpis::LookupJson;
using cpis::LookupResult;
using cpis::NhsNumber;

class TestLookupResult : public QObject
{
    Q_OBJECT
private slots:
    void cacheRoundTripKeepsTheAnswer();
    void failuresAreNeverCached();
    void inconsistentPayloadIsRefused();
    void everyServiceErrorIsCouldNotCheckReason();
    void jsonTestSuiteIsNeverACachedAnswer();
    void fuzzSeedsAreAccepted();
    void undisplayableRecordsAndAttemptsInJson();
};

namespace {
NhsNumber nhs(const char* d)
{
    return NhsNumber::parse(QString::fromLatin1(d)).value();
}

LookupResult sample()
{
    LookupResult r;
    r.state = LookupResult::State::PlansFound;
    r.asked = nhs("9000000009");
    cpis::Demographics d;
    d.nhsNumber = nhs("9000000017");
    d.supersededFrom = nhs("9000000009");
    d.familyName = QStringLiteral("Smith");
    d.givenName = QStringLiteral("Jane");
    d.birthDate = cpis::PartialDate::fromYearMonth(2016, 11);
    d.deceased = cpis::PartialDate::fromDate(QDate(2026, 3, 3));
    d.gender = QStringLiteral("female");
    d.confidentiality = cpis::Demographics::Confidentiality::VeryRestricted;
    d.nhsNumberVerified = true;
    r.patient = d;
    cpis::CpisPlan plan;
    plan.type = cpis::PlanType::UnbornChildProtection;
    plan.start = QDate(2026, 6, 1);
    plan.end = QDate(2027, 1, 5);
    plan.authority = {QStringLiteral("LA001"), QStringLiteral("Ashbourne City Council"),
                      QStringLiteral("01632 960001"), QStringLiteral("07700 900001")};
    r.plans = {plan};
    r.accessHistory = {{QDateTime(QDate(2026, 11, 24), QTime(8, 30), Qt::UTC),
                        QStringLiteral("A Nurse"), QStringLiteral("Nurse"),
                        QStringLiteral("Town ED"), QStringLiteral("SBX01")},
                       // A system's look keeps saying so after the cache (no role).
                       {QDateTime(QDate(2026, 11, 20), QTime(7, 0), Qt::UTC),
                        QStringLiteral("ED registration system"), QString(),
                        QStringLiteral("Town Hospital"), QStringLiteral("SBX02"), true}};
    r.answeredAtUtc = QDateTime(QDate(2026, 11, 25), QTime(9, 0, 1, 500), Qt::UTC);
    return r;
}
} // namespace

void TestLookupResult::cacheRoundTripKeepsTheAnswer()
{
    const LookupResult r = sample();
    const auto back = LookupResult::fromCachePayload(r.toCachePayload(), r.asked);
    QVERIFY(back.has_value());
    QVERIFY(back->fromCache);
    QCOMPARE(back->state, r.state);
    QCOMPARE(back->answeredAtUtc, r.answeredAtUtc);
    QCOMPARE(back->plans, r.plans);
    QCOMPARE(back->accessHistory, r.accessHistory);
    QCOMPARE(back->patient->nhsNumber, r.patient->nhsNumber);
    QCOMPARE(back->patient->supersededFrom, r.patient->supersededFrom);
    QCOMPARE(back->patient->birthDate, r.patient->birthDate); // still only to the month
    QCOMPARE(back->patient->deceased, r.patient->deceased);
    QCOMPARE(back->patient->confidentiality, r.patient->confidentiality);
    QVERIFY(back->patient->nhsNumberVerified);
}

void TestLookupResult::failuresAreNeverCached()
{
    LookupResult r = sample();
    r.state = LookupResult::State::CouldNotCheck;
    r.plans.clear();
    QVERIFY(!LookupResult::fromCachePayload(r.toCachePayload(), r.asked).has_value());
}

void TestLookupResult::inconsistentPayloadIsRefused()
{
    LookupResult r = sample();
    r.state = LookupResult::State::NoRecord; // but it holds a plan
    QVERIFY(!LookupResult::fromCachePayload(r.toCachePayload(), r.asked).has_value());
    QVERIFY(!LookupResult::fromCachePayload("{}", r.asked).has_value());
    QVERIFY(!LookupResult::fromCachePayload("not json", r.asked).has_value());
}

void TestLookupResult::everyServiceErrorIsCouldNotCheckReason()
{
    using K = cpis::ServiceError::Kind;
    for (K k : {K::Offline, K::Timeout, K::ConnectionReset, K::Tls, K::RateLimited,
                K::SignInExpired, K::AccessDenied, K::NotFound, K::Invalidated, K::NotRecognised,
                K::InvalidRequest, K::ServiceFailure, K::BadResponse, K::Cancelled})
        QVERIFY(LookupResult::reasonFor(k) != LookupResult::Reason::None);
}

// A damaged cache entry must read as "no entry" (could not check), never as an answer:
// the suite's documents as whole payloads, and as the plan list of a no-record payload.
void TestLookupResult::jsonTestSuiteIsNeverACachedAnswer()
{
    const auto files = cpis::testsupport::jsonTestSuiteFiles();
    QVERIFY2(files.size() >= cpis::testsupport::kJsonTestSuiteMinFiles,
             qPrintable(cpis::testsupport::jsonTestSuiteDir()));
    const QByteArray head =
        R"({"v":1,"state":"no-record","answeredAt":"2026-11-24T09:30:00.000Z","history":[],"plans":)";
    int emptyPlanLists = 0;
    for (const auto& [name, doc] : files) {
        QVERIFY2(!LookupResult::fromCachePayload(doc, nhs("9000000009")).has_value(),
                 qPrintable(name));
        const QJsonDocument parsed = QJsonDocument::fromJson(doc);
        const bool emptyArray =
            name.startsWith(u"y_") && parsed.isArray() && parsed.array().isEmpty();
        emptyPlanLists += emptyArray;
        const auto spliced = LookupResult::fromCachePayload(head + doc + '}', nhs("9000000009"));
        QVERIFY2(spliced.has_value() == emptyArray, qPrintable(name));
    }
    QVERIFY(emptyPlanLists > 0);
}

void TestLookupResult::fuzzSeedsAreAccepted()
{
    const QDir seeds(QStringLiteral(CPIS_SOURCE_DIR "/fuzz/seeds"));
    const QStringList names = seeds.entryList({QStringLiteral("cache-payload*")}, QDir::Files);
    QVERIFY(names.size() >= 2);
    for (const QString& name : names) {
        QFile f(seeds.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(LookupResult::fromCachePayload(f.readAll(), nhs("9000000009")).has_value(),
                 qPrintable(name));
    }
}

void TestLookupResult::undisplayableRecordsAndAttemptsInJson()
{
    // `cpis lookup --json` (docs/cli.md): a record of an unknown plan type is listed with its
    // authority, or null when its contacts could not be read; a failure says how often it tried.
    LookupResult r;
    r.state = LookupResult::State::PlansFound;
    r.asked = nhs("9000000009");
    r.undisplayable = {
        {QStringLiteral("999999999999999"),
         cpis::LocalAuthority{QStringLiteral("SHE1"), QStringLiteral("Sheffield"),
                              QStringLiteral("01632 960051"), QStringLiteral("07700 900051")}},
        {QStringLiteral("COCT_TP146199GB01.FuturePlanInformation"), std::nullopt}};
    QJsonObject o = LookupJson::toJson(r, QDate(2026, 12, 7));
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("plans-found"));
    const QJsonArray records = o.value(QLatin1String("undisplayableRecords")).toArray();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0)["localAuthority"]["emergencyDutyPhone"].toString(),
             QStringLiteral("07700 900051"));
    QVERIFY(records.at(1)["localAuthority"].isNull());
    QVERIFY(
        o.value(QLatin1String("message")).toString().contains(QStringLiteral("cannot display")));
    QVERIFY(!o.contains(QLatin1String("attempts")));

    LookupResult failed;
    failed.asked = nhs("9000000009");
    failed.reason = LookupResult::Reason::ServiceError;
    failed.attempts = 3;
    o = LookupJson::toJson(failed, QDate(2026, 12, 7));
    QCOMPARE(o.value(QLatin1String("attempts")).toInt(), 3);
    QVERIFY(!o.contains(QLatin1String("undisplayableRecords")));
}

QTEST_GUILESS_MAIN(TestLookupResult)
#include "tst_lookupresult.moc"
