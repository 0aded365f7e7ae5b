// The sandbox's CIS2-shaped sign-in over real HTTP (plain and TLS) on loopback, and the desk's
// own sign-in flow against it.
#include "core/crypto/RsaKey.h"
#include "core/net/FhirTransport.h"
#include "core/profile/ServiceProfile.h"
#include "core/signin/ClientAssertion.h"
#include "core/signin/SignInFlow.h"
#include "sandbox/endpoints/Cis2Realm.h"
#include "tests/support/SandboxContractFixture.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using cpis::sandbox::SandboxServer;
using namespace sandboxtest;

class TestSandboxSignIn : public SandboxContractFixture
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(prepareTls(), "openssl could not make a certificate"); }
    void signInOverHttp_data() { schemes(); }
    void signInOverHttp();
    void clientSignInFlowAgainstSandbox();
    void exchangeRefusesWhatThePlatformRefuses();
};

void TestSandboxSignIn::signInOverHttp()
{
    QFETCH(bool, tls);
    auto server = start(tls);
    QVERIFY(server);
    const QByteArray verifier = "a-verifier-that-is-long-enough-for-rfc-7636-0123456789";
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("cpis-desk"));
    q.addQueryItem(QStringLiteral("redirect_uri"),
                   QStringLiteral("http://127.0.0.1:5555/callback"));
    q.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid nationalrbacaccess"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("xyz"));
    q.addQueryItem(QStringLiteral("code_challenge"),
                   QString::fromLatin1(cpis::SignInFlow::codeChallenge(verifier)));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    QUrl authorize = server->baseUrl();
    authorize.setPath(QStringLiteral("/oauth2/authorize"));
    authorize.setQuery(q);

    // The pick page lists every test user.
    HttpResult r = request(m_nam, "GET", authorize, {}, {m_cert});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("content-type").startsWith("text/html"));
    for (const auto& u : server->signIn().users())
        QVERIFY(r.body.contains(QByteArray("user=" + u.id.toLatin1())));

    // A non-loopback redirect is refused.
    QUrlQuery evil = q;
    evil.removeAllQueryItems(QStringLiteral("redirect_uri"));
    evil.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://evil.example/cb"));
    QUrl evilUrl = authorize;
    evilUrl.setQuery(evil);
    QCOMPARE(request(m_nam, "GET", evilUrl, {}, {m_cert}).status, 400);

    // user=<id> picks without a page and redirects with code and state.
    QUrlQuery pick = q;
    pick.addQueryItem(QStringLiteral("user"), QStringLiteral("triage-nurse"));
    QUrl pickUrl = authorize;
    pickUrl.setQuery(pick);
    r = request(m_nam, "GET", pickUrl, {}, {m_cert});
    QCOMPARE(r.status, 302);
    const QUrl location(QString::fromLatin1(r.header("location")));
    QCOMPARE(location.port(), 5555);
    const QUrlQuery back(location);
    QCOMPARE(back.queryItemValue(QStringLiteral("state")), QStringLiteral("xyz"));
    const QString code = back.queryItemValue(QStringLiteral("code"));
    QVERIFY(!code.isEmpty());

    QUrl tokenUrl = server->baseUrl();
    tokenUrl.setPath(QStringLiteral("/oauth2/token"));
    const Headers form{{"Content-Type", "application/x-www-form-urlencoded"}};
    auto exchange = [&](const QByteArray& v) {
        return request(m_nam, "POST", tokenUrl, form, {m_cert},
                       "grant_type=authorization_code&code=" + code.toLatin1() +
                           "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback"
                           "&client_id=cpis-desk&code_verifier=" +
                           v);
    };
    r = exchange("wrong-verifier-wrong-verifier-wrong-verifier-0000");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_grant"));
    // The failed attempt used the code up.
    QCOMPARE(exchange(verifier).status, 400);

    r = request(m_nam, "GET", pickUrl, {}, {m_cert});
    const QString code2 = QUrlQuery(QUrl(QString::fromLatin1(r.header("location"))))
                              .queryItemValue(QStringLiteral("code"));
    r = request(m_nam, "POST", tokenUrl, form, {m_cert},
                "grant_type=authorization_code&code=" + code2.toLatin1() +
                    "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback"
                    "&client_id=cpis-desk&code_verifier=" +
                    verifier);
    QCOMPARE(r.status, 200);
    const QJsonObject tokens = r.json();
    QCOMPARE(tokens.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(tokens.value(QLatin1String("expires_in")).toInt(), 3600);
    const QByteArray access = tokens.value(QLatin1String("access_token")).toString().toLatin1();
    const QByteArray refresh = tokens.value(QLatin1String("refresh_token")).toString().toLatin1();

    QUrl userinfo = server->baseUrl();
    userinfo.setPath(QStringLiteral("/oauth2/userinfo"));
    r = request(m_nam, "GET", userinfo, {{"Authorization", "Bearer " + access}}, {m_cert});
    QCOMPARE(r.status, 200);
    const QJsonObject info = r.json();
    QCOMPARE(info.value(QLatin1String("name")).toString(), QStringLiteral("Amelia Hughes"));
    const QJsonObject role =
        info.value(QLatin1String("nhsid_nrbac_roles")).toArray().first().toObject();
    QCOMPARE(role.value(QLatin1String("org_code")).toString(), QStringLiteral("RX1"));
    QCOMPARE(role.value(QLatin1String("activity_codes")).toArray().first().toString(),
             QStringLiteral("B0107"));

    // Expiry by the clock, then refresh.
    m_clock.advanceSecs(3601);
    QCOMPARE(
        request(m_nam, "GET", userinfo, {{"Authorization", "Bearer " + access}}, {m_cert}).status,
        401);
    r = request(m_nam, "POST", tokenUrl, form, {m_cert},
                "grant_type=refresh_token&client_id=cpis-desk&refresh_token=" + refresh);
    QCOMPARE(r.status, 200);
    const QByteArray fresh = r.json().value(QLatin1String("access_token")).toString().toLatin1();
    QVERIFY(fresh != access);
    QCOMPARE(
        request(m_nam, "GET", userinfo, {{"Authorization", "Bearer " + fresh}}, {m_cert}).status,
        200);
    // Refresh tokens rotate.
    QCOMPARE(request(m_nam, "POST", tokenUrl, form, {m_cert},
                     "grant_type=refresh_token&client_id=cpis-desk&refresh_token=" + refresh)
                 .status,
             400);
}

