// The desk's sign-in against a certified OpenID Provider (oidc-provider) configured as NHS CIS2
// is described in ../shared/cis2.md, with the API platform's token exchange played by a
// recording loopback server: private_key_jwt and client_secret_post, role selection, acr,
// key rotation, and ID tokens that must be refused.
#include "core/crypto/Jwt.h"
#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "core/signin/OidcDiscovery.h"
#include "core/signin/SignInFlow.h"
#include "tests/support/Cis2Provider.h"
#include "tests/support/RecordingHttp.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace cpis;
using cpis::testsupport::Cis2Provider;
using cpis::testsupport::RecordingHttp;

namespace {

const QString kClient = QStringLiteral("969567331415.apps.national");
const QString kSecretClient = QStringLiteral("999999999999.apps.national");
const QString kApiKey = QStringLiteral("platform-api-key-123");

QJsonObject
role(const QString& id, const QString& org, const QString& name, const QStringList& codes)
{
    return {{QStringLiteral("person_orgid"), QString(id + QStringLiteral("9"))},
            {QStringLiteral("person_roleid"), id},
            {QStringLiteral("org_code"), org},
            {QStringLiteral("role_name"), name},
            {QStringLiteral("role_code"), QStringLiteral("S8000:G8000:R8001")},
            {QStringLiteral("activity_codes"), QJsonArray::fromStringList(codes)}};
}

QJsonObject org(const QString& code, const QString& name)
{
    return {{QStringLiteral("org_code"), code}, {QStringLiteral("org_name"), name}};
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    return s.serverPort();
}

} // namespace

class TestCis2SignIn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void privateKeyJwtSignsInAndExchanges();
    void clientSecretPost();
    void roleSelectionBetweenTwoRoles();
    void userWithoutRoleIsTold();
    void aal2UserRefusedWhenAal3Asked();
    void rotatedSigningKey();
    void wrongNonceRefused();
    void wrongAudienceRefused();
    void expiredIdTokenRefused();

private:
    SignInSettings settings() const;
    SignInCredentials credentials() const;
    // Runs one sign-in: names who signs in, follows the URL (after `tamper`), and returns the
    // session or the failure message.
    Result<UserSession, QString> signIn(SignInFlow& flow,
                                        const QString& account,
                                        const QString& role = {},
                                        const QString& aud = {},
                                        std::function<void(QUrl&)> tamper = {});

    std::unique_ptr<Cis2Provider> m_op;
    std::unique_ptr<RecordingHttp> m_platform;
    std::optional<RsaKey> m_clientKey;
    std::optional<RsaKey> m_platformKey;
    quint16 m_redirectPort = 0;
    QNetworkAccessManager m_nam;
    QNetworkAccessManager m_browser;
    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<FhirTransport> m_transport;
    QSet<QString> m_jtis;
    int m_exchanges = 0;
};

