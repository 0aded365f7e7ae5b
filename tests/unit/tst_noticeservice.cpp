// NoticeService over a fake network, a manual clock and a real encrypted store: polling stores
// new notices and counts them, failures back off and never read as "no notices",
// acknowledging audits before it tells the service, and reading a detail audits a view.
#include "core/audit/AccessAuditor.h"
#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "core/notices/NoticeClient.h"
#include "core/notices/NoticeService.h"
#include "core/notices/NoticeStore.h"
#include "core/store/SecureDb.h"
#include "tests/support/FakeNetwork.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cpis;
using cpis::test::FakeAnswer;
using cpis::test::FakeNetwork;

namespace {

const QDateTime kT0(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);

QByteArray messageBody(const QString& id, const QString& nhs)
{
    QString body = QStringLiteral(R"({"resourceType": "Bundle", "type": "collection", "entry": [
 {"resource": {"resourceType": "AuditEvent", "id": "@ID",
  "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest"},
  "action": "R", "recorded": "2026-11-25T08:00:00Z", "outcome": "0",
  "agent": [
   {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleClass",
                         "code": "ASSIGNED"}]},
    "role": [{"text": "Triage Nurse"}], "who": {"display": "Amelia Hughes"}, "requestor": true},
   {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleClass",
                         "code": "PROV"}]},
    "who": {"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code",
                           "value": "RX1"}, "display": "Sandbox General Hospital"},
    "requestor": false}],
  "source": {"observer": {"display": "CP-IS"}},
  "entity": [
   {"what": {"identifier": {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "@NHS"}}},
   {"what": {"identifier": {"system": "https://cpis-sandbox.example/Id/local-authority-child-id",
                            "value": "SHE1-00000001"}},
    "type": {"system": "http://snomed.info/sct", "code": "342191000000101"}}]}}]})");
    return body.replace(QStringLiteral("@ID"), id).replace(QStringLiteral("@NHS"), nhs).toUtf8();
}

class FakeAuditor final : public AccessAuditor
{
public:
    Status<Error> record(const UserSession& who, const AccessEvent& event) override
    {
        if (fail)
            return Error{QStringLiteral("disk full")};
        events.append(event);
        users.append(who.userId);
        return {};
    }
    bool fail = false;
    QList<AccessEvent> events;
    QStringList users;
};

// The mailbox as the fake network serves it.
struct Mailbox
{
    QStringList inbox{QStringLiteral("m1"), QStringLiteral("m2")};
    int inboxStatus = 200;
    QByteArray inboxBody; // overrides the list when set
    int ackStatus = 200;
    QHash<QString, QByteArray> bodies{{QStringLiteral("m1"), messageBody("m1", "9990000018")},
                                      {QStringLiteral("m2"), messageBody("m2", "9990000034")}};
    int auditedWhenAcknowledged = -1; // audit entries that existed when the PUT arrived
    FakeAuditor* auditor = nullptr;

    FakeAnswer answer(const QNetworkRequest& r)
    {
        const QString path = r.url().path();
        const QString prefix = QStringLiteral("/messageexchange/SHE1/inbox");
        if (path == prefix) {
            if (inboxStatus != 200)
                return {inboxStatus,
                        R"({"resourceType":"OperationOutcome"})",
                        "application/fhir+json",
                        {}};
            QByteArray list = "{\"messages\": [";
            for (int i = 0; i < inbox.size(); ++i)
                list += (i ? ", \"" : "\"") + inbox.at(i).toUtf8() + '"';
            list += "]}";
            return {200, inboxBody.isEmpty() ? list : inboxBody, "application/json", {}};
        }
        if (path.endsWith(QStringLiteral("/status/acknowledged"))) {
            const QString id = path.section(u'/', 4, 4);
            auditedWhenAcknowledged = int(auditor->events.size());
            // The mailbox's own "no such message" (api.md §10): only that code means gone; a
            // bare 404 could come from anything between here and the mailbox.
            if (ackStatus != 200)
                return {
                    ackStatus,
                    R"({"resourceType":"OperationOutcome","issue":[{"severity":"error",)"
                    R"("code":"not-found","details":{"coding":[{"code":"RESOURCE_NOT_FOUND"}]}}]})",
                    "application/fhir+json",
                    {}};
            inbox.removeAll(id);
            return {200, "{\"messageId\": \"" + id.toUtf8() + "\"}", "application/json", {}};
        }
        const QString id = path.mid(prefix.size() + 1);
        if (!bodies.contains(id))
            return {404, R"({"resourceType":"OperationOutcome"})", "application/fhir+json", {}};
        return {200,
                bodies.value(id),
                "application/fhir+json",
                {{"Mex-MessageID", id.toUtf8()}, {"Mex-To", "SHE1"}}};
    }
};

} // namespace

