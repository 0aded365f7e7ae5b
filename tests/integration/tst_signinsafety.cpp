// The sign-in flow's own defences, against a scripted identity provider on loopback: no
// redirect followed from the token, userinfo or exchange endpoints (a 307 would re-post the
// code and verifier elsewhere, a 302 would forward the bearer token), a callback with another
// state answered 400 and ignored, a request line without end refused, a taken port named.
#include "core/crypto/Jwt.h"
#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/net/FhirTransport.h"
#include "core/signin/SignInFlow.h"
#include "tests/support/RecordingHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace cpis;
using cpis::testsupport::RecordingHttp;

namespace {
const QString kClient = QStringLiteral("969567331415.apps.national");
}

class TestSignInSafety : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void tokenEndpoint307IsNotFollowed();
    void userinfo302IsNotFollowed();
    void exchange307IsNotFollowed();
    void wrongStateIsIgnoredAndTheRightOneCompletes();
    void endlessRequestLineIsDropped();
    void takenPortIsNamed();
    void signOutEndsTheSessionWithTheCis2TokensOnly();
    void signOutRevokesThePlatformTokenAndSaysWhatFailed();

private:
    QString issuer() const { return m_op.baseUrl().toString() + QStringLiteral("/realm"); }
    RecordingHttp::Answer route(const RecordingHttp::Request& r);
    QByteArray idToken() const;
    SignInSettings settings() const;
    // Starts the flow and returns the authorization URL's query.
    QUrlQuery begin(SignInFlow& flow);
    QUrl callback(const QString& state, const QString& code = QStringLiteral("the-code")) const;
    int get(const QUrl& url);

    RecordingHttp m_op;
    RecordingHttp m_elsewhere{[](const RecordingHttp::Request&) {
        return RecordingHttp::Answer{200, "{}", "application/json", {}};
    }};
    std::optional<RsaKey> m_key;
    SignInCredentials m_credentials;
    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    QNetworkAccessManager m_nam;
    std::unique_ptr<FhirTransport> m_transport;
    QString m_nonce;
    quint16 m_port = 0;
    QByteArray m_tokenMode;    // "307" or "ok"
    QByteArray m_userinfoMode; // "302" or "ok"
    QByteArray m_exchangeMode; // "307" or "ok"
    QByteArray m_signOutMode;  // "503" or "ok": the provider's and platform's sign-out answers
};

void TestSignInSafety::initTestCase()
{
    m_key = RsaKey::generate().value();
    m_credentials.clientSecret = "secret";
    m_credentials.platformKey = *m_key;
    m_credentials.platformKeyId = QStringLiteral("p1");
    m_op.setRoute([this](const RecordingHttp::Request& r) { return route(r); });
    QVERIFY(m_op.listen());
    QVERIFY(m_elsewhere.listen());
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    m_port = probe.serverPort();
}

void TestSignInSafety::init()
{
    m_clock.set(QDateTime::currentDateTimeUtc());
    m_transport = std::make_unique<FhirTransport>(&m_nam, &m_clock, FhirTransport::Settings());
    m_tokenMode = m_userinfoMode = m_exchangeMode = m_signOutMode = "ok";
}

QByteArray TestSignInSafety::idToken() const
{
    const qint64 now = m_clock.nowUtc().toSecsSinceEpoch();
    return Jwt::sign({{QStringLiteral("kid"), QStringLiteral("op-1")}},
                     {{QStringLiteral("iss"), issuer()},
                      {QStringLiteral("sub"), QStringLiteral("656005750104")},
                      {QStringLiteral("aud"), kClient},
                      {QStringLiteral("azp"), kClient},
                      {QStringLiteral("iat"), now},
                      {QStringLiteral("exp"), now + 600},
                      {QStringLiteral("nonce"), m_nonce},
                      {QStringLiteral("acr"), QStringLiteral("AAL3_ANY")},
                      {QStringLiteral("selected_roleid"), QStringLiteral("555254242105")}},
                     *m_key, JwsAlgorithm::RS256)
        .value();
}