void TestCis2SignIn::initTestCase()
{
    CPIS_REQUIRE_CIS2_PROVIDER();
    m_clientKey = RsaKey::generate().value();
    m_platformKey = RsaKey::generate().value();
    m_redirectPort = freePort();
    const QString redirect = QStringLiteral("http://127.0.0.1:%1/callback").arg(m_redirectPort);
    const QJsonObject jwk =
        m_clientKey->publicJwk(QStringLiteral("desk-key-1"), JwsAlgorithm::RS512);
    QJsonObject keyClient{
        {QStringLiteral("client_id"), kClient},
        {QStringLiteral("application_type"), QStringLiteral("native")},
        {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("private_key_jwt")},
        {QStringLiteral("token_endpoint_auth_signing_alg"), QStringLiteral("RS512")},
        {QStringLiteral("jwks"), QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk}}}},
        {QStringLiteral("redirect_uris"), QJsonArray{redirect}},
        {QStringLiteral("grant_types"), QJsonArray{QStringLiteral("authorization_code")}},
        {QStringLiteral("response_types"), QJsonArray{QStringLiteral("code")}}};
    QJsonObject secretClient = keyClient;
    secretClient.remove(QStringLiteral("jwks"));
    secretClient.remove(QStringLiteral("token_endpoint_auth_signing_alg"));
    secretClient.insert(QStringLiteral("client_id"), kSecretClient);
    secretClient.insert(QStringLiteral("token_endpoint_auth_method"),
                        QStringLiteral("client_secret_post"));
    secretClient.insert(QStringLiteral("client_secret"),
                        QStringLiteral("a-client-secret-long-enough-0123456789"));

    const QJsonObject nurse{
        {QStringLiteral("name"), QStringLiteral("TestUserOne Caius Mr")},
        {QStringLiteral("roles"),
         QJsonArray{
             role(QStringLiteral("555254242105"), QStringLiteral("RX1"),
                  QStringLiteral("\"Clinical\":\"Clinical Provision\":\"Nurse Access Role\""),
                  {QStringLiteral("B0107")})}},
        {QStringLiteral("orgs"),
         QJsonArray{org(QStringLiteral("RX1"), QStringLiteral("Sandbox General Hospital"))}},
        {QStringLiteral("acr"), QStringLiteral("AAL3_ANY")}};
    const QJsonObject twoRoles{
        {QStringLiteral("name"), QStringLiteral("Two Roles Ms")},
        {QStringLiteral("roles"),
         QJsonArray{
             role(QStringLiteral("555254242106"), QStringLiteral("RX1"),
                  QStringLiteral("\"Clinical\":\"Clinical Provision\":\"Nurse Access Role\""),
                  {QStringLiteral("B0107")}),
             role(QStringLiteral("555254242107"), QStringLiteral("RX2"),
                  QStringLiteral("\"Clinical\":\"Health Visiting\":\"Health Visitor Access Role\""),
                  {QStringLiteral("B0170")})}},
        {QStringLiteral("orgs"),
         QJsonArray{org(QStringLiteral("RX1"), QStringLiteral("Sandbox General Hospital")),
                    org(QStringLiteral("RX2"), QStringLiteral("Sandbox Community Health"))}},
        {QStringLiteral("acr"), QStringLiteral("AAL3_ANY")}};
    QJsonObject aal2 = nurse;
    aal2.insert(QStringLiteral("acr"), QStringLiteral("AAL2_ANY"));
    QJsonObject noRole = nurse;
    noRole.insert(QStringLiteral("roles"), QJsonArray{});
    const QJsonObject config{
        {QStringLiteral("clients"), QJsonArray{keyClient, secretClient}},
        {QStringLiteral("accounts"), QJsonObject{{QStringLiteral("656005750104"), nurse},
                                                 {QStringLiteral("787807429511"), twoRoles},
                                                 {QStringLiteral("656005750105"), aal2},
                                                 {QStringLiteral("656005750106"), noRole}}}};
    m_op = std::make_unique<Cis2Provider>(config);
    QVERIFY(m_op->start({QStringLiteral("k1")}));

    // The API platform's token endpoint: checks the exchange as cis2.md §8 describes it.
    m_platform = std::make_unique<RecordingHttp>([this](const RecordingHttp::Request& r) {
        const QUrlQuery form(QString::fromLatin1(r.body));
        auto v = [&](const char* k) {
            return form.queryItemValue(QLatin1String(k), QUrl::FullyDecoded);
        };
        auto refuse = [](const char* why) {
            return RecordingHttp::Answer{
                400,
                QByteArray("{\"error\":\"invalid_request\",\"error_description\":\"") + why + "\"}",
                "application/json",
                {}};
        };
        if (v("grant_type") != u"urn:ietf:params:oauth:grant-type:token-exchange")
            return refuse("grant_type is invalid");
        if (v("subject_token_type") != u"urn:ietf:params:oauth:token-type:id_token")
            return refuse("missing or invalid subject_token_type");
        if (v("client_assertion_type") != u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            return refuse("Missing or invalid client_assertion_type");
        const auto a = Jwt::parse(v("client_assertion").toLatin1());
        if (!a || a->header.value(QLatin1String("alg")).toString() != u"RS512")
            return refuse("Invalid 'alg' header in client_assertion JWT - must be 'RS512'");
        if (a->header.value(QLatin1String("kid")).toString() != u"platform-kid-1")
            return refuse("Invalid 'kid' header in client_assertion JWT - no matching public key");
        if (!m_platformKey->verify(JwsAlgorithm::RS512, a->signingInput, a->signature))
            return refuse("Malformed JWT in client_assertion");
        const QJsonObject c = a->claims;
        if (c.value(QLatin1String("iss")).toString() != kApiKey ||
            c.value(QLatin1String("sub")).toString() != kApiKey)
            return refuse("Invalid 'iss'/'sub' claims in client_assertion JWT");
        if (c.value(QLatin1String("aud")).toString() !=
            m_platform->baseUrl().toString() + u"/oauth2/token")
            return refuse("Missing or invalid 'aud' claim in client_assertion JWT");
        const QString jti = c.value(QLatin1String("jti")).toString();
        if (jti.isEmpty() || m_jtis.contains(jti))
            return refuse("Non-unique 'jti' claim in client_assertion JWT");
        m_jtis.insert(jti);
        if (c.value(QLatin1String("exp")).toInteger() - m_clock.nowUtc().toSecsSinceEpoch() > 300)
            return refuse(
                "Invalid exp claim in client_assertion JWT - more than 5 minutes in future");
        if (!Jwt::parse(v("subject_token").toLatin1()))
            return refuse("Malformed JWT in subject_token");
        ++m_exchanges;
        return RecordingHttp::Answer{
            200,
            "{\"access_token\":\"platform-token-" + QByteArray::number(m_exchanges) +
                "\",\"expires_in\":\"599\",\"token_type\":\"Bearer\","
                "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\","
                "\"refresh_token\":\"platform-refresh\",\"refresh_token_expires_in\":\"43199\","
                "\"refresh_count\":\"0\"}",
            "application/json",
            {}};
    });
    QVERIFY(m_platform->listen());
}

