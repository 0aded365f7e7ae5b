// CP-IS over Spine as it runs today, desk against sandbox: the desk's real composition with a
// `cpis-interface hl7v3` profile, over mutual TLS, against the in-process sandbox's /spine/cpis.
// Every scenario and fault is looked up through HL7 V3 and through FHIR (a second sandbox of the
// same seed on the same clock) and the answers compared; every message that crossed the wire is
// then checked against the published schemas (the desk's queries also against the Patch D
// overlay, tests/support/SpineSchemaOverlay.h).
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/lookup/LookupService.h"
#include "core/net/RetryPolicy.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "tests/support/MemoryDesk.h"
#include "tests/support/ReferenceData.h"
#include "tests/support/SandboxSession.h"
#include "tests/support/SpineSchemaCheck.h"
#include "tests/support/SpineSchemaOverlay.h"
#include "tests/support/TestCertificates.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>
#include <optional>

using namespace cpis;
using cpis::sandbox::Fault;
using cpis::sandbox::SandboxServer;
using cpis::sandbox::SpineFault;
using cpis::sandbox::SpineRoutes;
using cpis::testsupport::MemoryDesk;
using cpis::testsupport::SpineSchemaCheck;
using cpis::testsupport::SpineSchemaOverlay;
using cpis::testsupport::TestCertificates;
using State = LookupResult::State;
using Reason = LookupResult::Reason;

namespace {

const QString kSoapNs = QStringLiteral("http://schemas.xmlsoap.org/soap/envelope/");
const QString kHl7Ns = QStringLiteral("urn:hl7-org:v3");

// The namespace and name of the SOAP Body's first element; empty when the bytes are not a
// well-formed SOAP envelope (the faults that break the answer on purpose).
std::pair<QString, QString> bodyChild(const QByteArray& bytes)
{
    QXmlStreamReader xml(bytes);
    std::pair<QString, QString> found;
    bool inBody = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (inBody && found.second.isEmpty())
            found = {xml.namespaceUri().toString(), xml.name().toString()};
        inBody = inBody || (xml.namespaceUri() == kSoapNs && xml.name() == u"Body");
    }
    return xml.hasError() ? std::pair<QString, QString>() : found;
}

// queryByParameter/accessEventType/value/@value of a captured query; empty when absent.
QString accessEventType(const QByteArray& request)
{
    QXmlStreamReader xml(request);
    bool inMarker = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.namespaceUri() == kHl7Ns && xml.name() == u"accessEventType")
            inMarker = true;
        else if (inMarker && xml.name() == u"value")
            return xml.attributes().value(QStringLiteral("value")).toString();
    }
    return {};
}

// Restricts a key file to its owner, as the desk insists for a client key.
bool ownerOnly(const QString& path)
{
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

// wsa:MessageID of a captured query; empty when absent.
QString messageIdOf(const QByteArray& request)
{
    QXmlStreamReader xml(request);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"MessageID")
            return xml.readElementText().trimmed();
    }
    return {};
}

struct Run
{
    LookupResult result;
    int spineExchanges = 0; // requests the sandbox's Spine route took
    int cpisRequests = 0;   // requests the desk sent to CP-IS (either interface)
    int pdsRequests = 0;
    QSet<QString> messageIds; // the distinct wsa:MessageIDs among the Spine exchanges
    int queries = 0;          // logical queries the sandbox took
    int notices = 0;          // notices the look-up added to any one authority's mailbox
};

} // namespace

class TestSpineIntegration : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void hl7v3AnswersAsFhirDoes_data();
    void hl7v3AnswersAsFhirDoes();
    void silentReadsSayFalse_data();
    void silentReadsSayFalse();
    void clientCertificateFromAnotherCaFails();
    void everyMessageValidates();
    void cleanupTestCase();

