// NHS England's published PDS Patient examples and search Bundles, and variants of them, read
// the way the desk reads a live trace or search: over HTTP through the real transport
// (FhirTransport on a QNetworkAccessManager) and NationalServiceClient, from a loopback server,
// then through the look-up service for the flows that decide whether CP-IS is asked at all.
//
// The examples in ../shared are git symlink stubs (their content is a relative path such as
// ../../../sandbox/mocks/Patient.json) whose targets the shared set does not hold. A stub is
// followed when its target is there; otherwise the resource is built from the published
// schema's own example values (tests/support/pds_schema_example.py), and the test says so.

#include "core/domain/Clock.h"
#include "core/domain/DisplayFormat.h"
#include "core/domain/PatientSearchCriteria.h"
#include "core/fhir/FhirParser.h"
#include "core/lookup/LookupService.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/net/FhirTransport.h"
#include "tests/support/LoopbackHttp.h"
#include "tests/support/ReferenceData.h"
#include "tests/support/TestNurse.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

#include <optional>

using namespace cpis;
using testsupport::LoopbackHttp;

namespace {

const QString kExamples = QStringLiteral("pds/specification/components/examples");
const QString kSchemas = QStringLiteral("pds/specification/components/schemas");
const QDate kToday(2026, 11, 25);

// The banner as the desk writes it (PatientBanner, CliCommands), from the domain's formats.
QString banner(const Demographics& d)
{
    QStringList parts{display::patientName(d.familyName, d.givenName, d.title),
                      QStringLiteral("Born ") +
                          display::bornWithAge(d.birthDate, d.deceased, kToday)};
    if (d.deceased)
        parts << display::died(*d.deceased);
    parts << display::gender(d.gender) << QStringLiteral("NHS No. ") + d.nhsNumber.display();
    return parts.join(QStringLiteral(" | "));
}

struct Example
{
    QJsonObject resource;
    QString source; // where it came from, for the log
    bool builtFromSchema = false;
};

// A published example: the file itself when it holds JSON; a stub's target when present; else
// the schema's own example values.
std::optional<Example> loadExample(const QString& fileName, const QString& schemaVariant)
{
    const QString path = testsupport::referenceDataPath(kExamples + u'/' + fileName);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray content = f.readAll();
    Example e;
    e.source = fileName;
    if (!content.trimmed().startsWith('{')) {
        const QString target =
            QDir::cleanPath(QFileInfo(path).dir().filePath(QString::fromUtf8(content.trimmed())));
        if (QFileInfo::exists(target)) {
            QFile t(target);
            if (!t.open(QIODevice::ReadOnly))
                return std::nullopt;
            content = t.readAll();
            e.source = fileName + QStringLiteral(" (stub, followed to ") + target + u')';
        } else {
            QProcess py;
            py.start(QStringLiteral("python3"),
                     {QStringLiteral(CPIS_SOURCE_DIR "/tests/support/pds_schema_example.py"),
                      testsupport::referenceDataPath(kSchemas), schemaVariant});
            if (!py.waitForFinished(30000) || py.exitCode() != 0) {
                qWarning("pds_schema_example.py failed: %s", py.readAllStandardError().constData());
                return std::nullopt;
            }
            content = py.readAllStandardOutput();
            e.builtFromSchema = true;
            e.source = fileName + QStringLiteral(" is a STUB pointing at ") + target +
                       QStringLiteral(" (missing): built from the schema's examples as '") +
                       schemaVariant + u'\'';
        }
    }
    const QJsonDocument doc = QJsonDocument::fromJson(content);
    if (!doc.isObject())
        return std::nullopt;
    e.resource = doc.object();
    return e;
}

NhsNumber nhs(const QString& digits)
{
    return NhsNumber::parse(digits).value();
}

using testsupport::nurse;

QByteArray operationOutcome(const char* code)
{
    return QByteArrayLiteral(
               R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found",)"
               R"("details":{"coding":[{"system":"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode",)"
               R"("version":"1","code":")") +
           code + QByteArrayLiteral(R"("}]}}]})");
}

const QByteArray kNoPlans = R"({"resourceType":"Bundle","type":"searchset","total":0,"entry":[]})";

