// CP-IS over Spine (HL7 V3) against the sandbox, over mutual TLS: every scenario and every
// fault of the catalogue, each request and each answer validated against the published
// schemas (libxml2-normalised copy in ../shared), the notification counters watched.

#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"
#include "tests/support/ReferenceData.h"
#include "tests/support/SpineSchemaCheck.h"
#include "tests/support/TestCertificates.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>
#include <QUuid>
#include <QXmlStreamReader>

#include <memory>
#include <optional>

using cpis::sandbox::Fault;
using cpis::sandbox::FaultInjector;
using cpis::sandbox::SandboxServer;
using cpis::sandbox::SpineFault;
using cpis::testsupport::SpineSchemaCheck;
using cpis::testsupport::TestCertificates;

namespace {

constexpr char kAction[] = "urn:nhs:names:services:cpisquery/QUPC_IN000006GB01";

struct Query
{
    QString nhsNumber;
    QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    QString accessEventType; // empty: not sent (the 2022 schema's shape)
    bool systemAuthor = false;
    QString receiverAsid = QStringLiteral("990101234567");
};

// A QUPC_IN000006GB01 as the training desk sends it: written by hand here, so that neither
// the sandbox's writer nor the desk's can shape what the test expects.
QByteArray qupc(const Query& q)
{
    const QString person = QStringLiteral(R"(
            <COCT_TP145102GB01.AssignedAuthor>
              <code code="R8001" codeSystem="1.2.826.0.1285.0.2.1.104" displayName="Triage Nurse, Emergency Department"/>
              <id root="1.2.826.0.1285.0.2.0.65" extension="555000000001"/>
              <id root="1.2.826.0.1285.0.2.0.67" extension="100000000001"/>
              <assignedAuthorPerson><name><given>Amelia</given><family>Hughes</family></name></assignedAuthorPerson>
              <representedOrganization><id root="2.16.840.1.113883.2.1.3.2.4.19.1" extension="RX1"/><name>Sandbox General Hospital NHS Trust</name></representedOrganization>
            </COCT_TP145102GB01.AssignedAuthor>)");
    const QString system = QStringLiteral(R"(
            <COCT_TP145104GB01.System>
              <id root="1.2.826.0.1285.0.2.0.107" extension="990101234568"/>
              <indirectAuthority><superiorAssignedEntity><code code="R8001" codeSystem="1.2.826.0.1285.0.2.1.104" displayName="Triage Nurse, Emergency Department"/><assignedPerson><name><given>Amelia</given><family>Hughes</family></name></assignedPerson></superiorAssignedEntity></indirectAuthority>
              <maintainingOrganization><id root="2.16.840.1.113883.2.1.3.2.4.19.1" extension="RX1"/><name>Sandbox General Hospital NHS Trust</name></maintainingOrganization>
            </COCT_TP145104GB01.System>)");
    const QString marker =
        q.accessEventType.isEmpty()
            ? QString()
            : QStringLiteral("<accessEventType><value value=\"%1\"/></accessEventType>")
                  .arg(q.accessEventType);
    return QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<SOAP:Envelope xmlns:SOAP="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns="urn:hl7-org:v3" xmlns:npfitlc="NPFIT:HL7:Localisation">
  <SOAP:Header>
    <wsa:MessageID>uuid:%1</wsa:MessageID>
    <wsa:Action>%2</wsa:Action>
    <wsa:To>https://127.0.0.1/spine/cpis</wsa:To>
    <wsa:From><wsa:Address>https://desk.training.invalid</wsa:Address></wsa:From>
  </SOAP:Header>
  <SOAP:Body>
    <QUPC_IN000006GB01>
      <id root="%1"/>
      <creationTime value="20261207000000"/>
      <versionCode code="V3NPfIT3.0"/>
      <interactionId root="2.16.840.1.113883.2.1.3.2.4.12" extension="QUPC_IN000006GB01"/>
      <processingCode code="P"/>
      <processingModeCode code="T"/>
      <acceptAckCode code="NE"/>
      <communicationFunctionRcv typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE"><id root="1.2.826.0.1285.0.2.0.107" extension="%3"/></device></communicationFunctionRcv>
      <communicationFunctionSnd typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE"><id root="1.2.826.0.1285.0.2.0.107" extension="990101234568"/></device></communicationFunctionSnd>
      <ControlActEvent classCode="CACT" moodCode="EVN">
        <author1 typeCode="AUT"><AgentSystemSDS classCode="AGNT"><agentSystemSDS classCode="DEV" determinerCode="INSTANCE"><id root="1.2.826.0.1285.0.2.0.107" extension="990101234568"/></agentSystemSDS></AgentSystemSDS></author1>
        <subject typeCode="SUBJ">
          <CP-ISQueryStub>
            <cP-ISNHSQuery>
              <effectiveTime value="20261207000000"/>
              <id root="%5"/>
              <author>
                <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="%6"/>%7
              </author>
              <queryByParameter><person.NHSnumber><value extension="%8"/></person.NHSnumber>%4</queryByParameter>
            </cP-ISNHSQuery>
          </CP-ISQueryStub>
        </subject>
      </ControlActEvent>
    </QUPC_IN000006GB01>
  </SOAP:Body>
</SOAP:Envelope>
)")
        .arg(q.messageId, QLatin1String(kAction), q.receiverAsid, marker,
             QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper(),
             q.systemAuthor ? QStringLiteral("COCT_TP145104GB01#System")
                            : QStringLiteral("COCT_TP145102GB01#AssignedAuthor"),
             q.systemAuthor ? system : person, q.nhsNumber)
        .toUtf8();
}

