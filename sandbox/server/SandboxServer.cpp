#include "sandbox/server/SandboxServer.h"

#include "sandbox/endpoints/Cis2Realm.h"
#include "sandbox/endpoints/MeshMailbox.h"
#include "sandbox/endpoints/PatientSearch.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/fhir/FhirResources.h"
#include "sandbox/server/AreaListRoutes.h"
#include "sandbox/server/FhirRoutes.h"
#include "sandbox/server/HttpFrontEnd.h"
#include "sandbox/server/SpineRoutes.h"
#include "sandbox/world/AreaDirectory.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/PopulationIndex.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SeededRandom.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTimer>

namespace cpis::sandbox {

SandboxServer::SandboxServer(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_faults(m_options.fault),
      m_jitter(quint32(m_options.seed))
{
    if (!m_options.clock)
        m_ownClock = std::make_unique<SystemClock>();
    m_clock = m_options.clock ? m_options.clock : m_ownClock.get();

    const QDate today = now().date();
    m_random = std::make_unique<SeededRandom>(m_options.seed, m_options.tokenSeed);
    m_authorities = std::make_unique<LocalAuthorityDirectory>();
    m_catalogue = std::make_unique<ScenarioCatalogue>(*m_authorities, today);
    m_population =
        std::make_unique<SyntheticPopulation>(*m_authorities, *m_random, m_options.people, today);
    m_catalogue->addTo(*m_population);
    m_resources = std::make_unique<FhirResources>(*m_authorities);
    // After the scenarios: their people are searched too.
    m_searchIndex = std::make_unique<PopulationIndex>(*m_population);
    m_search = std::make_unique<PatientSearch>(*m_searchIndex, *m_resources);
    const LocalAuthorityEntry& sheffield =
        m_authorities->at(qMax(0, m_authorities->indexOf(QStringLiteral("SHE1"))));
    m_signIn = std::make_unique<SignInService>(
        m_clock, *m_random, SignInService::defaultUsers(sheffield.odsCode, sheffield.name));
    m_cis2 = std::make_unique<Cis2Realm>(m_clock, *m_random, *m_signIn);
    seedHistory();
    // Attendance notices: the local authorities' mailboxes, a few seeded.
    m_mesh = std::make_unique<MeshMailbox>(m_log, *m_signIn, *m_authorities, *m_clock);
    m_mesh->setObserver(m_options.meshObserver);
    m_mesh->seed(*m_catalogue, *m_population, *m_authorities, now());
    // Area lists (docs/api.md §11): the areas and who is in them, the export jobs.
    m_areas = std::make_unique<AreaDirectory>(*m_population, *m_catalogue, *m_authorities,
                                              *m_random, *m_clock, m_options.areaLists.areaSize);
    m_bulk = std::make_unique<BulkExport>(*m_areas, *m_resources, *m_clock, m_options.areaLists);

    m_fhirRoutes = std::make_unique<FhirRoutes>(
        FhirRoutes::Services{*m_signIn, *m_population, *m_catalogue, *m_authorities, *m_resources,
                             m_faults, m_log, *m_clock, *m_search},
        m_options.open);
    m_areaListRoutes = std::make_unique<AreaListRoutes>(*m_areas, *m_bulk, *m_signIn, *m_clock);
    m_spineRoutes = std::make_unique<SpineRoutes>(
        SpineRoutes::Services{*m_signIn, *m_population, *m_catalogue, *m_authorities, m_faults,
                              m_log, *m_clock, m_options.spineObserver});

    m_http = std::make_unique<HttpFrontEnd>(
        [this](const QHttpServerRequest& r, QTcpSocket* s) { handle(r, s); });
}

SandboxServer::~SandboxServer() = default;

QDateTime SandboxServer::now() const
{
    return m_clock->nowUtc();
}

void SandboxServer::seedHistory()
{
    // Earlier looks at the plan scenarios, so access history has something to show,
    // including a repeat within 24 hours that must appear once.
    const QDateTime t = now();
    const QList<std::pair<QString, qint64>> looks{
        {QStringLiteral("health-visitor"), 3 * 86400},
        {QStringLiteral("school-nurse"), 10 * 86400},
        {QStringLiteral("school-nurse"), 10 * 86400 + 7200},
        {QStringLiteral("triage-nurse"), 40 * 86400}};
    for (const ScenarioCatalogue::Scenario& s : m_catalogue->scenarios()) {
        if (s.fault != Fault::None)
            continue;
        const auto found = m_population->find(s.nhsNumber);
        if (!found || found->superseded || found->person.plans.isEmpty())
            continue;
        for (const auto& [userId, ago] : looks)
            m_log.record(AccessEvent{m_log.nextId(QStringLiteral("ae-")), s.nhsNumber,
                                     t.addSecs(-ago), *m_signIn->user(userId), false});
        // A look by a system (HL7 V3's device author): the emergency department's registration
        // system, maintained by the triage nurse's trust, asking as a patient is booked in.
        // Its own id form, so the shared sequence (and every id the documents quote) is as it
        // was before systems were seeded.
        AccessEvent bySystem{QStringLiteral("ae-system-") + s.nhsNumber, s.nhsNumber,
                             t.addSecs(-20 * 86400),
                             *m_signIn->user(QStringLiteral("triage-nurse")), false};
        bySystem.systemId = QStringLiteral("200000000101");
        bySystem.systemName = QStringLiteral("Emergency Department registration system");
        m_log.record(bySystem);
    }
}

bool SandboxServer::start()
{
    if (!m_options.tlsCertificate.isNull() && !m_options.tlsKey.isNull()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(m_options.tlsCertificate);
        tls.setPrivateKey(m_options.tlsKey);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        if (!m_options.clientCaCertificates.isEmpty()) {
            // Only these CAs, not the system's: a client certificate from any other issuer
            // is refused.
            tls.setCaCertificates(m_options.clientCaCertificates);
            tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
            // As Spine's TLS front end does: a certificate from another issuer ends the
            // handshake itself with an alert. Without this Qt would finish the handshake and
            // only then drop the connection, which a client cannot tell from a reset.
            tls.setHandshakeMustInterruptOnError(true);
        }
        m_http->sslSetup(tls);
    } else if (!m_options.clientCaCertificates.isEmpty()) {
        m_error = tr("Client certificates need TLS (--tls CERT KEY)");
        return false;
    }
    const quint16 port = m_http->listen(QHostAddress::LocalHost, m_options.port);
    if (port == 0) {
        m_error = tr("Could not listen on 127.0.0.1:%1").arg(m_options.port);
        return false;
    }
    m_port = port;
    return true;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_options.tlsCertificate.isNull() ? QStringLiteral("http")
                                                    : QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

bool SandboxServer::hostIsThisServer(const QByteArray& host) const
{
    // A web page can make a browser send requests here under its own name (DNS rebinding); it
    // cannot make the browser send this server's loopback name as Host. Only those names are
    // answered, with this server's port when a port is given.
    QByteArray name = host.trimmed().toLower();
    QByteArray port;
    const qsizetype colon = name.lastIndexOf(':');
    if (colon >= 0 && colon > name.lastIndexOf(']')) {
        port = name.mid(colon + 1);
        name.truncate(colon);
    }
    if (name != "127.0.0.1" && name != "localhost" && name != "[::1]")
        return false;
    return port.isNull() || port == QByteArray::number(m_port);
}

void SandboxServer::handle(const QHttpServerRequest& request, QTcpSocket* socket)
{
    HttpRequest in;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        in.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        in.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        in.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        in.method = "DELETE";
        break;
    default:
        in.method = "OTHER";
        break;
    }
    in.path = request.url().path();
    in.query = request.query();
    for (const auto& [name, value] : request.headers())
        in.headers.insert(name.toLower(), value);
    in.body = request.body();
    in.close = in.header("connection").toLower() == "close";
    in.origin = baseUrl().toString();
    if (m_observer)
        m_observer(in);

    if (m_options.rtt.count() > 0) {
        // The network's round trip, on a timer: other connections are served meanwhile. The
        // desk's HTTP client sends one request at a time on a connection, so none overtakes
        // another on the same one.
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delayWithJitter(), socket, [this, guard, in] {
            if (guard)
                dispatch(in, guard);
        });
        return;
    }
    dispatch(in, socket);
}

std::chrono::milliseconds SandboxServer::delayWithJitter()
{
    const qint64 rtt = m_options.rtt.count();
    const qint64 spread = rtt / 10;
    return std::chrono::milliseconds(rtt - spread +
                                     qint64(m_jitter.bounded(quint64(2 * spread + 1))));
}

void SandboxServer::dispatch(const HttpRequest& in, QTcpSocket* socket)
{
    // Before any route: a request that does not name this server is not answered.
    if (const QByteArray host = in.header("host"); !hostIsThisServer(host)) {
        HttpResponse refused =
            host.isEmpty() ? fhirError(400, QStringLiteral("INVALID_REQUEST"),
                                       QStringLiteral("A Host header is required"))
                           : fhirError(421, QStringLiteral("INVALID_REQUEST"),
                                       QStringLiteral("The Host header does not name this server"));
        writeResponse(socket, refused, true);
        return;
    }

    // Area lists (docs/api.md §11): Group, $export, its status URL and files.
    if (m_areaListRoutes->dispatch(in, socket))
        return;
    if (SpineRoutes::handles(in.path)) {
        m_spineRoutes->handle(in, socket);
        return;
    }
    if (FhirRoutes::handles(in.path)) {
        m_fhirRoutes->handle(in, socket);
        return;
    }
    if (MeshMailbox::handles(in.path)) {
        const MeshMailbox::Answer a = m_mesh->answer(in.method, in.path, in.query, in.headers);
        writeResponse(socket, {a.status, a.contentType, a.body, a.headers}, in.close);
        return;
    }
    if (Cis2Realm::handles(in.path)) {
        const SignInService::Answer a = m_cis2->answer(in.method, in.path, in.query, in.body,
                                                       in.header("authorization"), in.origin);
        HttpResponse r{a.status, a.contentType, a.body, {}};
        r.headers.append({QByteArray("Cache-Control"), "no-store"});
        if (!a.location.isEmpty())
            r.headers.append({QByteArray("Location"), a.location});
        writeResponse(socket, r, in.close);
        return;
    }
    if (in.path.startsWith(QStringLiteral("/oauth2/"))) {
        writeResponse(socket, oauth(in), in.close);
        return;
    }
    if (in.path == u"/_sandbox/sign-outs" && in.method == "GET") {
        writeResponse(socket,
                      {200,
                       "application/json",
                       QJsonDocument(m_cis2->signOutsJson()).toJson(QJsonDocument::Compact),
                       {}},
                      in.close);
        return;
    }
    if (in.path == u"/_sandbox/health" && in.method == "GET") {
        writeResponse(socket,
                      {200,
                       "application/json",
                       QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}})
                           .toJson(QJsonDocument::Compact),
                       {}},
                      in.close);
        return;
    }
    if (in.path == u"/_sandbox/counters" && in.method == "GET") {
        // Counts only (no number, name or id): what a test of a whole desk process reads to
        // see what the service was asked, from outside the desk. Reading changes nothing.
        const CallCounts& c = m_log.calls();
        const QJsonObject counts{{QStringLiteral("pdsReads"), c.pdsReads},
                                 {QStringLiteral("planQueries"), c.planQueries},
                                 {QStringLiteral("cpisQueries"), c.queries},
                                 {QStringLiteral("cpisRepeats"), c.repeats},
                                 {QStringLiteral("declaredUnscheduled"), c.declaredUnscheduled},
                                 {QStringLiteral("declaredSilent"), c.declaredSilent},
                                 {QStringLiteral("notifyingAccesses"), c.notifyingAccesses},
                                 {QStringLiteral("notices"), m_log.notificationCount()}};
        writeResponse(
            socket,
            {200, "application/json", QJsonDocument(counts).toJson(QJsonDocument::Compact), {}},
            in.close);
        return;
    }
    HttpResponse notFound = fhirError(404, QStringLiteral("RESOURCE_NOT_FOUND"),
                                      QStringLiteral("No endpoint at this path"));
    echoRequestIds(in, notFound);
    writeResponse(socket, notFound, in.close);
}

