#include "sandbox/server/SandboxServer.h"

#include "core/domain/NhsNumber.h"
#include "sandbox/endpoints/MeshMailbox.h"
#include "sandbox/endpoints/ReviewFeed.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/fhir/FhirResources.h"
#include "sandbox/server/HttpFrontEnd.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <sys/socket.h>

namespace cpis::sandbox {

const QString SandboxServer::kPdsBase = QStringLiteral("/personal-demographics/FHIR/R4");
const QString SandboxServer::kCpisBase = QStringLiteral("/cpis/FHIR/R4");

namespace {
const QByteArray kFhirJson = QByteArrayLiteral("application/fhir+json");
constexpr int kMaxHistory = 25;

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    }
    return "Unknown";
}

bool isUuid(const QByteArray& v)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(QString::fromLatin1(v)).hasMatch();
}

// Ended plans stay visible for a year; a UCPP only for 28 days after its end.
bool isVisible(const SandboxPlan& plan, const QDate& today)
{
    if (!plan.end)
        return true;
    const int grace = plan.type == PlanType::UnbornChildProtection ? 28 : 365;
    return plan.end->addDays(grace) >= today;
}

struct FaultStatus
{
    int status;
    const char* spineCode;
    const char* why;
};

std::optional<FaultStatus> statusFault(Fault f)
{
    switch (f) {
    case Fault::Http500:
        return FaultStatus{500, "SERVER_ERROR", "Sandbox fault: internal server error"};
    case Fault::Http502:
        return FaultStatus{502, "BAD_GATEWAY", "Sandbox fault: bad gateway"};
    case Fault::Http503:
        return FaultStatus{503, "SERVICE_UNAVAILABLE", "Sandbox fault: service unavailable"};
    case Fault::Http408:
        return FaultStatus{408, "UNABLE_TO_CALL_SERVICE",
                           "Sandbox fault: the downstream service did not answer in time"};
    case Fault::Http429:
        return FaultStatus{429, "TOO_MANY_REQUESTS",
                           "Sandbox fault: rate limit reached, retry after the Retry-After delay"};
    default:
        return std::nullopt;
    }
}
} // namespace

SandboxServer::SandboxServer(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_faults(m_options.fault)
{
    if (!m_options.clock)
        m_ownClock = std::make_unique<SystemClock>();
    m_clock = m_options.clock ? m_options.clock : m_ownClock.get();

    const QDate today = now().date();
    m_authorities = std::make_unique<LocalAuthorityDirectory>();
    m_catalogue = std::make_unique<ScenarioCatalogue>(*m_authorities, today);
    m_population = std::make_unique<SyntheticPopulation>(*m_authorities, m_options.seed,
                                                         m_options.people, today);
    m_catalogue->addTo(*m_population);
    m_resources = std::make_unique<FhirResources>(*m_authorities);
    const LocalAuthorityEntry& sheffield =
        m_authorities->at(qMax(0, m_authorities->indexOf(QStringLiteral("SHE1"))));
    m_signIn = std::make_unique<SignInService>(
        m_clock, SignInService::defaultUsers(sheffield.odsCode, sheffield.name));
    seedHistory();
    // Attendance notices (issue 7): the local authorities' mailboxes, a few seeded.
    m_mesh = std::make_unique<MeshMailbox>(m_log, *m_signIn);
    m_mesh->seed(*m_catalogue, *m_population, *m_authorities, now());
    // Issue 7: the review feed, with 30 days of positives at the hospital trust (RX1).
    m_review = std::make_unique<ReviewFeed>(*m_authorities);
    m_review->seed(*m_population, *m_catalogue,
                   {*m_signIn->user(QStringLiteral("triage-nurse")),
                    *m_signIn->user(QStringLiteral("triage-nurse")),
                    *m_signIn->user(QStringLiteral("safeguarding-lead"))},
                   now(), m_options.seed);
    m_bulk = std::make_unique<BulkExport>(*m_population, *m_catalogue, *m_authorities, *m_signIn,
                                          *m_clock, m_options.areaLists, m_options.seed);

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
    }
}