private:
    std::unique_ptr<SandboxServer> sandbox(bool recordSpine, bool mutualTls = true) const;
    std::unique_ptr<MemoryDesk> desk(SandboxServer& server,
                                     CpisInterface cpis,
                                     SiteType site = SiteType::UnscheduledCare,
                                     const QString& userId = QStringLiteral("triage-nurse"),
                                     const testsupport::CertifiedKey* client = nullptr);
    Run lookUp(MemoryDesk& desk, const QString& number);

    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<TestCertificates> m_certs;
    QList<SpineRoutes::Exchange> m_exchanges; // every exchange of every recording sandbox
    std::unique_ptr<SandboxServer> m_spine;   // answers the hl7v3 desks
    std::unique_ptr<SandboxServer> m_fhir;    // the same world, for the fhir desk
    std::unique_ptr<MemoryDesk> m_v3Desk;
    std::unique_ptr<MemoryDesk> m_fhirDesk;
};

std::unique_ptr<SandboxServer> TestSpineIntegration::sandbox(bool recordSpine, bool mutualTls) const
{
    SandboxServer::Options o;
    o.clock = &m_clock;
    o.tlsCertificate = m_certs->server.certificate;
    o.tlsKey = m_certs->server.key;
    if (mutualTls)
        o.clientCaCertificates = {m_certs->ca.certificate};
    if (recordSpine) {
        auto* sink = const_cast<QList<SpineRoutes::Exchange>*>(&m_exchanges);
        o.spineObserver = [sink](const SpineRoutes::Exchange& e) { sink->append(e); };
    }
    auto server = std::make_unique<SandboxServer>(o);
    if (!server->start())
        qFatal("sandbox did not start: %s", qPrintable(server->errorString()));
    return server;
}

std::unique_ptr<MemoryDesk> TestSpineIntegration::desk(SandboxServer& server,
                                                       CpisInterface cpis,
                                                       SiteType site,
                                                       const QString& userId,
                                                       const testsupport::CertifiedKey* client)
{
    const testsupport::CertifiedKey& cert = client ? *client : m_certs->client;
    const QString ca = m_certs->ca.certificatePath;
    auto edit = [&](ServiceProfile& p) {
        p.caBundle = ca;
        p.clientCertificate = cert.certificatePath;
        p.clientKey = cert.keyPath;
        if (cpis == CpisInterface::Hl7V3) {
            p.cpisInterface = CpisInterface::Hl7V3;
            p = p.withSandbox(server.baseUrl()); // the sandbox's /spine/cpis
        }
    };
    auto d = std::make_unique<MemoryDesk>(server.baseUrl(), testsupport::quickTransport(), &m_clock,
                                          site, QStringList(), edit);
    d->lookups->setSession(
        testsupport::sandboxSession(server, userId, m_clock.nowUtc().addDays(1)));
    return d;
}

