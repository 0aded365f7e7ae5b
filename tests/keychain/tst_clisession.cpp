// The command line's sessions (docs/cli.md, "Sessions"), as `cpis` composes them: CliSession over
// the keychain (the test's private keyring) and real sign-ins at the sandbox's CIS2 realm and
// platform, with an injected clock so that expiry needs no waiting. Each CliSession stands for
// one `cpis` process; the keychain is what outlives it.
#include "core/cli/CliSession.h"
#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "core/profile/ServiceProfile.h"
#include "core/signin/HeadlessSignIn.h"
#include "core/signin/SessionVault.h"
#include "core/signin/SignInCredentials.h"
#include "core/signin/SignInFlow.h"
#include "core/store/KeyStore.h"
#include "sandbox/endpoints/Cis2Realm.h"
#include "sandbox/server/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

using namespace cpis;

namespace {
const QString kNurse = QStringLiteral("triage-nurse");
const QString kLead = QStringLiteral("safeguarding-lead");
} // namespace

class TestCliSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void defaultProfileKeepsNoSessionAndSignsInEachTime();
    void storedSessionServesItsOwnUserWithinItsLifetime();
    void storedSessionIsNeverUsedForAnotherCis2User();
    void expiredStoredSessionIsRefusedAndDropped();
    void logoutEndsTheSessionRevokesAndLeavesNoToken();
    void logoutWithTheProviderUnreachableStillDropsEveryToken();

private:
    // One `cpis` process's view: the stored session where the profile keeps one, sign-ins as
    // m_next at the sandbox.
    std::unique_ptr<CliSession> process(bool keepsSession, const QString& actingUser = {});
    Result<UserSession, QString> session(CliSession& s);
    Result<UserSession, QString> login(CliSession& s);
    QString uuidOf(const QString& testUser) const
    {
        return m_sandbox->signIn().user(testUser)->userUid;
    }
    bool vaultIsEmpty() const;

    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<FhirTransport> m_transport;
    ServiceProfile m_profile;
    SignInCredentials m_credentials;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<SessionVault> m_vault;
    QString m_next = kNurse; // who signs in when asked
    int m_signIns = 0;       // how many times a sign-in was asked for
    QString m_err;
    std::unique_ptr<QTextStream> m_errStream;
};

void TestCliSession::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CPIS_TEST_PRIVATE_KEYRING"))
        QFAIL("run through tests/support/with-private-keyring.sh (ctest does)");
    sandbox::SandboxServer::Options o;
    o.clock = &m_clock;
    m_sandbox = std::make_unique<sandbox::SandboxServer>(o);
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_profile = ServiceProfile::training().withSandbox(m_sandbox->baseUrl());
    m_credentials = SignInCredentials::ephemeral();
    for (const QJsonObject& jwk : m_credentials.publicJwks())
        m_sandbox->cis2().registerKey(jwk);
    m_transport = std::make_unique<FhirTransport>(&m_nam, &m_clock, FhirTransport::Settings());
    m_keys = std::make_unique<KeyStore>(QStringLiteral("cpis-desk-tst-clisession"));
    m_vault = std::make_unique<SessionVault>(*m_keys, QStringLiteral("clisession"));
    m_errStream = std::make_unique<QTextStream>(&m_err);
}

void TestCliSession::init()
{
    m_clock.set(QDateTime::currentDateTimeUtc());
    QVERIFY(m_vault->clear());
    m_next = kNurse;
    m_signIns = 0;
    m_err.clear();
}

void TestCliSession::cleanup()
{
    (void)m_vault->clear();
}

std::unique_ptr<CliSession> TestCliSession::process(bool keepsSession, const QString& actingUser)
{
    auto signIn = [this](CliSession::Give give) {
        ++m_signIns;
        HeadlessSignIn::start(m_transport.get(), &m_clock, m_profile.signIn, m_credentials, m_next,
                              m_transport.get(), std::move(give));
    };
    return std::make_unique<CliSession>(*m_vault, &m_clock, keepsSession, actingUser, signIn,
                                        *m_errStream);
}

Result<UserSession, QString> TestCliSession::session(CliSession& s)
{
    std::optional<Result<UserSession, QString>> got;
    s.session([&got](const Result<UserSession, QString>& r) { got = r; });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 15000))
        return QStringLiteral("no answer");
    return *got;
}

