// Answers too large to be real end as "could not check", cut off as they arrive: a 1.5 GB body
// and a 100 MB NDJSON line, each within the time limit and without the desk's memory growing
// with them.
#include "core/arealist/AreaListClient.h"
#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "core/net/ResponseLimit.h"
#include "tests/support/JunkHttp.h"
#include "tests/support/LoopbackHttp.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>
#include <sys/resource.h>

using namespace cpis;
using testsupport::JunkHttp;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kHugeBody = 1536LL * 1024 * 1024; // 1.5 GB
constexpr qint64 kHugeLine = 100LL * 1024 * 1024;  // 100 MB
constexpr qint64 kMaxGrowthKb = 200LL * 1024;      // 200 MB of peak resident memory

long peakRssKb()
{
    struct rusage u
    {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss; // kilobytes on Linux
}

UserSession nurse()
{
    UserSession s;
    s.accessToken = "tok";
    s.roleId = QStringLiteral("100000000001");
    return s;
}

struct Outcome
{
    std::optional<Result<HttpResponse, ServiceError>> result;
    qint64 ms = 0;
};

Outcome get(FhirTransport& transport, const QUrl& url, qint64 maxBytes)
{
    QObject context;
    Outcome out;
    QElapsedTimer t;
    t.start();
    FhirTransport::Request r;
    r.url = url;
    r.maxBodyBytes = maxBytes;
    transport.send(r, &context,
                   [&](const Result<HttpResponse, ServiceError>& res, const QByteArray&) {
                       out.result = res;
                       out.ms = t.elapsed();
                   });
    (void)QTest::qWaitFor([&] { return out.result.has_value(); }, 60000);
    return out;
}

} // namespace

class TestResponseLimits : public QObject
{
    Q_OBJECT

private slots:
    void hugeBodyIsCutOff_data()
    {
        QTest::addColumn<bool>("declareLength");
        QTest::newRow("declared 1.5 GB") << true;
        QTest::newRow("1.5 GB without a length") << false;
    }

    void hugeBodyIsCutOff()
    {
        QFETCH(bool, declareLength);
        JunkHttp server({kHugeBody, declareLength, "application/fhir+json", {}});
        QVERIFY(server.listen());
        QNetworkAccessManager nam;
        SystemClock clock;
        FhirTransport::Settings settings;
        settings.stallTimeout = 4000ms;
        settings.totalTimeout = 8000ms;
        FhirTransport transport(&nam, &clock, settings);

        const long before = peakRssKb();
        const Outcome o = get(transport, server.url(QStringLiteral("/Patient/9434765919")),
                              ResponseLimit::kJsonBytes);
        QVERIFY2(o.result.has_value(), "no answer at all");
        QVERIFY2(!o.result->ok(), "a 1.5 GB body was accepted");
        const ServiceError& e = o.result->error();
        // Could not check, with the reason, never "not found".
        QCOMPARE(e.kind, ServiceError::Kind::BadResponse);
        QVERIFY2(e.detail.contains(QStringLiteral("larger than")), qPrintable(e.detail));
        QVERIFY2(o.ms < settings.totalTimeout.count(), qPrintable(QString::number(o.ms)));
        const long growth = peakRssKb() - before;
        QVERIFY2(growth < kMaxGrowthKb, qPrintable(QStringLiteral("grew %1 kB").arg(growth)));
        // Cut off on the way in: far less than the body went out (a declared length is refused
        // before the body is read at all).
        QVERIFY2(server.sent() < 256LL * 1024 * 1024,
                 qPrintable(QStringLiteral("%1 bytes sent").arg(server.sent())));
        if (!declareLength)
            QVERIFY(server.sent() > ResponseLimit::kJsonBytes); // the server really sent more
    }

    // The limit is a limit, not a ban: an answer under it is read as before.
    void answerUnderTheLimitIsRead()
    {
        const QByteArray body = "{\"resourceType\":\"Bundle\",\"pad\":\"" +
                                QByteArray(ResponseLimit::kJsonBytes - 100, 'a') + "\"}";
        testsupport::LoopbackHttp server([&](const QByteArray&) {
            return testsupport::LoopbackHttp::Answer{200, body, "application/fhir+json"};
        });
        QVERIFY(server.listen());
        QNetworkAccessManager nam;
        SystemClock clock;
        FhirTransport transport(&nam, &clock, FhirTransport::Settings());
        const Outcome o = get(transport, server.baseUrl().resolved(QUrl(QStringLiteral("/Bundle"))),
                              ResponseLimit::kJsonBytes);
        QVERIFY(o.result.has_value());
        QVERIFY2(o.result->ok(), o.result->ok() ? "" : qPrintable(o.result->error().detail));
        QCOMPARE(o.result->value().body.size(), body.size());

        // A limit one byte under the declared length: refused before the body is read.
        const Outcome over = get(
            transport, server.baseUrl().resolved(QUrl(QStringLiteral("/Bundle"))), body.size() - 1);
        QVERIFY(over.result.has_value());
        QVERIFY(!over.result->ok());
        QCOMPARE(over.result->error().kind, ServiceError::Kind::BadResponse);
    }

    void hugeNdjsonLineIsCutOff()
    {
        // One line that never ends: 100 MB without a newline.
        JunkHttp server({kHugeLine, false, "application/fhir+ndjson",
                         "{\"resourceType\":\"Patient\",\"x\":\"" + QByteArray(64 * 1024, 'y')});
        QVERIFY(server.listen());
        QNetworkAccessManager nam;
        SystemClock clock;
        FhirTransport transport(&nam, &clock, FhirTransport::Settings());
        AreaListClient::Settings settings;
        settings.stallTimeout = 4000ms;
        const QUrl base = server.url(QStringLiteral("/cpis/FHIR/R4"));
        AreaListClient client(&transport, base, settings);

        AreaListClient::File file;
        file.type = QStringLiteral("Patient");
        file.url = server.url(QStringLiteral("/cpis/FHIR/R4/$export-file/job1/Patient.ndjson"));
        int lines = 0;
        std::optional<Result<qint64, ServiceError>> result;
        QElapsedTimer t;
        t.start();
        const long before = peakRssKb();
        client.download(
            nurse(), file,
            [&](QByteArrayView, QString*) {
                ++lines;
                return true;
            },
            [&](const Result<qint64, ServiceError>& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000);
        const qint64 ms = t.elapsed();
        QVERIFY2(!result->ok(), "a 100 MB line was accepted");
        QCOMPARE(result->error().kind, ServiceError::Kind::BadResponse);
        QVERIFY2(result->error().detail.contains(QStringLiteral("longer than")),
                 qPrintable(result->error().detail));
        QCOMPARE(lines, 0); // the endless line never reached the reader
        QVERIFY2(ms < settings.stallTimeout.count(), qPrintable(QString::number(ms)));
        const long growth = peakRssKb() - before;
        QVERIFY2(growth < kMaxGrowthKb, qPrintable(QStringLiteral("grew %1 kB").arg(growth)));
        QVERIFY2(server.sent() < kHugeLine,
                 qPrintable(QStringLiteral("%1 bytes sent").arg(server.sent())));
        QVERIFY(server.sent() > ResponseLimit::kNdjsonLineBytes);
    }
};

QTEST_GUILESS_MAIN(TestResponseLimits)
#include "tst_responselimits.moc"
