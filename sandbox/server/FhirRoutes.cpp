#include "sandbox/server/FhirRoutes.h"

#include "core/domain/NhsNumber.h"
#include "core/domain/Vocabulary.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/endpoints/PatientSearch.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/fhir/FhirResources.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <sys/socket.h>

namespace cpis::sandbox {

const QString FhirRoutes::kPdsBase = QStringLiteral("/personal-demographics/FHIR/R4");
const QString FhirRoutes::kCpisBase = QStringLiteral("/cpis/FHIR/R4");

namespace {
constexpr int kMaxHistory = 25;

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

bool FhirRoutes::handles(const QString& path)
{
    return path.startsWith(kPdsBase + u'/') || path.startsWith(kCpisBase + u'/');
}

HttpResponse
FhirRoutes::error(const HttpRequest& in, int status, const QString& spineCode, const QString& why)
{
    HttpResponse r = fhirError(status, spineCode, why);
    echoRequestIds(in, r);
    return r;
}

HttpResponse FhirRoutes::json(const HttpRequest& in, const QJsonObject& body)
{
    HttpResponse r = fhirJson(200, body);
    echoRequestIds(in, r);
    return r;
}

void FhirRoutes::handle(const HttpRequest& in, QTcpSocket* socket)
{
    const auto choice = m_s.faults.forRequest(in.header("x-sandbox-fault"));
    if (!choice) {
        deliver(socket, in,
                {error(in, 400, QStringLiteral("PRECONDITION_FAILED"),
                       QStringLiteral("X-Sandbox-Fault names no fault this sandbox knows")),
                 Fault::None, 0});
        return;
    }
    switch (choice->fault) {
    case Fault::None:
        deliver(socket, in, answer(in, false));
        return;
    case Fault::Latency: {
        // The request is answered as it would be at the moment the delay ends.
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(choice->latencyMs, socket, [this, guard, in] {
            if (guard)
                deliver(guard, in, answer(in, false));
        });
        return;
    }
    case Fault::UnknownPlanCode:
        deliver(socket, in, answer(in, true));
        return;
    case Fault::TruncatedBody: {
        Reply r = answer(in, false);
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

FhirRoutes::Reply FhirRoutes::answer(const HttpRequest& in, bool unknownPlanCode)
{
    auto refuse = [&](int status, const char* code, const QString& why) {
        return Reply{error(in, status, QString::fromLatin1(code), why), Fault::None, 0};
    };
    if (in.method != "GET")
        return refuse(404, "RESOURCE_NOT_FOUND", QStringLiteral("Only GET is offered here"));

    std::optional<TestUser> user;
    const QByteArray auth = in.header("authorization");
    if (auth.startsWith("Bearer "))
        user = m_s.signIn.userForToken(auth.mid(7).trimmed());
    if (!user && !m_open)
        return refuse(401, "ACCESS_DENIED",
                      auth.isEmpty() ? QStringLiteral("Missing Authorization header")
                                     : QStringLiteral("Invalid or expired access token"));
    if (!user)
        user = m_s.signIn.user(QStringLiteral("triage-nurse"));

    const QByteArray requestId = in.header("x-request-id");
    // PDS's codes for a header (patient-get.yaml): MISSING_VALUE, INVALID_VALUE.
    if (requestId.isEmpty())
        return refuse(400, "MISSING_VALUE", QStringLiteral("Missing X-Request-ID header"));
    if (!in.hasUuidRequestId())
        return refuse(400, "INVALID_VALUE",
                      QStringLiteral("Invalid value - X-Request-ID is not a UUID"));
    if (!m_open) {
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

    if (in.path == kPdsBase + QStringLiteral("/Patient"))
        return patientSearch(in);
    if (in.path.startsWith(kPdsBase + QStringLiteral("/Patient/"))) {
        const QString id = in.path.mid(kPdsBase.size() + 9);
        return patient(in, id);
    }

    const QByteArray unscheduled = in.header("isunscheduledaccessevent").toLower();
    if (!unscheduled.isEmpty() && unscheduled != "true" && unscheduled != "false")
        return refuse(400, "PRECONDITION_FAILED",
                      QStringLiteral("IsUnscheduledAccessEvent must be true or false"));
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

FhirRoutes::Reply FhirRoutes::patient(const HttpRequest& in, const QString& id)
{
    if (!NhsNumber::parse(id) || id.size() != 10)
        return {error(in, 400, QStringLiteral("INVALID_RESOURCE_ID"),
                      QStringLiteral("Invalid NHS number")),
                Fault::None, 0};
    m_s.log.countPdsRead();
    const auto found = m_s.population.find(id);
    if (!found)
        return {error(in, 404, QStringLiteral("RESOURCE_NOT_FOUND"),
                      QStringLiteral("No patient with this NHS number")),
                Fault::None, 0};
    if (found->person.invalidated)
        return {error(in, 404, QStringLiteral("INVALIDATED_RESOURCE"),
                      QStringLiteral("The patient record for this NHS number has been "
                                     "invalidated and not superseded")),
                Fault::None, 0};
    return {json(in, m_s.resources.patient(found->person)), Fault::None, 0};
}

FhirRoutes::Reply FhirRoutes::patientSearch(const HttpRequest& in)
{
    const PatientSearch::Answer a = m_s.search.answer(in.query, in.origin, m_s.clock.nowUtc());
    return {a.status == 200 ? json(in, a.body) : error(in, a.status, a.spineCode, a.why),
            Fault::None, 0};
}

namespace {
// The guide (Headers): IsUnscheduledAccessEvent true|false, absent meaning unscheduled. A value
// other than those two has already been refused with PRECONDITION_FAILED.
bool declaresUnscheduled(const HttpRequest& in)
{
    return in.header("isunscheduledaccessevent").toLower() != "false";
}

// The guide's _include on the access history (producer version), the one value accepted.
const QString kAuditInclude = QStringLiteral(
    "AuditEvent:entity-type=http://terminology.hl7.org/CodeSystem/v3-RoleClass|ASSIGNED");

// patient:identifier=https://fhir.nhs.uk/Id/nhs-number|<n>; nothing else but _include.
std::optional<QString> searchedNumber(const QUrlQuery& q, bool allowInclude)
{
    for (const auto& [key, value] : q.queryItems(QUrl::FullyDecoded)) {
        if (key == u"patient:identifier")
            continue;
        if (allowInclude && key == u"_include" && value == kAuditInclude)
            continue;
        return std::nullopt;
    }
    const QStringList ids =
        q.allQueryItemValues(QStringLiteral("patient:identifier"), QUrl::FullyDecoded);
    if (ids.size() != 1)
        return std::nullopt;
    const QString prefix = vocabulary::kNhsNumberSystem + u'|';
    if (!ids.first().startsWith(prefix))
        return std::nullopt;
    const QString n = ids.first().mid(prefix.size());
    if (n.size() != 10 || !NhsNumber::parse(n))
        return std::nullopt;
    return n;
}
} // namespace

namespace {
// The faults that strike after CP-IS has taken the query (recorded it, told the local
// authority): a late answer, an answer cut short, a connection dropped before the answer. The
// rest strike before it.
bool takesTheQuery(Fault fault)
{
    return fault == Fault::None || fault == Fault::Latency || fault == Fault::TruncatedBody ||
           fault == Fault::Reset;
}

// What makes a CP-IS call the query it is, for duplicate elimination by X-Request-ID.
QString whatIsAsked(const HttpRequest& in, const TestUser& user)
{
    return in.path + u'?' + in.query.toString(QUrl::FullyDecoded) + u'|' + user.id + u'|' +
           QString::fromLatin1(in.header("isunscheduledaccessevent").toLower());
}

HttpResponse reusedRequestId(const HttpRequest& in)
{
    HttpResponse r = fhirError(400, QStringLiteral("INVALID_VALUE"),
                               QStringLiteral("Invalid value - X-Request-ID was already used "
                                              "for another request"));
    echoRequestIds(in, r);
    return r;
}
} // namespace

FhirRoutes::Reply
FhirRoutes::careTeam(const HttpRequest& in, const TestUser& user, bool unknownPlanCode)
{
    const auto nhs = searchedNumber(in.query, false);
    if (!nhs)
        return {error(in, 400, QStringLiteral("INVALID_SEARCH_DATA"),
                      QStringLiteral("Search by patient:identifier=https://fhir.nhs.uk/Id/"
                                     "nhs-number|<a valid NHS number>, and nothing else")),
                Fault::None, 0};
    Fault fault = m_s.scenarios.faultFor(*nhs);
    if (fault == Fault::UnknownPlanCode) {
        unknownPlanCode = true;
        fault = Fault::None;
    }
    if (!takesTheQuery(fault))
        return {error(in, 500, QStringLiteral("SERVER_ERROR"), QString()), fault, 0};
    const bool unscheduled = declaresUnscheduled(in);
    const QuerySight sight = m_s.log.sight(in.header("x-request-id"), whatIsAsked(in, user));
    if (sight == QuerySight::Conflict)
        return {reusedRequestId(in), Fault::None, 0};

    const QDateTime t = m_s.clock.nowUtc();
    QList<SandboxPlan> plans;
    // CP-IS keys records on the current number: a superseded number holds nothing.
    if (const auto found = m_s.population.find(*nhs); found && !found->superseded) {
        for (const SandboxPlan& p : found->person.plans)
            if (stillShown(p, t.date()))
                plans.append(p);
    }
    if (unknownPlanCode && !plans.isEmpty())
        plans.first().unknownCode = true;

    const bool notifies = unscheduled && user.notifies();
    // A repeat of a query already taken is answered as that query, never recorded or notified
    // again: a retry or a resend must not tell the local authority twice.
    if (sight == QuerySight::First) {
        m_s.log.countPlanQuery();
        m_s.log.countCall(unscheduled, notifies);
        m_s.log.record(AccessEvent{m_s.log.nextId(QStringLiteral("ae-")), *nhs, t, user, notifies});
    }
    if (notifies && sight == QuerySight::First) {
        QStringList told;
        for (const SandboxPlan& p : std::as_const(plans)) {
            const LocalAuthorityEntry& la = m_s.authorities.at(p.laIndex);
            if (told.contains(la.odsCode))
                continue;
            told.append(la.odsCode);
            m_s.log.notify(AccessNotification{m_s.log.nextId(QStringLiteral("asn-")), la.odsCode,
                                              *nhs, p.type, t, user.name, user.roleName,
                                              user.orgCode, user.orgName, user,
                                              QString::fromLatin1(in.header("x-request-id"))});
        }
    }
    const QJsonObject bundle = m_s.resources.careTeamBundle(
        *nhs, plans, t.date(), QUuid::createUuid().toString(QUuid::WithoutBraces), t, in.origin);
    Reply r{json(in, bundle), fault, 0};
    if (fault == Fault::Latency)
        r.delayMs = FaultInjector::kDefaultLatencyMs;
    return r;
}

FhirRoutes::Reply FhirRoutes::auditEvent(const HttpRequest& in, const TestUser& user)
{
    const auto nhs = searchedNumber(in.query, true);
    if (!nhs)
        return {error(in, 400, QStringLiteral("INVALID_SEARCH_DATA"),
                      QStringLiteral("Search by patient:identifier=https://fhir.nhs.uk/Id/"
                                     "nhs-number|<a valid NHS number>, optionally with "
                                     "_include=AuditEvent:entity-type=http://terminology.hl7."
                                     "org/CodeSystem/v3-RoleClass|ASSIGNED")),
                Fault::None, 0};
    Fault fault = m_s.scenarios.faultFor(*nhs);
    if (fault == Fault::UnknownPlanCode)
        fault = Fault::None; // there is no plan code in access history
    if (!takesTheQuery(fault))
        return {error(in, 500, QStringLiteral("SERVER_ERROR"), QString()), fault, 0};
    const QuerySight sight = m_s.log.sight(in.header("x-request-id"), whatIsAsked(in, user));
    if (sight == QuerySight::Conflict)
        return {reusedRequestId(in), Fault::None, 0};

    // Looking at who looked is itself a look: the request being answered is always listed,
    // and the guide's header applies to it as to the CareTeam search. The local authority's
    // mailbox hears of a look-up once, from the CareTeam search, which names the plans.
    const QDateTime t = m_s.clock.nowUtc();
    const bool unscheduled = declaresUnscheduled(in);
    const bool notifies = unscheduled && user.notifies();
    if (sight == QuerySight::First) {
        m_s.log.countCall(unscheduled, notifies);
        m_s.log.record(AccessEvent{m_s.log.nextId(QStringLiteral("ae-")), *nhs, t, user, notifies});
    }
    const QJsonObject bundle = m_s.resources.auditEventBundle(
        *nhs, m_s.log.history(*nhs, kMaxHistory),
        QUuid::createUuid().toString(QUuid::WithoutBraces), t, in.origin);
    Reply r{json(in, bundle), fault, 0};
    if (fault == Fault::Latency)
        r.delayMs = FaultInjector::kDefaultLatencyMs;
    return r;
}

void FhirRoutes::deliver(QTcpSocket* socket, const HttpRequest& in, const Reply& reply)
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
        writeResponse(
            socket,
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
        HttpResponse r = json(in, {});
        r.body = QByteArrayLiteral("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", "
                                   "\"total\": 1, \"entry\": [{\"resource\": {\"resourceType\": "
                                   "\"CareTeam\",, }]\n");
        writeResponse(socket, r, in.close);
        return;
    }
    case Fault::WrongContentType: {
        HttpResponse r = json(in, {});
        r.contentType = "text/html; charset=utf-8";
        r.body = QByteArrayLiteral("<!DOCTYPE html><html><body><h1>Service temporarily "
                                   "unavailable</h1><p>Planned maintenance.</p></body></html>\n");
        writeResponse(socket, r, in.close);
        return;
    }
    case Fault::TruncatedBody:
        writeResponse(socket, reply.response, true, reply.response.body.size() / 2);
        return;
    default:
        writeResponse(socket, reply.response, in.close);
        return;
    }
}

} // namespace cpis::sandbox
