// Contract tests of the sandbox over real HTTP (plain and TLS) on loopback: every endpoint,
// every error code, every fault, sign-in, and the unscheduled/silent notification rule.
#include "core/fhir/FhirParser.h"
#include "core/net/FhirTransport.h"
#include "core/signin/SignInFlow.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/faults/FaultInjector.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"
#include "tests/support/SandboxHttp.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using cpis::ManualClock;
using cpis::NhsNumber;
using cpis::sandbox::Fault;
using cpis::sandbox::FaultInjector;
using cpis::sandbox::SandboxServer;
using namespace sandboxtest;

namespace {
const QDateTime kNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
const QString kNhsSystem = QStringLiteral("https://fhir.nhs.uk/Id/nhs-number");

NhsNumber nhs(const QString& digits)
{
    return NhsNumber::parse(digits).value();
}
} // namespace

class TestSandboxContract : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void patientTrace_data() { schemes(); }
    void patientTrace();
    void careTeamScenarios_data() { schemes(); }
    void careTeamScenarios();
    void headersAndErrors_data() { schemes(); }
    void headersAndErrors();
    void openModeNeedsNoToken();
    void faults_data();
    void faults();
    void serverWideFault();
    void signInOverHttp_data() { schemes(); }
    void signInOverHttp();
    void clientSignInFlowAgainstSandbox();
    void unscheduledNotifiesSilentDoesNot();
    void accessHistory();

private:
    void schemes();
    std::unique_ptr<SandboxServer> start(bool tls, SandboxServer::Options o = {});
    HttpResult get(const QString& path,
                   const QByteArray& user = "triage-nurse",
                   Headers extra = {},
                   int timeoutMs = 10000);
    static QString careTeamPath(const QString& n)
    {
        return QStringLiteral("/cpis/FHIR/R4/CareTeam?patient:identifier=") + kNhsSystem + u'|' + n;
    }
    static QString auditPath(const QString& n)
    {
        return QStringLiteral("/cpis/FHIR/R4/AuditEvent?patient:identifier=") + kNhsSystem + u'|' +
               n + QStringLiteral("&_include=AuditEvent:entity-type");
    }

    QTemporaryDir m_dir;
    QSslCertificate m_cert;
    QSslKey m_key;
    ManualClock m_clock{kNow};
    SandboxServer* m_server = nullptr;
    QNetworkAccessManager m_nam;
};

void TestSandboxContract::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(makeLoopbackCertificate(m_dir.path()), "openssl could not make a certificate");
    QFile c(m_dir.filePath(QStringLiteral("cert.pem")));
    QFile k(m_dir.filePath(QStringLiteral("key.pem")));
    QVERIFY(c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly));
    m_cert = QSslCertificate(&c, QSsl::Pem);
    m_key = QSslKey(&k, QSsl::Rsa, QSsl::Pem);
    QVERIFY(!m_cert.isNull() && !m_key.isNull());
}

void TestSandboxContract::schemes()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

std::unique_ptr<SandboxServer> TestSandboxContract::start(bool tls, SandboxServer::Options o)
{
    m_clock.set(kNow);
    o.clock = &m_clock;
    if (o.people == 5000)
        o.people = 1000;
    if (tls) {
        o.tlsCertificate = m_cert;
        o.tlsKey = m_key;
    }
    auto s = std::make_unique<SandboxServer>(o);
    if (!s->start())
        return nullptr;
    m_server = s.get();
    m_nam.clearConnectionCache();
    return s;
}

HttpResult
TestSandboxContract::get(const QString& path, const QByteArray& user, Headers extra, int timeoutMs)
{
    Headers h;
    bool hasId = false;
    for (const auto& [k, v] : extra)
        hasId = hasId || k == "X-Request-ID";
    if (!hasId)
        h.append({QByteArrayLiteral("X-Request-ID"), newRequestId()});
    if (!user.isEmpty())
        h.append({QByteArrayLiteral("Authorization"),
                  QByteArray("Bearer " +
                             m_server->signIn().issueAccessToken(QString::fromLatin1(user)))});
    h += extra;
    QUrl url = m_server->baseUrl();
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    return request(m_nam, "GET", url, h, {m_cert}, {}, timeoutMs);
}

