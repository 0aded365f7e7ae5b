// Attendance notices end to end against the in-process sandbox speaking MESH: a triage
// look-up (over the FHIR route and over HL7 V3 on Spine) drops one V3 Access to Service
// Notification in the responsible authority's mailbox; the social worker's desk downloads it
// through its own stack (MESH client, notice service, encrypted store, audit log), shows who
// looked, where and when, and acknowledges it. Every message the sandbox puts in a mailbox is
// validated against REPC_MT000004GB01.xsd, and every MESH exchange against mesh-api.yaml.
#include "core/lookup/LookupResult.h"
#include "core/notices/NoticeService.h"
#include "core/notices/NotificationReader.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/endpoints/MeshMailbox.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/MemoryDesk.h"
#include "tests/support/MeshExchangeLog.h"
#include "tests/support/ReferenceData.h"
#include "tests/support/SandboxSession.h"
#include "tests/support/SpineSchemaCheck.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace cpis;
using cpis::sandbox::MeshMailbox;
using cpis::sandbox::SandboxServer;

namespace {

const QString kLily = QStringLiteral("9990000018");   // open CPP with SHE1
const QString kMailbox = QStringLiteral("SHE1OT001"); // Sheffield's training mailbox

} // namespace

class TestNoticesIntegration : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void seededMailboxIsReadWithWhoWhereAndWhen();
    void fhirTriageLookUpPutsOneNoticeInTheMailbox();
    void v3TriageLookUpPutsOneNoticeInTheMailbox();
    void schoolNurseLookUpPutsNone();
    void acknowledgingRemovesItFromTheMailboxAndIsAudited();
    void malformedPayloadIsKeptUnreadableAndNotAcknowledged();
    void reportIsADeliveryErrorAndAcknowledged();
    void compressedNotificationIsRead();
    void inboxOf1200IsReadToTheEnd();
    void noticesSurviveARestartOfTheService();

    // Last: what every test above sent and got.
    void everyMailboxMessageValidatesAgainstTheSchema();
    void everyExchangeMatchesTheMeshSpecification();

private:
    void startDesk(CpisInterface cpis = CpisInterface::FhirDraft);
    LookupResult lookUp(const QString& userId, const QString& number);
    std::unique_ptr<NoticeService> noticeService();
    void check(NoticeService& service);
    QList<AuditEntry> auditSince(qint64 seq);
    void collectMessages();

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<testsupport::MemoryDesk> m_desk;
    testsupport::MeshExchangeLog m_exchanges;
    // Every distinct V3 message body the sandbox put in a mailbox during the run.
    QHash<QString, QByteArray> m_notifications;
};

void TestNoticesIntegration::initTestCase()
{
    CPIS_REQUIRE_REFERENCE_DATA("mesh/specification/mesh-api.yaml");
    CPIS_REQUIRE_REFERENCE_DATA("spine-cpis/CPIS-libxml2/Schemas/REPC_MT000004GB01.xsd");
}

void TestNoticesIntegration::init()
{
    SandboxServer::Options o;
    o.meshObserver = m_exchanges.observer();
    m_sandbox = std::make_unique<SandboxServer>(o);
    QVERIFY(m_sandbox->start());
    startDesk();
}

void TestNoticesIntegration::startDesk(CpisInterface cpis)
{
    m_desk.reset();
    const QUrl base = m_sandbox->baseUrl();
    m_desk = std::make_unique<testsupport::MemoryDesk>(base, testsupport::quickTransport(), nullptr,
                                                       SiteType::UnscheduledCare, QStringList(),
                                                       [cpis, base](ServiceProfile& p) {
                                                           p.cpisInterface = cpis;
                                                           p = p.withSandbox(base);
                                                       });
    QCOMPARE(m_desk->meshClient->mailboxId(), kMailbox);
}

void TestNoticesIntegration::cleanup()
{
    collectMessages();
    m_desk.reset();
    m_sandbox.reset();
}

void TestNoticesIntegration::collectMessages()
{
    if (!m_sandbox)
        return;
    for (const QString& box : {kMailbox, QStringLiteral("LEE1OT001")})
        for (const QString& id : m_sandbox->mesh().inbox(box))
            if (m_sandbox->mesh().isNotification(box, id))
                m_notifications.insert(box + u'/' + id, m_sandbox->mesh().body(box, id));
}

