// The area-list client over a fake network: its calls, the file download included, go through
// the one transport, so a rate limit anywhere in an export reads as RateLimited, and every
// request to the service carries the NHS headers. The manifest rules are those of the HL7 FHIR
// Bulk Data Access IG v2.0.0: count optional, files on allowed hosts only, the token only where
// requiresAccessToken asks for it. Polling and Retry-After: tst_arealistpolling.
#include "core/arealist/AreaListClient.h"
#include "core/domain/Clock.h"
#include "core/domain/UserSession.h"
#include "core/net/FhirTransport.h"
#include "tests/support/AreaListClientRig.h"
#include "tests/support/FakeNetwork.h"

#include <QTest>

#include <optional>

using namespace cpis;
using namespace cpis::test;
using std::chrono::milliseconds;

class TestAreaListClient : public QObject
{
    Q_OBJECT
private slots:
    void fileStreamsThroughTheTransport();
    void rateLimitedFileIsRateLimited();
    void statusRateLimitedBeyondTheRetriesIsRateLimited();
    void rejectedLineStopsTheDownload();

    void acceptsTheIgExampleManifest();
    void countIsOptionalAndCheckedWhenGiven();
    void manifestNeedsItsRequiredFields_data();
    void manifestNeedsItsRequiredFields();
    void fileHostAllowlist_data();
    void fileHostAllowlist();
    void fileOnAHostNotAllowedIsRefusedAndNotFetched();
    void fileOnAnAllowedHostIsFetched();
    void tokenOnlyWhenTheManifestRequiresIt_data();
    void tokenOnlyWhenTheManifestRequiresIt();

private:
    struct Run
    {
        std::optional<ManifestResult> manifest;
        std::optional<Result<qint64, ServiceError>> file;
        QList<QByteArray> lines;
    };
    // Starts an export and downloads its first file, if the export gets that far.
    static void exportAndDownload(AreaListClient& client, Run& run, bool acceptLines = true);
};

void TestAreaListClient::exportAndDownload(AreaListClient& client, Run& run, bool acceptLines)
{
    client.startExport(lead(), QStringLiteral("SHE1-all"), std::nullopt, nullptr,
                       [&client, &run, acceptLines](const ManifestResult& m) {
                           run.manifest = m;
                           if (!m)
                               return;
                           client.download(
                               lead(), m->output.first(),
                               [&run, acceptLines](QByteArrayView line, QString* why) {
                                   run.lines.append(line.toByteArray());
                                   if (!acceptLines)
                                       *why = QStringLiteral("not a Patient");
                                   return acceptLines;
                               },
                               [&run](const Result<qint64, ServiceError>& r) { run.file = r; });
                       });
}

void TestAreaListClient::fileStreamsThroughTheTransport()
{
    Rig rig(exportWith({manifest()}, twoLines()));
    Run run;
    exportAndDownload(rig.client, run);
    QTRY_VERIFY(run.file.has_value());
    QVERIFY(*run.file);
    QCOMPARE(run.file->value(), 2);
    QCOMPARE(run.lines, (QList<QByteArray>{"{\"a\":1}", "{\"b\":2}"}));
    QCOMPARE(rig.nam.requests.size(), 3);
    for (const QNetworkRequest& r : std::as_const(rig.nam.requests)) {
        QCOMPARE(r.rawHeader("Authorization"), QByteArray("Bearer tok"));
        QCOMPARE(r.rawHeader("NHSD-Session-URID"), QByteArray("100000000003"));
        QVERIFY(!r.rawHeader("X-Request-ID").isEmpty());
    }
    QCOMPARE(rig.nam.requests.last().rawHeader("Accept"), QByteArray("application/fhir+ndjson"));
}

// A rate limit on the file is what the service said, not a generic failure.
void TestAreaListClient::rateLimitedFileIsRateLimited()
{
    Rig rig(exportWith({manifest()}, busy(429, "30")));
    Run run;
    exportAndDownload(rig.client, run);
    QTRY_VERIFY(run.file.has_value());
    QVERIFY(!*run.file);
    QCOMPARE(run.file->error().kind, ServiceError::Kind::RateLimited);
    QCOMPARE(run.file->error().httpStatus, 429);
    QCOMPARE(run.file->error().retryAfterSecs, 30);
    QVERIFY(run.lines.isEmpty());
}