void TestSandboxContract::patientTrace()
{
    QFETCH(bool, tls);
    auto server = start(tls);
    QVERIFY(server);
    QCOMPARE(server->baseUrl().scheme(), tls ? QStringLiteral("https") : QStringLiteral("http"));

    HttpResult r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000018"));
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/fhir+json"));
    auto d = cpis::FhirParser::patient(r.body, nhs(QStringLiteral("9990000018")));
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().what));
    QVERIFY(!d->restricted);
    QVERIFY(!d->address.isEmpty());
    QCOMPARE(d->familyName, QStringLiteral("Scenario-Cpp"));

    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000077"));
    QCOMPARE(r.status, 200);
    const QJsonObject restricted = r.json();
    QCOMPARE(restricted.value(QLatin1String("meta"))
                 .toObject()
                 .value(QLatin1String("security"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("R"));
    QVERIFY(!restricted.contains(QLatin1String("address")));
    QVERIFY(!restricted.contains(QLatin1String("telecom")));
    d = cpis::FhirParser::patient(r.body, nhs(QStringLiteral("9990000077")));
    QVERIFY(d.ok() && d->restricted && d->address.isEmpty());

    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000085"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("id")).toString(), QStringLiteral("9990000093"));
    d = cpis::FhirParser::patient(r.body, nhs(QStringLiteral("9990000085")));
    QVERIFY(d.ok());
    QCOMPARE(d->supersededFrom.value(), nhs(QStringLiteral("9990000085")));

    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/") +
            cpis::sandbox::ScenarioCatalogue::unknownNumber());
    QCOMPARE(r.status, 404);
    QCOMPARE(r.spineCode(), QStringLiteral("RESOURCE_NOT_FOUND"));
    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/") +
            cpis::sandbox::ScenarioCatalogue::invalidNumber());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("INVALID_RESOURCE_ID"));

    // A generated person is found too.
    const QString generated = server->population().generatedAt(7).nhsNumber;
    QCOMPARE(get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/") + generated).status,
             200);
}

void TestSandboxContract::careTeamScenarios()
{
    QFETCH(bool, tls);
    auto server = start(tls);
    QVERIFY(server);
    const QList<std::pair<QString, int>> expected{
        {QStringLiteral("9990000018"), 1},
        {QStringLiteral("9990000026"), 1},
        {QStringLiteral("9990000034"), 1},
        {QStringLiteral("9990000042"), 2},
        {QStringLiteral("9990000050"), 1},
        {QStringLiteral("9990000069"), 0},
        {QStringLiteral("9990000077"), 1},
        {QStringLiteral("9990000085"), 0},
        {QStringLiteral("9990000093"), 1},
        {QStringLiteral("9990000107"), 0},
        {QStringLiteral("9990000115"), 1},
        {QStringLiteral("9990000123"), 0},
        {cpis::sandbox::ScenarioCatalogue::unknownNumber(), 0}};
    for (const auto& [n, count] : expected) {
        const HttpResult r = get(careTeamPath(n));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("total")).toInt(-1), count);
        const auto plans = cpis::FhirParser::careTeamBundle(r.body, nhs(n));
        QVERIFY2(plans.ok(), qPrintable(n + u' ' + (plans.ok() ? QString() : plans.error().what)));
        QCOMPARE(plans->size(), count);
    }
    const auto several = cpis::FhirParser::careTeamBundle(
        get(careTeamPath(QStringLiteral("9990000042"))).body, nhs(QStringLiteral("9990000042")));
    QCOMPARE(several->at(0).type, cpis::PlanType::ChildProtection);
    QCOMPARE(several->at(1).type, cpis::PlanType::LookedAfter);
    QVERIFY(several->at(0).authority.odsCode != several->at(1).authority.odsCode);
    QVERIFY(!several->at(1).authority.emergencyDutyPhone.isEmpty());
    const auto ucpp = cpis::FhirParser::careTeamBundle(
        get(careTeamPath(QStringLiteral("9990000034"))).body, nhs(QStringLiteral("9990000034")));
    QCOMPARE(ucpp->at(0).type, cpis::PlanType::UnbornChildProtection);
    QVERIFY(ucpp->at(0).end.has_value());

    // Period rules follow the clock: the ended CPP (100 days ago) drops out after 365 days.
    m_clock.advanceSecs(qint64(266) * 86400);
    QCOMPARE(get(careTeamPath(QStringLiteral("9990000050")))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
             0);
    // UCPP ended 20 days ago: gone 9 days later (28-day grace).
    m_clock.set(kNow.addDays(9));
    QCOMPARE(get(careTeamPath(QStringLiteral("9990000115")))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
             0);
}

