// `cpis` signing in as it does outside training, each command a process of its own: a profile
// of the administrator's file pointing at a cpis-sandbox process over TLS, the browser's part
// played by this test (it follows the printed address with the sandbox's `user` pick), and
// the keychain of the test's private keyring. By default nothing is kept between processes;
// with cli-keeps-session the stored session serves only the CIS2 user who signed in, and
// logout ends it at the sandbox's CIS2 and platform.
#include "core/crypto/RsaKey.h"
#include "core/store/KeyStore.h"
#include "tests/support/CliRun.h"
#include "tests/support/TestCertificates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace cpis;
using namespace cpis::testsupport;
using namespace clirun;

namespace {
const QString kNurseUuid = QStringLiteral("555000000001");
const QString kLeadUuid = QStringLiteral("555000000004");
const QString kRealm =
    QStringLiteral("/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare");
} // namespace

class TestCliSignIn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void byDefaultEachProcessSignsInAndNothingIsKept();
    void keptSessionServesOnlyTheCis2UserWhoSignedIn();
    void logoutEndsTheSessionAtTheProviderAndEmptiesTheKeychain();

private:
    // One `cpis` run under `admin`. When it prints a sign-in address, signs in there as the
    // sandbox test user `as` (a test fails if it asks and `as` is empty); *asked says whether
    // it asked.
    Run run(const QString& admin, const QStringList& args, const QString& as, bool* asked);
    QString adminFile(const QString& name, bool keepsSession);
    bool sessionStored() const;
    QJsonObject signOuts();

    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certs;
    QProcess m_sandbox;
    QString m_base;
    quint16 m_redirectPort = 0;
    QNetworkAccessManager m_browser;
    QSslConfiguration m_tls;
    std::unique_ptr<KeyStore> m_keys;
};