void TestSandboxSignIn::clientSignInFlowAgainstSandbox()
{
    // The desk's own sign-in code against the sandbox's CIS2 realm and token exchange, with the
    // "browser" step done by following the pick link.
    auto server = start(false);
    QVERIFY(server);
    // The desk and the sandbox on one clock: the sandbox's may be pinned to a date.
    QNetworkAccessManager nam;
    cpis::FhirTransport transport(&nam, &m_clock, cpis::FhirTransport::Settings());
    const cpis::ServiceProfile profile =
        cpis::ServiceProfile::training().withSandbox(server->baseUrl());
    QVERIFY(profile.signIn.issuer.endsWith(
        u"/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare"));
    const auto credentials = cpis::SignInCredentials::ephemeral();
    for (const QJsonObject& jwk : credentials.publicJwks())
        server->cis2().registerKey(jwk);
    cpis::SignInFlow flow(&transport, &m_clock, profile.signIn, credentials);
    QSignalSpy ready(&flow, &cpis::SignInFlow::authorizationUrlReady);
    QSignalSpy signedIn(&flow, &cpis::SignInFlow::signedIn);
    QSignalSpy failed(&flow, &cpis::SignInFlow::failed);
    QVERIFY(flow.start());
    QTRY_COMPARE(ready.size(), 1);
    QUrl url = ready.first().first().toUrl();
    QUrlQuery q(url);
    q.addQueryItem(QStringLiteral("user"), QStringLiteral("school-nurse"));
    url.setQuery(q);
    QNetworkRequest browser(url); // follows the 302 to the desk's loopback listener
    QNetworkReply* reply = nam.get(browser);
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.size() + failed.size() > 0, 10000);
    reply->deleteLater();
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const auto session = signedIn.first().first().value<cpis::UserSession>();
    QCOMPARE(session.name, QStringLiteral("Priya Shah"));
    QCOMPARE(session.roleId, QStringLiteral("100000000002"));
    QCOMPARE(session.roleName, QStringLiteral("School Nurse"));
    QCOMPARE(session.organisationCode, QStringLiteral("RX2"));
    QCOMPARE(session.organisationName, QStringLiteral("Sandbox Community Health NHS Trust"));
    QCOMPARE(session.activityCodes, QStringList{QStringLiteral("B0170")});
    // The APIs take the exchanged platform token, never CIS2's own access token.
    QVERIFY(server->signIn().userForToken(session.accessToken).has_value());
    QVERIFY(!session.identityAccessToken.isEmpty());
    QVERIFY(!server->signIn().userForToken(session.identityAccessToken).has_value());
}