Result<UserSession, QString> TestCliSession::login(CliSession& s)
{
    std::optional<Result<UserSession, QString>> got;
    s.login([&got](const Result<UserSession, QString>& r) { got = r; });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 15000))
        return QStringLiteral("no answer");
    return *got;
}

bool TestCliSession::vaultIsEmpty() const
{
    // The keychain entry itself, not only what the vault makes of it.
    const auto raw = m_keys->read(QStringLiteral("session:clisession"));
    return raw && !raw.value();
}

void TestCliSession::defaultProfileKeepsNoSessionAndSignsInEachTime()
{
    // Two commands, two processes: each asks for a sign-in, and nothing is left behind.
    for (int i = 1; i <= 2; ++i) {
        const auto r = session(*process(false));
        QVERIFY2(r, r ? "" : qPrintable(r.error()));
        QCOMPARE(r->userId, uuidOf(kNurse));
        QCOMPARE(m_signIns, i);
        QVERIFY(vaultIsEmpty());
    }

    // A session stored while the administrator allowed it is not used once they stop.
    QVERIFY(login(*process(true)));
    QVERIFY(!vaultIsEmpty());
    m_signIns = 0;
    const auto r = session(*process(false, uuidOf(kNurse)));
    QVERIFY(r);
    QCOMPARE(m_signIns, 1);
    QVERIFY(vaultIsEmpty());
    QVERIFY2(m_err.contains(u"the profile keeps none"), qPrintable(m_err));
}

void TestCliSession::storedSessionServesItsOwnUserWithinItsLifetime()
{
    const auto stored = login(*process(true));
    QVERIFY2(stored, stored ? "" : qPrintable(stored.error()));
    QCOMPARE(m_signIns, 1);
    QCOMPARE(stored->userId, uuidOf(kNurse));

    // A later command by the same CIS2 user, one second before the platform token expires:
    // the stored session, no sign-in.
    m_clock.set(stored->accessExpiresUtc.addSecs(-1));
    const auto r = session(*process(true, uuidOf(kNurse)));
    QVERIFY2(r, r ? "" : qPrintable(r.error()));
    QCOMPARE(m_signIns, 1);
    QCOMPARE(r->accessToken, stored->accessToken);
    QCOMPARE(r->roleId, stored->roleId);
    QVERIFY(!vaultIsEmpty());

    // Without --user nobody is taken for its user: a fresh sign-in, and the same user signing
    // in leaves the stored session where it is.
    const auto unnamed = session(*process(true));
    QVERIFY(unnamed);
    QCOMPARE(m_signIns, 2);
    QVERIFY(unnamed->accessToken != stored->accessToken);
    QVERIFY(!vaultIsEmpty());
    QVERIFY2(m_err.contains(u"only with --user"), qPrintable(m_err));
}

void TestCliSession::storedSessionIsNeverUsedForAnotherCis2User()
{
    const auto stored = login(*process(true));
    QVERIFY(stored);

    // The safeguarding lead names themself: the nurse's session is not theirs. They are asked
    // to sign in, and once they have, the nurse's session is gone from the keychain.
    m_next = kLead;
    const auto r = session(*process(true, uuidOf(kLead)));
    QVERIFY2(r, r ? "" : qPrintable(r.error()));
    QCOMPARE(m_signIns, 2);
    QCOMPARE(r->userId, uuidOf(kLead));
    QVERIFY(r->accessToken != stored->accessToken);
    QVERIFY(vaultIsEmpty());
    QVERIFY2(m_err.contains(u"another CIS2 user was dropped"), qPrintable(m_err));

    // Naming the nurse and then signing in as someone else is refused, and drops it as well.
    QVERIFY(login(*process(true))); // m_next is the lead: theirs is stored now
    QVERIFY(!vaultIsEmpty());
    m_next = kNurse;
    const auto wrong = session(*process(true, QStringLiteral("555000000999")));
    QVERIFY(!wrong);
    QVERIFY2(wrong.error().contains(u"not the --user 555000000999"), qPrintable(wrong.error()));
    QVERIFY(vaultIsEmpty());
}

