#include "core/domain/Clock.h"
#include "core/domain/UserSession.h"
#include "core/net/FhirTransport.h"
#include "core/net/NhsHeaders.h"
#include "tests/support/FakeNetwork.h"
#include "tests/support/SandboxHttp.h"

#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cpis;
using cpis::test::FakeAnswer;
using cpis::test::FakeNetwork;

class TestFhirTransport : public QObject
{
    Q_OBJECT
private slots:
    void contextGoneAbortsTheRequest();
    void retryThatRunsOutOfTimeKeepsTheServicesReason();
    void stallWithNothingEarlierIsATimeout();
    void putSendsItsBodyAndReturnsHeaders();
    void postIsNeverRetried();
    void requestCarryingATokenIsWipedAfterUse();
    void emptyAcceptedBodyIsNotAnError();
    void nhsHeadersCarryTheSessionAndTheIds();
    void nhsHeadersFromNoSessionAreEmpty();
    void everyRequestCarriesTheTlsPolicy();
    void rateLimitedKeepsRetryAfter();
    void streamHandsOverTheBodyInPieces();
    void streamStoppedByTheReaderIsCancelled();
    void streamRateLimitedIsRateLimited();
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

// A sign-out's revocation carries a token in its body: once answered, the bytes are overwritten
// where they lie, so every copy that shared them (as Qt's network layer does) reads zeros.
void TestFhirTransport::requestCarryingATokenIsWipedAfterUse()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.body = "{}";
        a.contentType = "application/json";
        return a;
    });
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    const QByteArray token = QByteArray("refresh-").append(QByteArray(32, 'r'));
    const auto send = [&](bool wipeAfterUse, QByteArray* bodyCopy, QByteArray* headerCopy) {
        FhirTransport::Request r;
        r.method = "POST";
        r.url = QUrl(QStringLiteral("https://platform.invalid/oauth2/revoke"));
        r.body = QByteArray("token=") + token;
        r.headers = {{"X-Hint", QByteArray("hint-") + token}};
        r.contentType = "application/x-www-form-urlencoded";
        r.wipeAfterUse = wipeAfterUse;
        *bodyCopy = r.body; // shares the bytes, as Qt's copy does
        *headerCopy = r.headers.first().second;
        bool done = false;
        transport.send(r, &context, [&done](const Result<HttpResponse, ServiceError>& res, auto) {
            QVERIFY(res);
            done = true;
        });
        QTRY_VERIFY(done);
    };
    const auto allZero = [](const QByteArray& b) {
        return !b.isEmpty() && b.count('\0') == b.size();
    };

    QByteArray body, header;
    send(true, &body, &header);
    QCOMPARE(nam.bodies.last(), QByteArray("token=") + token); // the token went out
    QVERIFY2(allZero(body), body.constData());
    QVERIFY2(allZero(header), header.constData());

    // Control: a request without a token keeps its bytes.
    send(false, &body, &header);
    QCOMPARE(body, QByteArray("token=") + token);
    QCOMPARE(header, QByteArray("hint-") + token);
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
    QCOMPARE(out.error->attempts, 1); // what the user is told: tried once
    // The same answer to a GET is retried up to the limit, and the error says how often.
    Outcome again;
    run(transport, &context, again);
    QTRY_VERIFY(again.done);
    QCOMPARE(nam.requests.size(), 1 + s.retry.maxAttempts);
    QVERIFY(again.error);
    QCOMPARE(again.error->attempts, s.retry.maxAttempts);
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

namespace {
UserSession nurse()
{
    UserSession s;
    s.accessToken = "tok";
    s.roleId = QStringLiteral("100000000001");
    s.organisationCode = QStringLiteral("RX1");
    return s;
}

QByteArray headerValue(const HttpHeaders& h, const QByteArray& name)
{
    for (const auto& [k, v] : h)
        if (k == name)
            return v;
    return {};
}
} // namespace