bool SandboxServer::start()
{
    if (!m_options.tlsCertificate.isNull() && !m_options.tlsKey.isNull())
        m_http->sslSetup(m_options.tlsCertificate, m_options.tlsKey, QSsl::TlsV1_2OrLater);
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

void SandboxServer::handle(const QHttpServerRequest& request, QTcpSocket* socket)
{
    Incoming in;
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

    // Area lists (docs/api.md §11): Group, $export, its status URL and files.
    if (m_bulk->dispatch({in.method, in.path, in.query, in.headers, in.origin, in.close}, socket))
        return;

    if (in.path.startsWith(kPdsBase + u'/') || in.path.startsWith(kCpisBase + u'/')) {
        handleFhir(in, socket);
        return;
    }
    if (MeshMailbox::handles(in.path)) {
        const MeshMailbox::Answer a = m_mesh->answer(in.method, in.path, in.headers);
        write(socket, {a.status, a.contentType, a.body, a.headers}, in.close);
        return;
    }
    if (in.path.startsWith(QStringLiteral("/oauth2/"))) {
        write(socket, oauth(in), in.close);
        return;
    }
    if (in.path == u"/_sandbox/health" && in.method == "GET") {
        write(socket,
              {200,
               "application/json",
               QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}})
                   .toJson(QJsonDocument::Compact),
               {}},
              in.close);
        return;
    }
    write(socket,
          error(in, 404, QStringLiteral("RESOURCE_NOT_FOUND"),
                QStringLiteral("No endpoint at this path")),
          in.close);
}

SandboxServer::Response SandboxServer::oauth(const Incoming& in)
{
    SignInService::Answer a;
    if (in.path == u"/oauth2/authorize" && in.method == "GET") {
        a = in.query.hasQueryItem(QStringLiteral("user"))
                ? m_signIn->authorizeAndIssueCode(in.query)
                : m_signIn->authorize(in.query);
    } else if (in.path == u"/oauth2/token" && in.method == "POST") {
        a = m_signIn->token(in.body);
    } else if (in.path == u"/oauth2/userinfo" && in.method == "GET") {
        a = m_signIn->userinfo(in.header("authorization"));
    } else {
        a = {404,
             "application/json",
             QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")}})
                 .toJson(QJsonDocument::Compact),
             {}};
    }
    Response r{a.status, a.contentType, a.body, {}};
    r.headers.append({QByteArray("Cache-Control"), "no-store"});
    if (!a.location.isEmpty())
        r.headers.append({QByteArray("Location"), a.location});
    return r;
}

SandboxServer::Response SandboxServer::fhirJson(const Incoming& in, const QJsonObject& body) const
{
    Response r{200, kFhirJson, QJsonDocument(body).toJson(QJsonDocument::Indented), {}};
    if (const QByteArray id = in.header("x-request-id"); !id.isEmpty())
        r.headers.append({QByteArray("X-Request-ID"), id});
    if (const QByteArray id = in.header("x-correlation-id"); !id.isEmpty())
        r.headers.append({QByteArray("X-Correlation-ID"), id});
    return r;
}

SandboxServer::Response SandboxServer::error(const Incoming& in,
                                             int status,
                                             const QString& spineCode,
                                             const QString& why) const
{
    Response r = fhirJson(in, FhirResources::operationOutcome(status, spineCode, why));
    r.status = status;
    if (status == 401)
        r.headers.append({QByteArray("WWW-Authenticate"), "Bearer"});
    if (status == 429)
        r.headers.append(
            {QByteArray("Retry-After"), QByteArray::number(FaultInjector::kRetryAfterSecs)});
    return r;
}