void TestSandboxContract::headersAndErrors()
{
    QFETCH(bool, tls);
    auto server = start(tls);
    QVERIFY(server);
    const QString ct = careTeamPath(QStringLiteral("9990000018"));

    // Echoes.
    const QByteArray id = newRequestId();
    HttpResult r = get(ct, "triage-nurse",
                       {{"X-Request-ID", id},
                        {"X-Correlation-ID", "corr-123"},
                        {"TraceID", "t-1"},
                        {"NHSD-Session-URID", "100000000001"},
                        {"NHSD-End-User-Organisation-ODS", "RX1"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-request-id"), id);
    QCOMPARE(r.header("x-correlation-id"), QByteArray("corr-123"));

    // 401: no token, unknown token, expired token.
    r = get(ct, QByteArray());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.spineCode(), QStringLiteral("ACCESS_DENIED"));
    QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
    QCOMPARE(r.header("content-type"), QByteArray("application/fhir+json"));
    r = get(ct, QByteArray(), {{"Authorization", "Bearer not-a-token"}});
    QCOMPARE(r.status, 401);
    const QByteArray token = server->signIn().issueAccessToken(QStringLiteral("triage-nurse"));
    m_clock.advanceSecs(cpis::sandbox::SignInService::kAccessLifetimeSecs + 1);
    r = get(ct, QByteArray(), {{"Authorization", "Bearer " + token}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.spineCode(), QStringLiteral("ACCESS_DENIED"));
    m_clock.set(kNow);

    // 403: a user without B0107/B0170, or headers naming another role or organisation.
    r = get(ct, "social-worker");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.spineCode(), QStringLiteral("ACCESS_DENIED"));
    QCOMPARE(
        get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000018"), "social-worker")
            .status,
        200);
    QCOMPARE(get(ct, "triage-nurse", {{"NHSD-Session-URID", "100000000002"}}).status, 403);
    QCOMPARE(get(ct, "triage-nurse", {{"NHSD-End-User-Organisation-ODS", "RX2"}}).status, 403);

    // 400 PRECONDITION_FAILED: X-Request-ID missing or not a UUID; bad IsUnscheduledAccessEvent.
    QNetworkRequest bare(QUrl(m_server->baseUrl().toString() + ct));
    r = request(m_nam, "GET", bare.url(),
                {{"Authorization", QByteArray("Bearer " + server->signIn().issueAccessToken(
                                                              QStringLiteral("triage-nurse")))}},
                {m_cert});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("PRECONDITION_FAILED"));
    r = get(ct, "triage-nurse", {{"X-Request-ID", "12345"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("PRECONDITION_FAILED"));
    r = get(ct, "triage-nurse", {{"IsUnscheduledAccessEvent", "maybe"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("PRECONDITION_FAILED"));
    r = get(ct, "triage-nurse", {{"X-Sandbox-Fault", "no-such-fault"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("PRECONDITION_FAILED"));

    // 400 INVALID_SEARCH_DATA: invalid number, wrong system, missing or extra parameters.
    for (const QString& bad : QStringList{
             careTeamPath(cpis::sandbox::ScenarioCatalogue::invalidNumber()),
             QStringLiteral("/cpis/FHIR/R4/CareTeam?patient:identifier=urn:other|9990000018"),
             QStringLiteral("/cpis/FHIR/R4/CareTeam"), ct + QStringLiteral("&_count=5"),
             QString(QStringLiteral("/cpis/FHIR/R4/AuditEvent?patient:identifier=") + kNhsSystem +
                     QStringLiteral("|9990000019"))}) {
        r = get(bad);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.spineCode(), QStringLiteral("INVALID_SEARCH_DATA"));
    }

    // 404: no such endpoint.
    r = get(QStringLiteral("/cpis/FHIR/R4/Observation"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.spineCode(), QStringLiteral("RESOURCE_NOT_FOUND"));
}

void TestSandboxContract::openModeNeedsNoToken()
{
    SandboxServer::Options o;
    o.open = true;
    auto server = start(false, o);
    QVERIFY(server);
    const HttpResult r = get(careTeamPath(QStringLiteral("9990000018")), QByteArray());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 1);
}

void TestSandboxContract::faults_data()
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

void TestSandboxContract::faults()
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

void TestSandboxContract::serverWideFault()
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

void TestSandboxContract::signInOverHttp()
{
    QFETCH(bool, tls);
    auto server = start(tls);
    QVERIFY(server);
    const QByteArray verifier = "a-verifier-that-is-long-enough-for-rfc-7636-0123456789";
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("cpis-desk"));
    q.addQueryItem(QStringLiteral("redirect_uri"),
                   QStringLiteral("http://127.0.0.1:5555/callback"));
    q.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid nationalrbacaccess"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("xyz"));
    q.addQueryItem(QStringLiteral("code_challenge"),
                   QString::fromLatin1(cpis::SignInFlow::codeChallenge(verifier)));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    QUrl authorize = server->baseUrl();
    authorize.setPath(QStringLiteral("/oauth2/authorize"));
    authorize.setQuery(q);

    // The pick page lists every test user.
    HttpResult r = request(m_nam, "GET", authorize, {}, {m_cert});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("content-type").startsWith("text/html"));
    for (const auto& u : server->signIn().users())
        QVERIFY(r.body.contains(QByteArray("user=" + u.id.toLatin1())));

    // A non-loopback redirect is refused.
    QUrlQuery evil = q;
    evil.removeAllQueryItems(QStringLiteral("redirect_uri"));
    evil.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://evil.example/cb"));
    QUrl evilUrl = authorize;
    evilUrl.setQuery(evil);
    QCOMPARE(request(m_nam, "GET", evilUrl, {}, {m_cert}).status, 400);

    // user=<id> picks without a page and redirects with code and state.
    QUrlQuery pick = q;
    pick.addQueryItem(QStringLiteral("user"), QStringLiteral("triage-nurse"));
    QUrl pickUrl = authorize;
    pickUrl.setQuery(pick);
    r = request(m_nam, "GET", pickUrl, {}, {m_cert});
    QCOMPARE(r.status, 302);
    const QUrl location(QString::fromLatin1(r.header("location")));
    QCOMPARE(location.port(), 5555);
    const QUrlQuery back(location);
    QCOMPARE(back.queryItemValue(QStringLiteral("state")), QStringLiteral("xyz"));
    const QString code = back.queryItemValue(QStringLiteral("code"));
    QVERIFY(!code.isEmpty());

    QUrl tokenUrl = server->baseUrl();
    tokenUrl.setPath(QStringLiteral("/oauth2/token"));
    const Headers form{{"Content-Type", "application/x-www-form-urlencoded"}};
    auto exchange = [&](const QByteArray& v) {
        return request(m_nam, "POST", tokenUrl, form, {m_cert},
                       "grant_type=authorization_code&code=" + code.toLatin1() +
                           "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback"
                           "&client_id=cpis-desk&code_verifier=" +
                           v);
    };
    r = exchange("wrong-verifier-wrong-verifier-wrong-verifier-0000");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_grant"));
    // The failed attempt used the code up.
    QCOMPARE(exchange(verifier).status, 400);

    r = request(m_nam, "GET", pickUrl, {}, {m_cert});
    const QString code2 = QUrlQuery(QUrl(QString::fromLatin1(r.header("location"))))
                              .queryItemValue(QStringLiteral("code"));
    r = request(m_nam, "POST", tokenUrl, form, {m_cert},
                "grant_type=authorization_code&code=" + code2.toLatin1() +
                    "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback"
                    "&client_id=cpis-desk&code_verifier=" +
                    verifier);
    QCOMPARE(r.status, 200);
    const QJsonObject tokens = r.json();
    QCOMPARE(tokens.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(tokens.value(QLatin1String("expires_in")).toInt(), 3600);
    const QByteArray access = tokens.value(QLatin1String("access_token")).toString().toLatin1();
    const QByteArray refresh = tokens.value(QLatin1String("refresh_token")).toString().toLatin1();

    QUrl userinfo = server->baseUrl();
    userinfo.setPath(QStringLiteral("/oauth2/userinfo"));
    r = request(m_nam, "GET", userinfo, {{"Authorization", "Bearer " + access}}, {m_cert});
    QCOMPARE(r.status, 200);
    const QJsonObject info = r.json();
    QCOMPARE(info.value(QLatin1String("name")).toString(), QStringLiteral("Amelia Hughes"));
    const QJsonObject role =
        info.value(QLatin1String("nhsid_nrbac_roles")).toArray().first().toObject();
    QCOMPARE(role.value(QLatin1String("org_code")).toString(), QStringLiteral("RX1"));
    QCOMPARE(role.value(QLatin1String("activity_codes")).toArray().first().toString(),
             QStringLiteral("B0107"));

    // Expiry by the clock, then refresh.
    m_clock.advanceSecs(3601);
    QCOMPARE(
        request(m_nam, "GET", userinfo, {{"Authorization", "Bearer " + access}}, {m_cert}).status,
        401);
    r = request(m_nam, "POST", tokenUrl, form, {m_cert},
                "grant_type=refresh_token&client_id=cpis-desk&refresh_token=" + refresh);
    QCOMPARE(r.status, 200);
    const QByteArray fresh = r.json().value(QLatin1String("access_token")).toString().toLatin1();
    QVERIFY(fresh != access);
    QCOMPARE(
        request(m_nam, "GET", userinfo, {{"Authorization", "Bearer " + fresh}}, {m_cert}).status,
        200);
    // Refresh tokens rotate.
    QCOMPARE(request(m_nam, "POST", tokenUrl, form, {m_cert},
                     "grant_type=refresh_token&client_id=cpis-desk&refresh_token=" + refresh)
                 .status,
             400);
}

void TestSandboxContract::clientSignInFlowAgainstSandbox()
{
    // The desk's own sign-in code, with the "browser" step done by following the pick link.
    auto server = start(false);
    QVERIFY(server);
    cpis::SystemClock clock;
    QNetworkAccessManager nam;
    cpis::FhirTransport transport(&nam, &clock, cpis::FhirTransport::Settings());
    cpis::SignInFlow flow(&transport, &clock, server->baseUrl(), QStringLiteral("cpis-desk"));
    QSignalSpy ready(&flow, &cpis::SignInFlow::authorizationUrlReady);
    QSignalSpy signedIn(&flow, &cpis::SignInFlow::signedIn);
    QSignalSpy failed(&flow, &cpis::SignInFlow::failed);
    QVERIFY(flow.start());
    QCOMPARE(ready.size(), 1);
    QUrl url = ready.first().first().toUrl();
    QUrlQuery q(url);
    q.addQueryItem(QStringLiteral("user"), QStringLiteral("school-nurse"));
    url.setQuery(q);
    QNetworkRequest browser(url); // follows the 302 to the desk's loopback listener
    QNetworkReply* reply = nam.get(browser);
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.size() + failed.size() > 0, 10000);
    reply->deleteLater();
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const auto session = signedIn.first().first().value<cpis::UserSession>();
    QCOMPARE(session.name, QStringLiteral("Priya Shah"));
    QCOMPARE(session.roleId, QStringLiteral("100000000002"));
    QCOMPARE(session.organisationCode, QStringLiteral("RX2"));
    QCOMPARE(session.activityCodes, QStringList{QStringLiteral("B0170")});
    QVERIFY(server->signIn().userForToken(session.accessToken).has_value());
}

void TestSandboxContract::unscheduledNotifiesSilentDoesNot()
{
    auto server = start(false);
    QVERIFY(server);
    const auto& log = server->accessLog();
    const QString cpp = careTeamPath(QStringLiteral("9990000018")); // SHE1
    const QString ods = QStringLiteral("SHE1");
    // The social worker's mailbox starts with the seeded notices (docs/api.md §10).
    const int seeded = int(log.notificationsFor(ods).size());
    QCOMPARE(seeded, 3);
    QCOMPARE(log.notificationCount(), seeded);

    // B0107, header absent: unscheduled.
    QCOMPARE(get(cpp, "triage-nurse").status, 200);
    QCOMPARE(log.notificationsFor(ods).size(), seeded + 1);
    const auto n = log.notificationsFor(ods).last();
    QCOMPARE(n.nhsNumber, QStringLiteral("9990000018"));
    QCOMPARE(n.viewerName, QStringLiteral("Amelia Hughes"));
    QCOMPARE(n.organisationCode, QStringLiteral("RX1"));
    QCOMPARE(n.planType, cpis::PlanType::ChildProtection);
    QCOMPARE(n.when, kNow);

    // B0107, header true: unscheduled.
    QCOMPARE(get(cpp, "triage-nurse", {{"IsUnscheduledAccessEvent", "true"}}).status, 200);
    QCOMPARE(log.notificationsFor(ods).size(), seeded + 2);

    // B0107, header false: silent.
    QCOMPARE(get(cpp, "triage-nurse", {{"IsUnscheduledAccessEvent", "false"}}).status, 200);
    QCOMPARE(log.notificationsFor(ods).size(), seeded + 2);

    // B0170, even claiming unscheduled: silent.
    QCOMPARE(get(cpp, "school-nurse", {{"IsUnscheduledAccessEvent", "true"}}).status, 200);
    QCOMPARE(get(cpp, "health-visitor").status, 200);
    QCOMPARE(log.notificationsFor(ods).size(), seeded + 2);
    QCOMPARE(log.notificationCount(), seeded + 2);

    // Several plans with two authorities: one notice to each mailbox.
    QCOMPARE(get(careTeamPath(QStringLiteral("9990000042")), "triage-nurse").status, 200);
    QCOMPARE(log.notificationsFor(QStringLiteral("SHE1")).size(), seeded + 3);
    QCOMPARE(log.notificationsFor(QStringLiteral("LEE1")).size(), 1);

    // Silent reads still appear in access history.
    const HttpResult h = get(auditPath(QStringLiteral("9990000018")), "triage-nurse");
    QVERIFY(h.body.contains("Priya Shah"));
    QVERIFY(h.body.contains("Grace O'Neill"));
}

void TestSandboxContract::accessHistory()
{
    auto server = start(false);
    QVERIFY(server);
    const QString n = QStringLiteral("9990000018");

    HttpResult r = get(auditPath(n), "health-visitor");
    QCOMPARE(r.status, 200);
    auto rows = cpis::FhirParser::auditEventBundle(r.body);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().what));
    // Seeded looks: health visitor 3 days ago, school nurse twice 10 days ago (shown once),
    // triage nurse 40 days ago; plus this request.
    QCOMPARE(rows->size(), 4);
    QCOMPARE(rows->first().viewerName, QStringLiteral("Grace O'Neill"));
    QCOMPARE(rows->first().when, kNow);
    for (int i = 1; i < rows->size(); ++i)
        QVERIFY(rows->at(i - 1).when >= rows->at(i).when);
    int schoolNurse = 0;
    for (const auto& row : rows.value())
        schoolNurse += row.viewerName == u"Priya Shah";
    QCOMPARE(schoolNurse, 1);

    // Repeats within 24 hours appear once; after 24 hours they are separate rows.
    m_clock.advanceSecs(3600);
    QCOMPARE(cpis::FhirParser::auditEventBundle(get(auditPath(n), "health-visitor").body)->size(),
             4);
    // The unknown-to-history requester is always among them.
    rows = cpis::FhirParser::auditEventBundle(
        get(auditPath(QStringLiteral("9990000069")), "safeguarding-lead").body);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().viewerName, QStringLiteral("Tom Fielding"));

    // At most 25, newest first.
    for (int i = 0; i < 30; ++i) {
        m_clock.advanceSecs(25 * 3600);
        QCOMPARE(get(careTeamPath(n), "school-nurse").status, 200);
    }
    r = get(auditPath(n), "school-nurse");
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 25);
    rows = cpis::FhirParser::auditEventBundle(r.body);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 25);
    QCOMPARE(rows->first().when, m_clock.nowUtc());
}

QTEST_GUILESS_MAIN(TestSandboxContract)
#include "tst_sandboxcontract.moc"