void TestFhirTransport::nhsHeadersCarryTheSessionAndTheIds()
{
    const HttpHeaders h =
        NhsHeaders(nurse()).correlationId("corr-1").traceId("trace-1").add("X-Extra", "1").list();
    QCOMPARE(h.size(), 6);
    QCOMPARE(headerValue(h, "Authorization"), QByteArray("Bearer tok"));
    QCOMPARE(headerValue(h, "NHSD-Session-URID"), QByteArray("100000000001"));
    QCOMPARE(headerValue(h, "NHSD-End-User-Organisation-ODS"), QByteArray("RX1"));
    QCOMPARE(headerValue(h, "X-Correlation-ID"), QByteArray("corr-1"));
    QCOMPARE(headerValue(h, "TraceID"), QByteArray("trace-1"));
    QCOMPARE(headerValue(h, "X-Extra"), QByteArray("1"));
    // Empty ids add nothing; the bearer form is the token alone.
    QCOMPARE(NhsHeaders(nurse()).correlationId({}).traceId({}).list().size(), 3);
    QCOMPARE(NhsHeaders::bearer("abc").list(),
             (HttpHeaders{{QByteArray("Authorization"), QByteArray("Bearer abc")}}));
}

void TestFhirTransport::nhsHeadersFromNoSessionAreEmpty()
{
    QVERIFY(NhsHeaders(UserSession()).list().isEmpty());
    QVERIFY(NhsHeaders::bearer({}).list().isEmpty());
    // Sent through the transport, they arrive as built, beside the transport's X-Request-ID.
    FakeNetwork nam([](const QNetworkRequest&) { return FakeAnswer{}; });
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    bool done = false;
    const QByteArray id = transport.get(
        QUrl(QStringLiteral("https://service.invalid/x")), NhsHeaders(nurse()).list(), &context,
        [&done](const Result<HttpResponse, ServiceError>&, const QByteArray&) { done = true; });
    QTRY_VERIFY(done);
    const QNetworkRequest& sent = nam.requests.first();
    QCOMPARE(sent.rawHeader("Authorization"), QByteArray("Bearer tok"));
    QCOMPARE(sent.rawHeader("NHSD-Session-URID"), QByteArray("100000000001"));
    QCOMPARE(sent.rawHeader("X-Request-ID"), id);
}

void TestFhirTransport::everyRequestCarriesTheTlsPolicy()
{
    QTemporaryDir dir;
    QVERIFY(sandboxtest::makeLoopbackCertificate(dir.path()));
    QFile c(dir.filePath(QStringLiteral("cert.pem")));
    QFile k(dir.filePath(QStringLiteral("key.pem")));
    QVERIFY(c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly));
    const QSslCertificate cert(&c, QSsl::Pem);
    const QSslKey key(&k, QSsl::Rsa, QSsl::Pem);
    QVERIFY(!cert.isNull() && !key.isNull());

    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.contentType = "application/fhir+ndjson";
        a.body = "{}\n";
        return a;
    });
    SystemClock clock;
    FhirTransport::Settings s = quick();
    s.tls.caCertificates = {cert};
    s.tls.clientCertificate = cert;
    s.tls.clientKey = key;
    FhirTransport transport(&nam, &clock, s);
    QObject context;
    int done = 0;
    auto count = [&done](const Result<HttpResponse, ServiceError>&, const QByteArray&) { ++done; };
    transport.get(QUrl(QStringLiteral("https://service.invalid/a")), {}, &context, count);
    FhirTransport::Request put;
    put.method = "PUT";
    put.url = QUrl(QStringLiteral("https://service.invalid/b"));
    transport.send(put, &context, count);
    FhirTransport::Request file;
    file.url = QUrl(QStringLiteral("https://service.invalid/file.ndjson"));
    file.accept = "application/fhir+ndjson";
    transport.stream(
        file, std::chrono::milliseconds(1000), &context, [](const QByteArray&) { return true; },
        count);
    transport.get(QUrl(QStringLiteral("http://127.0.0.1:9/plain")), {}, &context, count);
    QTRY_COMPARE(done, 4);
    QCOMPARE(nam.requests.size(), 4);
    for (int i = 0; i < 3; ++i) {
        const QSslConfiguration tls = nam.requests.at(i).sslConfiguration();
        QCOMPARE(tls.localCertificate(), cert);
        QCOMPARE(tls.privateKey(), key);
        QCOMPARE(tls.caCertificates(), QList<QSslCertificate>{cert});
    }
    // Plain http to a loopback sandbox carries no client certificate.
    QVERIFY(nam.requests.at(3).sslConfiguration().localCertificate().isNull());
}