RecordingHttp::Answer TestSignInSafety::route(const RecordingHttp::Request& r)
{
    const QString path = QString::fromLatin1(r.target).section(u'?', 0, 0);
    const QString base = issuer();
    const QByteArray steal = m_elsewhere.baseUrl().toEncoded() + "/steal";
    if (path == u"/realm/.well-known/openid-configuration")
        return {200,
                QJsonDocument(
                    QJsonObject{
                        {QStringLiteral("issuer"), base},
                        {QStringLiteral("authorization_endpoint"), QString(base + u"/authorize")},
                        {QStringLiteral("token_endpoint"), QString(base + u"/access_token")},
                        {QStringLiteral("userinfo_endpoint"), QString(base + u"/userinfo")},
                        {QStringLiteral("jwks_uri"), QString(base + u"/jwks")},
                        {QStringLiteral("end_session_endpoint"),
                         QString(base + u"/connect/endSession")},
                        {QStringLiteral("revocation_endpoint"), QString(base + u"/token/revoke")}})
                    .toJson(),
                "application/json",
                {}};
    if (path == u"/realm/jwks")
        return {200,
                QJsonDocument(QJsonObject{{QStringLiteral("keys"),
                                           QJsonArray{m_key->publicJwk(QStringLiteral("op-1"),
                                                                       JwsAlgorithm::RS256)}}})
                    .toJson(),
                "application/json",
                {}};
    if (path == u"/realm/access_token") {
        if (m_tokenMode == "307")
            return {307, {}, {}, {{"Location", steal}}};
        return {200,
                "{\"access_token\":\"cis2-access\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                "\"id_token\":\"" +
                    idToken() + "\"}",
                "application/json",
                {}};
    }
    if (path == u"/realm/userinfo") {
        if (m_userinfoMode == "302")
            return {302, {}, {}, {{"Location", steal}}};
        return {200,
                QJsonDocument(
                    QJsonObject{
                        {QStringLiteral("sub"), QStringLiteral("656005750104")},
                        {QStringLiteral("name"), QStringLiteral("TestUserOne Caius Mr")},
                        {QStringLiteral("nhsid_nrbac_roles"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("person_roleid"), QStringLiteral("555254242105")},
                             {QStringLiteral("org_code"), QStringLiteral("RX1")},
                             {QStringLiteral("role_name"), QStringLiteral("\"A\":\"B\":\"Nurse\"")},
                             {QStringLiteral("activity_codes"),
                              QJsonArray{QStringLiteral("B0107")}}}}}})
                    .toJson(),
                "application/json",
                {}};
    }
    if (path == u"/oauth2/token") {
        if (m_exchangeMode == "307")
            return {307, {}, {}, {{"Location", steal}}};
        return {200,
                "{\"access_token\":\"platform\",\"expires_in\":\"599\",\"token_type\":\"Bearer\"}",
                "application/json",
                {}};
    }
    if (path == u"/realm/token/revoke" || path == u"/realm/connect/endSession" ||
        path == u"/oauth2/revoke") {
        if (m_signOutMode == "503")
            return {503, "{}", "application/json", {}};
        return {200, "{}", "application/json", {}};
    }
    return {404, {}, {}, {}};
}

SignInSettings TestSignInSafety::settings() const
{
    SignInSettings s;
    s.issuer = issuer();
    s.clientId = kClient;
    s.clientAuth = ClientAuthMethod::ClientSecretPost;
    s.redirectPort = m_port;
    QUrl token = m_op.baseUrl();
    token.setPath(QStringLiteral("/oauth2/token"));
    s.platformTokenUrl = token;
    s.platformApiKey = QStringLiteral("api-key");
    return s;
}

QUrlQuery TestSignInSafety::begin(SignInFlow& flow)
{
    QSignalSpy ready(&flow, &SignInFlow::authorizationUrlReady);
    if (!flow.start() || !(ready.size() > 0 || ready.wait(10000)))
        return {};
    const QUrlQuery q(ready.first().first().toUrl());
    m_nonce = q.queryItemValue(QStringLiteral("nonce"));
    return q;
}

