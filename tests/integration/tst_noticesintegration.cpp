// Attendance notices against the in-process sandbox: the MESH-style mailbox contract
// (docs/api.md §10) over raw HTTP, and a triage look-up notifying the local authority once, end to
// end through the desk's own stack (look-up service, notice client, notice service, encrypted
// store, audit log).
#include "core/lookup/LookupResult.h"
#include "core/notices/NoticeParser.h"
#include "core/notices/NoticeService.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/endpoints/MeshMailbox.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/MemoryDesk.h"
#include "tests/support/SandboxHttp.h"
#include "tests/support/SandboxSession.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace cpis;
using cpis::sandbox::SandboxServer;
using namespace sandboxtest;

namespace {

const QString kLily = QStringLiteral("9990000018");  // open CPP with SHE1
const QString kOscar = QStringLiteral("9990000026"); // open LAC with LEE1

UserSession sessionFor(SandboxServer& sandbox, const QString& userId, const QDateTime& now)
{
    return testsupport::sandboxSession(sandbox, userId, now.addDays(1));
}

NhsNumber nhs(const QString& digits)
{
    return NhsNumber::parse(digits).value();
}

} // namespace

class TestNoticesIntegration : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    // The contract, raw HTTP.
    void seededMailboxListsOldestFirst();
    void messageIsAnAuditEventBundleWithMeshHeaders();
    void acknowledgedMessageLeavesTheInbox();
    void refusesOtherRolesAndOtherMailboxes();
    void requestIdRulesAsForFhir();
    void localChildIdIsStablePerAuthority();

    // Acceptance 1, end to end.
    void triageLookUpNotifiesTheResponsibleAuthorityOnce();
    void schoolNurseLookUpNotifiesNobody();
    void acknowledgingMovesTheNoticeAndIsAudited();
    void noticesSurviveARestartOfTheService();

private:
    HttpResult mesh(const QByteArray& method,
                    const QString& path,
                    const QString& user,
                    const Headers& extra = {},
                    bool requestId = true);
    QStringList inboxIds(const QString& mailbox);
    LookupResult lookUp(const QString& userId, const QString& number);
    QStringList clientInbox(const UserSession& social);
    std::unique_ptr<NoticeService> noticeService(const UserSession& social);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<testsupport::MemoryDesk> m_desk;
    QNetworkAccessManager m_nam;
    QString m_mailbox; // the social worker's local authority
};

void TestNoticesIntegration::init()
{
    m_sandbox = std::make_unique<SandboxServer>(SandboxServer::Options{});
    QVERIFY(m_sandbox->start());
    m_desk = std::make_unique<testsupport::MemoryDesk>(m_sandbox->baseUrl(),
                                                       testsupport::quickTransport());
    m_mailbox = m_sandbox->signIn().user(QStringLiteral("social-worker"))->orgCode;
    QCOMPARE(m_mailbox, QStringLiteral("SHE1"));
}

void TestNoticesIntegration::cleanup()
{
    m_desk.reset();
    m_sandbox.reset();
}

HttpResult TestNoticesIntegration::mesh(const QByteArray& method,
                                        const QString& path,
                                        const QString& user,
                                        const Headers& extra,
                                        bool requestId)
{
    QUrl url = m_sandbox->baseUrl();
    url.setPath(QStringLiteral("/messageexchange/") + path);
    Headers h = extra;
    if (requestId)
        h.append({QByteArray("X-Request-ID"), newRequestId()});
    if (!user.isEmpty())
        h.append(
            {QByteArray("Authorization"), "Bearer " + m_sandbox->signIn().issueAccessToken(user)});
    return request(m_nam, method, url, h);
}

QStringList TestNoticesIntegration::inboxIds(const QString& mailbox)
{
    const HttpResult r =
        mesh("GET", mailbox + QStringLiteral("/inbox"), QStringLiteral("social-worker"));
    if (r.status != 200)
        return {QStringLiteral("status %1").arg(r.status)};
    QStringList out;
    for (const QJsonValue& v : r.json().value(QLatin1String("messages")).toArray())
        out << v.toString();
    return out;
}