void SandboxServer::handleFhir(const Incoming& in, QTcpSocket* socket)
{
    const auto choice = m_faults.forRequest(in.header("x-sandbox-fault"));
    if (!choice) {
        deliver(socket, in,
                {error(in, 400, QStringLiteral("PRECONDITION_FAILED"),
                       QStringLiteral("X-Sandbox-Fault names no fault this sandbox knows")),
                 Fault::None, 0});
        return;
    }
    switch (choice->fault) {
    case Fault::None:
        deliver(socket, in, answerFhir(in, false));
        return;
    case Fault::Latency: {
        // The request is answered as it would be at the moment the delay ends.
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(choice->latencyMs, socket, [this, guard, in] {
            if (guard)
                deliver(guard, in, answerFhir(in, false));
        });
        return;
    }
    case Fault::UnknownPlanCode:
        deliver(socket, in, answerFhir(in, true));
        return;
    case Fault::TruncatedBody: {
        Reply r = answerFhir(in, false);
        if (r.fault == Fault::None)
            r.fault = Fault::TruncatedBody;
        deliver(socket, in, r);
        return;
    }
    default:
        deliver(socket, in,
                {error(in, 500, QStringLiteral("SERVER_ERROR"), QString()), choice->fault, 0});
        return;
    }
}

SandboxServer::Reply SandboxServer::answerFhir(const Incoming& in, bool unknownPlanCode)
{
    auto refuse = [&](int status, const char* code, const QString& why) {
        return Reply{error(in, status, QString::fromLatin1(code), why), Fault::None, 0};
    };
    if (in.method != "GET")
        return refuse(404, "RESOURCE_NOT_FOUND", QStringLiteral("Only GET is offered here"));

    std::optional<TestUser> user;
    const QByteArray auth = in.header("authorization");
    if (auth.startsWith("Bearer "))
        user = m_signIn->userForToken(auth.mid(7).trimmed());
    if (!user && !m_options.open)
        return refuse(401, "ACCESS_DENIED",
                      auth.isEmpty() ? QStringLiteral("Missing Authorization header")
                                     : QStringLiteral("Invalid or expired access token"));
    if (!user)
        user = m_signIn->user(QStringLiteral("triage-nurse"));

    const QByteArray requestId = in.header("x-request-id");
    if (requestId.isEmpty())
        return refuse(400, "PRECONDITION_FAILED", QStringLiteral("Missing X-Request-ID header"));
    if (!isUuid(requestId))
        return refuse(400, "PRECONDITION_FAILED",
                      QStringLiteral("Invalid value - X-Request-ID is not a UUID"));
    if (!m_options.open) {
        const QByteArray urid = in.header("nhsd-session-urid");
        if (!urid.isEmpty() && urid != user->roleId.toLatin1())
            return refuse(403, "ACCESS_DENIED",
                          QStringLiteral("NHSD-Session-URID is not the signed-in user's role"));
        const QByteArray ods = in.header("nhsd-end-user-organisation-ods");
        if (!ods.isEmpty() && ods != user->orgCode.toLatin1())
            return refuse(403, "ACCESS_DENIED",
                          QStringLiteral("NHSD-End-User-Organisation-ODS is not the signed-in "
                                         "user's organisation"));
    }

    if (in.path.startsWith(kPdsBase + QStringLiteral("/Patient/"))) {
        const QString id = in.path.mid(kPdsBase.size() + 9);
        return patient(in, id);
    }

    const QByteArray unscheduled = in.header("isunscheduledaccessevent").toLower();
    if (!unscheduled.isEmpty() && unscheduled != "true" && unscheduled != "false")
        return refuse(400, "PRECONDITION_FAILED",
                      QStringLiteral("IsUnscheduledAccessEvent must be true or false"));
    if (ReviewFeed::handles(in.path, in.query)) { // issue 7: the site review feed (§12)
        const ReviewFeed::Answer a = m_review->answer(in.query, *user, now(), in.origin);
        return {a.status == 200 ? fhirJson(in, a.body) : error(in, a.status, a.spineCode, a.why),
                Fault::None, 0};
    }
    if (in.path != kCpisBase + QStringLiteral("/CareTeam") &&
        in.path != kCpisBase + QStringLiteral("/AuditEvent"))
        return refuse(404, "RESOURCE_NOT_FOUND", QStringLiteral("No endpoint at this path"));
    if (!user->canViewCpis())
        return refuse(403, "ACCESS_DENIED",
                      QStringLiteral("The user's role has neither B0107 nor B0170"));
    if (in.path.endsWith(QStringLiteral("/CareTeam")))
        return careTeam(in, *user, unknownPlanCode);
    return auditEvent(in, *user);
}