// The Patch D marker is not in the 2022 schemas: what the schema can judge is the query
// without it.
QByteArray withoutMarker(QByteArray body)
{
    static const QRegularExpression marker(
        QStringLiteral("<accessEventType><value value=\"(true|false)\"/></accessEventType>"));
    return QString::fromUtf8(body).remove(marker).toUtf8();
}

struct Answer
{
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray contentType;
    QByteArray retryAfter;
    QByteArray body;
};

// What the test reads of an answer: element local names, attributes and texts, found by a
// plain scan (no schema knowledge, no sandbox code).
struct Scan
{
    bool wellFormed = false;
    QStringList elements;
    QHash<QString, QStringList> texts;
    QList<std::pair<QString, QXmlStreamAttributes>> withAttributes;

    static Scan of(const QByteArray& body)
    {
        Scan s;
        QXmlStreamReader x(body);
        QString current;
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement()) {
                current = x.name().toString();
                s.elements << current;
                s.withAttributes.append({current, x.attributes()});
            } else if (x.isCharacters() && !x.isWhitespace()) {
                s.texts[current] << x.text().toString();
            }
        }
        s.wellFormed = !x.hasError();
        return s;
    }
    int count(const QString& name) const { return int(elements.count(name)); }
    QString text(const QString& name) const { return texts.value(name).value(0); }
    QStringList attribute(const QString& element, const QString& attr) const
    {
        QStringList out;
        for (const auto& [name, attrs] : withAttributes)
            if (name == element && attrs.hasAttribute(attr))
                out << attrs.value(attr).toString();
        return out;
    }
};

} // namespace

class TestSpineV3 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void requestsAndControlCase();
    void everyScenarioAndFault();
    void silentReadNeverNotifies();
    void systemAuthorInHistory();
    void refusals();
    void clientWithoutCertificateIsRefused();
    void clientFromAnotherCaIsRefused();
    void cleanupTestCase();

private:
    enum class Client
    {
        Good,
        None,
        Stranger
    };
    Answer post(const QByteArray& body,
                Client client = Client::Good,
                int timeoutMs = 10000,
                QList<std::pair<QByteArray, QByteArray>> extraHeaders = {});
    void validate(const QByteArray& body, const QString& interaction);
    static void keepExample(const QString& kind, const QByteArray& body);

    std::unique_ptr<TestCertificates> m_certs;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SpineSchemaCheck> m_schemas;
    QNetworkAccessManager m_nam;
    int m_validated = 0;
};