void TestNoticesIntegration::seededMailboxListsOldestFirst()
{
    const HttpResult r =
        mesh("GET", m_mailbox + QStringLiteral("/inbox"), QStringLiteral("social-worker"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("content-type").startsWith("application/json"));
    const auto ids = NoticeParser::inbox(r.body);
    QVERIFY(ids.ok());
    QCOMPARE(ids->size(), 3);
    // Oldest first: the notifications' times rise along the list.
    QDateTime previous;
    const auto box = m_sandbox->accessLog().notificationsFor(m_mailbox);
    QCOMPARE(box.size(), 3);
    for (int i = 0; i < ids->size(); ++i) {
        const auto found = std::find_if(box.cbegin(), box.cend(),
                                        [&](const auto& n) { return n.id == ids->at(i); });
        QVERIFY(found != box.cend());
        QVERIFY(!previous.isValid() || previous <= found->when);
        previous = found->when;
    }
    // Another authority's mailbox starts empty (nobody has looked anyone up yet).
    QVERIFY(m_sandbox->accessLog().notificationsFor(QStringLiteral("LEE1")).isEmpty());
}

void TestNoticesIntegration::messageIsAnAuditEventBundleWithMeshHeaders()
{
    const QStringList ids = inboxIds(m_mailbox);
    QCOMPARE(ids.size(), 3);
    const HttpResult r = mesh("GET", m_mailbox + QStringLiteral("/inbox/") + ids.first(),
                              QStringLiteral("social-worker"), {{"X-Correlation-ID", "notices-1"}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("content-type").startsWith("application/fhir+json"));
    QCOMPARE(r.header("mex-from"), QByteArray("CPISSANDBOX"));
    QCOMPARE(r.header("mex-to"), m_mailbox.toLatin1());
    QCOMPARE(r.header("mex-workflowid"), QByteArray("CPIS_ACCESS_NOTIFICATION"));
    QCOMPARE(r.header("mex-messageid"), ids.first().toLatin1());
    QCOMPARE(r.header("mex-subject"), QByteArray("CP-IS access notification"));
    QCOMPARE(r.header("x-correlation-id"), QByteArray("notices-1"));
    QVERIFY(!r.header("x-request-id").isEmpty());

    const auto notices = NoticeParser::message(r.body, m_mailbox, ids.first());
    QVERIFY2(notices.ok(), qPrintable(notices.ok() ? QString() : notices.error().what));
    QCOMPARE(notices->size(), 1);
    const AttendanceNotice& n = notices->first();
    // The oldest seeded notice: Lily, looked up by the triage nurse at RX1.
    QCOMPARE(n.nhsNumber.digits(), kLily);
    QCOMPARE(n.localChildId, sandbox::MeshMailbox::localChildId(m_mailbox, kLily));
    QCOMPARE(n.planType, PlanType::ChildProtection);
    QCOMPARE(n.viewerName, QStringLiteral("Amelia Hughes"));
    QCOMPARE(n.viewerRole, QStringLiteral("Triage Nurse, Emergency Department"));
    QCOMPARE(n.organisationCode, QStringLiteral("RX1"));
    QCOMPARE(n.organisationName, QStringLiteral("Sandbox General Hospital NHS Trust"));
    QVERIFY(n.whenUtc.isValid() && n.whenUtc < QDateTime::currentDateTimeUtc());
    // Reading does not acknowledge.
    QCOMPARE(inboxIds(m_mailbox), ids);
}

void TestNoticesIntegration::acknowledgedMessageLeavesTheInbox()
{
    const QStringList ids = inboxIds(m_mailbox);
    QCOMPARE(ids.size(), 3);
    const QString path = m_mailbox + QStringLiteral("/inbox/") + ids.at(1);
    HttpResult r =
        mesh("PUT", path + QStringLiteral("/status/acknowledged"), QStringLiteral("social-worker"));
    QCOMPARE(r.status, 200);
    QVERIFY(NoticeParser::acknowledged(r.body, ids.at(1)).ok());
    QCOMPARE(inboxIds(m_mailbox), (QStringList{ids.at(0), ids.at(2)}));
    // Gone: reading or acknowledging it again is 404, as is an id that never was.
    QCOMPARE(mesh("GET", path, QStringLiteral("social-worker")).status, 404);
    r = mesh("PUT", path + QStringLiteral("/status/acknowledged"), QStringLiteral("social-worker"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.spineCode(), QStringLiteral("RESOURCE_NOT_FOUND"));
    QCOMPARE(mesh("PUT", m_mailbox + QStringLiteral("/inbox/asn-999999/status/acknowledged"),
                  QStringLiteral("social-worker"))
                 .status,
             404);
    // Only PUT acknowledges; only GET reads.
    QCOMPARE(mesh("GET",
                  m_mailbox + QStringLiteral("/inbox/") + ids.at(0) +
                      QStringLiteral("/status/acknowledged"),
                  QStringLiteral("social-worker"))
                 .status,
             404);
    QCOMPARE(inboxIds(m_mailbox).size(), 2);
}

void TestNoticesIntegration::refusesOtherRolesAndOtherMailboxes()
{
    const QString inbox = m_mailbox + QStringLiteral("/inbox");
    HttpResult r = mesh("GET", inbox, QString());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.spineCode(), QStringLiteral("ACCESS_DENIED"));
    QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
    // Roles without CPIS-NOTICES, even B0107 ones, may not read an authority's mailbox.
    for (const char* user : {"triage-nurse", "school-nurse", "safeguarding-lead"}) {
        r = mesh("GET", inbox, QString::fromLatin1(user));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.spineCode(), QStringLiteral("ACCESS_DENIED"));
    }
    // The social worker's own authority only, and before existence is told.
    r = mesh("GET", QStringLiteral("LEE1/inbox"), QStringLiteral("social-worker"));
    QCOMPARE(r.status, 403);
    const QStringList ids = inboxIds(m_mailbox);
    r = mesh("PUT",
             QStringLiteral("LEE1/inbox/") + ids.first() + QStringLiteral("/status/acknowledged"),
             QStringLiteral("social-worker"));
    QCOMPARE(r.status, 403);
    QCOMPARE(inboxIds(m_mailbox), ids);
    // Session headers naming someone else are refused as on the FHIR paths.
    r = mesh("GET", inbox, QStringLiteral("social-worker"),
             {{"NHSD-End-User-Organisation-ODS", "RX1"}});
    QCOMPARE(r.status, 403);
    r = mesh("GET", inbox, QStringLiteral("social-worker"), {{"NHSD-Session-URID", "1"}});
    QCOMPARE(r.status, 403);
    QCOMPARE(
        mesh("GET", m_mailbox + QStringLiteral("/outbox"), QStringLiteral("social-worker")).status,
        404);
}

void TestNoticesIntegration::requestIdRulesAsForFhir()
{
    const QString inbox = m_mailbox + QStringLiteral("/inbox");
    HttpResult r = mesh("GET", inbox, QStringLiteral("social-worker"), {}, false);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("PRECONDITION_FAILED"));
    r = mesh("GET", inbox, QStringLiteral("social-worker"), {{"X-Request-ID", "not-a-uuid"}},
             false);
    QCOMPARE(r.status, 400);
    const QByteArray id = newRequestId();
    r = mesh("GET", inbox, QStringLiteral("social-worker"), {{"X-Request-ID", id}}, false);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-request-id"), id);
}

