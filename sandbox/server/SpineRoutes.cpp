#include "sandbox/server/SpineRoutes.h"

#include "core/domain/Vocabulary.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/endpoints/QupcRequestReader.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/endpoints/SpineConstants.h"
#include "sandbox/endpoints/SpineMessageWriter.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcSpine, "cpis.sandbox.spine")

namespace cpis::sandbox {

namespace {
constexpr int kMaxHistory = 25;       // CP-IS keeps the 25 most recent accesses
constexpr int kMaxPlansPerRecord = 3; // CP-ISRecord/pertinentInformation15 is 1..3
const QByteArray kXml = "text/xml; charset=utf-8";

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

HttpResponse xml(int status, const QByteArray& body)
{
    return {status, kXml, body, {}};
}

HttpResponse
soapFault(int status, const char* faultCode, const QString& errorCode, const QString& text)
{
    return xml(status,
               SpineMessageWriter::soapFault(QString::fromLatin1(faultCode), errorCode, text));
}

SpineMessageWriter::Reply replyTo(const QupcRequest& r, const QDateTime& now)
{
    return {r.messageId, r.hl7MessageId, newId(), now};
}
} // namespace

bool SpineRoutes::handles(const QString& path)
{
    return path == spine::kPath;
}

std::optional<TestUser> SpineRoutes::author(const QupcRequest& r) const
{
    if (r.author.isSystem) {
        // A system queries for its nominated person; Spine records it as the system. It acts
        // at an unscheduled-care site, so it notifies as a B0107 user would.
        TestUser system;
        system.id = QString::fromLatin1(SpineMessageWriter::kSystemViewerId);
        system.userUid = r.author.systemId;
        system.name = r.author.personName;
        system.roleCode = r.author.jobRoleCode;
        system.roleName = r.author.jobRoleName;
        system.orgCode = r.author.orgCode;
        system.orgName = r.author.orgName;
        system.activityCodes = {vocabulary::kActivityViewAndNotify};
        return system;
    }
    // A person must be one of the sandbox's test users, with their own role profile: the
    // sandbox's stand-in for Spine's RBAC check on the role profile the query names.
    for (const TestUser& u : m_s.signIn.users()) {
        if (u.userUid != r.author.sdsUserId)
            continue;
        if (!r.author.roleProfileId.isEmpty() && r.author.roleProfileId != u.roleId)
            return std::nullopt;
        return u;
    }
    return std::nullopt;
}

void SpineRoutes::handle(const HttpRequest& in, QTcpSocket* socket)
{
    if (in.method != "POST") {
        send(socket, in,
             soapFault(405, "Client", QStringLiteral("METHOD_NOT_ALLOWED"),
                       QStringLiteral("Only POST is offered here")));
        return;
    }
    if (!in.header("content-type").toLower().startsWith("text/xml")) {
        send(socket, in,
             soapFault(415, "Client", QStringLiteral("UNSUPPORTED_MEDIA_TYPE"),
                       QStringLiteral("SOAP 1.1 requests are text/xml")));
        return;
    }
    // SOAP 1.1 names the action twice; when both are there they must agree.
    const QByteArray soapAction = in.header("soapaction");
    if (!soapAction.isEmpty() &&
        QString::fromLatin1(soapAction).remove(u'"') != spine::kQueryAction) {
        send(socket, in,
             soapFault(500, "Client", QStringLiteral("INVALID_ACTION"),
                       QStringLiteral("SOAPAction is not %1").arg(spine::kQueryAction)));
        return;
    }
    const auto choice = m_s.faults.forRequest(in.header("x-sandbox-fault"));
    if (!choice) {
        send(socket, in,
             soapFault(400, "Client", QStringLiteral("PRECONDITION_FAILED"),
                       QStringLiteral("X-Sandbox-Fault names no fault this sandbox "
                                      "knows")));
        return;
    }
    const auto read = QupcRequestReader::read(in.body);
    if (!read) {
        const QupcRefusal& why = read.error();
        qCInfo(lcSpine) << "refused a query:" << why.code;
        if (why.level == QupcRefusal::Level::Soap) {
            send(socket, in, soapFault(500, "Client", why.code, why.text));
            return;
        }
        // Without a readable HL7 id the acknowledgement refers to the transport's id, which
        // Spine's desks set to the same UUID.
        QString refersTo = why.hl7MessageId;
        if (refersTo.isEmpty())
            refersTo = QString(why.messageId).remove(QStringLiteral("uuid:"));
        const SpineMessageWriter::Reply reply{why.messageId, refersTo, newId(), m_s.clock.nowUtc()};
        send(socket, in, xml(200, SpineMessageWriter::applicationError(reply, why.code, why.text)));
        return;
    }
    const QupcRequest& request = read.value();
    if (choice->fault == Fault::Latency) {
        // Answered as it would be when the delay ends.
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(choice->latencyMs, socket, [this, guard, in, request] {
            if (guard)
                deliver(guard, in, Fault::None, request);
        });
        return;
    }
    Fault fault = choice->fault;
    if (fault == Fault::None)
        fault = m_s.scenarios.faultFor(request.nhsNumber);
    if (fault == Fault::Latency) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(FaultInjector::kDefaultLatencyMs, socket, [this, guard, in, request] {
            if (guard)
                deliver(guard, in, Fault::None, request);
        });
        return;
    }
    deliver(socket, in, fault, request);
}