void TestSpineV3::initTestCase()
{
    CPIS_REQUIRE_REFERENCE_DATA("spine-cpis/CPIS-libxml2/Schemas/QUPC_IN000006GB01.xsd");
    m_schemas = std::make_unique<SpineSchemaCheck>(SpineSchemaCheck::defaultSchemaFolder());
    QString why;
    m_certs = TestCertificates::make(&why);
    QVERIFY2(m_certs, qPrintable(why));
    SandboxServer::Options o;
    o.people = 2000;
    o.tlsCertificate = m_certs->server.certificate;
    o.tlsKey = m_certs->server.key;
    o.clientCaCertificates = {m_certs->ca.certificate};
    m_server = std::make_unique<SandboxServer>(o);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestSpineV3::cleanupTestCase()
{
    qInfo("V3 messages validated against their schemas: %d", m_validated);
    m_server.reset();
}

Answer TestSpineV3::post(const QByteArray& body,
                         Client client,
                         int timeoutMs,
                         QList<std::pair<QByteArray, QByteArray>> extraHeaders)
{
    QUrl url = m_server->baseUrl();
    url.setPath(QStringLiteral("/spine/cpis"));
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/xml; charset=utf-8"));
    req.setRawHeader("SOAPAction", kAction);
    for (const auto& [k, v] : extraHeaders)
        req.setRawHeader(k, v);
    req.setTransferTimeout(timeoutMs);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_certs->ca.certificate});
    if (client == Client::Good) {
        tls.setLocalCertificate(m_certs->client.certificate);
        tls.setPrivateKey(m_certs->client.key);
    } else if (client == Client::Stranger) {
        tls.setLocalCertificate(m_certs->strangerClient.certificate);
        tls.setPrivateKey(m_certs->strangerClient.key);
    }
    // A refused client must not ride on a session a trusted one left behind: no resumption,
    // and its own network access manager (no pooled connection either).
    tls.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);
    tls.setSslOption(QSsl::SslOptionDisableSessionSharing, true);
    req.setSslConfiguration(tls);
    QNetworkAccessManager fresh;
    QNetworkAccessManager& nam = client == Client::Good ? m_nam : fresh;
    QNetworkReply* reply = nam.post(req, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Answer a;
    a.finished = finished.wait(timeoutMs + 5000) || reply->isFinished();
    a.error = reply->error();
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.contentType = reply->rawHeader("Content-Type");
    a.retryAfter = reply->rawHeader("Retry-After");
    if (reply->isOpen())
        a.body = reply->readAll();
    reply->deleteLater();
    return a;
}

void TestSpineV3::validate(const QByteArray& body, const QString& interaction)
{
    const SpineSchemaCheck::Outcome o = m_schemas->check(body);
    QVERIFY2(o.valid, qPrintable(o.interaction + u'\n' + o.text()));
    QCOMPARE(o.interaction, interaction);
    ++m_validated;
    keepExample(interaction, body);
}

// CPIS_SPINE_EXAMPLES=<folder>: the first message of each kind is written there, for the
// worked examples of docs/api.md §13.
void TestSpineV3::keepExample(const QString& kind, const QByteArray& body)
{
    const QString folder = qEnvironmentVariable("CPIS_SPINE_EXAMPLES");
    if (folder.isEmpty())
        return;
    QFile f(folder + u'/' + kind + QStringLiteral(".xml"));
    if (f.exists() || !f.open(QIODevice::WriteOnly))
        return;
    f.write(body);
}

void TestSpineV3::requestsAndControlCase()
{
    for (bool system : {false, true}) {
        Query q;
        q.nhsNumber = QStringLiteral("9990000018");
        q.systemAuthor = system;
        validate(qupc(q), QStringLiteral("QUPC_IN000006GB01"));
        if (QTest::currentTestFailed())
            return;
    }
    // The control case: a planted fault must fail, or the check proves nothing.
    Query q;
    q.nhsNumber = QStringLiteral("9990000018");
    QByteArray planted = qupc(q).replace("<queryByParameter>", "<queryByParameter><unexpected/>");
    const SpineSchemaCheck::Outcome bad = m_schemas->check(planted);
    QVERIFY(!bad.valid);
    QVERIFY2(bad.text().contains(QStringLiteral("unexpected")), qPrintable(bad.text()));
    planted = qupc(q).replace("<processingCode code=\"P\"/>", "");
    QVERIFY(!m_schemas->check(planted).valid);
}