LookupResult TestNoticesIntegration::lookUp(const QString& userId, const QString& number)
{
    m_desk->lookups->setSession(testsupport::sandboxSession(
        *m_sandbox, userId, QDateTime::currentDateTimeUtc().addDays(1)));
    std::optional<LookupResult> out;
    QObject ctx;
    m_desk->lookups->lookup(NhsNumber::parse(number).value(), &ctx,
                            [&](const LookupResult& r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
        qFatal("look-up never finished");
    // The messages are read before a test acknowledges them.
    collectMessages();
    return *out;
}

std::unique_ptr<NoticeService> TestNoticesIntegration::noticeService()
{
    const UserSession social = testsupport::sandboxSession(
        *m_sandbox, QStringLiteral("social-worker"), QDateTime::currentDateTimeUtc().addDays(1));
    return std::make_unique<NoticeService>(*m_desk->meshClient, *m_desk->notices, *m_desk->auditor,
                                           m_desk->clock, social, NoticeService::Settings{});
}

void TestNoticesIntegration::check(NoticeService& service)
{
    QSignalSpy checked(&service, &NoticeService::checked);
    service.checkNow();
    if (!checked.wait(30000))
        qFatal("the mailbox check never finished");
}

QList<AuditEntry> TestNoticesIntegration::auditSince(qint64 seq)
{
    QList<AuditEntry> entries;
    const bool ok = m_desk->audit
                        ->forEach(
                            [&](const AuditEntry& e) {
                                entries << e;
                                return true;
                            },
                            seq + 1)
                        .ok();
    if (!ok)
        qFatal("the audit log could not be read");
    return entries;
}

void TestNoticesIntegration::seededMailboxIsReadWithWhoWhereAndWhen()
{
    const QStringList ids = m_sandbox->mesh().inbox(kMailbox);
    QCOMPARE(ids.size(), 3);
    collectMessages();
    auto service = noticeService();
    QSignalSpy fresh(service.get(), &NoticeService::newNotices);
    check(*service);
    QVERIFY2(service->state().error.isEmpty(), qPrintable(service->state().error));
    QVERIFY(service->state().lastHandshakeUtc.isValid());
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().first().toInt(), 3);
    const auto held = service->notices();
    QVERIFY(held.ok());
    QCOMPARE(held->size(), 3);
    // Newest first: the safeguarding lead's look two hours ago; oldest the triage nurse's.
    const AttendanceNotice& oldest = held->last();
    QCOMPARE(oldest.kind, AttendanceNotice::Kind::Access);
    QCOMPARE(oldest.mailbox, kMailbox);
    QCOMPARE(oldest.messageId, ids.first());
    QCOMPARE(oldest.nhsNumber.digits(), kLily);
    QCOMPARE(oldest.localChildId, MeshMailbox::localChildId(QStringLiteral("SHE1"), kLily));
    QCOMPARE(oldest.viewerName, QStringLiteral("Amelia Hughes"));
    QCOMPARE(oldest.viewerRole, QStringLiteral("Triage Nurse, Emergency Department"));
    QCOMPARE(oldest.organisationCode, QStringLiteral("RX1"));
    QCOMPARE(oldest.organisationName, QStringLiteral("Sandbox General Hospital NHS Trust"));
    QCOMPARE(oldest.fileId, QStringLiteral("SHE1-UPLOAD-0001"));
    QVERIFY(qAbs(oldest.whenUtc.secsTo(QDateTime::currentDateTimeUtc()) - (3 * 86400 + 5400)) <
            120);
    QVERIFY(!oldest.isAcknowledged());
    // Reading does not acknowledge: the mailbox still holds all three, and the payloads, read,
    // are not kept.
    QCOMPARE(m_sandbox->mesh().inbox(kMailbox), ids);
    QCOMPARE(m_desk->notices->payloadSize(kMailbox, ids.first()).value(), 0);
}

void TestNoticesIntegration::fhirTriageLookUpPutsOneNoticeInTheMailbox()
{
    auto service = noticeService();
    check(*service);
    const QStringList before = m_sandbox->mesh().inbox(kMailbox);
    const int total = m_sandbox->accessLog().notificationCount();
    // A B0107 triage nurse at an unscheduled-care site: Lily's plan is Sheffield's.
    QCOMPARE(lookUp(QStringLiteral("triage-nurse"), kLily).state, LookupResult::State::PlansFound);
    const QStringList after = m_sandbox->mesh().inbox(kMailbox);
    QCOMPARE(after.size(), before.size() + 1);
    QCOMPARE(m_sandbox->accessLog().notificationCount(), total + 1); // and nowhere else
    qInfo("B0107 look-up over FHIR: %lld notice(s) added to %s",
          qint64(after.size() - before.size()), qPrintable(kMailbox));

    QSignalSpy fresh(service.get(), &NoticeService::newNotices);
    check(*service);
    QVERIFY2(service->state().error.isEmpty(), qPrintable(service->state().error));
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().first().toInt(), 1);
    const auto held = m_desk->notices->message(kMailbox, after.last());
    QVERIFY(held.ok());
    QCOMPARE(held->size(), 1);
    const AttendanceNotice& n = held->first();
    QCOMPARE(n.nhsNumber.digits(), kLily);
    QCOMPARE(n.viewerName, QStringLiteral("Amelia Hughes"));
    QCOMPARE(n.organisationCode, QStringLiteral("RX1"));
    QVERIFY(qAbs(n.whenUtc.secsTo(QDateTime::currentDateTimeUtc())) < 120);
}

