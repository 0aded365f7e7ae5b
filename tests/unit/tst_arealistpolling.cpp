// The area-list client's polling of an export, over a fake network: Retry-After honoured on 202,
// 429 and 503 (seconds or an HTTP-date) with a ceiling, backing off without one, a failed or
// never-finishing export ended, a cancel stopping the polls (HL7 FHIR Bulk Data Access IG
// v2.0.0). Waits go through a recording scheduler, never a real timer.
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

class TestAreaListPolling : public QObject
{
    Q_OBJECT
private slots:
    void retryAfterSecondsOn202IsHonoured();
    void retryAfterDateOn202IsHonoured();
    void retryAfterOn202HasACeiling();
    void without202RetryAfterTheWaitBacksOff();
    void retryAfterOn429And503IsHonoured_data();
    void retryAfterOn429And503IsHonoured();
    void retryAfterLongerThanTheCeilingEndsTheExport();
    void failedExportIsNotRetried();
    void exportThatNeverFinishesTimesOut();
    void cancelDuringAWaitStopsPolling();
};

void TestAreaListPolling::retryAfterSecondsOn202IsHonoured()
{
    Rig rig(exportWith({accepted("7"), accepted("3"), manifest()}, twoLines()));
    const auto got = exportOnly(rig);
    QVERIFY(got && got->ok());
    QCOMPARE(rig.waits, (QList<milliseconds>{milliseconds(7000), milliseconds(3000)}));
    QCOMPARE(rig.statusPolls(), 3);
}

void TestAreaListPolling::retryAfterDateOn202IsHonoured()
{
    // The date is read against the client's clock when the 202 arrives.
    Rig rig(exportWith({accepted(httpDate(kNow.addSecs(42))), manifest()}, twoLines()));
    const auto got = exportOnly(rig);
    QVERIFY(got && got->ok());
    QCOMPARE(rig.waits, (QList<milliseconds>{milliseconds(42000)}));
}

void TestAreaListPolling::retryAfterOn202HasACeiling()
{
    AreaListClient::Settings s;
    s.maxPollDelay = milliseconds(60000);
    Rig rig(exportWith({accepted("600"), manifest()}, twoLines()), s);
    const auto got = exportOnly(rig);
    QVERIFY(got && got->ok());
    QCOMPARE(rig.waits, (QList<milliseconds>{milliseconds(60000)}));
}

void TestAreaListPolling::without202RetryAfterTheWaitBacksOff()
{
    AreaListClient::Settings s;
    s.minPollDelay = milliseconds(500);
    s.maxPollDelay = milliseconds(3000);
    Rig rig(exportWith({accepted(), accepted(), accepted(), accepted(), accepted(), manifest()},
                       twoLines()),
            s);
    const auto got = exportOnly(rig);
    QVERIFY(got && got->ok());
    QCOMPARE(rig.waits,
             (QList<milliseconds>{milliseconds(500), milliseconds(1000), milliseconds(2000),
                                  milliseconds(3000), milliseconds(3000)}));
}

void TestAreaListPolling::retryAfterOn429And503IsHonoured_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("asDate");
    QTest::newRow("429, seconds") << 429 << false;
    QTest::newRow("429, HTTP-date") << 429 << true;
    QTest::newRow("503, seconds") << 503 << false;
    QTest::newRow("503, HTTP-date") << 503 << true;
}

void TestAreaListPolling::retryAfterOn429And503IsHonoured()
{
    QFETCH(int, status);
    QFETCH(bool, asDate);
    // Longer than the transport's own short retries wait out, so the client's turn.
    const QByteArray after = asDate ? httpDate(kNow.addSecs(90)) : QByteArray("90");
    Rig rig(exportWith({accepted("1"), busy(status, after), manifest()}, twoLines()));
    const auto got = exportOnly(rig);
    QVERIFY(got.has_value());
    QVERIFY2(got->ok(), qPrintable(got->ok() ? QString() : got->error().detail));
    // The date is 90 s after kNow; the first wait moved the clock on by 1 s.
    QCOMPARE(rig.waits,
             (QList<milliseconds>{milliseconds(1000), milliseconds(asDate ? 89000 : 90000)}));
    QCOMPARE(rig.statusPolls(), 3);
}

void TestAreaListPolling::retryAfterLongerThanTheCeilingEndsTheExport()
{
    AreaListClient::Settings s;
    s.maxRetryAfter = milliseconds(300000);
    Rig rig(exportWith({busy(429, "3600"), manifest()}, twoLines()), s);
    const auto got = exportOnly(rig);
    QVERIFY(got && !got->ok());
    QCOMPARE(got->error().kind, ServiceError::Kind::RateLimited);
    QCOMPARE(got->error().retryAfterSecs, 3600);
    QVERIFY(rig.waits.isEmpty());
    QCOMPARE(rig.statusPolls(), 1);
}

// A 500 without Retry-After is the export failing (IG: error status), not a pause.
void TestAreaListPolling::failedExportIsNotRetried()
{
    FhirTransport::Settings t = quick();
    t.retry.maxAttempts = 1; // the transport's own retries are its business, not this test's
    Rig rig(exportWith({busy(500, {}), manifest()}, twoLines()), {}, kBase, t);
    const auto got = exportOnly(rig);
    QVERIFY(got && !got->ok());
    QCOMPARE(got->error().kind, ServiceError::Kind::ServiceFailure);
    QCOMPARE(got->error().httpStatus, 500);
    QVERIFY(rig.waits.isEmpty());
}

void TestAreaListPolling::exportThatNeverFinishesTimesOut()
{
    AreaListClient::Settings s;
    s.maxExportWait = milliseconds(10 * 60 * 1000);
    Rig rig(exportWith({accepted("120")}, twoLines()), s);
    const auto got = exportOnly(rig);
    QVERIFY(got && !got->ok());
    QCOMPARE(got->error().kind, ServiceError::Kind::Timeout);
    QCOMPARE(rig.waits.size(), 5); // 5 x 120 s fit in 10 minutes, a sixth would not
    QCOMPARE(rig.statusPolls(), 6);
}

void TestAreaListPolling::cancelDuringAWaitStopsPolling()
{
    Rig rig(exportWith({accepted("5"), manifest()}, twoLines()));
    rig.hold = true;
    bool called = false;
    rig.client.startExport(lead(), QStringLiteral("SHE1-all"), std::nullopt, nullptr,
                           [&called](const ManifestResult&) { called = true; });
    QTRY_COMPARE(rig.held.size(), 1);
    QCOMPARE(rig.waits, (QList<milliseconds>{milliseconds(5000)}));
    rig.client.cancel(lead());
    for (const auto& run : std::as_const(rig.held))
        run(); // the wait ends after the cancel: nothing follows
    QTRY_COMPARE(rig.nam.methods.last(), QByteArray("DELETE"));
    QCOMPARE(rig.nam.requests.last().url(), QUrl(kStatus));
    QTest::qWait(50);               // a poll that wrongly followed would have been sent by now
    QCOMPARE(rig.statusPolls(), 2); // the first poll and the DELETE
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestAreaListPolling)
#include "tst_arealistpolling.moc"
