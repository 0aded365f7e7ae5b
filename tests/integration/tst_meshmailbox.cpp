// The MESH mailbox's refusals and its large messages, against the in-process sandbox: a wrong
// mailbox password, a reused nonce, a clock 3 hours off and a missing client certificate each
// get the server's refusal and a clear message from the notice service (never an empty inbox
// that reads as "no notices"); a 250 MB message in chunks downloads with progress in bounded
// memory and can be cancelled. Every exchange is held to mesh-api.yaml.
#include "core/domain/Clock.h"
#include "core/mesh/MeshClient.h"
#include "core/notices/NoticeService.h"
#include "core/notices/NoticeStore.h"
#include "sandbox/endpoints/MeshMailbox.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/MemoryDesk.h"
#include "tests/support/MeshExchangeLog.h"
#include "tests/support/ReferenceData.h"
#include "tests/support/SandboxSession.h"
#include "tests/support/TestCertificates.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cpis;
using cpis::sandbox::SandboxServer;

namespace {

const QString kMailbox = QStringLiteral("SHE1OT001");

// This process's resident memory, from /proc (kB).
qint64 residentKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

MeshCredentials credentials(const QByteArray& password)
{
    MeshCredentials c;
    c.mailboxId = kMailbox;
    c.password = SecretBytes(password);
    c.sharedKey = SecretBytes(QByteArrayLiteral("TestKey"));
    return c;
}

} // namespace

class TestMeshMailbox : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void wrongPasswordIsRefusedAndSaidSo();
    void reusedNonceIsRefusedAndSaidSo();
    void clockThreeHoursOffIsRefusedAndSaidSo();
    void missingClientCertificateIsRefusedAndSaidSo();
    void largeChunkedMessageDownloadsInBoundedMemory();
    void largeDownloadCanBeCancelled();

    void everyExchangeMatchesTheMeshSpecification();

private:
    std::unique_ptr<MeshClient> client(const QByteArray& password,
                                       const Clock& clock,
                                       SandboxServer& server,
                                       const TlsPolicy& tls = TlsPolicy());
    std::unique_ptr<NoticeService> service(MeshClient& client, const Clock& clock);
    void check(NoticeService& service);
    void expectRefusal(NoticeService& service, int refusalsBefore, const QString& wording);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<testsupport::MemoryDesk> m_desk;
    QNetworkAccessManager m_nam;
    SystemClock m_clock;
    testsupport::MeshExchangeLog m_exchanges;
};

void TestMeshMailbox::initTestCase()
{
    CPIS_REQUIRE_REFERENCE_DATA("mesh/specification/mesh-api.yaml");
}

void TestMeshMailbox::init()
{
    SandboxServer::Options o;
    o.meshObserver = m_exchanges.observer();
    m_sandbox = std::make_unique<SandboxServer>(o);
    QVERIFY(m_sandbox->start());
    m_desk = std::make_unique<testsupport::MemoryDesk>(m_sandbox->baseUrl(),
                                                       testsupport::quickTransport());
}

void TestMeshMailbox::cleanup()
{
    m_desk.reset();
    m_sandbox.reset();
}

std::unique_ptr<MeshClient> TestMeshMailbox::client(const QByteArray& password,
                                                    const Clock& clock,
                                                    SandboxServer& server,
                                                    const TlsPolicy& tls)
{
    MeshClient::Settings s;
    s.base = server.baseUrl();
    s.tls = tls;
    s.stallTimeout = std::chrono::milliseconds(10000);
    return std::make_unique<MeshClient>(&m_nam, clock, s, credentials(password));
}

std::unique_ptr<NoticeService> TestMeshMailbox::service(MeshClient& mesh, const Clock& clock)
{
    const UserSession social = testsupport::sandboxSession(
        *m_sandbox, QStringLiteral("social-worker"), QDateTime::currentDateTimeUtc().addDays(1));
    return std::make_unique<NoticeService>(mesh, *m_desk->notices, *m_desk->auditor, clock, social,
                                           NoticeService::Settings{});
}

void TestMeshMailbox::check(NoticeService& s)
{
    QSignalSpy checked(&s, &NoticeService::checked);
    s.checkNow();
    if (!checked.wait(60000))
        qFatal("the mailbox check never finished");
}