void TestFhirTransport::rateLimitedKeepsRetryAfter()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.status = 429;
        a.headers = {{"Retry-After", "30"}}; // longer than the policy waits out
        return a;
    });
    const Outcome out = getOnce(nam);
    QVERIFY(out.done);
    QVERIFY(out.error);
    QCOMPARE(out.error->kind, ServiceError::Kind::RateLimited);
    QCOMPARE(out.error->httpStatus, 429);
    QCOMPARE(out.error->retryAfterSecs, 30);
    QCOMPARE(nam.requests.size(), 1);
}

void TestFhirTransport::streamHandsOverTheBodyInPieces()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.contentType = "application/fhir+ndjson";
        a.body = "{\"a\":1}\n{\"b\":2}\n";
        return a;
    });
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    QByteArray got;
    std::optional<HttpResponse> end;
    FhirTransport::Request r;
    r.url = QUrl(QStringLiteral("https://service.invalid/file.ndjson"));
    r.accept = "application/fhir+ndjson";
    transport.stream(
        r, std::chrono::milliseconds(1000), &context,
        [&got](const QByteArray& chunk) {
            got += chunk;
            return true;
        },
        [&end](const Result<HttpResponse, ServiceError>& res, const QByteArray&) {
            QVERIFY(res);
            end = res.value();
        });
    QTRY_VERIFY(end.has_value());
    QCOMPARE(got, QByteArray("{\"a\":1}\n{\"b\":2}\n"));
    QCOMPARE(end->status, 200);
    QVERIFY(end->body.isEmpty());
    QCOMPARE(nam.requests.first().rawHeader("Accept"), QByteArray("application/fhir+ndjson"));
}

void TestFhirTransport::streamStoppedByTheReaderIsCancelled()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.contentType = "application/fhir+ndjson";
        a.body = "bad\n";
        return a;
    });
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    Outcome out;
    FhirTransport::Request r;
    r.url = QUrl(QStringLiteral("https://service.invalid/file.ndjson"));
    r.accept = "application/fhir+ndjson";
    transport.stream(
        r, std::chrono::milliseconds(1000), &context, [](const QByteArray&) { return false; },
        [&out](const Result<HttpResponse, ServiceError>& res, const QByteArray&) {
            ++out.calls;
            out.done = true;
            if (!res)
                out.error = res.error();
        });
    QTRY_VERIFY(out.done);
    QCOMPARE(out.calls, 1);
    QCOMPARE(out.error->kind, ServiceError::Kind::Cancelled);
}

// A rate limit on a file download is the same RateLimited as on any other call.
void TestFhirTransport::streamRateLimitedIsRateLimited()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.status = 429;
        a.headers = {{"Retry-After", "30"}};
        return a;
    });
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    Outcome out;
    bool chunk = false;
    FhirTransport::Request r;
    r.url = QUrl(QStringLiteral("https://service.invalid/file.ndjson"));
    r.accept = "application/fhir+ndjson";
    transport.stream(
        r, std::chrono::milliseconds(1000), &context,
        [&chunk](const QByteArray&) {
            chunk = true;
            return true;
        },
        [&out](const Result<HttpResponse, ServiceError>& res, const QByteArray&) {
            out.done = true;
            if (!res)
                out.error = res.error();
        });
    QTRY_VERIFY(out.done);
    QVERIFY(!chunk);
    QCOMPARE(out.error->kind, ServiceError::Kind::RateLimited);
    QCOMPARE(out.error->retryAfterSecs, 30);
}

void TestFhirTransport::contextGoneAbortsTheRequest()
{
    FakeNetwork nam([](const QNetworkRequest&) {
        FakeAnswer a;
        a.stall = true; // the service has the request and has not answered
        return a;
    });
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    auto context = std::make_unique<QObject>();
    Outcome out;
    run(transport, context.get(), out);
    const auto replies = nam.findChildren<QNetworkReply*>();
    QCOMPARE(replies.size(), 1);
    QPointer<QNetworkReply> reply = replies.first();
    QNetworkReply::NetworkError ended = QNetworkReply::NoError;
    connect(reply, &QNetworkReply::finished, reply, [&] { ended = reply->error(); });
    context.reset();
    // Aborted at once, not left to run to its time limit for nobody; no retry, no callback.
    QCOMPARE(ended, QNetworkReply::OperationCanceledError);
    QCoreApplication::processEvents();
    QVERIFY(!out.done);
    QCOMPARE(nam.requests.size(), 1);
}

QTEST_GUILESS_MAIN(TestFhirTransport)
#include "tst_fhirtransport.moc"