// Each 429 is waited out as asked, up to maxBusyAnswers in a row; then it is RateLimited.
void TestAreaListClient::statusRateLimitedBeyondTheRetriesIsRateLimited()
{
    AreaListClient::Settings s;
    s.maxBusyAnswers = 3;
    Rig rig(exportWith({busy(429, "30")}, FakeAnswer{}), s);
    Run run;
    exportAndDownload(rig.client, run);
    QTRY_VERIFY(run.manifest.has_value());
    QVERIFY(!*run.manifest);
    QCOMPARE(run.manifest->error().kind, ServiceError::Kind::RateLimited);
    QCOMPARE(rig.statusPolls(), 4);
    QCOMPARE(rig.waits,
             (QList<milliseconds>{milliseconds(30000), milliseconds(30000), milliseconds(30000)}));
    QVERIFY(!run.file.has_value());
}

void TestAreaListClient::rejectedLineStopsTheDownload()
{
    Rig rig(exportWith({manifest()}, twoLines()));
    Run run;
    exportAndDownload(rig.client, run, false);
    QTRY_VERIFY(run.file.has_value());
    QVERIFY(!*run.file);
    QCOMPARE(run.file->error().kind, ServiceError::Kind::BadResponse);
    QCOMPARE(run.file->error().detail, QStringLiteral("line 1: not a Patient"));
    QCOMPARE(run.lines.size(), 1); // nothing read after the rejected line
}

// The IG's own example: no counts, a deleted and an error file, an extension object, and an
// output type the list does not use. The client reads it as the IG means it.
void TestAreaListClient::acceptsTheIgExampleManifest()
{
    const QString base = QStringLiteral("https://example.com");
    const auto parsed = AreaListClient::parseManifest(kIgExampleManifest, QUrl(base));
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().detail));
    const AreaListClient::Manifest& m = parsed.value();
    QCOMPARE(m.transactionTime, QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(m.request,
             QStringLiteral("https://example.com/fhir/Patient/$export?_type=Patient,Observation"));
    QVERIFY(m.requiresAccessToken);
    QCOMPARE(m.output.size(), 3);
    QCOMPARE(m.output.at(0).type, QStringLiteral("Patient"));
    QCOMPARE(m.output.at(1).url,
             QUrl(QStringLiteral("https://example.com/output/patient_file_2.ndjson")));
    QCOMPARE(m.output.at(2).type, QStringLiteral("Observation"));
    for (const auto& f : m.output) {
        QVERIFY(!f.count.has_value());
        QVERIFY(f.requiresAccessToken);
    }
    QCOMPARE(m.deleted.size(), 1);
    QCOMPARE(m.deleted.first().type, QStringLiteral("Bundle"));
    QCOMPARE(m.deleted.first().url,
             QUrl(QStringLiteral("https://example.com/output/del_file_1.ndjson")));
    QCOMPARE(m.error.size(), 1);
    QCOMPARE(m.error.first().type, QStringLiteral("OperationOutcome"));

    // And over the wire, as the status answer of an export kicked off at that host.
    Rig rig(
        [](const QNetworkRequest& r) {
            if (r.url().path().endsWith(QLatin1String("/$export")))
                return FakeAnswer{202,
                                  {},
                                  "application/fhir+json",
                                  {{"Content-Location", "https://example.com/fhir/status/1"}}};
            return json(kIgExampleManifest);
        },
        {}, base);
    const auto got = exportOnly(rig);
    QVERIFY(got.has_value());
    QVERIFY(got->ok());
    QCOMPARE(got->value().output.size(), 3);
}