QUrl TestSignInSafety::callback(const QString& state, const QString& code) const
{
    QUrl u(QStringLiteral("http://127.0.0.1:%1/callback").arg(m_port));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("code"), code);
    q.addQueryItem(QStringLiteral("state"), state);
    u.setQuery(q);
    return u;
}

int TestSignInSafety::get(const QUrl& url)
{
    QNetworkAccessManager browser;
    QNetworkReply* r = browser.get(QNetworkRequest(url));
    QSignalSpy done(r, &QNetworkReply::finished);
    if (!done.wait(10000))
        return -1;
    const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete r;
    return status;
}

void TestSignInSafety::tokenEndpoint307IsNotFollowed()
{
    m_tokenMode = "307";
    SignInFlow flow(m_transport.get(), &m_clock, settings(), m_credentials);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    const QUrlQuery q = begin(flow);
    QVERIFY(!q.isEmpty());
    QCOMPARE(get(callback(q.queryItemValue(QStringLiteral("state")))), 200);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY(signedIn.isEmpty());
    QVERIFY(m_elsewhere.requests().isEmpty()); // the code and verifier went nowhere else
}

void TestSignInSafety::userinfo302IsNotFollowed()
{
    m_userinfoMode = "302";
    SignInFlow flow(m_transport.get(), &m_clock, settings(), m_credentials);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    const QUrlQuery q = begin(flow);
    QCOMPARE(get(callback(q.queryItemValue(QStringLiteral("state")))), 200);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY2(failed.first().first().toString().contains(u"user details"),
             qPrintable(failed.first().first().toString()));
    QVERIFY(m_elsewhere.requests().isEmpty()); // the bearer token went nowhere else
}

void TestSignInSafety::exchange307IsNotFollowed()
{
    m_exchangeMode = "307";
    SignInFlow flow(m_transport.get(), &m_clock, settings(), m_credentials);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    const QUrlQuery q = begin(flow);
    QCOMPARE(get(callback(q.queryItemValue(QStringLiteral("state")))), 200);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY(m_elsewhere.requests().isEmpty()); // the ID token went nowhere else
}

void TestSignInSafety::wrongStateIsIgnoredAndTheRightOneCompletes()
{
    SignInFlow flow(m_transport.get(), &m_clock, settings(), m_credentials);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    const QUrlQuery q = begin(flow);
    const int tokenRequests = m_op.requests().size();
    // Any local process can knock: it is told 400, and nothing else happens.
    QCOMPARE(get(callback(QStringLiteral("someone-elses-state"))), 400);
    QCOMPARE(get(callback(QString())), 400);
    QVERIFY(failed.isEmpty() && signedIn.isEmpty());
    QCOMPARE(m_op.requests().size(), tokenRequests); // no code was redeemed
    // The provider's own answer still completes the sign-in.
    QCOMPARE(get(callback(q.queryItemValue(QStringLiteral("state")))), 200);
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
    QVERIFY(failed.isEmpty());
    const auto s = signedIn.first().first().value<UserSession>();
    QCOMPARE(s.accessToken, QByteArray("platform"));
    QCOMPARE(s.roleName, QStringLiteral("Nurse"));
}

void TestSignInSafety::endlessRequestLineIsDropped()
{
    SignInFlow flow(m_transport.get(), &m_clock, settings(), m_credentials);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    begin(flow);
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(s.waitForConnected(5000));
    s.write("GET /callback?state=" + QByteArray(SignInFlow::kMaxRequestLineBytes * 2, 'a'));
    QSignalSpy gone(&s, &QTcpSocket::disconnected);
    QVERIFY(gone.wait(10000));
    QVERIFY(failed.isEmpty()); // the flow is still waiting for its own answer
}

void TestSignInSafety::takenPortIsNamed()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, m_port));
    SignInFlow flow(m_transport.get(), &m_clock, settings(), m_credentials);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QVERIFY(!flow.start());
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QString::number(m_port)) &&
                 failed.first().first().toString().contains(u"another program"),
             qPrintable(failed.first().first().toString()));
}