Run TestSpineIntegration::lookUp(MemoryDesk& desk, const QString& number)
{
    Run run;
    const qsizetype exchangesBefore = m_exchanges.size();
    const sandbox::AccessLog& log =
        desk.services->config().profile.cpisInterface == CpisInterface::Hl7V3 ? m_spine->accessLog()
                                                                              : m_fhir->accessLog();
    const int queriesBefore = log.calls().queries;
    QHash<QString, int> mailboxesBefore;
    for (const QString& box : log.mailboxes())
        mailboxesBefore.insert(box, int(log.notificationsFor(box).size()));
    QObject ctx;
    QObject::connect(&desk.nam, &QNetworkAccessManager::finished, &ctx, [&](QNetworkReply* r) {
        const QString path = r->url().path();
        if (path.startsWith(u"/personal-demographics"))
            ++run.pdsRequests;
        else if (path.startsWith(u"/spine/cpis") || path.startsWith(u"/cpis/"))
            ++run.cpisRequests;
    });
    std::optional<LookupResult> out;
    desk.lookups->lookup(NhsNumber::parse(number).value(), &ctx,
                         [&](const LookupResult& r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
        qFatal("a look-up never finished");
    run.result = *out;
    run.spineExchanges = int(m_exchanges.size() - exchangesBefore);
    for (qsizetype i = exchangesBefore; i < m_exchanges.size(); ++i)
        run.messageIds.insert(messageIdOf(m_exchanges.at(i).request));
    run.queries = log.calls().queries - queriesBefore;
    for (const QString& box : log.mailboxes())
        run.notices = std::max(run.notices,
                               int(log.notificationsFor(box).size()) - mailboxesBefore.value(box));
    return run;
}

void TestSpineIntegration::initTestCase()
{
    CPIS_REQUIRE_REFERENCE_DATA("spine-cpis/CPIS-libxml2/Schemas/QUPC_IN000006GB01.xsd");
    QString why;
    m_certs = TestCertificates::make(&why);
    QVERIFY2(m_certs, qPrintable(why));
    QVERIFY(ownerOnly(m_certs->client.keyPath));
    QVERIFY(ownerOnly(m_certs->strangerClient.keyPath));
    m_spine = sandbox(true);
    m_fhir = sandbox(false);
    QVERIFY(m_spine->baseUrl().scheme() == u"https");
    m_v3Desk = desk(*m_spine, CpisInterface::Hl7V3);
    m_fhirDesk = desk(*m_fhir, CpisInterface::FhirDraft);
    QCOMPARE(m_v3Desk->services->config().profile.cpisInterface, CpisInterface::Hl7V3);
    QCOMPARE(m_v3Desk->services->config().profile.cpis.path(), QStringLiteral("/spine/cpis"));
}

void TestSpineIntegration::cleanupTestCase()
{
    m_v3Desk.reset();
    m_fhirDesk.reset();
    m_spine.reset();
    m_fhir.reset();
}

// Every scenario number the sandbox knows, faults and V3-only faults included.
void TestSpineIntegration::hl7v3AnswersAsFhirDoes_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("spineFault");
    const sandbox::ScenarioCatalogue& c = m_spine->scenarios();
    for (const auto& s : c.scenarios())
        QTest::newRow(qPrintable(s.nhsNumber + u' ' + s.title))
            << s.nhsNumber << int(c.faultFor(s.nhsNumber)) << int(SpineFault::None);
    for (const auto& s : c.spineScenarios())
        QTest::newRow(qPrintable(s.nhsNumber + u' ' + s.title))
            << s.nhsNumber << int(Fault::None) << int(s.fault);
    QTest::newRow("unknown number")
        << sandbox::ScenarioCatalogue::unknownNumber() << int(Fault::None) << int(SpineFault::None);
}

void TestSpineIntegration::hl7v3AnswersAsFhirDoes()
{
    QFETCH(QString, number);
    QFETCH(int, fault);
    QFETCH(int, spineFault);
    const Run v3 = lookUp(*m_v3Desk, number);
    const Run fhir = lookUp(*m_fhirDesk, number);
    const LookupResult& a = v3.result;
    const LookupResult& b = fhir.result;
    qInfo("%s: hl7v3 %s/%s, fhir %s/%s", qPrintable(number),
          qPrintable(LookupResult::stateName(a.state)),
          qPrintable(LookupResult::reasonName(a.reason)),
          qPrintable(LookupResult::stateName(b.state)),
          qPrintable(LookupResult::reasonName(b.reason)));
    QVERIFY(!a.fromCache);

    // One V3 look-up is one query to CP-IS, besides the PDS trace; a number PDS turns away
    // never reaches CP-IS. A query whose answer was lost is sent again (by the transport, and
    // by Qt's HTTP layer itself after a reset before any answer), always as the same message:
    // one wsa:MessageID, one query taken, at most one notice.
    const bool traced = a.reason != Reason::PatientNotTraced &&
                        a.reason != Reason::NumberNotVerified &&
                        a.reason != Reason::RecordInvalidated;
    QCOMPARE(v3.messageIds.size(), traced ? 1 : 0);
    QVERIFY(v3.queries <= 1);
    QVERIFY(v3.notices <= 1);
    if (Fault(fault) == Fault::Reset) {
        // CP-IS took the query, then the connection dropped: every resend is that query.
        QCOMPARE(v3.queries, 1);
        QCOMPARE(v3.notices, 1);
        QVERIFY(v3.spineExchanges > 1);
        qInfo("reset: the sandbox saw %d attempts (%d from the desk) of the one query",
              v3.spineExchanges, v3.cpisRequests);
    } else if (Fault(fault) == Fault::None && SpineFault(spineFault) == SpineFault::None) {
        QCOMPARE(v3.cpisRequests, traced ? 1 : 0);
        QCOMPARE(v3.spineExchanges, traced ? 1 : 0);
    }
    QVERIFY(v3.pdsRequests >= 1);
    QCOMPARE(v3.pdsRequests, fhir.pdsRequests);

    const auto f = Fault(fault);
    if (SpineFault(spineFault) != SpineFault::None) {
        // Over FHIR these are a child with an open plan; over V3 the answer cannot be trusted.
        QCOMPARE(b.state, State::PlansFound);
        QCOMPARE(a.state, State::CouldNotCheck);
        QVERIFY(a.plans.isEmpty());
        return;
    }
    if (f == Fault::UnknownPlanCode) {
        // A plan type the desk does not know (an unknown SNOMED code over FHIR, an unknown
        // template over V3): both read it as a record they cannot display, with its authority.
        for (const LookupResult* r : {&a, &b}) {
            QCOMPARE(r->state, State::PlansFound);
            QVERIFY(r->plans.isEmpty());
            QCOMPARE(r->undisplayable.size(), 1);
            QVERIFY(r->undisplayable.first().authority.has_value());
        }
        // The same number (a V3 telecom is digits only, a FHIR one as written).
        QCOMPARE(QString(a.undisplayable.first().authority->emergencyDutyPhone).remove(u' '),
                 QString(b.undisplayable.first().authority->emergencyDutyPhone).remove(u' '));
        return;
    }
    if (f != Fault::None && f != Fault::Latency) {
        QCOMPARE(LookupResult::stateName(a.state), QStringLiteral("could-not-check"));
        QCOMPARE(LookupResult::stateName(b.state), LookupResult::stateName(a.state));
        QVERIFY(a.plans.isEmpty());
        return;
    }
    QCOMPARE(LookupResult::stateName(a.state), LookupResult::stateName(b.state));
    QCOMPARE(LookupResult::reasonName(a.reason), LookupResult::reasonName(b.reason));
    QCOMPARE(a.plans.size(), b.plans.size());
    for (qsizetype i = 0; i < a.plans.size(); ++i) {
        QCOMPARE(a.plans[i].type, b.plans[i].type);
        QCOMPARE(a.plans[i].start, b.plans[i].start);
        QCOMPARE(a.plans[i].end, b.plans[i].end);
        QCOMPARE(a.plans[i].authority.odsCode, b.plans[i].authority.odsCode);
        // The FHIR guide's CareTeam.name leads with the ODS code ("SHE1 - Sheffield Council")
        // and the desk keeps it as sent (docs/api.md §5); V3 names the organisation alone.
        QCOMPARE(a.plans[i].authority.odsCode + QStringLiteral(" - ") + a.plans[i].authority.name,
                 b.plans[i].authority.name);
        // A V3 telecom is a tel: URI of digits; FHIR keeps the number as written.
        QCOMPARE(a.plans[i].authority.officeHoursPhone,
                 QString(b.plans[i].authority.officeHoursPhone).remove(u' '));
        QCOMPARE(a.plans[i].authority.emergencyDutyPhone,
                 QString(b.plans[i].authority.emergencyDutyPhone).remove(u' '));
    }
    if (a.state == State::CouldNotCheck)
        return;
    if (a.state == State::NoRecord) {
        // QUQI_IN010000UK14 "No Records Found" carries no payload, so over V3 there is no
        // history to show; FHIR reads it with a second call whatever the search found.
        QVERIFY(a.accessHistory.isEmpty());
        return;
    }
    QCOMPARE(a.historyUnavailable, b.historyUnavailable);
    QCOMPARE(a.accessHistory.size(), b.accessHistory.size());
    for (qsizetype i = 0; i < a.accessHistory.size(); ++i) {
        const AccessRecord& x = a.accessHistory[i];
        const AccessRecord& y = b.accessHistory[i];
        QCOMPARE(x.when, y.when);
        QCOMPARE(x.bySystem, y.bySystem);
        if (!x.bySystem) {
            // A V3 system author has no name of its own, only the person it acts for (or none);
            // FHIR names the system. Both say it was a system, who maintains it, and when.
            QCOMPARE(x.viewerName, y.viewerName);
            QCOMPARE(x.role, y.role);
        }
        QCOMPARE(x.organisation, y.organisation);
        QCOMPARE(x.organisationOds, y.organisationOds);
        QCOMPARE(x.bySystem, y.bySystem);
    }
}

// A B0170 user anywhere, or anyone at a scheduled-care site, reads silently: the query says
// accessEventType false and no local authority hears of it.
void TestSpineIntegration::silentReadsSayFalse_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("site");
    QTest::addColumn<QString>("marker");
    QTest::newRow("B0170 in unscheduled care")
        << "school-nurse" << int(SiteType::UnscheduledCare) << "false";
    QTest::newRow("B0107 in scheduled care")
        << "triage-nurse" << int(SiteType::ScheduledCare) << "false";
    QTest::newRow("B0107 in unscheduled care (control)")
        << "triage-nurse" << int(SiteType::UnscheduledCare) << "true";
}

