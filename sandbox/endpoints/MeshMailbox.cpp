#include "sandbox/endpoints/MeshMailbox.h"

#include "core/domain/Vocabulary.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/fhir/FhirResources.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtEndian>

#include <algorithm>

namespace cpis::sandbox {

const QString MeshMailbox::kPathPrefix = QStringLiteral("/messageexchange/");
const QString MeshMailbox::kWorkflowId = QStringLiteral("CPIS_ACCESS_NOTIFICATION");
const QString MeshMailbox::kSender = QStringLiteral("CPISSANDBOX");
const QString MeshMailbox::kChildIdSystem = vocabulary::kLocalAuthorityChildIdSystem;

namespace {
const QByteArray kFhirJson = QByteArrayLiteral("application/fhir+json");
const QByteArray kJson = QByteArrayLiteral("application/json");
const QString& kRoleClass = vocabulary::kRoleClassSystem;

bool isUuid(const QByteArray& v)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(QString::fromLatin1(v)).hasMatch();
}

QJsonObject roleClass(const QString& code, const QString& display)
{
    return {
        {QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("system"), kRoleClass},
                                                          {QStringLiteral("code"), code},
                                                          {QStringLiteral("display"), display}}}}};
}
} // namespace

MeshMailbox::MeshMailbox(AccessLog& log, const SignInService& signIn) : m_log(log), m_signIn(signIn)
{}

QString MeshMailbox::localChildId(const QString& laOdsCode, const QString& nhsNumber)
{
    const QByteArray digest = QCryptographicHash::hash((laOdsCode + u'|' + nhsNumber).toUtf8(),
                                                       QCryptographicHash::Sha256);
    const quint32 first = qFromBigEndian<quint32>(digest.constData());
    return laOdsCode + u'-' + QString::number(first % 100000000u).rightJustified(8, u'0');
}

QJsonObject MeshMailbox::message(const AccessNotification& n) const
{
    const QJsonObject person{
        {QStringLiteral("type"),
         roleClass(QStringLiteral("ASSIGNED"), QStringLiteral("assigned entity"))},
        {QStringLiteral("role"), QJsonArray{QJsonObject{{QStringLiteral("text"), n.viewerRole}}}},
        {QStringLiteral("who"), QJsonObject{{QStringLiteral("display"), n.viewerName}}},
        {QStringLiteral("requestor"), true}};
    const QJsonObject organisation{
        {QStringLiteral("type"),
         roleClass(QStringLiteral("PROV"), QStringLiteral("healthcare provider"))},
        {QStringLiteral("who"),
         QJsonObject{{QStringLiteral("identifier"),
                      QJsonObject{{QStringLiteral("system"), vocabulary::kOdsSystem},
                                  {QStringLiteral("value"), n.organisationCode}}},
                     {QStringLiteral("display"), n.organisationName}}},
        {QStringLiteral("requestor"), false}};
    const QJsonObject child{
        {QStringLiteral("what"),
         QJsonObject{{QStringLiteral("identifier"),
                      QJsonObject{{QStringLiteral("system"), vocabulary::kNhsNumberSystem},
                                  {QStringLiteral("value"), n.nhsNumber}}}}}};
    // The local authority's own record of the child under this plan: its id, and the plan
    // type as the CareTeam category's SNOMED code.
    const QJsonObject plan{{QStringLiteral("what"),
                            QJsonObject{{QStringLiteral("identifier"),
                                         QJsonObject{{QStringLiteral("system"), kChildIdSystem},
                                                     {QStringLiteral("value"),
                                                      localChildId(n.laOdsCode, n.nhsNumber)}}}}},
                           {QStringLiteral("type"),
                            FhirResources::coding(vocabulary::kSnomedSystem, snomedCode(n.planType),
                                                  snomedDisplay(n.planType))}};
    const QJsonObject event =
        FhirResources::auditEvent(n.id, QStringLiteral("R"), n.when,
                                  QJsonArray{person, organisation}, QJsonArray{child, plan});
    return {
        {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
        {QStringLiteral("id"), n.id},
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("lastUpdated"), FhirResources::instant(n.when)}}},
        {QStringLiteral("type"), QStringLiteral("collection")},
        {QStringLiteral("entry"), QJsonArray{QJsonObject{{QStringLiteral("resource"), event}}}}};
}