SandboxServer::Reply SandboxServer::patient(const Incoming& in, const QString& id)
{
    if (!NhsNumber::parse(id) || id.size() != 10)
        return {error(in, 400, QStringLiteral("INVALID_RESOURCE_ID"),
                      QStringLiteral("Invalid NHS number")),
                Fault::None, 0};
    const auto found = m_population->find(id);
    if (!found)
        return {error(in, 404, QStringLiteral("RESOURCE_NOT_FOUND"),
                      QStringLiteral("No patient with this NHS number")),
                Fault::None, 0};
    return {fhirJson(in, m_resources->patient(found->person)), Fault::None, 0};
}

namespace {
// patient:identifier=https://fhir.nhs.uk/Id/nhs-number|<n>; nothing else but _include.
std::optional<QString> searchedNumber(const QUrlQuery& q, bool allowInclude)
{
    for (const auto& [key, value] : q.queryItems(QUrl::FullyDecoded)) {
        if (key == u"patient:identifier")
            continue;
        if (allowInclude && key == u"_include" && value.startsWith(u"AuditEvent:entity-type"))
            continue;
        return std::nullopt;
    }
    const QStringList ids =
        q.allQueryItemValues(QStringLiteral("patient:identifier"), QUrl::FullyDecoded);
    if (ids.size() != 1)
        return std::nullopt;
    const QString prefix = FhirResources::kNhsSystem + u'|';
    if (!ids.first().startsWith(prefix))
        return std::nullopt;
    const QString n = ids.first().mid(prefix.size());
    if (n.size() != 10 || !NhsNumber::parse(n))
        return std::nullopt;
    return n;
}
} // namespace

SandboxServer::Reply
SandboxServer::careTeam(const Incoming& in, const TestUser& user, bool unknownPlanCode)
{
    const auto nhs = searchedNumber(in.query, false);
    if (!nhs)
        return {error(in, 400, QStringLiteral("INVALID_SEARCH_DATA"),
                      QStringLiteral("Search by patient:identifier=https://fhir.nhs.uk/Id/"
                                     "nhs-number|<a valid NHS number>, and nothing else")),
                Fault::None, 0};
    Fault fault = m_catalogue->faultFor(*nhs);
    if (fault == Fault::UnknownPlanCode) {
        unknownPlanCode = true;
        fault = Fault::None;
    }
    if (fault != Fault::None && fault != Fault::Latency && fault != Fault::TruncatedBody)
        return {error(in, 500, QStringLiteral("SERVER_ERROR"), QString()), fault, 0};

    const QDateTime t = now();
    QList<SandboxPlan> plans;
    // CP-IS keys records on the current number: a superseded number holds nothing.
    if (const auto found = m_population->find(*nhs); found && !found->superseded) {
        for (const SandboxPlan& p : found->person.plans)
            if (isVisible(p, t.date()))
                plans.append(p);
    }
    if (unknownPlanCode && !plans.isEmpty())
        plans.first().unknownCode = true;

    // Unscheduled unless the header says otherwise; only B0107 users notify.
    const bool unscheduled = in.header("isunscheduledaccessevent").toLower() != "false";
    const bool notifies = unscheduled && user.notifies();
    m_log.record(AccessEvent{m_log.nextId(QStringLiteral("ae-")), *nhs, t, user, notifies});
    m_review->record(*nhs, plans, t, user); // a positive for the site's review (issue 7)
    if (notifies) {
        QStringList told;
        for (const SandboxPlan& p : std::as_const(plans)) {
            const LocalAuthorityEntry& la = m_authorities->at(p.laIndex);
            if (told.contains(la.odsCode))
                continue;
            told.append(la.odsCode);
            m_log.notify(AccessNotification{m_log.nextId(QStringLiteral("asn-")), la.odsCode, *nhs,
                                            p.type, t, user.name, user.roleName, user.orgCode,
                                            user.orgName});
        }
    }
    const QJsonObject bundle = m_resources->careTeamBundle(
        *nhs, plans, t.date(), QUuid::createUuid().toString(QUuid::WithoutBraces), t, in.origin);
    Reply r{fhirJson(in, bundle), fault, 0};
    if (fault == Fault::Latency)
        r.delayMs = FaultInjector::kDefaultLatencyMs;
    return r;
}