void TestSpineIntegration::silentReadsSayFalse()
{
    QFETCH(QString, user);
    QFETCH(int, site);
    QFETCH(QString, marker);
    auto d = desk(*m_spine, CpisInterface::Hl7V3, SiteType(site), user);
    const int noticesBefore = m_spine->accessLog().notificationCount();
    const Run run = lookUp(*d, QStringLiteral("9990000271")); // two plans, one authority
    QCOMPARE(run.result.state, State::PlansFound);
    QCOMPARE(run.spineExchanges, 1);
    const QByteArray& request = m_exchanges.last().request;
    QCOMPARE(accessEventType(request), marker);
    // The person author is the signed-in user, by the SDS user id and role profile the
    // sign-in gave: the ids the sandbox's stand-in for Spine's RBAC check matches on.
    const auto signedIn = m_spine->signIn().user(user).value();
    QVERIFY(request.contains(QStringLiteral("root=\"1.2.826.0.1285.0.2.0.65\" extension=\"%1\"")
                                 .arg(signedIn.userUid)
                                 .toUtf8()));
    QVERIFY(request.contains(QStringLiteral("root=\"1.2.826.0.1285.0.2.0.67\" extension=\"%1\"")
                                 .arg(signedIn.roleId)
                                 .toUtf8()));
    const bool notifies = marker == u"true";
    QCOMPARE(run.result.notificationSent, notifies);
    QCOMPARE(m_spine->accessLog().notificationCount() - noticesBefore, notifies ? 1 : 0);
}