void SpineRoutes::send(QTcpSocket* socket,
                       const HttpRequest& in,
                       const HttpResponse& r,
                       qsizetype cutAt)
{
    if (m_s.observer)
        m_s.observer(Exchange{in.body, r, cutAt});
    if (r.status == 0)
        return; // nothing goes on the wire: the caller leaves the socket hanging or resets it
    // A truncated answer closes the connection where it stops.
    writeResponse(socket, r, in.close || cutAt >= 0, cutAt);
}

void SpineRoutes::deliver(QTcpSocket* socket,
                          const HttpRequest& in,
                          Fault fault,
                          const QupcRequest& request)
{
    const QDateTime now = m_s.clock.nowUtc();
    switch (fault) {
    case Fault::None:
    case Fault::Latency:
        break;
    case Fault::UnknownPlanCode: // V3 names a plan by its template: one CP-IS has added since
        send(socket, in, answer(request, false, true));
        return;
    case Fault::NoAnswer:
        send(socket, in, HttpResponse{0, {}, {}, {}}, 0);
        return; // the socket stays open until the client gives up
    case Fault::Reset: {
        // CP-IS took the query (recorded it, told the local authority), then the connection
        // dropped before the answer: the case a resend with the same MessageID must not repeat.
        (void)answer(request, false);
        // SO_LINGER 0 turns the close into a TCP RST, as a dropped connection looks.
        const struct linger hard
        {
            1, 0
        };
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        send(socket, in, HttpResponse{0, {}, {}, {}}, 0);
        socket->abort();
        return;
    }
    case Fault::Http500:
    case Fault::Http502:
    case Fault::Http503: {
        const int status = fault == Fault::Http500 ? 500 : fault == Fault::Http502 ? 502 : 503;
        send(socket, in,
             soapFault(status, "Server", QStringLiteral("SERVICE_UNAVAILABLE"),
                       QStringLiteral("Sandbox fault: %1").arg(FaultInjector::name(fault))));
        return;
    }
    case Fault::Http429: {
        HttpResponse r = soapFault(429, "Server", QStringLiteral("TOO_MANY_REQUESTS"),
                                   QStringLiteral("Sandbox fault: rate limit reached"));
        r.headers.append(
            {QByteArray("Retry-After"), QByteArray::number(FaultInjector::kRetryAfterSecs)});
        send(socket, in, r);
        return;
    }
    case Fault::Http408:
        send(socket, in,
             xml(200, SpineMessageWriter::applicationError(
                          replyTo(request, now), QStringLiteral("UNABLE_TO_CALL_SERVICE"),
                          QStringLiteral("Sandbox fault: CP-IS did not answer Spine in "
                                         "time"))));
        return;
    case Fault::MalformedJson: // over V3: malformed XML
        send(socket, in,
             xml(200, QByteArrayLiteral("<?xml version=\"1.0\"?>\n<SOAP:Envelope "
                                        "xmlns:SOAP=\"http://schemas.xmlsoap.org/soap/"
                                        "envelope/\"><SOAP:Body><REPC_IN000007GB01 "
                                        "xmlns=\"urn:hl7-org:v3\"><id root=\"\n")));
        return;
    case Fault::WrongContentType: {
        HttpResponse r = xml(
            200, QByteArrayLiteral("<!DOCTYPE html><html><body><h1>Service temporarily "
                                   "unavailable</h1><p>Planned maintenance.</p></body></html>\n"));
        r.contentType = "text/html; charset=utf-8";
        send(socket, in, r);
        return;
    }
    case Fault::TruncatedBody: {
        const HttpResponse r = answer(request, false);
        send(socket, in, r, r.body.size() / 2);
        return;
    }
    }
    switch (m_s.scenarios.spineFaultFor(request.nhsNumber)) {
    case SpineFault::ApplicationError:
        send(socket, in,
             xml(200, SpineMessageWriter::applicationError(
                          replyTo(request, now), QStringLiteral("SERVICE_ERROR"),
                          QStringLiteral("Sandbox fault: CP-IS could not answer"))));
        return;
    case SpineFault::WrongRelatesTo:
        send(socket, in, answer(request, true));
        return;
    case SpineFault::None:
        break;
    }
    send(socket, in, answer(request, false));
}