void TestCis2SignIn::cleanupTestCase()
{
    if (m_op)
        m_op->stop();
}

void TestCis2SignIn::init()
{
    m_clock.set(QDateTime::currentDateTimeUtc());
    m_transport = std::make_unique<FhirTransport>(&m_nam, &m_clock, FhirTransport::Settings());
}

SignInSettings TestCis2SignIn::settings() const
{
    SignInSettings s;
    s.issuer = m_op->issuer();
    s.clientId = kClient;
    s.clientAuth = ClientAuthMethod::PrivateKeyJwt;
    s.clientSigningAlg = QStringLiteral("RS512");
    s.redirectPort = m_redirectPort;
    s.acrValues = QStringLiteral("AAL2_OR_AAL3_ANY");
    QUrl token = m_platform->baseUrl();
    token.setPath(QStringLiteral("/oauth2/token"));
    s.platformTokenUrl = token;
    s.platformApiKey = kApiKey;
    return s;
}

SignInCredentials TestCis2SignIn::credentials() const
{
    SignInCredentials c;
    c.clientKey = *m_clientKey;
    c.clientKeyId = QStringLiteral("desk-key-1");
    c.clientAlg = JwsAlgorithm::RS512;
    c.platformKey = *m_platformKey;
    c.platformKeyId = QStringLiteral("platform-kid-1");
    return c;
}

Result<UserSession, QString> TestCis2SignIn::signIn(SignInFlow& flow,
                                                    const QString& account,
                                                    const QString& roleId,
                                                    const QString& aud,
                                                    std::function<void(QUrl&)> tamper)
{
    if (!m_op->setNext(m_nam, account, roleId, aud))
        return QStringLiteral("the provider did not take the next sign-in");
    QSignalSpy ready(&flow, &SignInFlow::authorizationUrlReady);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    if (!flow.start())
        return failed.isEmpty() ? QStringLiteral("no start") : failed.first().first().toString();
    if (ready.isEmpty() && !ready.wait(10000))
        return failed.isEmpty() ? QStringLiteral("no authorization URL")
                                : failed.first().first().toString();
    QUrl url = ready.first().first().toUrl();
    if (tamper)
        tamper(url);
    Cis2Provider::follow(m_browser, url);
    if (!QTest::qWaitFor([&] { return signedIn.size() + failed.size() > 0; }, 20000))
        return QStringLiteral("the sign-in did not end");
    if (!failed.isEmpty())
        return failed.first().first().toString();
    return signedIn.first().first().value<UserSession>();
}