void TestMeshMailbox::expectRefusal(NoticeService& s, int refusalsBefore, const QString& wording)
{
    QSignalSpy fresh(&s, &NoticeService::newNotices);
    check(s);
    // The server refused (403, as the specification has it) ...
    QVERIFY(m_exchanges.refusals() > refusalsBefore);
    // ... and the desk says so, in words, rather than showing an empty mailbox.
    const QString error = s.state().error;
    qInfo("the desk says: %s", qPrintable(error));
    QVERIFY2(error.contains(wording), qPrintable(error));
    QVERIFY(!s.state().lastSuccessUtc.isValid());
    QCOMPARE(fresh.size(), 0);
    QVERIFY(s.notices()->isEmpty());
}

void TestMeshMailbox::wrongPasswordIsRefusedAndSaidSo()
{
    auto mesh = client("not-the-password", m_clock, *m_sandbox);
    auto s = service(*mesh, m_clock);
    expectRefusal(*s, m_exchanges.refusals(), QStringLiteral("refused the mailbox's credentials"));
    // The right password, the same everything else: the mailbox is read.
    auto right = client("password", m_clock, *m_sandbox);
    auto ok = service(*right, m_clock);
    check(*ok);
    QVERIFY2(ok->state().error.isEmpty(), qPrintable(ok->state().error));
    QCOMPARE(ok->notices()->size(), 3);
}

void TestMeshMailbox::reusedNonceIsRefusedAndSaidSo()
{
    auto mesh = client("password", m_clock, *m_sandbox);
    // Every request with the same nonce and count: the handshake passes, the listing that
    // reuses its token is refused.
    mesh->authorization().setNonceSource(
        [] { return QStringLiteral("6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"); });
    auto s = service(*mesh, m_clock);
    expectRefusal(*s, m_exchanges.refusals(), QStringLiteral("a request was replayed"));
    QVERIFY(s->state().lastHandshakeUtc.isValid());
}

void TestMeshMailbox::clockThreeHoursOffIsRefusedAndSaidSo()
{
    ManualClock late(QDateTime::currentDateTimeUtc().addSecs(-3 * 3600));
    auto mesh = client("password", late, *m_sandbox);
    auto s = service(*mesh, late);
    expectRefusal(*s, m_exchanges.refusals(), QStringLiteral("clock is 3.0 hours off"));
}

void TestMeshMailbox::missingClientCertificateIsRefusedAndSaidSo()
{
    QString why;
    auto certs = testsupport::TestCertificates::make(&why);
    QVERIFY2(certs, qPrintable(why));
    SandboxServer::Options o;
    o.meshObserver = m_exchanges.observer();
    o.tlsCertificate = certs->server.certificate;
    o.tlsKey = certs->server.key;
    o.clientCaCertificates = {certs->ca.certificate};
    SandboxServer tlsSandbox(o);
    QVERIFY(tlsSandbox.start());
    TlsPolicy tls;
    tls.caCertificates = {certs->ca.certificate};
    auto mesh = client("password", m_clock, tlsSandbox, tls);
    auto s = service(*mesh, m_clock);
    QSignalSpy fresh(s.get(), &NoticeService::newNotices);
    check(*s);
    qInfo("the desk says: %s", qPrintable(s->state().error));
    // Refused in the TLS handshake, before any HTTP: no exchange reached the mailbox.
    QVERIFY2(s->state().error.contains(QStringLiteral("needs the mailbox's TLS certificate")),
             qPrintable(s->state().error));
    QCOMPARE(fresh.size(), 0);
    QVERIFY(s->notices()->isEmpty());

    // The desk's own wiring: the profile's mailbox certificate is presented, and it is read.
    const QUrl base = tlsSandbox.baseUrl();
    const QString ca = certs->ca.certificatePath;
    const auto& cert = certs->client;
    testsupport::MemoryDesk desk(base, testsupport::quickTransport(), nullptr,
                                 SiteType::UnscheduledCare, {}, [&](ServiceProfile& p) {
                                     p.caBundle = ca;
                                     p.meshClientCertificate = cert.certificatePath;
                                     p.meshClientKey = cert.keyPath;
                                 });
    const UserSession social = testsupport::sandboxSession(
        tlsSandbox, QStringLiteral("social-worker"), QDateTime::currentDateTimeUtc().addDays(1));
    NoticeService withCert(*desk.meshClient, *desk.notices, *desk.auditor, m_clock, social,
                           NoticeService::Settings{});
    check(withCert);
    QVERIFY2(withCert.state().error.isEmpty(), qPrintable(withCert.state().error));
    QCOMPARE(withCert.notices()->size(), 3);
}