void TestNoticesIntegration::v3TriageLookUpPutsOneNoticeInTheMailbox()
{
    startDesk(CpisInterface::Hl7V3);
    QCOMPARE(m_desk->services->config().profile.cpis.path(), QStringLiteral("/spine/cpis"));
    const QStringList before = m_sandbox->mesh().inbox(kMailbox);
    QCOMPARE(lookUp(QStringLiteral("triage-nurse"), kLily).state, LookupResult::State::PlansFound);
    const QStringList after = m_sandbox->mesh().inbox(kMailbox);
    QCOMPARE(after.size(), before.size() + 1);
    qInfo("B0107 look-up over HL7 V3: %lld notice(s) added", qint64(after.size() - before.size()));
    auto service = noticeService();
    check(*service);
    QVERIFY2(service->state().error.isEmpty(), qPrintable(service->state().error));
    const auto held = m_desk->notices->message(kMailbox, after.last());
    QCOMPARE(held->size(), 1);
    QCOMPARE(held->first().nhsNumber.digits(), kLily);
    QCOMPARE(held->first().organisationCode, QStringLiteral("RX1"));
}

void TestNoticesIntegration::schoolNurseLookUpPutsNone()
{
    for (CpisInterface cpis : {CpisInterface::FhirDraft, CpisInterface::Hl7V3}) {
        startDesk(cpis);
        const QStringList before = m_sandbox->mesh().inbox(kMailbox);
        const int total = m_sandbox->accessLog().notificationCount();
        // B0170: a silent read, whatever the site type says.
        QCOMPARE(lookUp(QStringLiteral("school-nurse"), kLily).state,
                 LookupResult::State::PlansFound);
        QCOMPARE(m_sandbox->mesh().inbox(kMailbox), before);
        QCOMPARE(m_sandbox->accessLog().notificationCount(), total);
    }
}

void TestNoticesIntegration::acknowledgingRemovesItFromTheMailboxAndIsAudited()
{
    QCOMPARE(lookUp(QStringLiteral("triage-nurse"), kLily).state, LookupResult::State::PlansFound);
    const QString id = m_sandbox->mesh().inbox(kMailbox).last();
    auto service = noticeService();
    check(*service);
    const qint64 seqBefore = m_desk->audit->lastSeq();
    QSignalSpy done(service.get(), &NoticeService::acknowledgeFinished);
    service->acknowledge(id);
    QVERIFY(done.wait(15000));
    QCOMPARE(done.first().at(0).toString(), id);
    QCOMPARE(done.first().at(1).toString(), QString()); // no error

    const auto held = m_desk->notices->message(kMailbox, id);
    QVERIFY(held->first().isAcknowledged());
    QCOMPARE(held->first().acknowledgedBy, QStringLiteral("Sam Okafor (555000000005)"));
    QVERIFY(!m_sandbox->mesh().inbox(kMailbox).contains(id));
    const QList<AuditEntry> entries = auditSince(seqBefore);
    // Recorded before the mailbox heard of it: who, when, which child, which message.
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().action, AuditEntry::Action::NoticeAcknowledged);
    QCOMPARE(entries.first().outcome, AuditEntry::Outcome::Requested);
    QCOMPARE(entries.first().nhsNumber, kLily);
    QCOMPARE(entries.first().userId, QStringLiteral("555000000005"));
    QVERIFY(entries.first().reason.contains(id));
    QVERIFY(m_desk->audit->verify().ok());

    // Twice is refused here; nothing more is audited or sent.
    done.clear();
    service->acknowledge(id);
    QCOMPARE(done.size(), 1);
    QVERIFY(!done.first().at(1).toString().isEmpty());
    QCOMPARE(m_desk->audit->lastSeq(), seqBefore + 1);
}