void TestAreaListClient::countIsOptionalAndCheckedWhenGiven()
{
    {
        Rig rig(exportWith({manifest(kFile, std::nullopt)}, twoLines()));
        Run run;
        exportAndDownload(rig.client, run);
        QTRY_VERIFY(run.file.has_value());
        QVERIFY(*run.file);
        QCOMPARE(run.file->value(), 2);
        QVERIFY(!run.manifest->value().output.first().count.has_value());
    }
    {
        Rig rig(exportWith({manifest(kFile, 3)}, twoLines()));
        Run run;
        exportAndDownload(rig.client, run);
        QTRY_VERIFY(run.file.has_value());
        QVERIFY(!*run.file);
        QCOMPARE(run.file->error().kind, ServiceError::Kind::BadResponse);
        QCOMPARE(run.file->error().detail,
                 QStringLiteral("file held 2 resources, the manifest said 3"));
    }
}

void TestAreaListClient::manifestNeedsItsRequiredFields_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray file = R"({"type":"Patient","url":"https://service.invalid/f.ndjson"})";
    QTest::newRow("no transactionTime")
        << QByteArray(R"({"requiresAccessToken":true,"output":[]})");
    QTest::newRow("transactionTime without zone") << QByteArray(
        R"({"transactionTime":"2021-01-01T00:00:00","requiresAccessToken":true,"output":[]})");
    QTest::newRow("no requiresAccessToken")
        << QByteArray(R"({"transactionTime":"2021-01-01T00:00:00Z","output":[]})");
    QTest::newRow("requiresAccessToken a string") << QByteArray(
        R"({"transactionTime":"2021-01-01T00:00:00Z","requiresAccessToken":"true","output":[]})");
    QTest::newRow("no output") << QByteArray(
        R"({"transactionTime":"2021-01-01T00:00:00Z","requiresAccessToken":true})");
    QTest::newRow("output item without type") << QByteArray(
        R"({"transactionTime":"2021-01-01T00:00:00Z","requiresAccessToken":true,"output":[{"url":"https://service.invalid/f.ndjson"}]})");
    QTest::newRow("relative url") << QByteArray(
        R"({"transactionTime":"2021-01-01T00:00:00Z","requiresAccessToken":true,"output":[{"type":"Patient","url":"/f.ndjson"}]})");
    QTest::newRow("negative count") << QByteArray(
        R"({"transactionTime":"2021-01-01T00:00:00Z","requiresAccessToken":true,"output":[{"type":"Patient","url":"https://service.invalid/f.ndjson","count":-1}]})");
    QTest::newRow("fractional count") << QByteArray(
        R"({"transactionTime":"2021-01-01T00:00:00Z","requiresAccessToken":true,"output":[{"type":"Patient","url":"https://service.invalid/f.ndjson","count":1.5}]})");
    QTest::newRow("error item of another type") << QByteArray(
        R"({"transactionTime":"2021-01-01T00:00:00Z","requiresAccessToken":true,"output":[)" +
        file + R"(],"error":[{"type":"Patient","url":"https://service.invalid/e.ndjson"}]})");
    QTest::newRow("deleted not an array") << QByteArray(
        R"({"transactionTime":"2021-01-01T00:00:00Z","requiresAccessToken":true,"output":[)" +
        file + R"(],"deleted":{}})");
}

void TestAreaListClient::manifestNeedsItsRequiredFields()
{
    QFETCH(QByteArray, body);
    const auto m = AreaListClient::parseManifest(body, QUrl(kBase));
    QVERIFY(!m);
    QCOMPARE(m.error().kind, ServiceError::Kind::BadResponse);
}

void TestAreaListClient::fileHostAllowlist_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("hosts");
    QTest::addColumn<bool>("allowed");
    const QStringList none;
    const QStringList files{QStringLiteral("files.nhs.invalid")};
    QTest::newRow("kick-off host") << "https://service.invalid/x" << none << true;
    QTest::newRow("kick-off host, explicit port")
        << "https://service.invalid:443/x" << none << true;
    QTest::newRow("kick-off host, other port") << "https://service.invalid:8443/x" << none << false;
    QTest::newRow("other host") << "https://files.nhs.invalid/x" << none << false;
    QTest::newRow("allowlisted host") << "https://files.nhs.invalid/x" << files << true;
    QTest::newRow("allowlisted host, case") << "https://FILES.nhs.invalid/x" << files << true;
    QTest::newRow("allowlisted host, other port")
        << "https://files.nhs.invalid:8443/x" << files << false;
    QTest::newRow("allowlisted host and port")
        << "https://files.nhs.invalid:8443/x"
        << QStringList{QStringLiteral("files.nhs.invalid:8443")} << true;
    QTest::newRow("a suffix is not the host")
        << "https://evilfiles.nhs.invalid/x" << files << false;
    QTest::newRow("subdomain is not the host") << "https://a.files.nhs.invalid/x" << files << false;
    QTest::newRow("plain http") << "http://files.nhs.invalid/x" << files << false;
    QTest::newRow("user info") << "https://u:p@files.nhs.invalid/x" << files << false;
    QTest::newRow("malformed entry allows nothing")
        << "https://files.nhs.invalid/x" << QStringList{QStringLiteral("files.nhs.invalid/path")}
        << false;
}

void TestAreaListClient::fileHostAllowlist()
{
    QFETCH(QString, file);
    QFETCH(QStringList, hosts);
    QFETCH(bool, allowed);
    QCOMPARE(AreaListClient::fileHostAllowed(QUrl(file), QUrl(kBase), hosts), allowed);
}

void TestAreaListClient::fileOnAHostNotAllowedIsRefusedAndNotFetched()
{
    const QString elsewhere = QStringLiteral("https://files.other.invalid/job1/Patient.ndjson");
    Rig rig(exportWith({manifest(elsewhere)}, twoLines()));
    Run run;
    exportAndDownload(rig.client, run);
    QTRY_VERIFY(run.manifest.has_value());
    QVERIFY(!*run.manifest);
    QCOMPARE(run.manifest->error().kind, ServiceError::Kind::BadResponse);
    QVERIFY2(run.manifest->error().detail.contains(QStringLiteral("https://files.other.invalid")),
             qPrintable(run.manifest->error().detail));
    QVERIFY(!run.file.has_value());
    for (const QNetworkRequest& r : std::as_const(rig.nam.requests))
        QCOMPARE(r.url().host(), QStringLiteral("service.invalid"));
}

void TestAreaListClient::fileOnAnAllowedHostIsFetched()
{
    const QString elsewhere = QStringLiteral("https://files.nhs.invalid/job1/Patient.ndjson");
    AreaListClient::Settings s;
    s.fileHosts = {QStringLiteral("files.nhs.invalid")};
    Rig rig(exportWith({manifest(elsewhere)}, twoLines()), s);
    Run run;
    exportAndDownload(rig.client, run);
    QTRY_VERIFY(run.file.has_value());
    QVERIFY(*run.file);
    QCOMPARE(rig.nam.requests.last().url(), QUrl(elsewhere));
}

void TestAreaListClient::tokenOnlyWhenTheManifestRequiresIt_data()
{
    QTest::addColumn<bool>("requires");
    QTest::newRow("requiresAccessToken true") << true;
    QTest::newRow("requiresAccessToken false") << false;
}

void TestAreaListClient::tokenOnlyWhenTheManifestRequiresIt()
{
    QFETCH(bool, requires);
    const QString elsewhere = QStringLiteral("https://files.nhs.invalid/job1/Patient.ndjson?sig=x");
    AreaListClient::Settings s;
    s.fileHosts = {QStringLiteral("files.nhs.invalid")};
    Rig rig(exportWith({manifest(elsewhere, 2, requires)}, twoLines()), s);
    Run run;
    exportAndDownload(rig.client, run);
    QTRY_VERIFY(run.file.has_value());
    QVERIFY(*run.file);
    const QNetworkRequest& file = rig.nam.requests.last();
    QCOMPARE(file.url(), QUrl(elsewhere));
    QCOMPARE(file.hasRawHeader("Authorization"), requires);
    QCOMPARE(file.hasRawHeader("NHSD-Session-URID"), requires);
    if (requires)
        QCOMPARE(file.rawHeader("Authorization"), QByteArray("Bearer tok"));
    // The service itself always gets the token.
    for (int i = 0; i < rig.nam.requests.size() - 1; ++i)
        QCOMPARE(rig.nam.requests.at(i).rawHeader("Authorization"), QByteArray("Bearer tok"));
}

QTEST_GUILESS_MAIN(TestAreaListClient)
#include "tst_arealistclient.moc"