QTEST_GUILESS_MAIN(TestSignInSafety)
void TestSignInSafety::signOutEndsTheSessionWithTheCis2TokensOnly()
{
    // Sign-out revokes CIS2's access token and ends the session with the ID token; the
    // platform's tokens are not the provider's and never go to it.
    UserSession session;
    session.identityAccessToken = "cis2-access-to-revoke";
    session.idToken = "id.token.hint";
    session.accessToken = "platform-access";
    session.refreshToken = "platform-refresh";
    const qsizetype before = m_op.requests().size();
    SignInFlow flow(m_transport.get(), &m_clock, settings(), m_credentials);
    bool done = false;
    QStringList problems{QStringLiteral("not called")};
    flow.signOut(session, [&](const QStringList& p) {
        problems = p;
        done = true;
    });
    wipe(session);
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    bool revoked = false, ended = false;
    for (qsizetype i = before; i < m_op.requests().size(); ++i) {
        const RecordingHttp::Request& r = m_op.requests().at(i);
        revoked = revoked || (r.target.startsWith("/realm/token/revoke") &&
                              r.body.contains("token=cis2-access-to-revoke"));
        // By POST, the hint in the body (which the transport wipes), never in the URL.
        ended = ended || (r.method == "POST" && r.target == "/realm/connect/endSession" &&
                          r.body.contains("id_token_hint=id.token.hint"));
        QVERIFY(!r.target.contains("platform") && !r.body.contains("platform"));
    }
    QVERIFY(revoked);
    QVERIFY(ended);
}

void TestSignInSafety::signOutRevokesThePlatformTokenAndSaysWhatFailed()
{
    SignInSettings s = settings();
    QUrl revoke = m_op.baseUrl();
    revoke.setPath(QStringLiteral("/oauth2/revoke"));
    s.platformRevocationUrl = revoke;
    const auto signOut = [&] {
        UserSession session;
        session.identityAccessToken = "cis2-access-to-revoke";
        session.idToken = "id.token.hint";
        session.accessToken = "platform-access";
        session.refreshToken = "platform-refresh";
        SignInFlow flow(m_transport.get(), &m_clock, s, m_credentials);
        std::optional<QStringList> problems;
        flow.signOut(session, [&problems](const QStringList& p) { problems = p; });
        wipe(session);
        (void)QTest::qWaitFor([&] { return problems.has_value(); }, 10000);
        return problems;
    };

    qsizetype before = m_op.requests().size();
    auto problems = signOut();
    QVERIFY(problems.has_value());
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
    bool platformRevoked = false;
    for (qsizetype i = before; i < m_op.requests().size(); ++i) {
        const RecordingHttp::Request& r = m_op.requests().at(i);
        if (r.target == "/oauth2/revoke") {
            // The platform's refresh token, to the platform only, with its RS512 assertion.
            platformRevoked = r.body.contains("token=platform-refresh") &&
                              r.body.contains("token_type_hint=refresh_token") &&
                              r.body.contains("client_assertion=");
            QVERIFY(!r.body.contains("cis2-access") && !r.body.contains("id.token.hint"));
        } else {
            QVERIFY(!r.body.contains("platform"));
        }
        QVERIFY(!r.body.contains("platform-access")); // the access token is dropped, not sent
    }
    QVERIFY(platformRevoked);

    // Nobody answers well: every step that failed is named, and sign-out still ends.
    m_signOutMode = "503";
    before = m_op.requests().size();
    problems = signOut();
    QVERIFY(problems.has_value());
    QCOMPARE(problems->size(), 3);
    const QString all = problems->join(u'\n');
    QVERIFY2(all.contains(u"did not revoke the session") &&
                 all.contains(u"did not revoke its access token") &&
                 all.contains(u"did not end the session"),
             qPrintable(all));
    int posts = 0; // a POST is never sent twice
    for (qsizetype i = before; i < m_op.requests().size(); ++i)
        posts += m_op.requests().at(i).method == "POST" ? 1 : 0;
    QCOMPARE(posts, 3);
}

#include "tst_signinsafety.moc"