class TestNoticeService : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void checkStoresNewNoticesAndCountsThem();
    void failedCheckKeepsLastSuccessAndBacksOff();
    void unreadableMessageIsAnErrorNotFewerNotices();
    void timerPollsAgain();
    void acknowledgeAuditsBeforeTellingTheService();
    void auditFailureStopsTheAcknowledgement();
    void serviceFailureLeavesTheNoticeNew();
    void goneFromTheServiceIsKeptAsAcknowledged();
    void detailViewIsAuditedOncePerNotice();

private:
    std::unique_ptr<NoticeService> makeService(NoticeService::Settings s = {});
    void check(NoticeService& service);
    int requestsTo(const QString& pathEnd) const;

    Mailbox m_box;
    ManualClock m_clock{kT0};
    FakeAuditor m_auditor;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecureDb> m_db;
    std::unique_ptr<NoticeStore> m_store;
    std::unique_ptr<FakeNetwork> m_net;
    std::unique_ptr<FhirTransport> m_transport;
    std::unique_ptr<NoticeClient> m_client;
    UserSession m_session;
};

void TestNoticeService::init()
{
    m_box = Mailbox{};
    m_box.auditor = &m_auditor;
    m_auditor = FakeAuditor{};
    m_clock.set(kT0);
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::move(
        SecureDb::open(m_dir->filePath(QStringLiteral("n.db")), QByteArray(32, 'k')).value());
    m_store = std::move(NoticeStore::open(*m_db).value());
    m_net =
        std::make_unique<FakeNetwork>([this](const QNetworkRequest& r) { return m_box.answer(r); });
    FhirTransport::Settings s;
    s.retry.maxAttempts = 1; // backoff is the service's business here
    m_transport = std::make_unique<FhirTransport>(m_net.get(), &m_clock, s);
    m_client = std::make_unique<NoticeClient>(m_transport.get(),
                                              QUrl(QStringLiteral("https://mesh.example")));
    m_session = UserSession{};
    m_session.userId = QStringLiteral("555000000005");
    m_session.name = QStringLiteral("Sam Okafor");
    m_session.roleId = QStringLiteral("100000000005");
    m_session.organisationCode = QStringLiteral("SHE1");
    m_session.workgroups = {QStringLiteral("CPIS-NOTICES")};
    m_session.accessToken = "token";
    m_session.accessExpiresUtc = kT0.addDays(1);
}

void TestNoticeService::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_net.reset();
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<NoticeService> TestNoticeService::makeService(NoticeService::Settings s)
{
    return std::make_unique<NoticeService>(*m_client, *m_store, m_auditor, m_clock, m_session, s);
}

void TestNoticeService::check(NoticeService& service)
{
    QSignalSpy checked(&service, &NoticeService::checked);
    service.checkNow();
    QVERIFY(checked.wait(5000));
}

int TestNoticeService::requestsTo(const QString& pathEnd) const
{
    int n = 0;
    for (const auto& r : m_net->requests)
        n += r.url().path().endsWith(pathEnd) ? 1 : 0;
    return n;
}

void TestNoticeService::checkStoresNewNoticesAndCountsThem()
{
    auto service = makeService();
    QSignalSpy fresh(service.get(), &NoticeService::newNotices);
    check(*service);
    QVERIFY(service->state().error.isEmpty());
    QCOMPARE(service->state().lastSuccessUtc, kT0);
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().first().toInt(), 2);
    const auto all = service->notices();
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->first().receivedUtc, kT0);
    // The requests carried the session and asked the session's mailbox.
    const QNetworkRequest& first = m_net->requests.first();
    QCOMPARE(first.url().path(), QStringLiteral("/messageexchange/SHE1/inbox"));
    QCOMPARE(first.rawHeader("Authorization"), QByteArray("Bearer token"));
    QCOMPARE(first.rawHeader("NHSD-End-User-Organisation-ODS"), QByteArray("SHE1"));
    QVERIFY(!first.rawHeader("X-Request-ID").isEmpty());

    // Nothing new: messages already held are not fetched again, and no signal.
    fresh.clear();
    const int fetched = requestsTo(QStringLiteral("/m1"));
    check(*service);
    QCOMPARE(requestsTo(QStringLiteral("/m1")), fetched);
    QCOMPARE(fresh.size(), 0);
    // A third arrives.
    m_box.inbox << QStringLiteral("m3");
    m_box.bodies.insert(QStringLiteral("m3"), messageBody("m3", "9990000077"));
    check(*service);
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().first().toInt(), 1);
    QCOMPARE(service->notices()->size(), 3);
}