// The desk's PDS and CP-IS path on one loopback server: the real transport and client, and the
// look-up service over them.
struct Rig
{
    ManualClock clock{QDateTime(kToday, QTime(10, 0), Qt::UTC)};
    LoopbackHttp::Answer patient;
    LoopbackHttp::Answer search;
    LoopbackHttp server{[this](const QByteArray& path) {
        if (path.contains("/Patient/"))
            return patient;
        if (path.contains("/Patient?"))
            return search;
        return LoopbackHttp::Answer{200, kNoPlans, "application/fhir+json"};
    }};
    QNetworkAccessManager nam;
    FhirTransport transport{&nam, &clock, [] {
                                FhirTransport::Settings s;
                                s.retry.maxAttempts = 1;
                                s.stallTimeout = std::chrono::milliseconds(5000);
                                s.totalTimeout = std::chrono::milliseconds(8000);
                                return s;
                            }()};
    std::optional<NationalServiceClient> client;
    std::optional<LookupService> lookups;

    bool start()
    {
        if (!server.listen())
            return false;
        // As a profile names them: PDS at the path NHS England publishes, CP-IS beside it.
        QUrl pds = server.baseUrl();
        pds.setPath(QStringLiteral("/personal-demographics/FHIR/R4"));
        QUrl cpisBase = server.baseUrl();
        cpisBase.setPath(QStringLiteral("/cpis/FHIR/R4"));
        client.emplace(&transport, pds, cpisBase);
        lookups.emplace(&*client, nullptr, nullptr, &clock,
                        LookupService::Settings{SiteType::UnscheduledCare});
        lookups->setSession(nurse(clock.nowUtc()));
        return true;
    }

    Result<Demographics, ServiceError> trace(const QJsonObject& resource, const QString& number)
    {
        return trace(
            LoopbackHttp::Answer{200, QJsonDocument(resource).toJson(), "application/fhir+json"},
            number);
    }