HttpResponse SandboxServer::oauth(const HttpRequest& in)
{
    SignInService::Answer a;
    if (in.path == u"/oauth2/authorize" && in.method == "GET") {
        a = in.query.hasQueryItem(QStringLiteral("user"))
                ? m_signIn->authorizeAndIssueCode(in.query)
                : m_signIn->authorize(in.query);
    } else if (in.path == u"/oauth2/token" && in.method == "POST") {
        // The platform's token endpoint: its own grants, and CIS2 ID tokens exchanged.
        a = Cis2Realm::isExchange(in.body) ? m_cis2->exchange(in.body, in.origin)
                                           : m_signIn->token(in.body);
    } else if (in.path == u"/oauth2/revoke" && in.method == "POST") {
        a = m_cis2->revokePlatform(in.body, in.origin);
    } else if (in.path == u"/oauth2/userinfo" && in.method == "GET") {
        a = m_signIn->userinfo(in.header("authorization"));
    } else {
        a = {404,
             "application/json",
             QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")}})
                 .toJson(QJsonDocument::Compact),
             {}};
    }
    HttpResponse r{a.status, a.contentType, a.body, {}};
    r.headers.append({QByteArray("Cache-Control"), "no-store"});
    if (!a.location.isEmpty())
        r.headers.append({QByteArray("Location"), a.location});
    return r;
}

} // namespace cpis::sandbox