void TestMeshMailbox::largeChunkedMessageDownloadsInBoundedMemory()
{
    constexpr qint64 kSize = 250LL * 1024 * 1024;
    constexpr qint64 kChunk = 2LL * 1024 * 1024;
    const QString id = m_sandbox->mesh().addGenerated(kMailbox, kSize, kChunk);
    auto mesh = client("password", m_clock, *m_sandbox);
    auto s = service(*mesh, m_clock);
    const qint64 before = residentKb();
    qint64 peak = before;
    qint64 lastBytes = 0;
    int updates = 0;
    int lastChunk = 0;
    int chunks = 0;
    connect(s.get(), &NoticeService::downloadProgress, this,
            [&](const QString& messageId, qint64 bytes, int chunk, int of) {
                if (messageId != id)
                    return;
                QVERIFY(bytes >= lastBytes);
                lastBytes = bytes;
                lastChunk = chunk;
                chunks = of;
                ++updates;
                peak = qMax(peak, residentKb());
            });
    QElapsedTimer t;
    t.start();
    check(*s);
    const qint64 ms = t.elapsed();
    QVERIFY2(s->state().error.isEmpty(), qPrintable(s->state().error));
    QCOMPARE(lastBytes, kSize);
    QCOMPARE(chunks, int(kSize / kChunk));
    QCOMPARE(lastChunk, chunks);
    const qint64 growthMb = (peak - before) / 1024;
    qInfo("250 MB in %d chunks: %d progress updates, %lld ms, RSS %lld MB -> peak %lld MB "
          "(growth %lld MB)",
          chunks, updates, ms, before / 1024, peak / 1024, growthMb);
    QVERIFY2(growthMb < 100, qPrintable(QStringLiteral("RSS grew %1 MB").arg(growthMb)));
    // Kept whole in the encrypted store; far too large to be a notification, so shown as a
    // message that could not be read, and left in the mailbox.
    QCOMPARE(m_desk->notices->payloadSize(kMailbox, id).value(), kSize);
    const auto held = m_desk->notices->message(kMailbox, id);
    QCOMPARE(held->size(), 1);
    QCOMPARE(held->first().kind, AttendanceNotice::Kind::Unreadable);
    QVERIFY(m_sandbox->mesh().inbox(kMailbox).contains(id));
}

void TestMeshMailbox::largeDownloadCanBeCancelled()
{
    const QString id =
        m_sandbox->mesh().addGenerated(kMailbox, 250LL * 1024 * 1024, 5LL * 1024 * 1024);
    auto mesh = client("password", m_clock, *m_sandbox);
    auto s = service(*mesh, m_clock);
    qint64 atCancel = 0;
    connect(s.get(), &NoticeService::downloadProgress, this,
            [&](const QString& messageId, qint64 bytes, int, int) {
                if (messageId == id && atCancel == 0 && bytes > 20 * 1024 * 1024) {
                    atCancel = bytes;
                    s->cancelDownload();
                }
            });
    check(*s);
    QVERIFY(atCancel > 0);
    QVERIFY2(s->state().error.contains(QStringLiteral("cancelled")), qPrintable(s->state().error));
    QVERIFY(!s->isDownloading());
    // Nothing half-kept, and the message is still in the mailbox for the next check.
    QVERIFY(m_desk->notices->message(kMailbox, id)->isEmpty());
    QCOMPARE(m_desk->notices->payloadSize(kMailbox, id).value(), 0);
    QVERIFY(m_sandbox->mesh().inbox(kMailbox).contains(id));
    qInfo("cancelled after %lld MB", atCancel / (1024 * 1024));
}

void TestMeshMailbox::everyExchangeMatchesTheMeshSpecification()
{
    QVERIFY(m_exchanges.size() > 10);
    const auto [code, output] = m_exchanges.check();
    qInfo("%s", qPrintable(output.trimmed()));
    QCOMPARE(code, 0);
}

QTEST_GUILESS_MAIN(TestMeshMailbox)
#include "tst_meshmailbox.moc"