void TestNoticesIntegration::malformedPayloadIsKeptUnreadableAndNotAcknowledged()
{
    const QByteArray bad = "<CP-ISAccessToServiceNotification xmlns=\"urn:hl7-org:v3\">"
                           "<effectiveTime value=\"not a time\"/>";
    const QString id = m_sandbox->mesh().addData(kMailbox, bad);
    auto service = noticeService();
    QSignalSpy fresh(service.get(), &NoticeService::newNotices);
    check(*service);
    // The check itself succeeded: the rest of the mailbox was read.
    QVERIFY2(service->state().error.isEmpty(), qPrintable(service->state().error));
    QCOMPARE(service->notices()->size(), 4);
    const auto held = m_desk->notices->message(kMailbox, id);
    QCOMPARE(held->size(), 1);
    QCOMPARE(held->first().kind, AttendanceNotice::Kind::Unreadable);
    QCOMPARE(held->first().messageId, id);
    QVERIFY(!held->first().problem.isEmpty());
    // Kept: the bytes as they came, in the encrypted store, and still in the mailbox.
    QCOMPARE(m_desk->notices->payload(kMailbox, id, 1 << 20).value(), bad);
    QVERIFY(m_sandbox->mesh().inbox(kMailbox).contains(id));
    // Not acknowledged, even when asked: said why, nothing audited or sent.
    const qint64 seq = m_desk->audit->lastSeq();
    QSignalSpy done(service.get(), &NoticeService::acknowledgeFinished);
    service->acknowledge(id);
    QCOMPARE(done.size(), 1);
    QVERIFY(done.first().at(1).toString().contains(id));
    QCOMPARE(m_desk->audit->lastSeq(), seq);
    QVERIFY(m_sandbox->mesh().inbox(kMailbox).contains(id));
    // The next check does not take it again.
    fresh.clear();
    check(*service);
    QCOMPARE(fresh.size(), 0);
    QCOMPARE(service->notices()->size(), 4);
}

void TestNoticesIntegration::reportIsADeliveryErrorAndAcknowledged()
{
    const QString id =
        m_sandbox->mesh().addReport(kMailbox, QStringLiteral("20261207010101000_ABCDEF"),
                                    QStringLiteral("15"), QStringLiteral("Bad CP-IS File"));
    auto service = noticeService();
    const qint64 seq = m_desk->audit->lastSeq();
    check(*service);
    QVERIFY2(service->state().error.isEmpty(), qPrintable(service->state().error));
    const auto held = m_desk->notices->message(kMailbox, id);
    QCOMPARE(held->size(), 1);
    QCOMPARE(held->first().kind, AttendanceNotice::Kind::DeliveryError);
    QVERIFY(held->first().problem.contains(QStringLiteral("15")));
    QVERIFY(held->first().problem.contains(QStringLiteral("Bad CP-IS File")));
    QVERIFY(held->first().problem.contains(QStringLiteral("20261207010101000_ABCDEF")));
    QVERIFY(held->first().isAcknowledged());
    QVERIFY(!m_sandbox->mesh().inbox(kMailbox).contains(id));
    bool audited = false;
    for (const AuditEntry& e : auditSince(seq))
        audited = audited ||
                  (e.action == AuditEntry::Action::NoticeAcknowledged && e.reason.contains(id));
    QVERIFY(audited);
}

void TestNoticesIntegration::compressedNotificationIsRead()
{
    const QByteArray xml =
        m_sandbox->mesh().body(kMailbox, m_sandbox->mesh().inbox(kMailbox).first());
    QProcess gz;
    gz.start(QStringLiteral("gzip"), {QStringLiteral("-c")});
    gz.write(xml);
    gz.closeWriteChannel();
    QVERIFY(gz.waitForFinished(10000));
    const QByteArray compressed = gz.readAllStandardOutput();
    QVERIFY(compressed.size() > 10 && compressed.startsWith("\x1f\x8b"));
    const QString id = m_sandbox->mesh().addData(kMailbox, compressed, true);
    auto service = noticeService();
    check(*service);
    QVERIFY2(service->state().error.isEmpty(), qPrintable(service->state().error));
    const auto held = m_desk->notices->message(kMailbox, id);
    QCOMPARE(held->size(), 1);
    QCOMPARE(held->first().kind, AttendanceNotice::Kind::Access);
    QCOMPARE(held->first().nhsNumber.digits(), kLily);
}

