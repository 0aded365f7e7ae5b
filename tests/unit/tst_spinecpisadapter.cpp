#include "core/domain/Clock.h"
#include "core/lookup/SpineCpisAdapter.h"
#include "core/spine/SpineNames.h"
#include "core/spine/SpineXmlTree.h"
#include "tests/support/SoapLoopback.h"
#include "tests/support/TestNurse.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>
#include <optional>

using namespace cpis;
using cpis::testsupport::SoapLoopback;

namespace {

QByteArray fixture(const char* name)
{
    QFile f(QStringLiteral(CPIS_SOURCE_DIR "/tests/data/spine/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

// The request's wsa:MessageID, as a real service would read it.
QByteArray messageId(const QByteArray& request)
{
    static const QRegularExpression re(
        QStringLiteral("<wsa:MessageID>uuid:([0-9A-F-]+)</wsa:MessageID>"));
    return re.match(QString::fromUtf8(request)).captured(1).toLatin1();
}

// A fixture answering the request: its RelatesTo names the request's MessageID.
QByteArray answering(const char* name, const SoapLoopback::Request& r)
{
    QByteArray xml = fixture(name);
    return xml.replace("7E1C4B9A-2D3F-4E5A-9B6C-0D1E2F3A4B5C", messageId(r.body));
}

struct Outcome
{
    std::optional<Result<CpisAnswer, ServiceError>> result;
    QByteArray requestId;
};

} // namespace

class TestSpineCpisAdapter : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void plansAndHistoryOverSoap();
    void silentReadIsSentAsSuch();
    void noRecordFromQueryFailureNF();
    void soapFaultAtHttp500();
    void repeatIsTheSameMessage();
    void repeatsStopAtTheRetryLimit();
    void answerToAnotherRequestIsRefused();
    void wrongContentTypeIsRefused();
    void oversizedAnswerIsRefused();
    void queryThatCannotSayWhoAsksIsNotSent();
    void receiverGoneClosesTheConnection();

private:
    Outcome ask(SoapLoopback& server, bool unscheduled, const UserSession& session);

    ManualClock m_clock{QDateTime(QDate(2026, 12, 7), QTime(10, 15), Qt::UTC)};
    QNetworkAccessManager m_nam;
    qsizetype m_cap = 2 * 1024 * 1024;
};

void TestSpineCpisAdapter::init()
{
    m_cap = 2 * 1024 * 1024;
}

Outcome
TestSpineCpisAdapter::ask(SoapLoopback& server, bool unscheduled, const UserSession& session)
{
    SpineTransport::Settings settings;
    settings.maxResponseBytes = m_cap;
    SpineTransport transport(&m_nam, &m_clock, settings);
    SpineCpisAdapter adapter(&transport, &m_clock,
                             {server.url(QStringLiteral("/spine/cpis")),
                              QStringLiteral("990101234568"), QStringLiteral("DESK-TRAINING-1"),
                              QStringLiteral("990101234567"), QStringLiteral("CPIS-TRAINING-1")});
    Outcome out;
    bool done = false;
    QObject receiver;
    adapter.ask(NhsNumber::parse(QStringLiteral("9434765919")).value(), unscheduled,
                {&session, "corr", "trace"}, &receiver,
                [&](const Result<CpisAnswer, ServiceError>& r, const QByteArray& id) {
                    out.result = r;
                    out.requestId = id;
                    done = true;
                });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        qWarning("no answer within 5 s");
    return out;
}

void TestSpineCpisAdapter::plansAndHistoryOverSoap()
{
    SoapLoopback server([](const SoapLoopback::Request& r) {
        return SoapLoopback::Answer{200, answering("response-plans.xml", r)};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server, true, testsupport::spineNurse());
    QVERIFY(o.result);
    QVERIFY2(o.result->ok(), qPrintable(o.result->ok() ? QString() : o.result->error().detail));
    const CpisAnswer& a = o.result->value();
    QVERIFY(!a.noRecord);
    QCOMPARE(a.plans.size(), 2);
    QCOMPARE(a.plans.at(0).authority.emergencyDutyPhone, QStringLiteral("+441632960002"));
    QCOMPARE(a.accessHistory.size(), 2);
    QVERIFY(!a.historyUnavailable);

    QCOMPARE(server.requests().size(), 1);
    const SoapLoopback::Request& sent = server.requests().first();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, QByteArray("/spine/cpis")); // the endpoint as given, nothing appended
    QCOMPARE(sent.header("content-type"), QByteArray("text/xml; charset=utf-8"));
    QCOMPARE(sent.header("soapaction"),
             QByteArray("\"urn:nhs:names:services:cpisquery/QUPC_IN000006GB01\""));
    QCOMPARE(o.requestId, messageId(sent.body));
    QVERIFY(sent.body.contains("<value extension=\"9434765919\"/>"));
    QVERIFY(QString::fromUtf8(sent.body).contains(
        QRegularExpression(QStringLiteral("<accessEventType>\\s*<value value=\"true\"/>"))));
}

void TestSpineCpisAdapter::silentReadIsSentAsSuch()
{
    SoapLoopback server([](const SoapLoopback::Request& r) {
        return SoapLoopback::Answer{200, answering("response-plans.xml", r)};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server, false, testsupport::spineNurse());
    QVERIFY(o.result && o.result->ok());
    QVERIFY(QString::fromUtf8(server.requests().first().body)
                .contains(QRegularExpression(
                    QStringLiteral("<accessEventType>\\s*<value value=\"false\"/>"))));
}

void TestSpineCpisAdapter::noRecordFromQueryFailureNF()
{
    SoapLoopback server([](const SoapLoopback::Request& r) {
        return SoapLoopback::Answer{200, answering("response-no-record.xml", r)};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server, true, testsupport::spineNurse());
    QVERIFY(o.result && o.result->ok());
    QVERIFY(o.result->value().noRecord);
    QVERIFY(o.result->value().plans.isEmpty());
}

void TestSpineCpisAdapter::soapFaultAtHttp500()
{
    SoapLoopback server([](const SoapLoopback::Request& r) {
        return SoapLoopback::Answer{500, answering("soap-fault.xml", r)};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server, true, testsupport::spineNurse());
    QVERIFY(o.result && !o.result->ok());
    QCOMPARE(o.result->error().kind, ServiceError::Kind::BadResponse);
    QCOMPARE(o.result->error().spineCode, QStringLiteral("200"));
    QCOMPARE(o.result->error().httpStatus, 500);
    QCOMPARE(server.requests().size(), 1); // never retried
}

// A gateway's 503 (no SOAP fault: CP-IS may or may not have had the query) is sent again, and
// only as the very same bytes: the same wsa:MessageID, which Spine takes for the same query.
void TestSpineCpisAdapter::repeatIsTheSameMessage()
{
    int calls = 0;
    SoapLoopback server([&calls](const SoapLoopback::Request& r) {
        if (++calls < 3)
            return SoapLoopback::Answer{503, "busy", "text/plain"};
        return SoapLoopback::Answer{200, answering("response-plans.xml", r)};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server, true, testsupport::spineNurse());
    QVERIFY(o.result);
    QVERIFY2(o.result->ok(), qPrintable(o.result->ok() ? QString() : o.result->error().detail));
    QCOMPARE(server.requests().size(), 3);
    const QByteArray first = server.requests().first().body;
    QVERIFY(!messageId(first).isEmpty());
    for (const SoapLoopback::Request& r : server.requests())
        QCOMPARE(r.body, first);
    QCOMPARE(o.requestId, messageId(first));
}

void TestSpineCpisAdapter::repeatsStopAtTheRetryLimit()
{
    SoapLoopback server([](const SoapLoopback::Request&) {
        return SoapLoopback::Answer{502, "bad gateway", "text/plain"};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server, true, testsupport::spineNurse());
    QVERIFY(o.result && !o.result->ok());
    QCOMPARE(o.result->error().kind, ServiceError::Kind::ServiceFailure);
    QCOMPARE(server.requests().size(), RetryPolicy::Settings().maxAttempts);
    // The error carries how often the envelope was sent, for the user's "tried 3 times".
    QCOMPARE(o.result->error().attempts, RetryPolicy::Settings().maxAttempts);
    QSet<QByteArray> ids;
    for (const SoapLoopback::Request& r : server.requests())
        ids.insert(messageId(r.body));
    QCOMPARE(ids.size(), 1);
}

void TestSpineCpisAdapter::answerToAnotherRequestIsRefused()
{
    // The fixture as it is names a request this desk never sent.
    SoapLoopback server([](const SoapLoopback::Request&) {
        return SoapLoopback::Answer{200, fixture("response-no-record.xml")};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server, true, testsupport::spineNurse());
    QVERIFY(o.result && !o.result->ok());
    QCOMPARE(o.result->error().kind, ServiceError::Kind::BadResponse);
    QVERIFY(o.result->error().detail.contains(u"RelatesTo"));
}

void TestSpineCpisAdapter::wrongContentTypeIsRefused()
{
    SoapLoopback server([](const SoapLoopback::Request& r) {
        return SoapLoopback::Answer{200, answering("response-no-record.xml", r),
                                    "application/json"};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server, true, testsupport::spineNurse());
    QVERIFY(o.result && !o.result->ok());
    QCOMPARE(o.result->error().kind, ServiceError::Kind::BadResponse);
    QVERIFY(o.result->error().detail.contains(u"content type"));
}

void TestSpineCpisAdapter::oversizedAnswerIsRefused()
{
    m_cap = 1000;
    SoapLoopback server([](const SoapLoopback::Request& r) {
        return SoapLoopback::Answer{200, answering("response-plans.xml", r)};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server, true, testsupport::spineNurse());
    QVERIFY(o.result && !o.result->ok());
    QCOMPARE(o.result->error().kind, ServiceError::Kind::BadResponse);
    QVERIFY2(o.result->error().detail.contains(u"size limit"),
             qPrintable(o.result->error().detail));
}

void TestSpineCpisAdapter::queryThatCannotSayWhoAsksIsNotSent()
{
    SoapLoopback server([](const SoapLoopback::Request& r) {
        return SoapLoopback::Answer{200, answering("response-plans.xml", r)};
    });
    QVERIFY(server.listen());
    UserSession s = testsupport::spineNurse();
    s.roleCode.clear();
    const Outcome o = ask(server, true, s);
    QVERIFY(o.result && !o.result->ok());
    QCOMPARE(o.result->error().kind, ServiceError::Kind::InvalidRequest);
    QVERIFY(server.requests().isEmpty());
}

void TestSpineCpisAdapter::receiverGoneClosesTheConnection()
{
    SoapLoopback server([](const SoapLoopback::Request&) { return SoapLoopback::Answer{0, {}}; });
    QVERIFY(server.listen());
    SpineTransport::Settings settings;
    SpineTransport transport(&m_nam, &m_clock, settings);
    SpineCpisAdapter adapter(&transport, &m_clock,
                             {server.url(QStringLiteral("/spine/cpis")),
                              QStringLiteral("990101234568"), QStringLiteral("DESK-TRAINING-1"),
                              QStringLiteral("990101234567"), QStringLiteral("CPIS-TRAINING-1")});
    const UserSession session = testsupport::spineNurse();
    auto receiver = std::make_unique<QObject>();
    bool done = false;
    adapter.ask(NhsNumber::parse(QStringLiteral("9434765919")).value(), true,
                {&session, "corr", "trace"}, receiver.get(),
                [&](const Result<CpisAnswer, ServiceError>&, const QByteArray&) { done = true; });
    QTRY_COMPARE(server.requests().size(), 1); // Spine has the query and keeps its answer back
    receiver.reset();                          // the screen that asked has gone
    // The desk closes the connection at once, rather than wait out the time limit for nobody.
    QTRY_COMPARE_WITH_TIMEOUT(server.closedUnanswered(), 1, 2000);
    QVERIFY(!done);
    QCOMPARE(server.requests().size(), 1); // and sends no repeat
}

QTEST_GUILESS_MAIN(TestSpineCpisAdapter)
#include "tst_spinecpisadapter.moc"
