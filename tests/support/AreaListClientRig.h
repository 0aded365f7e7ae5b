#pragma once
// The area-list client's unit-test rig, shared by its test files: a fake network answering as the
// Bulk Data IG v2.0.0 describes, and a client whose waits are recorded, never a real timer.
#include "core/arealist/AreaListClient.h"
#include "core/domain/Clock.h"
#include "core/domain/UserSession.h"
#include "core/net/FhirTransport.h"
#include "tests/support/FakeNetwork.h"

#include <QLocale>
#include <QPointer>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace cpis::test {
using std::chrono::milliseconds;

inline const QString kBase = QStringLiteral("https://service.invalid");
inline const QString kStatus = kBase + QStringLiteral("/cpis/FHIR/R4/$export-status/job1");
inline const QString kFile =
    kBase + QStringLiteral("/cpis/FHIR/R4/$export-file/job1/Patient.ndjson");
inline const QDateTime kNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);

// The example response body of "Response - Complete Status", Bulk Data Status Request, in the
// HL7 FHIR Bulk Data Access IG v2.0.0 (STU 2), hl7.org/fhir/uv/bulkdata/STU2/export.html
// (source: HL7/bulk-data, input/pagecontent/export.md), exactly as the IG prints it.
inline const QByteArray kIgExampleManifest = R"(
  {
    "transactionTime": "2021-01-01T00:00:00Z",
    "request" : "https://example.com/fhir/Patient/$export?_type=Patient,Observation",
    "requiresAccessToken" : true,
    "output" : [{
      "type" : "Patient",
      "url" : "https://example.com/output/patient_file_1.ndjson"
    },{
      "type" : "Patient",
      "url" : "https://example.com/output/patient_file_2.ndjson"
    },{
      "type" : "Observation",
      "url" : "https://example.com/output/observation_file_1.ndjson"
    }],
    "deleted": [{
      "type" : "Bundle",
      "url" : "https://example.com/output/del_file_1.ndjson"
    }],
    "error" : [{
      "type" : "OperationOutcome",
      "url" : "https://example.com/output/err_file_1.ndjson"
    }],
    "extension":{"https://example.com/extra-property": true}
  }
)";

inline UserSession lead()
{
    UserSession s;
    s.accessToken = "tok";
    s.roleId = QStringLiteral("100000000003");
    s.organisationCode = QStringLiteral("SHE1");
    return s;
}

inline FakeAnswer json(const QByteArray& body)
{
    FakeAnswer a;
    a.contentType = "application/json";
    a.body = body;
    return a;
}

// A complete status: one Patient file at `url`, with `count` when given.
inline FakeAnswer
manifest(const QString& url = kFile, std::optional<int> count = 2, bool requiresAccessToken = true)
{
    QByteArray item = R"({"type":"Patient","url":")" + url.toUtf8() + '"';
    if (count)
        item += R"(,"count":)" + QByteArray::number(*count);
    item += '}';
    return json(
        R"({"transactionTime":"2026-07-28T00:00:00Z","request":"x","requiresAccessToken":)" +
        QByteArray(requiresAccessToken ? "true" : "false") + R"(,"output":[)" + item +
        R"(],"error":[]})");
}

inline FakeAnswer accepted(const QByteArray& retryAfter = {})
{
    FakeAnswer a;
    a.status = 202;
    a.headers = {{"X-Progress", "50% complete"}};
    if (!retryAfter.isEmpty())
        a.headers.append({"Retry-After", retryAfter});
    return a;
}

inline FakeAnswer busy(int status, const QByteArray& retryAfter)
{
    FakeAnswer a;
    a.status = status;
    if (!retryAfter.isEmpty())
        a.headers = {{"Retry-After", retryAfter}};
    return a;
}

inline QByteArray httpDate(const QDateTime& t)
{
    return QLocale::c()
        .toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

// Kick-off, then the status answers in turn (the last one repeats), then `fileAnswer` for
// every other URL.
inline FakeNetwork::Router exportWith(QList<FakeAnswer> statusAnswers, FakeAnswer fileAnswer)
{
    auto polls = std::make_shared<int>(0);
    return [statusAnswers, fileAnswer, polls](const QNetworkRequest& r) {
        const QString url = r.url().toString();
        if (url.contains(QLatin1String("/$export?")))
            return FakeAnswer{
                202, {}, "application/fhir+json", {{"Content-Location", kStatus.toUtf8()}}};
        if (url == kStatus)
            return statusAnswers.at(qMin(qsizetype((*polls)++), statusAnswers.size() - 1));
        return fileAnswer;
    };
}

inline FhirTransport::Settings quick()
{
    FhirTransport::Settings s;
    s.totalTimeout = std::chrono::milliseconds(2000);
    return s;
}

// Two NDJSON lines, as a file of the export.
inline FakeAnswer twoLines()
{
    FakeAnswer file;
    file.contentType = "application/fhir+ndjson";
    file.body = "{\"a\":1}\n{\"b\":2}\n";
    return file;
}

// The client over the one transport, on a fake network answering as `router` says; its waits
// are recorded and (unless held) fired at once, each moving the manual clock on by its delay.
struct Rig
{
    explicit Rig(FakeNetwork::Router router,
                 AreaListClient::Settings settings = {},
                 const QString& base = kBase,
                 FhirTransport::Settings transportSettings = quick())
        : nam(std::move(router)), transport(&nam, &clock, transportSettings),
          client(&transport,
                 QUrl(base),
                 std::move(settings),
                 &clock,
                 [this](milliseconds delay, QObject* context, std::function<void()> fire) {
                     waits.append(delay);
                     QPointer<QObject> alive(context);
                     auto run = [this, delay, alive, fire] {
                         if (!alive)
                             return; // cancelled: as a QTimer with that context would not fire
                         clock.advanceMSecs(delay.count());
                         fire();
                     };
                     if (hold)
                         held.append(run);
                     else
                         QTimer::singleShot(0, run);
                 })
    {}
    int statusPolls() const
    {
        int n = 0;
        for (const QNetworkRequest& r : nam.requests)
            n += r.url().toString() == kStatus ? 1 : 0;
        return n;
    }
    FakeNetwork nam;
    ManualClock clock{kNow};
    FhirTransport transport;
    QList<milliseconds> waits;
    bool hold = false;
    QList<std::function<void()>> held;
    AreaListClient client;
};

using ManifestResult = Result<AreaListClient::Manifest, ServiceError>;

inline std::optional<ManifestResult> exportOnly(Rig& rig)
{
    std::optional<ManifestResult> got;
    rig.client.startExport(lead(), QStringLiteral("SHE1-all"), std::nullopt, nullptr,
                           [&got](const ManifestResult& m) { got = m; });
    if (!QTest::qWaitFor([&got] { return got.has_value(); }, 5000))
        return std::nullopt;
    return got;
}
} // namespace cpis::test