void TestSpineV3::everyScenarioAndFault()
{
    const auto& catalogue = m_server->scenarios();
    QList<std::pair<QString, Fault>> numbers;
    for (const auto& s : catalogue.scenarios())
        numbers.append({s.nhsNumber, s.fault});
    for (const auto& s : catalogue.spineScenarios())
        numbers.append({s.nhsNumber, Fault::None});
    numbers.append({cpis::sandbox::ScenarioCatalogue::unknownNumber(), Fault::None});
    QVERIFY(numbers.size() > 30);
    const QDate today = QDateTime::currentDateTimeUtc().date();

    for (const auto& [nhs, fault] : std::as_const(numbers)) {
        Query q;
        q.nhsNumber = nhs;
        const QByteArray request = qupc(q);
        validate(request, QStringLiteral("QUPC_IN000006GB01"));
        if (QTest::currentTestFailed())
            return;
        const int before = m_server->accessLog().notificationCount();
        const int timeout = fault == Fault::NoAnswer ? 1500 : 10000;
        const Answer a = post(request, Client::Good, timeout);
        const QString where = nhs + u' ' + FaultInjector::name(fault);
        const Scan scan = Scan::of(a.body);

        switch (fault) {
        case Fault::NoAnswer:
            QVERIFY2(a.error != QNetworkReply::NoError && a.body.isEmpty(), qPrintable(where));
            continue;
        case Fault::Reset:
        case Fault::TruncatedBody:
            QVERIFY2(a.error != QNetworkReply::NoError, qPrintable(where));
            continue;
        case Fault::Http500:
        case Fault::Http502:
        case Fault::Http503:
        case Fault::Http429:
            QCOMPARE(a.status, fault == Fault::Http500   ? 500
                               : fault == Fault::Http502 ? 502
                               : fault == Fault::Http503 ? 503
                                                         : 429);
            QVERIFY2(scan.wellFormed && scan.count(QStringLiteral("Fault")) == 1,
                     qPrintable(where));
            QVERIFY(!scan.text(QStringLiteral("faultcode")).isEmpty());
            if (fault == Fault::Http429)
                QCOMPARE(a.retryAfter, QByteArray("2"));
            QCOMPARE(m_server->accessLog().notificationCount(), before);
            continue;
        case Fault::Http408:
            QCOMPARE(a.status, 200);
            validate(a.body, QStringLiteral("MCCI_IN010000UK13"));
            QCOMPARE(scan.text(QStringLiteral("RelatesTo")), QStringLiteral("uuid:") + q.messageId);
            QCOMPARE(m_server->accessLog().notificationCount(), before);
            continue;
        case Fault::MalformedJson: // over V3: malformed XML
            QCOMPARE(a.status, 200);
            QVERIFY2(!scan.wellFormed, qPrintable(where));
            QVERIFY(!m_schemas->check(a.body).valid);
            continue;
        case Fault::WrongContentType:
            QVERIFY(a.contentType.startsWith("text/html"));
            QVERIFY(!m_schemas->check(a.body).valid);
            continue;
        case Fault::UnknownPlanCode:
            // A plan template CP-IS might add later: well formed, in no published schema.
            QCOMPARE(a.status, 200);
            QVERIFY2(scan.wellFormed, qPrintable(where));
            QCOMPARE(scan.count(QStringLiteral("COCT_TP146199GB01.FuturePlanInformation")), 1);
            QVERIFY(!m_schemas->check(a.body).valid);
            continue;
        default:
            break; // None, Latency: a real answer
        }
        QCOMPARE(a.status, 200);
        QVERIFY2(a.contentType.startsWith("text/xml"), a.contentType.constData());
        const SpineFault spineFault = catalogue.spineFaultFor(nhs);
        const QString relatesTo = scan.text(QStringLiteral("RelatesTo"));
        if (spineFault == SpineFault::ApplicationError) {
            validate(a.body, QStringLiteral("MCCI_IN010000UK13"));
            QCOMPARE(relatesTo, QStringLiteral("uuid:") + q.messageId);
            QCOMPARE(scan.attribute(QStringLiteral("acknowledgement"), QStringLiteral("typeCode")),
                     QStringList{QStringLiteral("AE")});
            continue;
        }

        // Plans CP-IS still shows for the number asked about (a superseded number: none).
        int shown = 0;
        QSet<QString> authorities;
        if (const auto found = m_server->population().find(nhs); found && !found->superseded)
            for (const auto& p : found->person.plans)
                if (cpis::sandbox::stillShown(p, today)) {
                    ++shown;
                    authorities.insert(m_server->authorities().at(p.laIndex).odsCode);
                }
        if (spineFault == SpineFault::WrongRelatesTo)
            QVERIFY2(relatesTo != QStringLiteral("uuid:") + q.messageId, qPrintable(where));
        else
            QCOMPARE(relatesTo, QStringLiteral("uuid:") + q.messageId);

        if (shown == 0) {
            validate(a.body, QStringLiteral("QUQI_IN010000UK14"));
            QCOMPARE(scan.attribute(QStringLiteral("queryResponseCode"), QStringLiteral("code")),
                     QStringList{QStringLiteral("NF")});
            QCOMPARE(m_server->accessLog().notificationCount(), before);
            continue;
        }
        validate(a.body, QStringLiteral("REPC_IN000007GB01"));
        if (QTest::currentTestFailed())
            return;
        const int plans = scan.count(QStringLiteral("pertinentInformation15"));
        QVERIFY2(plans == shown, qPrintable(where + QStringLiteral(": %1 plans").arg(plans)));
        QCOMPARE(scan.attribute(QStringLiteral("queryResponseCode"), QStringLiteral("code")),
                 QStringList{QStringLiteral("OK")});
        // The responsible LAs, each with its two numbers: office hours and emergency duty.
        const QStringList uses = scan.attribute(QStringLiteral("telecom"), QStringLiteral("use"));
        QCOMPARE(uses.count(QStringLiteral("WP")), scan.count(QStringLiteral("organisation")));
        QCOMPARE(uses.count(QStringLiteral("MC")), scan.count(QStringLiteral("organisation")));
        for (const QString& ods : std::as_const(authorities)) {
            const auto& la = m_server->authorities().at(m_server->authorities().indexOf(ods));
            QVERIFY(scan.texts.value(QStringLiteral("name")).contains(la.name));
        }
        // Access history: this query is listed, by the person who asked.
        QVERIFY(scan.count(QStringLiteral("pertinentInformation13")) >= 1);
        QVERIFY(scan.texts.value(QStringLiteral("family")).contains(QStringLiteral("Hughes")));
        // Unscheduled (no marker) by a B0107 user: each responsible LA is told once.
        QVERIFY2(m_server->accessLog().notificationCount() == before + int(authorities.size()),
                 qPrintable(where));
    }
}