    Result<Demographics, ServiceError> trace(const LoopbackHttp::Answer& answer,
                                             const QString& number)
    {
        patient = answer;
        std::optional<Result<Demographics, ServiceError>> out;
        const UserSession session = nurse(clock.nowUtc());
        NationalServiceClient::CallContext ctx;
        ctx.session = &session;
        ctx.correlationId = "pds-examples";
        QObject receiver;
        client->tracePatient(
            nhs(number), ctx, &receiver,
            [&](const Result<Demographics, ServiceError>& r, const QByteArray&) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
            qFatal("trace never finished");
        return *out;
    }

    // A demographic search answered with `bundle`, for the person the schema's examples describe.
    Result<PatientMatches, ServiceError> searchAnswered(const QJsonObject& bundle)
    {
        search = LoopbackHttp::Answer{200, QJsonDocument(bundle).toJson(), "application/fhir+json"};
        PatientSearchCriteria criteria;
        criteria.family = QStringLiteral("Smith");
        criteria.given = QStringLiteral("Jane");
        criteria.gender = QStringLiteral("female");
        criteria.birthDate = QDate(2010, 10, 22);
        std::optional<Result<PatientMatches, ServiceError>> out;
        const UserSession session = nurse(clock.nowUtc());
        NationalServiceClient::CallContext ctx;
        ctx.session = &session;
        QObject receiver;
        client->searchPatients(
            criteria, ctx, &receiver,
            [&](const Result<PatientMatches, ServiceError>& r, const QByteArray&) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
            qFatal("search never finished");
        return *out;
    }

    LookupResult lookup(const LoopbackHttp::Answer& answer, const QString& number)
    {
        patient = answer;
        std::optional<LookupResult> out;
        QObject ctx;
        lookups->lookup(nhs(number), &ctx, [&](const LookupResult& r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
            qFatal("look-up never finished");
        return *out;
    }

    bool askedCpis() const
    {
        for (const QByteArray& p : server.paths())
            if (p.contains("/CareTeam") || p.contains("/AuditEvent"))
                return true;
        return false;
    }
};

// Each published Patient example: the schema variant to build when its file is a stub whose
// target is missing, and the banner expected of that build.
struct Published
{
    QString file;
    QString schemaVariant;
    QString bannerFromSchema;
    Demographics::Confidentiality confidentiality;
};

const QList<Published>& published()
{
    // The schema's examples: Mrs Jane Marie Anne Jo Adele Smith, NHS number 9000000009, born
    // 2010-10-22, and (DeceasedDateTime.yaml's example) died 2010-10-22T00:00:00+00:00.
    static const QString full = QStringLiteral(
        "SMITH, Jane Marie Anne Jo Adele (Mrs) | Born 22-Oct-2010 | Died 22-Oct-2010 | Female | "
        "NHS No. 900 000 0009");
    static const QList<Published> list{
        {QStringLiteral("Patient.json"), QStringLiteral("Patient"), full,
         Demographics::Confidentiality::Unrestricted},
        {QStringLiteral("Patient-Jayne-Smyth.json"), QStringLiteral("Patient"), full,
         Demographics::Confidentiality::Unrestricted},
        {QStringLiteral("PatientCompoundName.json"), QStringLiteral("Patient"), full,
         Demographics::Confidentiality::Unrestricted},
        {QStringLiteral("Sensitive_Patient.json"), QStringLiteral("Sensitive_Patient"), full,
         Demographics::Confidentiality::Restricted},
        {QStringLiteral("Minimal_Patient.json"), QStringLiteral("Minimal_Patient"),
         QStringLiteral("SMITH, Jane Marie Anne Jo Adele (Mrs) | Born Not Known | Not Known | "
                        "NHS No. 900 000 0009"),
         Demographics::Confidentiality::Unrestricted},
    };
    return list;
}

QJsonObject without(QJsonObject o, const QString& key)
{
    o.remove(key);
    return o;
}

QJsonObject with(QJsonObject o, const QString& key, const QJsonValue& v)
{
    o.insert(key, v);
    return o;
}

} // namespace

class TestPdsExamples : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyPatientExampleIsListed();
    void publishedExamples_data();
    void publishedExamples();
    void searchBundlesHoldReadablePatients();
    void variants_data();
    void variants();
    void unverifiedNumberStopsBeforeCpis();
    void notFoundOnlyMeansNotTracedWhenPdsSaysSo_data();
    void notFoundOnlyMeansNotTracedWhenPdsSaysSo();

private:
    QJsonObject m_base; // Patient.json as resolved
};

void TestPdsExamples::initTestCase()
{
    CPIS_REQUIRE_REFERENCE_DATA(kExamples + QStringLiteral("/Patient.json"));
    const auto base = loadExample(QStringLiteral("Patient.json"), QStringLiteral("Patient"));
    QVERIFY2(base, "Patient.json could not be resolved or built");
    m_base = base->resource;
    qInfo("base resource: %s", qPrintable(base->source));
}

// A Patient example added to the specification later must not go untested.
void TestPdsExamples::everyPatientExampleIsListed()
{
    const QDir dir(testsupport::referenceDataPath(kExamples));
    const QStringList files = dir.entryList(
        {QStringLiteral("Patient*.json"), QStringLiteral("*_Patient.json")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString& f : files) {
        if (f.startsWith(QStringLiteral("PatientSearch")))
            continue;
        bool listed = false;
        for (const Published& p : published())
            listed = listed || p.file == f;
        QVERIFY2(listed, qPrintable(f + QStringLiteral(" is not replayed")));
    }
}

void TestPdsExamples::publishedExamples_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < published().size(); ++i)
        QTest::newRow(qPrintable(published().at(i).file)) << i;
}

void TestPdsExamples::publishedExamples()
{
    QFETCH(int, index);
    const Published& p = published().at(index);
    const auto example = loadExample(p.file, p.schemaVariant);
    QVERIFY2(example, qPrintable(p.file + QStringLiteral(" could not be read")));
    qInfo("%s", qPrintable(example->source));

    Rig rig;
    QVERIFY(rig.start());
    const QString id = example->resource.value(QLatin1String("id")).toString();
    const auto r = rig.trace(example->resource, id);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    qInfo("banner: %s", qPrintable(banner(r.value())));
    QCOMPARE(r->nhsNumber.digits(), id);
    QVERIFY(r->nhsNumberVerified);
    if (example->builtFromSchema) {
        QCOMPARE(banner(r.value()), p.bannerFromSchema);
        QCOMPARE(r->confidentiality, p.confidentiality);
        if (p.confidentiality == Demographics::Confidentiality::Unrestricted &&
            p.schemaVariant == u"Patient")
            QCOMPARE(r->address,
                     QStringLiteral("1 Trevelyan Square, Boar Lane, City Centre, Leeds, West "
                                    "Yorkshire, LS1 6AE"));
        else
            QVERIFY(r->address.isEmpty());
    } else {
        // A real example: its contents are NHS England's, so only what any Patient must give.
        QVERIFY(!r->familyName.isEmpty());
        QCOMPARE(r->restricted(), p.schemaVariant == u"Sensitive_Patient");
    }
}

// The search Bundles' Patients are read by the same reader (PDS search is another change's:
// here they are only parsed). Stubs without a target are reported and skipped.
// The published search Bundles, through the real transport and client from a loopback server:
// each match read by PDS's rules, score and confidentiality kept, the search sent to PDS's path.
void TestPdsExamples::searchBundlesHoldReadablePatients()
{
    const QDir dir(testsupport::referenceDataPath(kExamples));
    const QStringList files = dir.entryList({QStringLiteral("*PatientSearch*.json")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    Rig rig;
    QVERIFY(rig.start());
    int read = 0;
    for (const QString& f : files) {
        // Sensitive_PatientSearch-x.json -> Sensitive_PatientSearch
        const QString variant = f.section(u'.', 0, 0).section(u'-', 0, 0);
        const auto example = loadExample(f, variant);
        QVERIFY2(example, qPrintable(f + QStringLiteral(" could not be resolved or built")));
        qInfo("%s", qPrintable(example->source));
        const int expected = example->resource.value(QLatin1String("entry")).toArray().size();
        const auto matches = rig.searchAnswered(example->resource);
        QVERIFY2(matches.ok(),
                 qPrintable(f + u' ' + (matches.ok() ? QString() : matches.error().detail)));
        QVERIFY(!matches->tooManyMatches);
        QCOMPARE(matches->candidates.size(), expected);
        for (const PatientCandidate& c : matches->candidates) {
            QVERIFY(c.score > 0.0 && c.score <= 1.0);
            QCOMPARE(c.patient.restricted(), variant.startsWith(QStringLiteral("Sensitive")));
            if (c.patient.restricted())
                QVERIFY(c.patient.address.isEmpty());
            qInfo("  match %.2f: %s", c.score, qPrintable(banner(c.patient)));
            ++read;
        }
    }
    QVERIFY(read > 0);
    bool askedPds = false;
    for (const QByteArray& path : rig.server.paths())
        askedPds = askedPds || path.startsWith("/personal-demographics/FHIR/R4/Patient?");
    QVERIFY(askedPds);
    qInfo("%d search-result Patients read from %lld Bundles", read, qlonglong(files.size()));
}

void TestPdsExamples::variants_data()
{
    QTest::addColumn<QJsonObject>("resource");
    QTest::addColumn<QString>("banner"); // empty: the answer is one the desk cannot read
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("verified");

    const QJsonObject alive = without(m_base, QStringLiteral("deceasedDateTime"));
    const QString name = QStringLiteral("SMITH, Jane Marie Anne Jo Adele (Mrs)");
    const QString tail = QStringLiteral(" | Female | NHS No. 900 000 0009");
    const QString home = QStringLiteral(
        "1 Trevelyan Square, Boar Lane, City Centre, Leeds, West Yorkshire, LS1 6AE");

    QTest::newRow("alive") << alive << name + QStringLiteral(" | Born 22-Oct-2010 (16y)") + tail
                           << home << true;
    QTest::newRow("born yyyy-mm") << with(alive, QStringLiteral("birthDate"),
                                          QStringLiteral("2010-10"))
                                  << name + QStringLiteral(" | Born Oct 2010") + tail << home
                                  << true;
    QTest::newRow("born yyyy") << with(alive, QStringLiteral("birthDate"), QStringLiteral("2010"))
                               << name + QStringLiteral(" | Born 2010") + tail << home << true;

    const QList<std::pair<const char*, const char*>> deaths{
        {"2026-03-03T00:00:00+00:00", "03-Mar-2026"},
        {"2026-03-03T09:00:00", "03-Mar-2026"},
        {"2026-03-03", "03-Mar-2026"},
        {"2026-03", "Mar 2026"},
        {"2026", "2026"},
    };
    for (const auto& [value, shown] : deaths)
        QTest::addRow("died %s", value)
            << with(alive, QStringLiteral("deceasedDateTime"), QString::fromLatin1(value))
            << name + QStringLiteral(" | Born 22-Oct-2010 | Died ") + QString::fromLatin1(shown) +
                   tail
            << home << true;

    QJsonObject meta = m_base.value(QStringLiteral("meta")).toObject();
    meta.insert(QStringLiteral("security"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("system"),
                     QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-Confidentiality")},
                    {QStringLiteral("code"), QStringLiteral("V")},
                    {QStringLiteral("display"), QStringLiteral("very restricted")}}});
    QTest::newRow("V") << with(alive, QStringLiteral("meta"), meta)
                       << name + QStringLiteral(" | Born 22-Oct-2010 (16y)") + tail << QString()
                       << true;

    QJsonArray addresses = m_base.value(QStringLiteral("address")).toArray();
    QJsonObject temp = addresses.first().toObject();
    temp.insert(QStringLiteral("use"), QStringLiteral("temp"));
    temp.insert(QStringLiteral("line"), QJsonArray{QStringLiteral("Flat 9, Hall of Residence")});
    addresses.prepend(temp);
    QTest::newRow("temp address first")
        << with(alive, QStringLiteral("address"), addresses)
        << name + QStringLiteral(" | Born 22-Oct-2010 (16y)") + tail << home << true;

    QJsonArray names = m_base.value(QStringLiteral("name")).toArray();
    QJsonObject usual = names.first().toObject();
    QJsonObject old = usual;
    old.insert(QStringLiteral("use"), QStringLiteral("old"));
    old.insert(QStringLiteral("family"), QStringLiteral("Formerly"));
    QTest::newRow("old name before usual")
        << with(alive, QStringLiteral("name"), QJsonArray{old, usual})
        << name + QStringLiteral(" | Born 22-Oct-2010 (16y)") + tail << home << true;
    QTest::newRow("no usual name")
        << with(alive, QStringLiteral("name"), QJsonArray{old}) << QString() << QString() << false;
    QTest::newRow("two usual names")
        << with(alive, QStringLiteral("name"), QJsonArray{usual, usual}) << QString() << QString()
        << false;

    QJsonArray ids = m_base.value(QStringLiteral("identifier")).toArray();
    QJsonObject id = ids.first().toObject();
    id.remove(QStringLiteral("extension"));
    QTest::newRow("unverified") << with(alive, QStringLiteral("identifier"), QJsonArray{id})
                                << name + QStringLiteral(" | Born 22-Oct-2010 (16y)") + tail << home
                                << false;
    id.insert(QStringLiteral("value"), QStringLiteral("9000000017"));
    QTest::newRow("id is not identifier")
        << with(alive, QStringLiteral("identifier"), QJsonArray{id}) << QString() << QString()
        << false;
}

void TestPdsExamples::variants()
{
    QFETCH(QJsonObject, resource);
    QFETCH(QString, banner);
    QFETCH(QString, address);
    QFETCH(bool, verified);
    Rig rig;
    QVERIFY(rig.start());
    const auto r = rig.trace(resource, QStringLiteral("9000000009"));
    if (banner.isEmpty()) {
        QVERIFY2(!r.ok(), "an answer the desk must not read was read");
        QCOMPARE(r.error().kind, ServiceError::Kind::BadResponse);
        QCOMPARE(LookupResult::reasonFor(r.error().kind), LookupResult::Reason::BadResponse);
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    QCOMPARE(::banner(r.value()), banner);
    QCOMPARE(r->address, address);
    QCOMPARE(r->nhsNumberVerified, verified);
    QVERIFY(!::banner(r.value()).contains(QStringLiteral("aged")));
}

// A number PDS does not mark verified ends the look-up at PDS: CP-IS is never asked, and the
// answer is "could not check", never "no record".
void TestPdsExamples::unverifiedNumberStopsBeforeCpis()
{
    QJsonArray ids = m_base.value(QStringLiteral("identifier")).toArray();
    QJsonObject id = ids.first().toObject();
    QJsonArray ext = id.value(QStringLiteral("extension")).toArray();
    QJsonObject status = ext.first().toObject();
    status.insert(
        QStringLiteral("valueCodeableConcept"),
        QJsonObject{{QStringLiteral("coding"),
                     QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("02")}}}}});
    id.insert(QStringLiteral("extension"), QJsonArray{status});
    const QJsonObject unverified = with(m_base, QStringLiteral("identifier"), QJsonArray{id});

