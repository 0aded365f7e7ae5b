#include "Clock.h"
#include "FhirTransport.h"
#include "support/FakeNetwork.h"

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
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    Outcome out;
    run(transport, &context, out);
    QTRY_VERIFY_WITH_TIMEOUT(out.done, 5000);
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
    SystemClock clock;
    FhirTransport transport(&nam, &clock, quick());
    QObject context;
    Outcome out;
    run(transport, &context, out);
    QTRY_VERIFY_WITH_TIMEOUT(out.done, 5000);
    QCOMPARE(out.calls, 1);
    QVERIFY(out.error);
    QCOMPARE(out.error->kind, ServiceError::Kind::Timeout);
}

QTEST_GUILESS_MAIN(TestFhirTransport)
#include "tst_fhirtransport.moc"
