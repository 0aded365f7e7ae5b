#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "tests/support/FakeNetwork.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpis;
using cpis::test::FakeAnswer;
using cpis::test::FakeNetwork;

class TestFhirTransport : public QObject
{
    Q_OBJECT
private slots:
    void retryThatRunsOutOfTimeKeepsTheServicesReason();
    void stallWithNothingEarlierIsATimeout();
    void putSendsItsBodyAndReturnsHeaders();
    void postIsNeverRetried();
    void emptyAcceptedBodyIsNotAnError();
};

namespace {

struct Outcome
{
    bool done = false;
    std::optional<ServiceError> error;
    int calls = 0;
};

FhirTransport::Settings quick()
{
    FhirTransport::Settings s;
    s.stallTimeout = std::chrono::milliseconds(5000);
    s.totalTimeout = std::chrono::milliseconds(1500);
    s.retry.maxAttempts = 3;
    return s;
}

void run(FhirTransport& transport, QObject* context, Outcome& out)
{
    transport.get(QUrl(QStringLiteral("https://service.invalid/CareTeam")), {}, context,
                  [&out](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
                      ++out.calls;
                      out.done = true;
                      if (!r)
                          out.error = r.error();
                  });
}

// One GET through a fresh transport over `nam`, waited out (or given up on after 5 s).
Outcome getOnce(FakeNetwork& nam)
{
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    Outcome out;
    run(transport, &context, out);
    (void)QTest::qWaitFor([&out] { return out.done; }, 5000); // the caller checks out.done
    return out;
}

} // namespace

// A 429 asks for a wait; the retry after it then hangs until the total limit. The user should
// hear "rate limited" (what the service said), not a bare "timeout".
void TestFhirTransport::retryThatRunsOutOfTimeKeepsTheServicesReason()
{
    int attempts = 0;
    FakeNetwork nam([&attempts](const QNetworkRequest&) {
        FakeAnswer a;
        if (++attempts == 1) {
            a.status = 429;
            a.headers = {{"Retry-After", "1"}};
        } else {
            a.stall = true;
        }
        return a;
    });
    const Outcome out = getOnce(nam);
    QVERIFY(out.done);
    QCOMPARE(out.calls, 1);
    QCOMPARE(attempts, 2);
    QVERIFY(out.error);
    QCOMPARE(out.error->kind, ServiceError::Kind::RateLimited);
}

void TestFhirTransport::stallWithNothingEarlierIsATimeout()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.stall = true;
        return a;
    });
    const Outcome out = getOnce(nam);
    QVERIFY(out.done);
    QCOMPARE(out.calls, 1);
    QVERIFY(out.error);
    QCOMPARE(out.error->kind, ServiceError::Kind::Timeout);
}

void TestFhirTransport::putSendsItsBodyAndReturnsHeaders()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.body = R"({"messageId":"m1"})";
        a.contentType = "application/json";
        a.headers = {{"Content-Location", "https://service.invalid/status/1"}};
        return a;
    });
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    std::optional<HttpResponse> got;
    FhirTransport::Request r;
    r.method = "PUT";
    r.url = QUrl(QStringLiteral("https://service.invalid/inbox/m1/status/acknowledged"));
    r.body = "{}";
    r.contentType = "application/json";
    transport.send(r, &context, [&](const Result<HttpResponse, ServiceError>& res, auto) {
        QVERIFY(res);
        got = res.value();
    });
    QTRY_VERIFY(got.has_value());
    QCOMPARE(nam.methods, QList<QByteArray>{"PUT"});
    QCOMPARE(nam.bodies, QList<QByteArray>{"{}"});
    QCOMPARE(nam.requests.first().header(QNetworkRequest::ContentTypeHeader).toByteArray(),
             QByteArray("application/json"));
    QCOMPARE(got->header("content-location"), QByteArray("https://service.invalid/status/1"));
}

void TestFhirTransport::postIsNeverRetried()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.status = 503;
        return a;
    });
    SystemClock clock;
    FhirTransport::Settings s = quick();
    s.retry.initialBackoff = std::chrono::milliseconds(10);
    FhirTransport transport(&nam, &clock, s);
    QObject context;
    Outcome out;
    FhirTransport::Request r;
    r.method = "POST";
    r.url = QUrl(QStringLiteral("https://service.invalid/thing"));
    transport.send(r, &context, [&out](const Result<HttpResponse, ServiceError>& res, auto) {
        out.done = true;
        if (!res)
            out.error = res.error();
    });
    QTRY_VERIFY(out.done);
    QCOMPARE(nam.requests.size(), 1);
    QCOMPARE(out.error->kind, ServiceError::Kind::ServiceFailure);
    // The same answer to a GET is retried up to the limit.
    Outcome again;
    run(transport, &context, again);
    QTRY_VERIFY(again.done);
    QCOMPARE(nam.requests.size(), 1 + s.retry.maxAttempts);
}

void TestFhirTransport::emptyAcceptedBodyIsNotAnError()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.status = 202;
        a.contentType = "text/plain";
        return a;
    });
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    std::optional<int> status;
    transport.get(QUrl(QStringLiteral("https://service.invalid/status/1")), {}, &context,
                  [&](const Result<HttpResponse, ServiceError>& res, auto) {
                      QVERIFY(res);
                      status = res.value().status;
                  });
    QTRY_VERIFY(status.has_value());
    QCOMPARE(*status, 202);
}

QTEST_GUILESS_MAIN(TestFhirTransport)
#include "tst_fhirtransport.moc"