void TestSpineV3::silentReadNeverNotifies()
{
    for (const QString& nhs : {QStringLiteral("9990000018"), QStringLiteral("9990000026")}) {
        Query q;
        q.nhsNumber = nhs;
        q.accessEventType = QStringLiteral("false");
        const QByteArray request = qupc(q);
        validate(withoutMarker(request), QStringLiteral("QUPC_IN000006GB01"));
        const int before = m_server->accessLog().notificationCount();
        const Answer a = post(request);
        QCOMPARE(a.status, 200);
        validate(a.body, QStringLiteral("REPC_IN000007GB01"));
        QCOMPARE(m_server->accessLog().notificationCount(), before);

        // The same query marked unscheduled explicitly notifies, exactly once.
        q.accessEventType = QStringLiteral("true");
        q.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
        const Answer b = post(qupc(q));
        validate(b.body, QStringLiteral("REPC_IN000007GB01"));
        QCOMPARE(m_server->accessLog().notificationCount(), before + 1);
    }
}

void TestSpineV3::systemAuthorInHistory()
{
    Query q;
    q.nhsNumber = QStringLiteral("9990000034");
    q.systemAuthor = true;
    const int before = m_server->accessLog().notificationCount();
    const Answer a = post(qupc(q));
    QCOMPARE(a.status, 200);
    validate(a.body, QStringLiteral("REPC_IN000007GB01"));
    const Scan scan = Scan::of(a.body);
    QVERIFY(scan.count(QStringLiteral("COCT_TP145104GB01.System")) >= 1);
    // A UCPP is recorded against the pregnant woman, not as a child.
    QCOMPARE(scan.count(QStringLiteral("COCT_TP145100GB01.UnbornChild")), 1);
    QCOMPARE(scan.count(QStringLiteral("COCT_TP145101GB01.Child")), 0);
    QVERIFY(scan.count(QStringLiteral("COCT_TP145102GB01.AssignedAuthor")) >= 1); // seeded
    QCOMPARE(m_server->accessLog().notificationCount(), before + 1);
    QCOMPARE(scan.attribute(QStringLiteral("value"), QStringLiteral("value")).size() >= 2, true);
}