void TestNoticeService::failedCheckKeepsLastSuccessAndBacksOff()
{
    auto service = makeService();
    QCOMPARE(service->nextIntervalMs(), 60 * 1000);
    check(*service);
    QCOMPARE(service->notices()->size(), 2);

    m_box.inboxStatus = 503;
    QList<int> intervals;
    for (int i = 0; i < 6; ++i) {
        m_clock.advanceSecs(60);
        check(*service);
        QVERIFY(!service->state().error.isEmpty());
        intervals << service->nextIntervalMs() / 1000;
    }
    // Doubling, capped at 15 minutes.
    QCOMPARE(intervals, (QList<int>{120, 240, 480, 900, 900, 900}));
    // The last good check is still the one it was, and what was held is still there.
    QCOMPARE(service->state().lastSuccessUtc, kT0);
    QCOMPARE(service->state().lastAttemptUtc, kT0.addSecs(360));
    QCOMPARE(service->notices()->size(), 2);

    m_box.inboxStatus = 200;
    m_clock.advanceSecs(60);
    check(*service);
    QVERIFY(service->state().error.isEmpty());
    QCOMPARE(service->state().lastSuccessUtc, kT0.addSecs(420));
    QCOMPARE(service->nextIntervalMs(), 60 * 1000);
}

void TestNoticeService::unreadableMessageIsAnErrorNotFewerNotices()
{
    m_box.bodies.insert(QStringLiteral("m2"), QByteArray(R"({"resourceType": "Bundle"})"));
    auto service = makeService();
    QSignalSpy fresh(service.get(), &NoticeService::newNotices);
    check(*service);
    QVERIFY(!service->state().error.isEmpty());
    QVERIFY(!service->state().lastSuccessUtc.isValid());
    // m1 was read and stored before m2 failed; it is new all the same.
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().first().toInt(), 1);
    QCOMPARE(service->notices()->size(), 1);
    QCOMPARE(service->nextIntervalMs(), 120 * 1000);

    // An inbox answer that is not the contract's is an error too, never an empty inbox.
    m_box.inboxBody = R"({"messages": [], "more": true})";
    check(*service);
    QVERIFY(!service->state().error.isEmpty());
}

void TestNoticeService::timerPollsAgain()
{
    NoticeService::Settings s;
    s.pollIntervalMs = 30;
    s.maxBackoffMs = 100;
    auto service = makeService(s);
    QSignalSpy checked(service.get(), &NoticeService::checked);
    service->start();
    QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 3, 5000);
    QVERIFY(requestsTo(QStringLiteral("/SHE1/inbox")) >= 3);
    // Stopped between checks, no further check comes (ten intervals' worth of waiting).
    QVERIFY(checked.wait(5000));
    service->stop();
    QVERIFY(!service->isRunning());
    const int requests = int(m_net->requests.size());
    QVERIFY(!checked.wait(300));
    QCOMPARE(int(m_net->requests.size()), requests);
}

void TestNoticeService::acknowledgeAuditsBeforeTellingTheService()
{
    auto service = makeService();
    check(*service);
    m_clock.advanceSecs(120);
    QSignalSpy done(service.get(), &NoticeService::acknowledgeFinished);
    service->acknowledge(QStringLiteral("m1"));
    QVERIFY(service->isAcknowledging(QStringLiteral("m1")));
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().at(1).toString(), QString());
    // One entry, written before the PUT went out.
    QCOMPARE(m_box.auditedWhenAcknowledged, 1);
    QCOMPARE(m_auditor.events.size(), 1);
    const AccessEvent& ev = m_auditor.events.first();
    QCOMPARE(ev.action, AuditEntry::Action::NoticeAcknowledged);
    QCOMPARE(ev.subject.digits(), QStringLiteral("9990000018"));
    QCOMPARE(m_auditor.users.first(), QStringLiteral("555000000005"));
    QCOMPARE(m_net->methods.last(), QByteArray("PUT"));
    QCOMPARE(m_net->requests.last().url().path(),
             QStringLiteral("/messageexchange/SHE1/inbox/m1/status/acknowledged"));
    const auto m1 = m_store->message(QStringLiteral("SHE1"), QStringLiteral("m1"));
    QVERIFY(m1->first().isAcknowledged());
    QCOMPARE(m1->first().acknowledgedUtc, kT0.addSecs(120));
    QCOMPARE(m1->first().acknowledgedBy, QStringLiteral("Sam Okafor (555000000005)"));
    QVERIFY(
        !m_store->message(QStringLiteral("SHE1"), QStringLiteral("m2"))->first().isAcknowledged());
}