void TestSandboxSignIn::exchangeRefusesWhatThePlatformRefuses()
{
    auto server = start(false);
    QVERIFY(server);
    QUrl token = server->baseUrl();
    token.setPath(QStringLiteral("/oauth2/token"));
    const Headers form{{"Content-Type", "application/x-www-form-urlencoded"}};
    const QByteArray exchange =
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange"
        "&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aid_token"
        "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer";
    // No assertion; then one whose kid no registered key has.
    HttpResult r = request(m_nam, "POST", token, form, {}, exchange + "&subject_token=a.b.c");
    QCOMPARE(r.status, 400);
    QVERIFY(r.json()
                .value(QLatin1String("error_description"))
                .toString()
                .contains(u"Missing client_assertion"));
    const auto key = cpis::RsaKey::generate().value();
    const auto assertion = cpis::ClientAssertion::make(
        key, cpis::JwsAlgorithm::RS512, QStringLiteral("unknown-kid"),
        QStringLiteral("training-api-key"), token.toString(), m_clock.nowUtc());
    r = request(m_nam, "POST", token, form, {},
                exchange + "&subject_token=a.b.c&client_assertion=" + assertion.value());
    QCOMPARE(r.status, 401);
    QVERIFY(r.json()
                .value(QLatin1String("error_description"))
                .toString()
                .contains(u"no matching public key"));
    // RS256 is refused by name: the platform takes only RS512.
    server->cis2().registerKey(key.publicJwk(QStringLiteral("k"), cpis::JwsAlgorithm::RS512));
    const auto rs256 = cpis::ClientAssertion::make(
        key, cpis::JwsAlgorithm::RS256, QStringLiteral("k"), QStringLiteral("training-api-key"),
        token.toString(), m_clock.nowUtc());
    r = request(m_nam, "POST", token, form, {},
                exchange + "&subject_token=a.b.c&client_assertion=" + rs256.value());
    QCOMPARE(r.status, 400);
    QVERIFY(r.json().value(QLatin1String("error_description")).toString().contains(u"RS512"));
    // A well-made assertion with a subject token that is not one of CIS2's ID tokens.
    const auto good = cpis::ClientAssertion::make(
        key, cpis::JwsAlgorithm::RS512, QStringLiteral("k"), QStringLiteral("training-api-key"),
        token.toString(), m_clock.nowUtc());
    r = request(m_nam, "POST", token, form, {},
                exchange + "&subject_token=" + good.value() + "&client_assertion=" + good.value());
    QCOMPARE(r.status, 401);
    // The same jti twice: refused as the platform does.
    r = request(m_nam, "POST", token, form, {},
                exchange + "&subject_token=a.b.c&client_assertion=" + good.value());
    QCOMPARE(r.status, 401);
    QVERIFY(r.json()
                .value(QLatin1String("error_description"))
                .toString()
                .contains(u"Non-unique 'jti'"));
}

QTEST_GUILESS_MAIN(TestSandboxSignIn)
#include "tst_sandboxsignin.moc"