HttpResponse
SpineRoutes::answer(const QupcRequest& request, bool wrongRelatesTo, bool unknownTemplate)
{
    const QDateTime t = m_s.clock.nowUtc();
    SpineMessageWriter::Reply reply = replyTo(request, t);
    if (wrongRelatesTo)
        reply.relatesTo = QStringLiteral("uuid:") + newId();
    const std::optional<TestUser> user = author(request);
    if (!user || !user->canViewCpis())
        return xml(200, SpineMessageWriter::applicationError(
                            reply, QStringLiteral("ACCESS_DENIED"),
                            QStringLiteral("The author's role profile may not view CP-IS")));

    // Spine's duplicate elimination: a query whose wsa:MessageID was already taken is that
    // query again (a resend after a lost answer), answered but never recorded or notified twice.
    const QString what = request.nhsNumber + u'|' + user->userUid + u'|' +
                         (request.unscheduled() ? u"1" : u"0") + u'|' + request.queryId;
    const QuerySight sight = m_s.log.sight(request.messageId.toLatin1(), what);
    if (sight == QuerySight::Conflict)
        return xml(200, SpineMessageWriter::applicationError(
                            reply, QStringLiteral("DUPLICATE_MESSAGE_ID"),
                            QStringLiteral("This MessageID was already used for another query")));

    const QString& nhs = request.nhsNumber;
    QList<SandboxPlan> plans;
    std::optional<SandboxPerson> child;
    // CP-IS keys records on the current number: a superseded number holds nothing.
    if (const auto found = m_s.population.find(nhs); found && !found->superseded) {
        child = found->person;
        for (const SandboxPlan& p : found->person.plans)
            if (stillShown(p, t.date()))
                plans.append(p);
    }

    // The same bookkeeping as the FHIR CareTeam search: the access is recorded, and an
    // unscheduled one by a notifying role tells each responsible LA once. A silent read
    // (accessEventType="false") is recorded but never notifies.
    const bool notifies = request.unscheduled() && user->notifies() && sight == QuerySight::First;
    if (sight == QuerySight::First) {
        m_s.log.countPlanQuery();
        m_s.log.record(AccessEvent{m_s.log.nextId(QStringLiteral("ae-")), nhs, t, *user, notifies});
    }
    if (notifies) {
        QStringList told;
        for (const SandboxPlan& p : std::as_const(plans)) {
            const LocalAuthorityEntry& la = m_s.authorities.at(p.laIndex);
            if (told.contains(la.odsCode))
                continue;
            told.append(la.odsCode);
            m_s.log.notify(AccessNotification{
                m_s.log.nextId(QStringLiteral("asn-")), la.odsCode, nhs, p.type, t, user->name,
                user->roleName, user->orgCode, user->orgName, *user, request.messageId});
        }
    }
    if (plans.isEmpty() || !child)
        return xml(200, SpineMessageWriter::noRecordsFound(reply));
    if (unknownTemplate)
        plans.first().unknownCode = true;

    // One record per responsible LA, at most three plans each.
    QList<SpineRecord> records;
    for (const SandboxPlan& p : std::as_const(plans)) {
        const LocalAuthorityEntry& la = m_s.authorities.at(p.laIndex);
        auto open = std::find_if(records.begin(), records.end(), [&](const SpineRecord& r) {
            return r.authority.odsCode == la.odsCode && r.plans.size() < kMaxPlansPerRecord;
        });
        if (open == records.end())
            records.append({la, {p}});
        else
            open->plans.append(p);
    }
    // The history includes this query (the DMS: the current requester is always listed).
    return xml(200, SpineMessageWriter::queryResponse(reply, *child, nhs, records,
                                                      m_s.log.history(nhs, kMaxHistory)));
}

} // namespace cpis::sandbox