void TestSpineV3::refusals()
{
    // Not XML at all, and XML with a DTD: SOAP faults, nothing recorded.
    const int before = m_server->accessLog().notificationCount();
    Answer a = post("<SOAP:Envelope");
    QCOMPARE(a.status, 500);
    QCOMPARE(Scan::of(a.body).count(QStringLiteral("Fault")), 1);
    keepExample(QStringLiteral("SoapFault"), a.body);
    Query q;
    q.nhsNumber = QStringLiteral("9990000018");
    QByteArray withDtd = qupc(q);
    withDtd.replace("<SOAP:Envelope", "<!DOCTYPE x [<!ENTITY e \"9990000018\">]>\n<SOAP:Envelope");
    a = post(withDtd);
    QCOMPARE(a.status, 500);
    QCOMPARE(Scan::of(a.body).count(QStringLiteral("Fault")), 1);
    QVERIFY(Scan::of(a.body).text(QStringLiteral("faultstring")).contains(QStringLiteral("DTD")));
    a = post(qupc(q).replace(kAction, "urn:nhs:names:services:pdsquery/QUPA_IN000008UK02"),
             Client::Good, 10000,
             {{"SOAPAction", "urn:nhs:names:services:pdsquery/QUPA_IN000008UK02"}});
    QCOMPARE(Scan::of(a.body).count(QStringLiteral("Fault")), 1);
    QCOMPARE(m_server->accessLog().notificationCount(), before);

    // Readable, but not for this CP-IS, or no valid NHS number: MCCI errors that relate to it.
    q.receiverAsid = QStringLiteral("990101234999");
    a = post(qupc(q));
    QCOMPARE(a.status, 200);
    validate(a.body, QStringLiteral("MCCI_IN010000UK13"));
    QCOMPARE(Scan::of(a.body).text(QStringLiteral("RelatesTo")),
             QStringLiteral("uuid:") + q.messageId);
    q.receiverAsid = QStringLiteral("990101234567");
    // No HL7 id: the error still validates, and refers to the transport's id.
    a = post(qupc(q).replace(QStringLiteral("<id root=\"%1\"/>").arg(q.messageId).toUtf8(), ""));
    validate(a.body, QStringLiteral("MCCI_IN010000UK13"));
    QVERIFY(Scan::of(a.body)
                .attribute(QStringLiteral("id"), QStringLiteral("root"))
                .contains(q.messageId));
    // accessEventType in its one place but neither true nor false, or without a value: refused,
    // never guessed to be a silent read (or an unscheduled one).
    for (const char* marker : {"maybe", ""}) {
        q.accessEventType = QString::fromLatin1(marker);
        QByteArray body = qupc(q);
        if (q.accessEventType.isEmpty())
            body.replace("</person.NHSnumber></queryByParameter>",
                         "</person.NHSnumber><accessEventType/></queryByParameter>");
        a = post(body);
        validate(a.body, QStringLiteral("MCCI_IN010000UK13"));
        QVERIFY(a.body.contains("INVALID_ACCESS_EVENT_TYPE"));
    }
    q.accessEventType.clear();
    q.nhsNumber = cpis::sandbox::ScenarioCatalogue::invalidNumber();
    a = post(qupc(q));
    validate(a.body, QStringLiteral("MCCI_IN010000UK13"));
    QCOMPARE(m_server->accessLog().notificationCount(), before);
}

void TestSpineV3::clientWithoutCertificateIsRefused()
{
    Query q;
    q.nhsNumber = QStringLiteral("9990000018");
    const int before = m_server->accessLog().notificationCount();
    const Answer a = post(qupc(q), Client::None);
    QVERIFY(a.finished);
    QVERIFY2(a.error != QNetworkReply::NoError, "the handshake should have failed");
    QCOMPARE(a.status, 0);
    QVERIFY(a.body.isEmpty());
    QCOMPARE(m_server->accessLog().notificationCount(), before);
}

void TestSpineV3::clientFromAnotherCaIsRefused()
{
    Query q;
    q.nhsNumber = QStringLiteral("9990000018");
    const int before = m_server->accessLog().notificationCount();
    const Answer a = post(qupc(q), Client::Stranger);
    QVERIFY(a.finished);
    QVERIFY2(a.error != QNetworkReply::NoError, "the handshake should have failed");
    QCOMPARE(a.status, 0);
    QVERIFY(a.body.isEmpty());
    QCOMPARE(m_server->accessLog().notificationCount(), before);
}

QTEST_MAIN(TestSpineV3)
#include "tst_spinev3.moc"