SandboxServer::Reply SandboxServer::auditEvent(const Incoming& in, const TestUser& user)
{
    const auto nhs = searchedNumber(in.query, true);
    if (!nhs)
        return {error(in, 400, QStringLiteral("INVALID_SEARCH_DATA"),
                      QStringLiteral("Search by patient:identifier=https://fhir.nhs.uk/Id/"
                                     "nhs-number|<a valid NHS number>, optionally with "
                                     "_include=AuditEvent:entity-type")),
                Fault::None, 0};
    Fault fault = m_catalogue->faultFor(*nhs);
    if (fault == Fault::UnknownPlanCode)
        fault = Fault::None; // there is no plan code in access history
    if (fault != Fault::None && fault != Fault::Latency && fault != Fault::TruncatedBody)
        return {error(in, 500, QStringLiteral("SERVER_ERROR"), QString()), fault, 0};

    // Looking at who looked is itself a look: the request being answered is always listed.
    const QDateTime t = now();
    m_log.record(AccessEvent{m_log.nextId(QStringLiteral("ae-")), *nhs, t, user, false});
    const QJsonObject bundle = m_resources->auditEventBundle(
        *nhs, m_log.history(*nhs, kMaxHistory), QUuid::createUuid().toString(QUuid::WithoutBraces),
        t, in.origin);
    Reply r{fhirJson(in, bundle), fault, 0};
    if (fault == Fault::Latency)
        r.delayMs = FaultInjector::kDefaultLatencyMs;
    return r;
}

void SandboxServer::deliver(QTcpSocket* socket, const Incoming& in, const Reply& reply)
{
    if (reply.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        Reply now = reply;
        now.delayMs = 0;
        QTimer::singleShot(reply.delayMs, socket, [this, guard, in, now] {
            if (guard)
                deliver(guard, in, now);
        });
        return;
    }
    if (const auto s = statusFault(reply.fault)) {
        write(socket,
              error(in, s->status, QString::fromLatin1(s->spineCode), QString::fromLatin1(s->why)),
              in.close);
        return;
    }
    switch (reply.fault) {
    case Fault::NoAnswer:
        return; // the socket stays open until the client gives up
    case Fault::Reset: {
        // SO_LINGER 0 turns the close into a TCP RST, as a dropped connection looks.
        const struct linger hard
        {
            1, 0
        };
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        socket->abort();
        return;
    }
    case Fault::MalformedJson: {
        Response r = fhirJson(in, {});
        r.body = QByteArrayLiteral("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", "
                                   "\"total\": 1, \"entry\": [{\"resource\": {\"resourceType\": "
                                   "\"CareTeam\",, }]\n");
        write(socket, r, in.close);
        return;
    }
    case Fault::WrongContentType: {
        Response r = fhirJson(in, {});
        r.contentType = "text/html; charset=utf-8";
        r.body = QByteArrayLiteral("<!DOCTYPE html><html><body><h1>Service temporarily "
                                   "unavailable</h1><p>Planned maintenance.</p></body></html>\n");
        write(socket, r, in.close);
        return;
    }
    case Fault::TruncatedBody:
        write(socket, reply.response, true, reply.response.body.size() / 2);
        return;
    default:
        write(socket, reply.response, in.close);
        return;
    }
}

void SandboxServer::write(QTcpSocket* socket, const Response& r, bool close, qsizetype cutAt)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    out +=
        "Date: " +
        QLocale::c()
            .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
            .toLatin1() +
        " GMT\r\n";
    if (!r.contentType.isEmpty())
        out += "Content-Type: " + r.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    for (const auto& [name, value] : r.headers)
        out += name + ": " + value + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += cutAt >= 0 ? r.body.left(cutAt) : r.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

} // namespace cpis::sandbox
