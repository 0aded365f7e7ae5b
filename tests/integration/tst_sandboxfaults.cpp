// The sandbox's injected faults over real HTTP (plain and TLS) on loopback: every fault by
// header and by scenario number, and a fault for the whole server.
#include "core/domain/NhsNumber.h"
#include "core/fhir/FhirParser.h"
#include "core/net/FhirTransport.h"
#include "sandbox/faults/FaultInjector.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "tests/support/SandboxContractFixture.h"

#include <QNetworkReply>
#include <QTest>

using cpis::NhsNumber;
using cpis::sandbox::Fault;
using cpis::sandbox::FaultInjector;
using cpis::sandbox::SandboxServer;
using namespace sandboxtest;

namespace {
NhsNumber nhs(const QString& digits)
{
    return NhsNumber::parse(digits).value();
}
} // namespace

class TestSandboxFaults : public SandboxContractFixture
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(prepareTls(), "openssl could not make a certificate"); }
    void faults_data();
    void faults();
    void serverWideFault();
};

void TestSandboxFaults::faults_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("viaHeader");
    QTest::addColumn<int>("fault");
    for (const bool tls : {false, true}) {
        for (const bool viaHeader : {true, false}) {
            for (Fault f : FaultInjector::all()) {
                // The scenario number for latency waits the full default delay: once is enough.
                if (f == Fault::Latency && !viaHeader && tls)
                    continue;
                QTest::addRow("%s-%s-%s", tls ? "https" : "http", viaHeader ? "header" : "number",
                              qPrintable(FaultInjector::name(f)))
                    << tls << viaHeader << int(f);
            }
        }
    }
}

void TestSandboxFaults::faults()
{
    QFETCH(bool, tls);
    QFETCH(bool, viaHeader);
    QFETCH(int, fault);
    const auto f = Fault(fault);
    auto server = start(tls);
    QVERIFY(server);

    QString number = QStringLiteral("9990000018");
    if (!viaHeader)
        for (const auto& s : server->scenarios().scenarios())
            if (s.fault == f)
                number = s.nhsNumber;
    QVERIFY(viaHeader || number != u"9990000018");
    Headers extra;
    if (viaHeader)
        extra.append({"X-Sandbox-Fault", f == Fault::Latency ? QByteArray("latency=300")
                                                             : FaultInjector::name(f).toLatin1()});
    const int timeoutMs = f == Fault::NoAnswer ? 700 : 10000;
    const HttpResult r = get(careTeamPath(number), "school-nurse", extra, timeoutMs);
    QVERIFY(r.finished);

    switch (f) {
    case Fault::Latency:
        QCOMPARE(r.status, 200);
        QVERIFY2(r.elapsedMs >= (viaHeader ? 300 : FaultInjector::kDefaultLatencyMs),
                 qPrintable(QString::number(r.elapsedMs)));
        QVERIFY(cpis::FhirParser::careTeamBundle(r.body, nhs(number)).ok());
        break;
    case Fault::NoAnswer:
        QCOMPARE(r.status, 0);
        QCOMPARE(r.error, QNetworkReply::OperationCanceledError); // our transfer timeout
        QVERIFY(r.elapsedMs >= 600); // the transfer timer is coarse (±5%)
        break;
    case Fault::Reset:
        QCOMPARE(r.status, 0);
        QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError ||
                     r.error == QNetworkReply::UnknownNetworkError ||
                     r.error == QNetworkReply::SslHandshakeFailedError,
                 qPrintable(QString::number(int(r.error))));
        break;
    case Fault::Http500:
    case Fault::Http502:
    case Fault::Http503:
    case Fault::Http408:
    case Fault::Http429: {
        const int status = f == Fault::Http500   ? 500
                           : f == Fault::Http502 ? 502
                           : f == Fault::Http503 ? 503
                           : f == Fault::Http408 ? 408
                                                 : 429;
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("content-type"), QByteArray("application/fhir+json"));
        QCOMPARE(r.json().value(QLatin1String("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        if (f == Fault::Http408)
            QCOMPARE(r.spineCode(), QStringLiteral("UNABLE_TO_CALL_SERVICE"));
        if (f == Fault::Http429) {
            QCOMPARE(r.spineCode(), QStringLiteral("TOO_MANY_REQUESTS"));
            QCOMPARE(r.header("retry-after"), QByteArray("2"));
        }
        break;
    }
    case Fault::MalformedJson: {
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/fhir+json"));
        QJsonParseError pe{};
        QJsonDocument::fromJson(r.body, &pe);
        QVERIFY(pe.error != QJsonParseError::NoError);
        QVERIFY(!cpis::FhirParser::careTeamBundle(r.body, nhs(number)).ok());
        break;
    }
    case Fault::TruncatedBody:
        QCOMPARE(r.status, 200);
        QVERIFY(r.error != QNetworkReply::NoError);
        QVERIFY(r.header("content-length").toInt() > r.body.size());
        break;
    case Fault::WrongContentType:
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/html"));
        QVERIFY(!cpis::FhirTransport::isFhirJson(r.header("content-type")));
        break;
    case Fault::UnknownPlanCode: {
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("resourceType")).toString(),
                 QStringLiteral("Bundle"));
        const auto plans = cpis::FhirParser::careTeamBundle(r.body, nhs(number));
        QVERIFY(!plans.ok());
        QVERIFY(plans.error().what.contains(QStringLiteral("unknown plan code")));
        break;
    }
    case Fault::None:
        QFAIL("no fault");
    }
}

void TestSandboxFaults::serverWideFault()
{
    SandboxServer::Options o;
    o.fault = *FaultInjector::parse(QStringLiteral("http-503"));
    auto server = start(false, o);
    QVERIFY(server);
    QCOMPARE(get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000018")).status, 503);
    QCOMPARE(get(careTeamPath(QStringLiteral("9990000069"))).status, 503);
    // Sign-in keeps working so that the desk can reach the fault.
    QCOMPARE(get(QStringLiteral("/_sandbox/health")).status, 200);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