void TestNoticeService::auditFailureStopsTheAcknowledgement()
{
    auto service = makeService();
    check(*service);
    m_auditor.fail = true;
    const int before = int(m_net->requests.size());
    QSignalSpy done(service.get(), &NoticeService::acknowledgeFinished);
    service->acknowledge(QStringLiteral("m1"));
    QCOMPARE(done.size(), 1); // at once: nothing was sent
    QVERIFY(done.first().at(1).toString().contains(QStringLiteral("audit")));
    // Drain whatever the acknowledgement queued: a PUT sent later would show up here.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(int(m_net->requests.size()), before);
    QVERIFY(
        !m_store->message(QStringLiteral("SHE1"), QStringLiteral("m1"))->first().isAcknowledged());
}

void TestNoticeService::serviceFailureLeavesTheNoticeNew()
{
    auto service = makeService();
    check(*service);
    m_box.ackStatus = 500;
    QSignalSpy done(service.get(), &NoticeService::acknowledgeFinished);
    service->acknowledge(QStringLiteral("m2"));
    QVERIFY(done.wait(5000));
    QVERIFY(!done.first().at(1).toString().isEmpty());
    QVERIFY(
        !m_store->message(QStringLiteral("SHE1"), QStringLiteral("m2"))->first().isAcknowledged());
    // The request was audited, and so was its failure.
    QCOMPARE(m_auditor.events.size(), 2);
    QCOMPARE(m_auditor.events.at(0).outcome, AuditEntry::Outcome::Requested);
    QCOMPARE(m_auditor.events.at(1).outcome, AuditEntry::Outcome::Failed);
    // Unknown messages are refused without a request.
    done.clear();
    service->acknowledge(QStringLiteral("nope"));
    QCOMPARE(done.size(), 1);
    QVERIFY(!done.first().at(1).toString().isEmpty());
}

void TestNoticeService::goneFromTheServiceIsKeptAsAcknowledged()
{
    auto service = makeService();
    check(*service);
    m_box.ackStatus = 404; // acknowledged elsewhere, or an earlier answer was lost
    QSignalSpy done(service.get(), &NoticeService::acknowledgeFinished);
    service->acknowledge(QStringLiteral("m1"));
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().at(1).toString(), QString());
    const auto m1 = m_store->message(QStringLiteral("SHE1"), QStringLiteral("m1"));
    QVERIFY(m1->first().isAcknowledged());
    QVERIFY(m1->first().acknowledgedBy.contains(QStringLiteral("no longer held")));
    QCOMPARE(m_auditor.events.size(), 2);
    QCOMPARE(m_auditor.events.at(0).outcome, AuditEntry::Outcome::Requested);
    QCOMPARE(m_auditor.events.at(1).outcome, AuditEntry::Outcome::NotAtService);
}

void TestNoticeService::detailViewIsAuditedOncePerNotice()
{
    auto service = makeService();
    check(*service);
    const auto all = service->notices().value();
    QCOMPARE(service->recordView(all.at(0)), QString());
    QCOMPARE(service->recordView(all.at(0)), QString());
    QCOMPARE(service->recordView(all.at(1)), QString());
    QCOMPARE(m_auditor.events.size(), 2);
    QCOMPARE(m_auditor.events.at(0).action, AuditEntry::Action::View);
    QCOMPARE(m_auditor.events.at(0).subject, all.at(0).nhsNumber);
    m_auditor.fail = true;
    auto other = makeService(); // a new sign-in audits afresh
    QVERIFY(!other->recordView(all.at(0)).isEmpty());
}

QTEST_GUILESS_MAIN(TestNoticeService)
#include "tst_noticeservice.moc"