void TestCis2SignIn::privateKeyJwtSignsInAndExchanges()
{
    SignInFlow flow(m_transport.get(), &m_clock, settings(), credentials());
    QSignalSpy ready(&flow, &SignInFlow::authorizationUrlReady);
    const auto s = signIn(flow, QStringLiteral("656005750104"));
    QVERIFY2(s, s ? "" : qPrintable(s.error()));
    // What was asked for, as CIS2 expects it.
    const QUrlQuery q(ready.first().first().toUrl());
    QCOMPARE(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("openid profile nationalrbacaccess associatedorgs selectedrole"));
    QCOMPARE(q.queryItemValue(QStringLiteral("prompt")), QStringLiteral("login"));
    QCOMPARE(q.queryItemValue(QStringLiteral("acr_values")), QStringLiteral("AAL2_OR_AAL3_ANY"));
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QVERIFY(!q.queryItemValue(QStringLiteral("nonce")).isEmpty());
    QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             QStringLiteral("http://127.0.0.1:%1/callback").arg(m_redirectPort));

    QCOMPARE(s->userId, QStringLiteral("656005750104"));
    QCOMPARE(s->name, QStringLiteral("TestUserOne Caius Mr"));
    QCOMPARE(s->roleId, QStringLiteral("555254242105"));
    QCOMPARE(s->roleName, QStringLiteral("Nurse Access Role"));
    QCOMPARE(s->organisationCode, QStringLiteral("RX1"));
    QCOMPARE(s->organisationName, QStringLiteral("Sandbox General Hospital"));
    QVERIFY(s->canViewCpis());
    // The session carries the platform's token for the APIs; CIS2's stay apart.
    QVERIFY(s->accessToken.startsWith("platform-token-"));
    QCOMPARE(s->refreshToken, QByteArray("platform-refresh"));
    QVERIFY(!s->identityAccessToken.isEmpty() && s->identityAccessToken != s->accessToken);
    QCOMPARE(s->accessExpiresUtc, m_clock.nowUtc().addSecs(599));
    const auto& exchange = m_platform->requests().constLast();
    QCOMPARE(QUrlQuery(QString::fromLatin1(exchange.body))
                 .queryItemValue(QStringLiteral("subject_token"), QUrl::FullyDecoded)
                 .toLatin1(),
             s->idToken);
}

void TestCis2SignIn::clientSecretPost()
{
    SignInSettings st = settings();
    st.clientId = kSecretClient;
    st.clientAuth = ClientAuthMethod::ClientSecretPost;
    SignInCredentials c = credentials();
    c.clientKey.reset();
    c.clientSecret = "a-client-secret-long-enough-0123456789";
    SignInFlow flow(m_transport.get(), &m_clock, st, c);
    const auto s = signIn(flow, QStringLiteral("656005750104"));
    QVERIFY2(s, s ? "" : qPrintable(s.error()));

    // The wrong secret: the provider's refusal, never a session.
    c.clientSecret = "not-the-secret-not-the-secret-000000";
    SignInFlow wrong(m_transport.get(), &m_clock, st, c);
    const auto w = signIn(wrong, QStringLiteral("656005750104"));
    QVERIFY(!w);
    QVERIFY2(w.error().contains(QStringLiteral("Sign-in failed")), qPrintable(w.error()));
}

void TestCis2SignIn::roleSelectionBetweenTwoRoles()
{
    SignInFlow first(m_transport.get(), &m_clock, settings(), credentials());
    const auto a = signIn(first, QStringLiteral("787807429511"), QStringLiteral("555254242106"));
    QVERIFY2(a, a ? "" : qPrintable(a.error()));
    QCOMPARE(a->roleId, QStringLiteral("555254242106"));
    QCOMPARE(a->organisationName, QStringLiteral("Sandbox General Hospital"));
    QCOMPARE(a->activityCodes, QStringList{QStringLiteral("B0107")});

    SignInFlow second(m_transport.get(), &m_clock, settings(), credentials());
    const auto b = signIn(second, QStringLiteral("787807429511"), QStringLiteral("555254242107"));
    QVERIFY2(b, b ? "" : qPrintable(b.error()));
    QCOMPARE(b->roleId, QStringLiteral("555254242107"));
    QCOMPARE(b->roleName, QStringLiteral("Health Visitor Access Role"));
    QCOMPARE(b->organisationCode, QStringLiteral("RX2"));
    QCOMPARE(b->organisationName, QStringLiteral("Sandbox Community Health"));
    QCOMPARE(b->activityCodes, QStringList{QStringLiteral("B0170")});
}

