#include "core/net/RetryPolicy.h"

#include <QTest>

using namespace std::chrono_literals;
using cpis::RetryPolicy;
using cpis::ServiceError;
using K = ServiceError::Kind;

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private slots:
    void retryableKinds_data();
    void retryableKinds();
    void exponentialBackoffCapped();
    void stopsAfterMaxAttempts();
    void honoursShortRetryAfter();
    void refusesLongRetryAfter();
    void rateLimitWithoutRetryAfterIsNotRetried();
    void parseRetryAfter_data();
    void repeatOnlyAsTheSameMessage_data();
    void repeatOnlyAsTheSameMessage();
    void parseRetryAfter();
};

void TestRetryPolicy::retryableKinds_data()
{
    QTest::addColumn<K>("kind");
    QTest::addColumn<bool>("retry");
    QTest::newRow("timeout") << K::Timeout << true;
    QTest::newRow("reset") << K::ConnectionReset << true;
    QTest::newRow("5xx/408") << K::ServiceFailure << true;
    QTest::newRow("429") << K::RateLimited << true;
    QTest::newRow("offline") << K::Offline << false;
    QTest::newRow("tls") << K::Tls << false;
    QTest::newRow("401") << K::SignInExpired << false;
    QTest::newRow("403") << K::AccessDenied << false;
    QTest::newRow("404") << K::NotFound << false;
    QTest::newRow("404 invalidated") << K::Invalidated << false;
    QTest::newRow("404 not recognised") << K::NotRecognised << false;
    QTest::newRow("400") << K::InvalidRequest << false;
    QTest::newRow("bad body") << K::BadResponse << false;
}

void TestRetryPolicy::retryableKinds()
{
    QFETCH(K, kind);
    QFETCH(bool, retry);
    QCOMPARE(RetryPolicy::isRetryable(kind), retry);
    ServiceError e;
    e.kind = kind;
    QCOMPARE(RetryPolicy().delayBefore(2, e).has_value(), retry && kind != K::RateLimited);
}

void TestRetryPolicy::repeatOnlyAsTheSameMessage_data()
{
    QTest::addColumn<K>("kind");
    QTest::addColumn<bool>("reached"); // may have reached the service
    QTest::newRow("offline") << K::Offline << false;
    QTest::newRow("tls") << K::Tls << false;
    QTest::newRow("reset") << K::ConnectionReset << true;
    QTest::newRow("timeout") << K::Timeout << true;
    QTest::newRow("5xx") << K::ServiceFailure << true;
    QTest::newRow("429") << K::RateLimited << true;
    QTest::newRow("bad body") << K::BadResponse << true;
}

// A request that acts at the service (a CP-IS query notifies) is sent again only as the same
// message, or when it certainly never arrived.
void TestRetryPolicy::repeatOnlyAsTheSameMessage()
{
    QFETCH(K, kind);
    QFETCH(bool, reached);
    QCOMPARE(RetryPolicy::mayHaveReached(kind), reached);
    QVERIFY(RetryPolicy::mayRepeat(kind, true));
    QCOMPARE(RetryPolicy::mayRepeat(kind, false), !reached);
    ServiceError e;
    e.kind = kind;
    // A new message id after a failure that may have reached the service: never.
    if (reached)
        QVERIFY(!RetryPolicy().delayBefore(2, e, false).has_value());
    if (kind == K::ConnectionReset || kind == K::Timeout || kind == K::ServiceFailure)
        QVERIFY(RetryPolicy().delayBefore(2, e, true).has_value());
}

void TestRetryPolicy::exponentialBackoffCapped()
{
    RetryPolicy::Settings s;
    s.maxAttempts = 6;
    s.initialBackoff = 100ms;
    s.maxBackoff = 350ms;
    const RetryPolicy policy(s);
    ServiceError e;
    e.kind = K::ServiceFailure;
    QCOMPARE(policy.delayBefore(2, e).value(), 100ms);
    QCOMPARE(policy.delayBefore(3, e).value(), 200ms);
    QCOMPARE(policy.delayBefore(4, e).value(), 350ms);
    QCOMPARE(policy.delayBefore(6, e).value(), 350ms);
}

void TestRetryPolicy::stopsAfterMaxAttempts()
{
    ServiceError e;
    e.kind = K::Timeout;
    const RetryPolicy policy; // 3 attempts
    QVERIFY(policy.delayBefore(3, e).has_value());
    QVERIFY(!policy.delayBefore(4, e).has_value());
    QVERIFY(!policy.delayBefore(1, e).has_value());
}

void TestRetryPolicy::honoursShortRetryAfter()
{
    ServiceError e;
    e.kind = K::RateLimited;
    e.retryAfterSecs = 2;
    QCOMPARE(RetryPolicy().delayBefore(2, e).value(), 2000ms);
    e.kind = K::ServiceFailure; // 503 with Retry-After
    e.retryAfterSecs = 0;
    QCOMPARE(RetryPolicy().delayBefore(2, e).value(), 0ms);
}

void TestRetryPolicy::refusesLongRetryAfter()
{
    ServiceError e;
    e.kind = K::RateLimited;
    e.retryAfterSecs = 60; // the nurse is told to wait instead
    QVERIFY(!RetryPolicy().delayBefore(2, e).has_value());
}

void TestRetryPolicy::rateLimitWithoutRetryAfterIsNotRetried()
{
    ServiceError e;
    e.kind = K::RateLimited;
    QVERIFY(!RetryPolicy().delayBefore(2, e).has_value());
}

void TestRetryPolicy::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("secs");
    QTest::newRow("seconds") << QByteArray("3") << 3;
    QTest::newRow("padded") << QByteArray(" 12 ") << 12;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("http date") << QByteArray("Wed, 25 Nov 2026 10:00:30 GMT") << 30;
    QTest::newRow("http date past") << QByteArray("Wed, 25 Nov 2026 09:59:00 GMT") << 0;
}

void TestRetryPolicy::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, secs);
    const QDateTime now(QDate(2026, 11, 25), QTime(10, 0, 0), Qt::UTC);
    QCOMPARE(RetryPolicy::parseRetryAfter(value, now), secs);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