// Mutual TLS: a client certificate from a CA the endpoint does not trust is refused at the
// handshake, and the desk says it could not check, never that there is no record.
void TestSpineIntegration::clientCertificateFromAnotherCaFails()
{
    // PDS on a sandbox that asks for no client certificate, so that the trace succeeds and it
    // is the Spine connection whose handshake is refused.
    auto pds = sandbox(false, false);
    const QUrl spine = m_spine->baseUrl();
    auto edit = [&](ServiceProfile& p) {
        p.caBundle = m_certs->ca.certificatePath;
        p.clientCertificate = m_certs->strangerClient.certificatePath;
        p.clientKey = m_certs->strangerClient.keyPath;
        p.cpisInterface = CpisInterface::Hl7V3;
        p.cpis = spine.resolved(QUrl(QStringLiteral("/spine/cpis")));
    };
    MemoryDesk d(pds->baseUrl(), testsupport::quickTransport(), &m_clock, SiteType::UnscheduledCare,
                 QStringList(), edit);
    d.lookups->setSession(testsupport::sandboxSession(*pds, QStringLiteral("triage-nurse"),
                                                      m_clock.nowUtc().addDays(1)));
    const qsizetype exchangesBefore = m_exchanges.size();
    const Run run = lookUp(d, QStringLiteral("9990000018"));
    QCOMPARE(run.pdsRequests, 1);
    // The handshake fails before any HTTP, so nothing reached CP-IS; the retry policy may try
    // again within its limit, and no attempt gets as far as HTTP.
    QVERIFY(run.cpisRequests >= 1);
    QVERIFY(run.cpisRequests <= RetryPolicy::Settings().maxAttempts);
    QCOMPARE(m_exchanges.size(), exchangesBefore); // refused before any HTTP
    QCOMPARE(run.result.state, State::CouldNotCheck);
    QVERIFY(run.result.plans.isEmpty());
    const QString text = LookupResult::reasonText(run.result.reason);
    qInfo("wrong client certificate: %s (%s)",
          qPrintable(LookupResult::reasonName(run.result.reason)), qPrintable(text));
    // Spine speaks TLS 1.2, where a refused client certificate fails the handshake itself: the
    // user is told that the secure connection failed, not that the service had an error.
    QCOMPARE(run.result.reason, Reason::SecureConnection);
    QVERIFY2(text.contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(text));
}