void TestCis2SignIn::userWithoutRoleIsTold()
{
    SignInFlow flow(m_transport.get(), &m_clock, settings(), credentials());
    const auto s = signIn(flow, QStringLiteral("656005750106"));
    QVERIFY(!s);
    QVERIFY2(s.error().contains(QStringLiteral("no selected role")), qPrintable(s.error()));
}

void TestCis2SignIn::aal2UserRefusedWhenAal3Asked()
{
    SignInSettings st = settings();
    st.acrValues = QStringLiteral("AAL3_ANY");
    SignInFlow flow(m_transport.get(), &m_clock, st, credentials());
    const int before = m_exchanges;
    const auto s = signIn(flow, QStringLiteral("656005750105"));
    QVERIFY(!s);
    QVERIFY2(s.error().contains(QStringLiteral("weaker")), qPrintable(s.error()));
    QCOMPARE(m_exchanges, before); // nothing reached the platform

    // The same user is fine where AAL2 is enough.
    SignInFlow ok(m_transport.get(), &m_clock, settings(), credentials());
    const auto s2 = signIn(ok, QStringLiteral("656005750105"));
    QVERIFY2(s2, s2 ? "" : qPrintable(s2.error()));
}

void TestCis2SignIn::rotatedSigningKey()
{
    // One discovery cache across both sign-ins, as a running desk keeps it.
    OidcDiscovery discovery(m_transport.get(), &m_clock, m_op->issuer());
    SignInFlow before(m_transport.get(), &m_clock, settings(), credentials(), &discovery);
    const auto a = signIn(before, QStringLiteral("656005750104"));
    QVERIFY2(a, a ? "" : qPrintable(a.error()));
    QCOMPARE(Jwt::parse(a->idToken)->header.value(QLatin1String("kid")).toString(),
             QStringLiteral("k1"));

    // The provider restarts signing with k2, still publishing k1.
    const quint16 port = m_op->port();
    m_op->stop();
    QVERIFY(m_op->start({QStringLiteral("k2"), QStringLiteral("k1")}, port));
    SignInFlow after(m_transport.get(), &m_clock, settings(), credentials(), &discovery);
    const auto b = signIn(after, QStringLiteral("656005750104"));
    QVERIFY2(b, b ? "" : qPrintable(b.error()));
    QCOMPARE(Jwt::parse(b->idToken)->header.value(QLatin1String("kid")).toString(),
             QStringLiteral("k2"));
}

void TestCis2SignIn::wrongNonceRefused()
{
    SignInFlow flow(m_transport.get(), &m_clock, settings(), credentials());
    // A code obtained for another nonce (an injected authorization response).
    const auto s = signIn(flow, QStringLiteral("656005750104"), {}, {}, [](QUrl& url) {
        QUrlQuery q(url);
        q.removeAllQueryItems(QStringLiteral("nonce"));
        q.addQueryItem(QStringLiteral("nonce"), QStringLiteral("someone-elses-nonce"));
        url.setQuery(q);
    });
    QVERIFY(!s);
    QVERIFY2(s.error().contains(QStringLiteral("does not belong to this sign-in")),
             qPrintable(s.error()));
}

void TestCis2SignIn::wrongAudienceRefused()
{
    SignInFlow flow(m_transport.get(), &m_clock, settings(), credentials());
    const auto s =
        signIn(flow, QStringLiteral("656005750104"), {}, QStringLiteral("another.apps.national"));
    QVERIFY(!s);
    QVERIFY2(s.error().contains(QStringLiteral("another application")), qPrintable(s.error()));
}

void TestCis2SignIn::expiredIdTokenRefused()
{
    SignInFlow flow(m_transport.get(), &m_clock, settings(), credentials());
    // The desk's clock is past the ID token's hour by the time the token arrives.
    const auto s = signIn(flow, QStringLiteral("656005750104"), {}, {},
                          [this](QUrl&) { m_clock.advanceSecs(3600 + 120); });
    QVERIFY(!s);
    QVERIFY2(s.error().contains(QStringLiteral("expired")), qPrintable(s.error()));
}

QTEST_GUILESS_MAIN(TestCis2SignIn)
#include "tst_cis2signin.moc"