void TestCliSignIn::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CPIS_TEST_PRIVATE_KEYRING"))
        QFAIL("run through tests/support/with-private-keyring.sh (ctest does)");
    REQUIRE_ROOT();
    QVERIFY(m_dir.isValid());
    noAdminFile() = m_dir.filePath(QStringLiteral("no-admin-file.conf"));
    QString why;
    m_certs = TestCertificates::make(&why);
    QVERIFY2(m_certs, qPrintable(why));

    // The desk's platform key, made for the run and registered with the sandbox as with the
    // platform.
    const QString pem = m_dir.filePath(QStringLiteral("platform.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("genrsa"), QStringLiteral("-out"), pem, QStringLiteral("2048")});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
    QVERIFY(QFile::setPermissions(pem, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const auto key = RsaKey::fromPemFile(pem);
    QVERIFY2(key, key ? "" : qPrintable(key.error()));
    QFile jwks(m_dir.filePath(QStringLiteral("desk.jwks")));
    QVERIFY(jwks.open(QIODevice::WriteOnly));
    jwks.write(QJsonDocument(QJsonObject{{QStringLiteral("keys"),
                                          QJsonArray{key->publicJwk(QStringLiteral("desk-1"),
                                                                    JwsAlgorithm::RS512)}}})
                   .toJson());
    jwks.close();
    QFile secret(m_dir.filePath(QStringLiteral("client-secret")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("sandbox-client-secret\n");
    secret.close();
    QVERIFY(secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    m_sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_sandbox.start(QStringLiteral(CPIS_SANDBOX_EXE),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--client-jwks"),
                     jwks.fileName(), QStringLiteral("--tls"), m_certs->server.certificatePath,
                     m_certs->server.keyPath});
    QVERIFY(m_sandbox.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox.canReadLine(), 20000);
    m_base = QString::fromUtf8(m_sandbox.readLine()).trimmed();
    QVERIFY2(m_base.startsWith(u"https://127.0.0.1:"), qPrintable(m_base));

    QTcpServer probe; // the registered redirect port: free now, the runs listen on it
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    m_redirectPort = probe.serverPort();
    probe.close();
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setCaCertificates({m_certs->ca.certificate});
    m_keys = std::make_unique<KeyStore>(QStringLiteral("cpis-desk"));
}

void TestCliSignIn::cleanupTestCase()
{
    m_sandbox.terminate();
    m_sandbox.waitForFinished(10000);
}

void TestCliSignIn::init()
{
    QVERIFY(m_keys->remove(QStringLiteral("session:local")));
}

QString TestCliSignIn::adminFile(const QString& name, bool keepsSession)
{
    const QString issuer = m_base + kRealm;
    const QByteArray text =
        QStringLiteral("[desk]\nsite = scheduled\nprofiles = local\n[profile local]\n"
                       "pds = %1/personal-demographics/FHIR/R4\ncpis = %1/cpis/FHIR/R4\n"
                       "cpis-interface = fhir\nidentity = %2\nclient-auth = client_secret_post\n"
                       "client-secret-file = %3\nredirect-port = %4\n"
                       "platform-token-url = %1/oauth2/token\n"
                       "platform-revocation-url = %1/oauth2/revoke\n"
                       "platform-api-key = training-api-key\nplatform-signing-key = %5\n"
                       "platform-key-id = desk-1\nca-bundle = %6\ncli-keeps-session = %7\n")
            .arg(m_base, issuer, m_dir.filePath(QStringLiteral("client-secret")))
            .arg(m_redirectPort)
            .arg(m_dir.filePath(QStringLiteral("platform.pem")), m_certs->ca.certificatePath,
                 keepsSession ? QStringLiteral("yes") : QStringLiteral("no"))
            .toUtf8();
    return writeAdminFile(m_dir.filePath(name), text);
}

Run TestCliSignIn::run(const QString& admin,
                       const QStringList& args,
                       const QString& as,
                       bool* asked)
{
    *asked = false;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CPIS_DESK_ADMIN_FILE"), admin);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CPIS_CLI_EXE),
            QStringList{QStringLiteral("--profile"), QStringLiteral("local"),
                        QStringLiteral("--store"), m_dir.filePath(QStringLiteral("store"))} +
                args);
    QByteArray err;
    static const QRegularExpression address(QStringLiteral("browser at:\\n  (\\S+)\\n"));
    QUrl url;
    (void)QTest::qWaitFor(
        [&] {
            err += p.readAllStandardError();
            const auto m = address.match(QString::fromUtf8(err));
            if (m.hasMatch())
                url = QUrl(m.captured(1));
            return url.isValid() || p.state() == QProcess::NotRunning;
        },
        30000);
    if (url.isValid()) {
        *asked = true;
        if (as.isEmpty()) {
            p.kill();
            p.waitForFinished();
            return {-1, p.readAllStandardOutput(), err};
        }
        // The browser: the sandbox's pick of a test user, then its redirect to the loopback.
        QUrlQuery q(url);
        q.addQueryItem(QStringLiteral("user"), as);
        url.setQuery(q);
        QNetworkRequest pick(url);
        pick.setSslConfiguration(m_tls);
        pick.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                          QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply* r = m_browser.get(pick);
        QSignalSpy picked(r, &QNetworkReply::finished);
        picked.wait(20000);
        const QUrl callback(QString::fromUtf8(r->rawHeader("Location")));
        r->deleteLater();
        QNetworkReply* back = m_browser.get(QNetworkRequest(callback));
        QSignalSpy returned(back, &QNetworkReply::finished);
        returned.wait(20000);
        back->deleteLater();
    }
    if (!p.waitForFinished(60000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            err + p.readAllStandardError()};
}

bool TestCliSignIn::sessionStored() const
{
    const auto raw = m_keys->read(QStringLiteral("session:local"));
    return !raw || raw.value().has_value(); // unreadable counts as present: fail safe
}

QJsonObject TestCliSignIn::signOuts()
{
    QNetworkRequest req(QUrl(m_base + QStringLiteral("/_sandbox/sign-outs")));
    req.setSslConfiguration(m_tls);
    QNetworkReply* r = m_browser.get(req);
    QSignalSpy done(r, &QNetworkReply::finished);
    done.wait(20000);
    r->deleteLater();
    return QJsonDocument::fromJson(r->readAll()).object();
}

void TestCliSignIn::byDefaultEachProcessSignsInAndNothingIsKept()
{
    const QString admin = adminFile(QStringLiteral("admin-default.conf"), false);
    QVERIFY(!admin.isEmpty());
    const QStringList lookup{QStringLiteral("lookup"), QStringLiteral("9990000018")};
    for (int i = 0; i < 2; ++i) {
        // A new process finds no stored session and asks for a sign-in; `--user` changes
        // nothing where none is kept.
        bool asked = false;
        const Run r = run(admin, lookup + QStringList{QStringLiteral("--user"), kNurseUuid},
                          QStringLiteral("triage-nurse"), &asked);
        QVERIFY2(asked, r.err.constData());
        QVERIFY2(r.exitCode == 3, r.err.constData());
        QVERIFY(r.out.contains("CP-IS ALERT"));
        QVERIFY(!sessionStored());
    }
    bool asked = false;
    const Run login = run(admin, {QStringLiteral("login")}, {}, &asked);
    QCOMPARE(login.exitCode, 2);
    QVERIFY(!asked);
    QVERIFY2(login.err.contains("keeps no sign-in"), login.err.constData());
}

void TestCliSignIn::keptSessionServesOnlyTheCis2UserWhoSignedIn()
{
    const QString admin = adminFile(QStringLiteral("admin-keeps.conf"), true);
    QVERIFY(!admin.isEmpty());
    bool asked = false;
    const Run login = run(admin, {QStringLiteral("login")}, QStringLiteral("triage-nurse"), &asked);
    QVERIFY2(login.exitCode == 0, login.err.constData());
    QVERIFY2(login.out.contains(QByteArray("--user " + kNurseUuid.toLatin1())),
             login.out.constData());
    QVERIFY(sessionStored());

    // The nurse, in a later process: the stored session, nobody asked to sign in.
    const QStringList lookup{QStringLiteral("lookup"), QStringLiteral("9990000018")};
    Run r = run(admin, lookup + QStringList{QStringLiteral("--user"), kNurseUuid}, {}, &asked);
    QVERIFY2(!asked && r.exitCode == 3, r.err.constData());

    // The safeguarding lead at the same account: asked to sign in, and once they have, the
    // nurse's session is gone.
    r = run(admin, lookup + QStringList{QStringLiteral("--user"), kLeadUuid},
            QStringLiteral("safeguarding-lead"), &asked);
    QVERIFY2(asked, r.err.constData());
    QVERIFY2(r.exitCode == 3, r.err.constData());
    QVERIFY2(r.err.contains("another CIS2 user was dropped"), r.err.constData());
    QVERIFY(!sessionStored());

    // Nothing left for the nurse either: the next command asks again.
    r = run(admin, lookup + QStringList{QStringLiteral("--user"), kNurseUuid}, {}, &asked);
    QVERIFY(asked);
}

void TestCliSignIn::logoutEndsTheSessionAtTheProviderAndEmptiesTheKeychain()
{
    const QString admin = adminFile(QStringLiteral("admin-logout.conf"), true);
    QVERIFY(!admin.isEmpty());
    bool asked = false;
    const Run login = run(admin, {QStringLiteral("login")}, QStringLiteral("triage-nurse"), &asked);
    QVERIFY2(login.exitCode == 0, login.err.constData());
    QVERIFY(sessionStored());
    const QJsonObject before = signOuts();
    QVERIFY(before.contains(u"platformRevocations"));

    const Run out = run(admin, {QStringLiteral("logout")}, {}, &asked);
    QVERIFY2(out.exitCode == 0, out.err.constData());
    QVERIFY(!asked);
    QVERIFY2(out.out.contains("ended at NHS CIS2"), out.out.constData());
    QVERIFY(!sessionStored());
    const QJsonObject after = signOuts();
    QCOMPARE(after.value(u"endedSessions").toArray().last().toString(), kNurseUuid);
    QCOMPARE(after.value(u"endedSessions").toArray().size(),
             before.value(u"endedSessions").toArray().size() + 1);
    QCOMPARE(after.value(u"cis2Revocations").toInt(), before.value(u"cis2Revocations").toInt() + 1);
    QCOMPARE(after.value(u"platformRevocations").toInt(),
             before.value(u"platformRevocations").toInt() + 1);

    // With the session gone, a command asks for a sign-in again.
    const Run again = run(admin,
                          {QStringLiteral("lookup"), QStringLiteral("9990000018"),
                           QStringLiteral("--user"), kNurseUuid},
                          {}, &asked);
    QVERIFY2(asked, again.err.constData());
}

QTEST_GUILESS_MAIN(TestCliSignIn)
#include "tst_clisignin.moc"