// Every query the desk sent and every answer the sandbox wrote, in all of the above.
void TestSpineIntegration::everyMessageValidates()
{
    QString why;
    const auto overlay = SpineSchemaOverlay::make(&why);
    QVERIFY2(overlay, qPrintable(why));
    const SpineSchemaCheck published(SpineSchemaCheck::defaultSchemaFolder());
    const SpineSchemaCheck patchD(overlay->schemaFolder());
    QVERIFY(m_exchanges.size() >= 30);

    int requests = 0;
    int responses = 0;
    int soapFaults = 0;
    int broken = 0;
    for (const SpineRoutes::Exchange& e : std::as_const(m_exchanges)) {
        QVERIFY2(!accessEventType(e.request).isEmpty(), "the desk always says which access");
        const auto withMarker = patchD.check(e.request);
        QVERIFY2(withMarker.valid, qPrintable(withMarker.text()));
        QCOMPARE(withMarker.interaction, QStringLiteral("QUPC_IN000006GB01"));
        const auto without = published.check(SpineSchemaOverlay::withoutPatchD(e.request));
        QVERIFY2(without.valid, qPrintable(without.text()));
        ++requests;

        if (e.response.status == 0 || e.cutAt >= 0) {
            ++broken; // no answer, a reset, a truncated answer: nothing whole to check
            continue;
        }
        const auto [ns, name] = bodyChild(e.response.body);
        if (ns == kSoapNs && name == u"Fault") {
            ++soapFaults; // SOAP 1.1's own envelope; no HL7 schema applies
            continue;
        }
        if (ns != kHl7Ns) {
            // Only the faults that break the answer on purpose (malformed XML, an HTML page).
            QVERIFY2(!e.response.contentType.startsWith("text/xml") ||
                         e.response.body.contains("<id root=\"\n"),
                     e.response.body.left(200).constData());
            ++broken;
            continue;
        }
        const auto answer = published.check(e.response.body);
        if (e.response.body.contains("COCT_TP146199GB01.FuturePlanInformation")) {
            // The unknown-plan-code fault: a template no published schema has, on purpose.
            QVERIFY(!answer.valid);
            ++broken;
            continue;
        }
        QVERIFY2(answer.valid, qPrintable(answer.interaction + u'\n' + answer.text()));
        ++responses;
    }
    qInfo("validated %d desk requests and %d sandbox responses (%d SOAP faults and %d answers "
          "broken on purpose not schema-checked)",
          requests, responses, soapFaults, broken);
    QVERIFY(responses >= 20);

    // Controls: the checks can fail. The Patch D element is unknown to the published copy; a
    // value that is not a boolean fails the overlay; an answer missing a required part fails.
    const QByteArray query = m_exchanges.first().request;
    QVERIFY(!published.check(query).valid);
    QByteArray badMarker = query;
    badMarker.replace("<value value=\"true\"/>", "<value value=\"maybe\"/>")
        .replace("<value value=\"false\"/>", "<value value=\"maybe\"/>");
    QVERIFY(badMarker.contains("maybe"));
    QVERIFY(!patchD.check(badMarker).valid);
    for (const SpineRoutes::Exchange& e : std::as_const(m_exchanges)) {
        if (!e.response.body.contains("REPC_IN000007GB01"))
            continue;
        QByteArray planted = e.response.body;
        planted.replace("queryResponseCode", "queryResponseKode");
        QVERIFY(planted != e.response.body);
        const auto outcome = published.check(planted);
        QVERIFY(!outcome.valid);
        QVERIFY(!outcome.errors.isEmpty());
        return;
    }
    QFAIL("no REPC_IN000007GB01 answer was captured");
}

QTEST_MAIN(TestSpineIntegration)
#include "tst_spineintegration.moc"