void TestNoticesIntegration::localChildIdIsStablePerAuthority()
{
    using sandbox::MeshMailbox;
    const QString she = MeshMailbox::localChildId(QStringLiteral("SHE1"), kLily);
    QCOMPARE(she, MeshMailbox::localChildId(QStringLiteral("SHE1"), kLily));
    QVERIFY(she.startsWith(QStringLiteral("SHE1-")));
    QCOMPARE(she.size(), 13);
    QVERIFY(she != MeshMailbox::localChildId(QStringLiteral("LEE1"), kLily));
    QVERIFY(she != MeshMailbox::localChildId(QStringLiteral("SHE1"), kOscar));
    // Pinned: docs/api.md §10 states it, and it must not change between releases.
    QCOMPARE(she, QStringLiteral("SHE1-42259367"));
}

LookupResult TestNoticesIntegration::lookUp(const QString& userId, const QString& number)
{
    m_desk->lookups->setSession(sessionFor(*m_sandbox, userId, QDateTime::currentDateTimeUtc()));
    std::optional<LookupResult> out;
    QObject ctx;
    m_desk->lookups->lookup(nhs(number), &ctx, [&](const LookupResult& r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
        qFatal("look-up never finished");
    return *out;
}

QStringList TestNoticesIntegration::clientInbox(const UserSession& social)
{
    std::optional<Result<QStringList, ServiceError>> out;
    QObject ctx;
    m_desk->noticeClient->inbox(social, &ctx,
                                [&](const Result<QStringList, ServiceError>& r, auto) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
        qFatal("inbox never answered");
    if (!out->ok())
        return {QStringLiteral("error: ") + out->error().detail};
    return out->value();
}

std::unique_ptr<NoticeService> TestNoticesIntegration::noticeService(const UserSession& social)
{
    return std::make_unique<NoticeService>(*m_desk->noticeClient, *m_desk->notices,
                                           *m_desk->auditor, m_desk->clock, social,
                                           NoticeService::Settings{});
}

void TestNoticesIntegration::triageLookUpNotifiesTheResponsibleAuthorityOnce()
{
    const UserSession social =
        sessionFor(*m_sandbox, QStringLiteral("social-worker"), QDateTime::currentDateTimeUtc());
    const QStringList before = clientInbox(social);
    QCOMPARE(before.size(), 3); // the seeded ones

    // A triage look-up by the B0107 nurse in unscheduled care: Lily's plan is Sheffield's.
    const LookupResult r = lookUp(QStringLiteral("triage-nurse"), kLily);
    QCOMPARE(r.state, LookupResult::State::PlansFound);
    const QStringList after = clientInbox(social);
    QCOMPARE(after.size(), before.size() + 1);
    QCOMPARE(after.mid(0, before.size()), before);
    // And nowhere else.
    QCOMPARE(m_sandbox->accessLog().notificationCount(), 4);

    // The social worker's desk picks exactly that one up, as Lily's, from the nurse's site.
    auto service = noticeService(social);
    QSignalSpy fresh(service.get(), &NoticeService::newNotices);
    QSignalSpy checked(service.get(), &NoticeService::checked);
    service->checkNow();
    QVERIFY(checked.wait(15000));
    QVERIFY2(service->state().error.isEmpty(), qPrintable(service->state().error));
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().first().toInt(), 4);
    const auto held = m_desk->notices->message(m_mailbox, after.last());
    QVERIFY(held.ok());
    QCOMPARE(held->size(), 1);
    QCOMPARE(held->first().nhsNumber.digits(), kLily);
    QCOMPARE(held->first().organisationCode, QStringLiteral("RX1"));
    QCOMPARE(held->first().viewerName, QStringLiteral("Amelia Hughes"));
    QVERIFY(!held->first().isAcknowledged());

    // A second check finds nothing new.
    fresh.clear();
    service->checkNow();
    QVERIFY(checked.wait(15000));
    QVERIFY(service->state().error.isEmpty());
    QCOMPARE(fresh.size(), 0);
}

void TestNoticesIntegration::schoolNurseLookUpNotifiesNobody()
{
    const UserSession social =
        sessionFor(*m_sandbox, QStringLiteral("social-worker"), QDateTime::currentDateTimeUtc());
    const QStringList before = clientInbox(social);
    const int total = m_sandbox->accessLog().notificationCount();
    // B0170: a silent read, whatever the site type says.
    const LookupResult r = lookUp(QStringLiteral("school-nurse"), kLily);
    QCOMPARE(r.state, LookupResult::State::PlansFound);
    QCOMPARE(clientInbox(social), before);
    QCOMPARE(m_sandbox->accessLog().notificationCount(), total);
}

void TestNoticesIntegration::acknowledgingMovesTheNoticeAndIsAudited()
{
    const UserSession social =
        sessionFor(*m_sandbox, QStringLiteral("social-worker"), QDateTime::currentDateTimeUtc());
    QCOMPARE(lookUp(QStringLiteral("triage-nurse"), kLily).state, LookupResult::State::PlansFound);
    const QString id = clientInbox(social).last();

    auto service = noticeService(social);
    QSignalSpy checked(service.get(), &NoticeService::checked);
    service->checkNow();
    QVERIFY(checked.wait(15000));
    auto isNew = [&] {
        const auto all = service->notices();
        for (const AttendanceNotice& n : all.value())
            if (n.messageId == id)
                return !n.isAcknowledged();
        qFatal("notice not held");
    };
    QVERIFY(isNew());

    const qint64 seqBefore = m_desk->audit->lastSeq();
    QSignalSpy done(service.get(), &NoticeService::acknowledgeFinished);
    service->acknowledge(id);
    QVERIFY(done.wait(15000));
    QCOMPARE(done.first().at(0).toString(), id);
    QCOMPARE(done.first().at(1).toString(), QString()); // no error

    // Moved from New to Acknowledged, with when and by whom.
    QVERIFY(!isNew());
    const auto held = m_desk->notices->message(m_mailbox, id);
    QCOMPARE(held->first().acknowledgedBy, QStringLiteral("Sam Okafor (555000000005)"));
    // Gone from the service's inbox.
    QVERIFY(!clientInbox(social).contains(id));
    QCOMPARE(clientInbox(social).size(), 3);
    // Audited: read the log back.
    QList<AuditEntry> entries;
    QVERIFY(m_desk->audit
                ->forEach(
                    [&](const AuditEntry& e) {
                        entries << e;
                        return true;
                    },
                    seqBefore + 1)
                .ok());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().action, AuditEntry::Action::NoticeAcknowledged);
    QCOMPARE(entries.first().nhsNumber, kLily);
    QCOMPARE(entries.first().userId, QStringLiteral("555000000005"));
    QCOMPARE(entries.first().organisation, m_mailbox);
    QCOMPARE(entries.first().outcome, AuditEntry::Outcome::Requested);
    QVERIFY(entries.first().reason.contains(id));
    QVERIFY(m_desk->audit->verify().ok());

    // Acknowledging twice is refused here, and nothing more is audited or sent.
    done.clear();
    service->acknowledge(id);
    QCOMPARE(done.size(), 1);
    QVERIFY(!done.first().at(1).toString().isEmpty());
    QCOMPARE(m_desk->audit->lastSeq(), seqBefore + 1);
}

void TestNoticesIntegration::noticesSurviveARestartOfTheService()
{
    const UserSession social =
        sessionFor(*m_sandbox, QStringLiteral("social-worker"), QDateTime::currentDateTimeUtc());
    {
        auto service = noticeService(social);
        QSignalSpy checked(service.get(), &NoticeService::checked);
        service->start();
        QVERIFY(checked.wait(15000));
        QCOMPARE(service->notices()->size(), 3);
    }
    // A new sign-in (a new service) finds them held and fetches none again.
    auto again = noticeService(social);
    QCOMPARE(again->notices()->size(), 3);
    QSignalSpy fresh(again.get(), &NoticeService::newNotices);
    QSignalSpy checked(again.get(), &NoticeService::checked);
    again->checkNow();
    QVERIFY(checked.wait(15000));
    QCOMPARE(fresh.size(), 0);
}

QTEST_GUILESS_MAIN(TestNoticesIntegration)
#include "tst_noticesintegration.moc"
