// The area-list client over a fake network: its calls, the file download included, go through
// the one transport, so a rate limit anywhere in an export reads as RateLimited, and every
// request carries the NHS headers.
#include "core/arealist/AreaListClient.h"
#include "core/domain/Clock.h"
#include "core/domain/UserSession.h"
#include "core/net/FhirTransport.h"
#include "tests/support/FakeNetwork.h"

#include <QTest>

#include <optional>

using namespace cpis;
using cpis::test::FakeAnswer;
using cpis::test::FakeNetwork;

namespace {
const QString kBase = QStringLiteral("https://service.invalid");
const QString kStatus = kBase + QStringLiteral("/cpis/FHIR/R4/$export-status/job1");
const QString kFile = kBase + QStringLiteral("/cpis/FHIR/R4/$export-file/job1/Patient.ndjson");

UserSession lead()
{
    UserSession s;
    s.accessToken = "tok";
    s.roleId = QStringLiteral("100000000003");
    s.organisationCode = QStringLiteral("SHE1");
    return s;
}

FakeAnswer manifest()
{
    FakeAnswer a;
    a.contentType = "application/json";
    a.body =
        R"({"transactionTime":"2026-07-28T00:00:00Z","request":"x","requiresAccessToken":true,)"
        R"("output":[{"type":"Patient","url":")" +
        kFile.toUtf8() + R"(","count":2}],"error":[]})";
    return a;
}

// Kick-off, a finished status, then `fileAnswer` for the one file.
FakeNetwork::Router exportWith(FakeAnswer statusAnswer, FakeAnswer fileAnswer)
{
    return [statusAnswer, fileAnswer](const QNetworkRequest& r) {
        const QString url = r.url().toString();
        if (url.contains(QLatin1String("$export-file")))
            return fileAnswer;
        if (url.contains(QLatin1String("$export-status")))
            return statusAnswer;
        FakeAnswer kickOff;
        kickOff.status = 202;
        kickOff.headers = {{"Content-Location", kStatus.toUtf8()}};
        return kickOff;
    };
}

FakeAnswer rateLimited()
{
    FakeAnswer a;
    a.status = 429;
    a.headers = {{"Retry-After", "30"}}; // longer than the retry policy waits out
    return a;
}

FhirTransport::Settings quick()
{
    FhirTransport::Settings s;
    s.totalTimeout = std::chrono::milliseconds(2000);
    return s;
}

// Two NDJSON lines, as a file of the export.
FakeAnswer twoLines()
{
    FakeAnswer file;
    file.contentType = "application/fhir+ndjson";
    file.body = "{\"a\":1}\n{\"b\":2}\n";
    return file;
}

// The client over the one transport, on a fake network answering as `router` says.
struct Rig
{
    explicit Rig(FakeNetwork::Router router) : nam(std::move(router)) {}
    FakeNetwork nam;
    SystemClock clock;
    FhirTransport transport{&nam, &clock, quick()};
    AreaListClient client{&transport, QUrl(kBase), AreaListClient::Settings{}};
};
} // namespace

class TestAreaListClient : public QObject
{
    Q_OBJECT
private slots:
    void fileStreamsThroughTheTransport();
    void rateLimitedFileIsRateLimited();
    void rateLimitedStatusIsRateLimited();
    void rejectedLineStopsTheDownload();

private:
    struct Run
    {
        std::optional<Result<AreaListClient::Manifest, ServiceError>> manifest;
        std::optional<Result<qint64, ServiceError>> file;
        QList<QByteArray> lines;
    };
    // Starts an export and downloads its first file, if the export gets that far.
    static void exportAndDownload(AreaListClient& client, Run& run, bool acceptLines = true);
};

void TestAreaListClient::exportAndDownload(AreaListClient& client, Run& run, bool acceptLines)
{
    client.startExport(
        lead(), QStringLiteral("SHE1-all"), std::nullopt, nullptr,
        [&client, &run, acceptLines](const Result<AreaListClient::Manifest, ServiceError>& m) {
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
    Rig rig(exportWith(manifest(), twoLines()));
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
    Rig rig(exportWith(manifest(), rateLimited()));
    Run run;
    exportAndDownload(rig.client, run);
    QTRY_VERIFY(run.file.has_value());
    QVERIFY(!*run.file);
    QCOMPARE(run.file->error().kind, ServiceError::Kind::RateLimited);
    QCOMPARE(run.file->error().httpStatus, 429);
    QCOMPARE(run.file->error().retryAfterSecs, 30);
    QVERIFY(run.lines.isEmpty());
}

void TestAreaListClient::rateLimitedStatusIsRateLimited()
{
    Rig rig(exportWith(rateLimited(), FakeAnswer{}));
    Run run;
    exportAndDownload(rig.client, run);
    QTRY_VERIFY(run.manifest.has_value());
    QVERIFY(!*run.manifest);
    QCOMPARE(run.manifest->error().kind, ServiceError::Kind::RateLimited);
    QVERIFY(!run.file.has_value());
}

void TestAreaListClient::rejectedLineStopsTheDownload()
{
    Rig rig(exportWith(manifest(), twoLines()));
    Run run;
    exportAndDownload(rig.client, run, false);
    QTRY_VERIFY(run.file.has_value());
    QVERIFY(!*run.file);
    QCOMPARE(run.file->error().kind, ServiceError::Kind::BadResponse);
    QCOMPARE(run.file->error().detail, QStringLiteral("line 1: not a Patient"));
    QCOMPARE(run.lines.size(), 1); // nothing read after the rejected line
}

QTEST_GUILESS_MAIN(TestAreaListClient)
#include "tst_arealistclient.moc"