void MeshMailbox::seed(const ScenarioCatalogue& catalogue,
                       const SyntheticPopulation& population,
                       const LocalAuthorityDirectory& authorities,
                       const QDateTime& now)
{
    const auto worker = m_signIn.user(QStringLiteral("social-worker"));
    const auto nurse = m_signIn.user(QStringLiteral("triage-nurse"));
    const auto lead = m_signIn.user(QStringLiteral("safeguarding-lead"));
    if (!worker || !nurse || !lead)
        return;
    struct Viewer
    {
        QString name, role, orgCode, orgName;
        qint64 agoSecs;
    };
    // Oldest first, as a mailbox fills. The second comes from a site none of the test users
    // belong to, so the notices view has two sites to filter by.
    const QList<Viewer> viewers{
        {nurse->name, nurse->roleName, nurse->orgCode, nurse->orgName, 3 * 86400 + 5400},
        {QStringLiteral("Omar Haddad"), QStringLiteral("Emergency Nurse Practitioner"),
         QStringLiteral("RX3"), QStringLiteral("Sandbox Urgent Treatment Centre"), 26 * 3600},
        {lead->name, lead->roleName, lead->orgCode, lead->orgName, 2 * 3600}};
    int next = 0;
    for (const ScenarioCatalogue::Scenario& s : catalogue.scenarios()) {
        if (next == viewers.size())
            break;
        const auto found = population.find(s.nhsNumber);
        if (s.fault != Fault::None || !found || found->superseded)
            continue;
        // A child with an open plan of the social worker's own authority, as a look-up by a
        // B0107 user would have told that authority about.
        const auto plan = std::find_if(
            found->person.plans.cbegin(), found->person.plans.cend(), [&](const SandboxPlan& p) {
                return (!p.end || *p.end >= now.date()) &&
                       authorities.at(p.laIndex).odsCode == worker->orgCode;
            });
        if (plan == found->person.plans.cend())
            continue;
        const Viewer& v = viewers.at(next++);
        m_log.notify(AccessNotification{m_log.nextId(QStringLiteral("asn-")), worker->orgCode,
                                        s.nhsNumber, plan->type, now.addSecs(-v.agoSecs), v.name,
                                        v.role, v.orgCode, v.orgName});
    }
}

MeshMailbox::Answer MeshMailbox::json(const QHash<QByteArray, QByteArray>& headers,
                                      const QByteArray& contentType,
                                      const QJsonObject& body) const
{
    Answer a{200, contentType, QJsonDocument(body).toJson(QJsonDocument::Indented), {}};
    if (const QByteArray id = headers.value("x-request-id"); !id.isEmpty())
        a.headers.append({QByteArray("X-Request-ID"), id});
    if (const QByteArray id = headers.value("x-correlation-id"); !id.isEmpty())
        a.headers.append({QByteArray("X-Correlation-ID"), id});
    return a;
}

MeshMailbox::Answer MeshMailbox::error(const QHash<QByteArray, QByteArray>& headers,
                                       int status,
                                       const QString& spineCode,
                                       const QString& why) const
{
    Answer a = json(headers, kFhirJson, FhirResources::operationOutcome(status, spineCode, why));
    a.status = status;
    if (status == 401)
        a.headers.append({QByteArray("WWW-Authenticate"), "Bearer"});
    return a;
}