void TestCliSession::expiredStoredSessionIsRefusedAndDropped()
{
    const auto stored = login(*process(true));
    QVERIFY(stored);
    QCOMPARE(stored->accessExpiresUtc.secsTo(m_clock.nowUtc()),
             -qint64(sandbox::Cis2Realm::kPlatformLifetimeSecs));

    // The platform token's lifetime has passed: refused without asking anyone, and dropped.
    m_clock.set(stored->accessExpiresUtc);
    const auto r = session(*process(true, uuidOf(kNurse)));
    QVERIFY(!r);
    QVERIFY2(r.error().contains(u"expired"), qPrintable(r.error()));
    QCOMPARE(m_signIns, 1);
    QVERIFY(vaultIsEmpty());

    // The next command finds nothing stored and asks for a sign-in.
    m_clock.set(QDateTime::currentDateTimeUtc());
    QVERIFY(session(*process(true, uuidOf(kNurse))));
    QCOMPARE(m_signIns, 2);
}

void TestCliSession::logoutEndsTheSessionRevokesAndLeavesNoToken()
{
    const auto stored = login(*process(true));
    QVERIFY(stored);
    // Deep copies, to try the tokens after sign-out.
    const QByteArray refresh(stored->refreshToken.constData(), stored->refreshToken.size());
    const QByteArray cis2Access(stored->identityAccessToken.constData(),
                                stored->identityAccessToken.size());
    const auto before = m_sandbox->cis2().signOuts();

    auto taken = process(true, uuidOf(kNurse))->takeStored();
    QVERIFY(taken && taken.value().has_value());
    QVERIFY(vaultIsEmpty()); // out of the keychain before the provider is even asked
    UserSession session = *taken.value();
    wipe(*taken.value());
    SignInFlow flow(m_transport.get(), &m_clock, m_profile.signIn, m_credentials);
    std::optional<QStringList> problems;
    flow.signOut(session, [&problems](const QStringList& p) { problems = p; });
    wipe(session);
    QTRY_VERIFY_WITH_TIMEOUT(problems.has_value(), 15000);
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));

    // The sandbox was asked to end the nurse's CIS2 session and to revoke both tokens.
    const auto after = m_sandbox->cis2().signOuts();
    QCOMPARE(after.endedSessions.mid(before.endedSessions.size()), QStringList{uuidOf(kNurse)});
    QCOMPARE(after.cis2Revocations, before.cis2Revocations + 1);
    QCOMPARE(after.platformRevocations, before.platformRevocations + 1);
    // And they no longer work: the platform's refresh token renews nothing.
    UserSession probe;
    probe.refreshToken = refresh;
    std::optional<Result<UserSession, QString>> renewed;
    flow.refresh(probe, [&renewed](const Result<UserSession, QString>& r) { renewed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(renewed.has_value(), 15000);
    QVERIFY(!renewed->ok());
    QVERIFY(!m_sandbox->cis2()
                 .answer("GET", sandbox::Cis2Realm::kPath + QStringLiteral("/userinfo"), {}, {},
                         "Bearer " + cis2Access, m_sandbox->baseUrl().toString())
                 .body.contains("\"sub\""));

    // A second logout finds nothing to end.
    auto again = process(true)->takeStored();
    QVERIFY(again && !again.value().has_value());
}

void TestCliSession::logoutWithTheProviderUnreachableStillDropsEveryToken()
{
    const auto stored = login(*process(true));
    QVERIFY(stored);
    // A provider and platform nobody answers at.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QString nowhere = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    SignInSettings gone = m_profile.signIn;
    gone.issuer = nowhere + sandbox::Cis2Realm::kPath;
    gone.platformRevocationUrl = QUrl(nowhere + QStringLiteral("/oauth2/revoke"));

    auto taken = process(true, uuidOf(kNurse))->takeStored();
    QVERIFY(taken && taken.value().has_value());
    UserSession session = *taken.value();
    wipe(*taken.value());
    SignInFlow flow(m_transport.get(), &m_clock, gone, m_credentials);
    std::optional<QStringList> problems;
    flow.signOut(session, [&problems](const QStringList& p) { problems = p; });
    wipe(session);
    QTRY_VERIFY_WITH_TIMEOUT(problems.has_value(), 30000);
    // Both failures are named; the keychain holds nothing all the same.
    QCOMPARE(problems->size(), 2);
    const QString all = problems->join(u'\n');
    QVERIFY2(all.contains(u"could not be told to end the session") &&
                 all.contains(u"did not revoke the session"),
             qPrintable(all));
    QVERIFY(vaultIsEmpty());
}

QTEST_GUILESS_MAIN(TestCliSession)
#include "tst_clisession.moc"