    Rig rig;
    QVERIFY(rig.start());
    const LookupResult r =
        rig.lookup({200, QJsonDocument(unverified).toJson(), "application/fhir+json"},
                   QStringLiteral("9000000009"));
    QCOMPARE(r.state, LookupResult::State::CouldNotCheck);
    QCOMPARE(r.reason, LookupResult::Reason::NumberNotVerified);
    QVERIFY(LookupResult::reasonText(r.reason).contains(QStringLiteral("not verified on PDS")));
    QCOMPARE(rig.server.paths().size(), 1);
    QVERIFY(!rig.askedCpis());

    // The same record verified is checked at CP-IS.
    const LookupResult checked =
        rig.lookup({200, QJsonDocument(m_base).toJson(), "application/fhir+json"},
                   QStringLiteral("9000000009"));
    QCOMPARE(checked.state, LookupResult::State::NoRecord);
    QVERIFY(rig.askedCpis());
}

void TestPdsExamples::notFoundOnlyMeansNotTracedWhenPdsSaysSo_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("says");
    using R = LookupResult::Reason;
    QTest::newRow("RESOURCE_NOT_FOUND")
        << operationOutcome("RESOURCE_NOT_FOUND") << int(R::PatientNotTraced)
        << QStringLiteral("not known to the Personal Demographics Service");
    QTest::newRow("INVALIDATED_RESOURCE")
        << operationOutcome("INVALIDATED_RESOURCE") << int(R::RecordInvalidated)
        << QStringLiteral("invalidated");
    QTest::newRow("FAILURE_TO_PROCESS_MESSAGE")
        << operationOutcome("FAILURE_TO_PROCESS_MESSAGE") << int(R::RequestNotRecognised)
        << QStringLiteral("check the configured address");
    QTest::newRow("no body") << QByteArray() << int(R::RequestNotRecognised)
                             << QStringLiteral("check the configured address");
    QTest::newRow("html") << QByteArray("<html>Not Found</html>") << int(R::RequestNotRecognised)
                          << QStringLiteral("check the configured address");
}

void TestPdsExamples::notFoundOnlyMeansNotTracedWhenPdsSaysSo()
{
    QFETCH(QByteArray, body);
    QFETCH(int, reason);
    QFETCH(QString, says);
    Rig rig;
    QVERIFY(rig.start());
    const LookupResult r =
        rig.lookup({404, body, body.startsWith('{') ? "application/fhir+json" : "text/html"},
                   QStringLiteral("9000000009"));
    QCOMPARE(r.state, LookupResult::State::CouldNotCheck);
    QCOMPARE(LookupResult::reasonName(r.reason),
             LookupResult::reasonName(LookupResult::Reason(reason)));
    const QString text = LookupResult::reasonText(r.reason);
    QVERIFY2(text.contains(says), qPrintable(text));
    if (LookupResult::Reason(reason) != LookupResult::Reason::PatientNotTraced)
        QVERIFY2(!text.contains(QStringLiteral("not known")), qPrintable(text));
    QVERIFY(!rig.askedCpis());
}

QTEST_GUILESS_MAIN(TestPdsExamples)
#include "tst_pdsexamples.moc"