MeshMailbox::Answer MeshMailbox::answer(const QByteArray& method,
                                        const QString& path,
                                        const QHash<QByteArray, QByteArray>& headers)
{
    const auto refuse = [&](int status, const char* code, const QString& why) {
        return error(headers, status, QString::fromLatin1(code), why);
    };
    std::optional<TestUser> user;
    const QByteArray auth = headers.value("authorization");
    if (auth.startsWith("Bearer "))
        user = m_signIn.userForToken(auth.mid(7).trimmed());
    if (!user)
        return refuse(401, "ACCESS_DENIED",
                      auth.isEmpty() ? QStringLiteral("Missing Authorization header")
                                     : QStringLiteral("Invalid or expired access token"));
    const QByteArray requestId = headers.value("x-request-id");
    if (requestId.isEmpty())
        return refuse(400, "PRECONDITION_FAILED", QStringLiteral("Missing X-Request-ID header"));
    if (!isUuid(requestId))
        return refuse(400, "PRECONDITION_FAILED",
                      QStringLiteral("Invalid value - X-Request-ID is not a UUID"));
    const QByteArray urid = headers.value("nhsd-session-urid");
    if (!urid.isEmpty() && urid != user->roleId.toLatin1())
        return refuse(403, "ACCESS_DENIED",
                      QStringLiteral("NHSD-Session-URID is not the signed-in user's role"));
    const QByteArray ods = headers.value("nhsd-end-user-organisation-ods");
    if (!ods.isEmpty() && ods != user->orgCode.toLatin1())
        return refuse(403, "ACCESS_DENIED",
                      QStringLiteral("NHSD-End-User-Organisation-ODS is not the signed-in user's "
                                     "organisation"));

    // {mailbox}/inbox, {mailbox}/inbox/{id}, {mailbox}/inbox/{id}/status/acknowledged
    const QStringList parts = path.mid(kPathPrefix.size()).split(u'/');
    const bool list = parts.size() == 2 && method == "GET";
    const bool read = parts.size() == 3 && method == "GET";
    const bool ack = parts.size() == 5 && method == "PUT" && parts.at(3) == u"status" &&
                     parts.at(4) == u"acknowledged";
    if ((!list && !read && !ack) || parts.at(0).isEmpty() || parts.at(1) != u"inbox" ||
        (parts.size() > 2 && parts.at(2).isEmpty()))
        return refuse(404, "RESOURCE_NOT_FOUND", QStringLiteral("No endpoint at this path"));
    const QString mailbox = parts.at(0);
    // Ownership before existence: another authority's mailbox says nothing about its messages.
    if (!user->workgroups.contains(kWorkgroupNotices))
        return refuse(403, "ACCESS_DENIED",
                      QStringLiteral("The user's role has no CPIS-NOTICES workgroup"));
    if (user->orgCode != mailbox)
        return refuse(403, "ACCESS_DENIED",
                      QStringLiteral("The mailbox is not the user's organisation's"));

    QList<AccessNotification> box = m_log.notificationsFor(mailbox);
    std::stable_sort(
        box.begin(), box.end(),
        [](const AccessNotification& a, const AccessNotification& b) { return a.when < b.when; });
    if (list) {
        QJsonArray ids;
        for (const AccessNotification& n : std::as_const(box))
            ids.append(n.id);
        return json(headers, kJson, QJsonObject{{QStringLiteral("messages"), ids}});
    }
    const QString id = parts.at(2);
    if (ack) {
        if (!m_log.acknowledge(mailbox, id))
            return refuse(404, "RESOURCE_NOT_FOUND",
                          QStringLiteral("No unacknowledged message with this id in the mailbox"));
        return json(headers, kJson, QJsonObject{{QStringLiteral("messageId"), id}});
    }
    const auto found = std::find_if(box.cbegin(), box.cend(),
                                    [&](const AccessNotification& n) { return n.id == id; });
    if (found == box.cend())
        return refuse(404, "RESOURCE_NOT_FOUND",
                      QStringLiteral("No unacknowledged message with this id in the mailbox"));
    Answer a = json(headers, kFhirJson, message(*found));
    a.headers.append({QByteArray("Mex-From"), kSender.toLatin1()});
    a.headers.append({QByteArray("Mex-To"), mailbox.toLatin1()});
    a.headers.append({QByteArray("Mex-WorkflowID"), kWorkflowId.toLatin1()});
    a.headers.append({QByteArray("Mex-MessageID"), id.toLatin1()});
    a.headers.append({QByteArray("Mex-Subject"), QByteArray("CP-IS access notification")});
    return a;
}

} // namespace cpis::sandbox