void TestNoticesIntegration::inboxOf1200IsReadToTheEnd()
{
    for (int i = 0; i < 1200; ++i)
        m_sandbox->mesh().addData(kMailbox, QByteArray("m") + QByteArray::number(i));
    const QStringList expected = m_sandbox->mesh().inbox(kMailbox);
    QCOMPARE(expected.size(), 1203);
    const qsizetype exchangesBefore = m_exchanges.size();
    std::optional<Result<QStringList, MeshError>> out;
    QObject ctx;
    m_desk->meshClient->inbox(&ctx, [&](const Result<QStringList, MeshError>& r) { out = r; });
    QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 30000);
    QVERIFY2(out->ok(), qPrintable(out->ok() ? QString() : out->error().detail));
    QCOMPARE(out->value(), expected);
    // 500 a page: three pages, each its own authorised request.
    QCOMPARE(m_exchanges.size() - exchangesBefore, 3);
    qInfo("inbox of %lld messages read to the end in %lld pages", qint64(out->value().size()),
          qint64(m_exchanges.size() - exchangesBefore));
}

void TestNoticesIntegration::noticesSurviveARestartOfTheService()
{
    {
        auto service = noticeService();
        service->start();
        QSignalSpy checked(service.get(), &NoticeService::checked);
        QVERIFY(checked.wait(15000) || !service->state().checking);
        QCOMPARE(service->notices()->size(), 3);
    }
    auto again = noticeService();
    QCOMPARE(again->notices()->size(), 3);
    QSignalSpy fresh(again.get(), &NoticeService::newNotices);
    check(*again);
    QCOMPARE(fresh.size(), 0);
}

void TestNoticesIntegration::everyMailboxMessageValidatesAgainstTheSchema()
{
    testsupport::SpineSchemaCheck schemas(testsupport::SpineSchemaCheck::defaultSchemaFolder());
    QVERIFY(m_notifications.size() >= 4);
    int valid = 0;
    for (auto it = m_notifications.cbegin(); it != m_notifications.cend(); ++it) {
        const auto outcome = schemas.check(it.value(), QStringLiteral("REPC_MT000004GB01"));
        QVERIFY2(outcome.valid, qPrintable(it.key() + u'\n' + outcome.text()));
        // And the desk reads what the schema accepts.
        QVERIFY(NotificationReader::read(it.value()).ok());
        ++valid;
    }
    qInfo("%d sandbox mailbox messages validate against REPC_MT000004GB01.xsd", valid);
    // The check can fail: the same message without its file reference does not validate.
    QByteArray broken = m_notifications.cbegin().value();
    const qsizetype from = broken.indexOf("<reference>");
    const qsizetype to = broken.indexOf("</reference>");
    QVERIFY(from > 0 && to > from);
    broken.remove(from, to + qsizetype(qstrlen("</reference>")) - from);
    QVERIFY(!schemas.check(broken, QStringLiteral("REPC_MT000004GB01")).valid);
    QVERIFY(!NotificationReader::read(broken).ok());
}

void TestNoticesIntegration::everyExchangeMatchesTheMeshSpecification()
{
    QVERIFY(m_exchanges.size() > 20);
    const auto [code, output] = m_exchanges.check();
    qInfo("%s", qPrintable(output.trimmed()));
    QCOMPARE(code, 0);
    // The check can fail: an acknowledgement answered 201, and a listing without its token.
    testsupport::MeshExchangeLog wrong;
    sandbox::MeshMailbox::Exchange e;
    e.method = "PUT";
    e.path = QStringLiteral("/messageexchange/SHE1OT001/inbox/1_A/status/acknowledged");
    e.requestHeaders.insert("authorization", "NHSMESH x");
    e.status = 201;
    wrong.add(e);
    e.method = "GET";
    e.path = QStringLiteral("/messageexchange/SHE1OT001/inbox");
    e.requestHeaders.clear();
    e.status = 200;
    wrong.add(e);
    const auto [wrongCode, wrongOutput] = wrong.check();
    QCOMPARE(wrongCode, 1);
    QVERIFY(wrongOutput.contains(QStringLiteral("status 201")));
    QVERIFY(wrongOutput.contains(QStringLiteral("required header authorization missing")));
}

QTEST_GUILESS_MAIN(TestNoticesIntegration)
#include "tst_noticesintegration.moc"
