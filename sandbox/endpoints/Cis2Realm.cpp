#include "sandbox/endpoints/Cis2Realm.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace cpis::sandbox {

const QString Cis2Realm::kPath =
    QStringLiteral("/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare");
const QByteArray Cis2Realm::kTrainingClientSecret = QByteArrayLiteral("sandbox-client-secret");
const QString Cis2Realm::kTrainingApiKey = QStringLiteral("training-api-key");

namespace {
constexpr const char* kAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
constexpr const char* kIdTokenType = "urn:ietf:params:oauth:token-type:id_token";
const QString kKid = QStringLiteral("sandbox-cis2-1");

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

SignInService::Answer ok(const QJsonObject& o)
{
    return {200, "application/json", json(o), {}};
}

QUrlQuery formOf(const QByteArray& body)
{
    return QUrlQuery(QString::fromUtf8(body).replace(u'+', u' '));
}

QString value(const QUrlQuery& q, const char* key)
{
    return q.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
}

// CIS2's role_name: the quoted names of the role's three SDS levels.
QString cis2RoleName(const TestUser& u)
{
    return QStringLiteral("\"Clinical\":\"Clinical Provision\":\"%1\"").arg(u.roleName);
}
} // namespace

bool Cis2Realm::isExchange(const QByteArray& body)
{
    return value(formOf(body), "grant_type") == u"urn:ietf:params:oauth:grant-type:token-exchange";
}

Cis2Realm::Cis2Realm(const Clock* clock, SeededRandom& random, SignInService& signIn)
    : m_clock(clock), m_random(random), m_signIn(signIn)
{}

const SandboxKey& Cis2Realm::signingKey()
{
    if (!m_key)
        m_key = SandboxKey::generate();
    return *m_key;
}

void Cis2Realm::registerKey(const QJsonObject& jwk)
{
    if (auto k = SandboxKey::fromJwk(jwk))
        m_registered.insert(jwk.value(QLatin1String("kid")).toString(), *k);
}

QJsonObject Cis2Realm::discovery(const QString& issuer) const
{
    return {
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("authorization_endpoint"), QString(issuer + QStringLiteral("/authorize"))},
        {QStringLiteral("token_endpoint"), QString(issuer + QStringLiteral("/access_token"))},
        {QStringLiteral("userinfo_endpoint"), QString(issuer + QStringLiteral("/userinfo"))},
        {QStringLiteral("jwks_uri"), QString(issuer + QStringLiteral("/connect/jwk_uri"))},
        {QStringLiteral("end_session_endpoint"),
         QString(issuer + QStringLiteral("/connect/endSession"))},
        {QStringLiteral("revocation_endpoint"), QString(issuer + QStringLiteral("/token/revoke"))},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("public")}},
        {QStringLiteral("id_token_signing_alg_values_supported"),
         QJsonArray{QStringLiteral("RS256")}},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
         QJsonArray{QStringLiteral("private_key_jwt"), QStringLiteral("client_secret_post")}},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        {QStringLiteral("acr_values_supported"),
         QJsonArray{QStringLiteral("AAL3_ANY"), QStringLiteral("AAL2_OR_AAL3_ANY"),
                    QStringLiteral("AAL2_ANY")}},
        {QStringLiteral("scopes_supported"),
         QJsonArray{QStringLiteral("openid"), QStringLiteral("profile"),
                    QStringLiteral("nationalrbacaccess"), QStringLiteral("associatedorgs"),
                    QStringLiteral("selectedrole")}}};
}

Cis2Realm::Answer Cis2Realm::answer(const QByteArray& method,
                                    const QString& path,
                                    const QUrlQuery& query,
                                    const QByteArray& body,
                                    const QByteArray& authorization,
                                    const QString& origin)
{
    const QString issuer = origin + kPath;
    const QString rest = path.mid(kPath.size());
    if (rest == u"/.well-known/openid-configuration" && method == "GET")
        return ok(discovery(issuer));
    if (rest == u"/connect/jwk_uri" && method == "GET")
        return {200,
                "application/jwk-set+json",
                json({{QStringLiteral("keys"), QJsonArray{signingKey().publicJwk(kKid)}}}),
                {}};
    if (rest == u"/authorize" && method == "GET") {
        if (value(query, "nonce").isEmpty() ||
            !value(query, "scope").split(u' ').contains(u"openid"))
            return SignInService::oauthError(
                400, QStringLiteral("invalid_request"),
                QStringLiteral("scope openid and a nonce are required"));
        return query.hasQueryItem(QStringLiteral("user"))
                   ? m_signIn.authorizeAndIssueCode(query, kPath + QStringLiteral("/authorize"))
                   : m_signIn.authorize(query, kPath + QStringLiteral("/authorize"));
    }
    if (rest == u"/access_token" && method == "POST")
        return accessToken(body, issuer);
    if (rest == u"/userinfo" && method == "GET")
        return userinfo(authorization);
    if (rest == u"/token/revoke" && method == "POST") {
        m_access.remove(value(formOf(body), "token").toLatin1());
        ++m_signOuts.cis2Revocations;
        return ok({});
    }
    // RP-initiated logout by GET (the hint in the query) or POST (in the form).
    if (rest == u"/connect/endSession" && (method == "GET" || method == "POST")) {
        QJsonObject header, claims;
        const QByteArray hint =
            value(method == "POST" ? formOf(body) : query, "id_token_hint").toLatin1();
        if (!SandboxKey::decode(hint, &header, &claims) || !signingKey().verifies(hint, "RS256"))
            return SignInService::oauthError(400, QStringLiteral("invalid_request"),
                                             QStringLiteral("id_token_hint is not ours"));
        // Every CIS2 access token of that user ends with the session.
        const QString sub = claims.value(QLatin1String("sub")).toString();
        for (auto it = m_access.begin(); it != m_access.end();) {
            const auto u = m_signIn.user(it.value());
            it = u && u->userUid == sub ? m_access.erase(it) : std::next(it);
        }
        m_signOuts.endedSessions << sub;
        return ok({{QStringLiteral("ended"), true}});
    }
    return SignInService::oauthError(404, QStringLiteral("not_found"),
                                     QStringLiteral("no such endpoint"));
}

std::optional<QString> Cis2Realm::assertionProblem(const QByteArray& assertion,
                                                   const QString& client,
                                                   const QString& audience,
                                                   const QByteArray& alg)
{
    QJsonObject header, claims;
    if (!SandboxKey::decode(assertion, &header, &claims))
        return QStringLiteral("Malformed JWT in client_assertion");
    const QString kid = header.value(QLatin1String("kid")).toString();
    if (kid.isEmpty())
        return QStringLiteral("Missing 'kid' header in client_assertion JWT");
    const auto key = m_registered.constFind(kid);
    if (key == m_registered.constEnd())
        return QStringLiteral(
            "Invalid 'kid' header in client_assertion JWT - no matching public key");
    const QByteArray used = header.value(QLatin1String("alg")).toString().toLatin1();
    if ((!alg.isEmpty() && used != alg) || !key->verifies(assertion, used))
        return QStringLiteral("JWT is not valid");
    if (claims.value(QLatin1String("iss")).toString() != client ||
        claims.value(QLatin1String("sub")).toString() != client)
        return QStringLiteral("Invalid 'iss'/'sub' claims in client_assertion JWT");
    if (claims.value(QLatin1String("aud")).toString() != audience)
        return QStringLiteral("Missing or invalid 'aud' claim in client_assertion JWT");
    const qint64 now = m_clock->nowUtc().toSecsSinceEpoch();
    const qint64 exp = claims.value(QLatin1String("exp")).toInteger();
    if (exp <= now || exp > now + 300)
        return QStringLiteral("Invalid exp claim in client_assertion JWT - expired or more than 5 "
                              "minutes in future");
    const QString jti = claims.value(QLatin1String("jti")).toString();
    if (jti.isEmpty() || m_jtis.contains(jti))
        return QStringLiteral("Non-unique 'jti' claim in client_assertion JWT");
    m_jtis.insert(jti);
    return std::nullopt;
}

Cis2Realm::Answer Cis2Realm::accessToken(const QByteArray& body, const QString& issuer)
{
    const QUrlQuery form = formOf(body);
    if (value(form, "grant_type") != u"authorization_code")
        return SignInService::oauthError(400, QStringLiteral("unsupported_grant_type"),
                                         QStringLiteral("grant_type must be authorization_code"));
    const QString client = value(form, "client_id");
    if (form.hasQueryItem(QStringLiteral("client_assertion"))) {
        if (value(form, "client_assertion_type") != QLatin1String(kAssertionType))
            return SignInService::oauthError(401, QStringLiteral("invalid_client"),
                                             QStringLiteral("Client authentication failed"));
        if (auto bad = assertionProblem(value(form, "client_assertion").toLatin1(), client,
                                        issuer + QStringLiteral("/access_token"), {}))
            return SignInService::oauthError(401, QStringLiteral("invalid_client"), *bad);
    } else if (value(form, "client_secret").toUtf8() != kTrainingClientSecret) {
        return SignInService::oauthError(401, QStringLiteral("invalid_client"),
                                         QStringLiteral("Client authentication failed"));
    }
    SignInService::Answer refused;
    const auto redeemed = m_signIn.redeemCode(form, &refused);
    if (!redeemed)
        return refused;
    const auto u = m_signIn.user(redeemed->userId);
    if (!u)
        return SignInService::oauthError(400, QStringLiteral("invalid_grant"),
                                         QStringLiteral("no such user"));
    const qint64 now = m_clock->nowUtc().toSecsSinceEpoch();
    const QJsonObject claims{{QStringLiteral("iss"), issuer},
                             {QStringLiteral("sub"), u->userUid},
                             {QStringLiteral("aud"), client},
                             {QStringLiteral("azp"), client},
                             {QStringLiteral("iat"), now},
                             {QStringLiteral("auth_time"), now},
                             {QStringLiteral("exp"), now + kIdTokenLifetimeSecs},
                             {QStringLiteral("nonce"), redeemed->nonce},
                             {QStringLiteral("acr"), QStringLiteral("AAL3_ANY")},
                             {QStringLiteral("amr"), QJsonArray{QStringLiteral("N3_SMARTCARD")}},
                             {QStringLiteral("selected_roleid"), u->roleId},
                             {QStringLiteral("tokenName"), QStringLiteral("id_token")},
                             {QStringLiteral("realm"), QStringLiteral("/NHSIdentity/Healthcare")}};
    const QByteArray idToken =
        signingKey().signRs256({{QStringLiteral("typ"), QStringLiteral("JWT")},
                                {QStringLiteral("kid"), kKid},
                                {QStringLiteral("alg"), QStringLiteral("RS256")}},
                               claims);
    const QByteArray access = m_random.secretBytes(24).toBase64(QByteArray::Base64UrlEncoding |
                                                                QByteArray::OmitTrailingEquals);
    m_access.insert(access, u->id);
    return ok({{QStringLiteral("access_token"), QString::fromLatin1(access)},
               {QStringLiteral("id_token"), QString::fromLatin1(idToken)},
               {QStringLiteral("token_type"), QStringLiteral("Bearer")},
               {QStringLiteral("expires_in"), kIdTokenLifetimeSecs},
               {QStringLiteral("scope"), QStringLiteral("openid profile nationalrbacaccess "
                                                        "associatedorgs selectedrole")}});
}

Cis2Realm::Answer Cis2Realm::userinfo(const QByteArray& authorization) const
{
    const auto id = authorization.startsWith("Bearer ")
                        ? m_access.value(authorization.mid(7).trimmed())
                        : QString();
    const auto u = m_signIn.user(id);
    if (id.isEmpty() || !u)
        return SignInService::oauthError(401, QStringLiteral("invalid_token"),
                                         QStringLiteral("the access token is unknown or revoked"));
    const QJsonObject role{
        {QStringLiteral("person_orgid"), QString(u->roleId + QStringLiteral("0"))},
        {QStringLiteral("person_roleid"), u->roleId},
        {QStringLiteral("role_code"), u->roleCode},
        {QStringLiteral("role_name"), cis2RoleName(*u)},
        {QStringLiteral("org_code"), u->orgCode},
        {QStringLiteral("activity_codes"), QJsonArray::fromStringList(u->activityCodes)},
        {QStringLiteral("workgroups"), QJsonArray::fromStringList(u->workgroups)}};
    return ok({{QStringLiteral("sub"), u->userUid},
               {QStringLiteral("uid"), u->userUid},
               {QStringLiteral("nhsid_useruid"), u->userUid},
               {QStringLiteral("name"), u->name},
               {QStringLiteral("selected_roleid"), u->roleId},
               {QStringLiteral("nhsid_nrbac_roles"), QJsonArray{role}},
               {QStringLiteral("nhsid_user_orgs"),
                QJsonArray{QJsonObject{{QStringLiteral("org_code"), u->orgCode},
                                       {QStringLiteral("org_name"), u->orgName}}}}});
}

Cis2Realm::Answer Cis2Realm::exchange(const QByteArray& body, const QString& origin)
{
    const QUrlQuery form = formOf(body);
    auto refuse = [](int status, const QString& why) {
        return SignInService::oauthError(status, QStringLiteral("invalid_request"), why);
    };
    if (value(form, "subject_token_type") != QLatin1String(kIdTokenType))
        return refuse(400, QStringLiteral("missing or invalid subject_token_type - must be '%1'")
                               .arg(QLatin1String(kIdTokenType)));
    if (value(form, "client_assertion_type") != QLatin1String(kAssertionType))
        return refuse(400, QStringLiteral("Missing or invalid client_assertion_type - must be '%1'")
                               .arg(QLatin1String(kAssertionType)));
    const QByteArray assertion = value(form, "client_assertion").toLatin1();
    if (assertion.isEmpty())
        return refuse(400, QStringLiteral("Missing client_assertion"));
    QJsonObject header, claims;
    if (SandboxKey::decode(assertion, &header, &claims) &&
        header.value(QLatin1String("alg")).toString() != u"RS512")
        return refuse(
            400, QStringLiteral("Invalid 'alg' header in client_assertion JWT - must be 'RS512'"));
    if (auto bad = assertionProblem(assertion, kTrainingApiKey,
                                    origin + QStringLiteral("/oauth2/token"), "RS512"))
        return refuse(401, *bad);
    const QByteArray subject = value(form, "subject_token").toLatin1();
    if (subject.isEmpty())
        return refuse(400, QStringLiteral("Missing subject_token"));
    if (!SandboxKey::decode(subject, &header, &claims))
        return refuse(400, QStringLiteral("Malformed JWT in subject_token"));
    if (!signingKey().verifies(subject, "RS256") ||
        claims.value(QLatin1String("iss")).toString() != origin + kPath ||
        claims.value(QLatin1String("exp")).toInteger() <= m_clock->nowUtc().toSecsSinceEpoch())
        return refuse(401, QStringLiteral("Invalid subject_token: not a current ID token of this "
                                          "CIS2 realm"));
    const QString sub = claims.value(QLatin1String("sub")).toString();
    for (const TestUser& u : m_signIn.users()) {
        if (u.userUid != sub)
            continue;
        const auto [access, refresh] = m_signIn.issuePlatformTokens(u.id);
        return ok({{QStringLiteral("access_token"), QString::fromLatin1(access)},
                   {QStringLiteral("expires_in"), QString::number(kPlatformLifetimeSecs)},
                   {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                   {QStringLiteral("issued_token_type"),
                    QStringLiteral("urn:ietf:params:oauth:token-type:access_token")},
                   {QStringLiteral("refresh_token"), QString::fromLatin1(refresh)},
                   {QStringLiteral("refresh_token_expires_in"), QStringLiteral("43199")},
                   {QStringLiteral("refresh_count"), QStringLiteral("0")}});
    }
    return refuse(401, QStringLiteral("Invalid subject_token: unknown user"));
}

Cis2Realm::Answer Cis2Realm::revokePlatform(const QByteArray& body, const QString& origin)
{
    const QUrlQuery form = formOf(body);
    if (value(form, "client_assertion_type") != QLatin1String(kAssertionType))
        return SignInService::oauthError(
            400, QStringLiteral("invalid_request"),
            QStringLiteral("Missing or invalid client_assertion_type - must be '%1'")
                .arg(QLatin1String(kAssertionType)));
    if (auto bad = assertionProblem(value(form, "client_assertion").toLatin1(), kTrainingApiKey,
                                    origin + QStringLiteral("/oauth2/revoke"), "RS512"))
        return SignInService::oauthError(401, QStringLiteral("invalid_client"), *bad);
    const QByteArray token = value(form, "token").toLatin1();
    if (token.isEmpty())
        return SignInService::oauthError(400, QStringLiteral("invalid_request"),
                                         QStringLiteral("Missing token"));
    // RFC 7009 §2.2: an unknown token is answered as a revoked one.
    m_signIn.revoke(token);
    ++m_signOuts.platformRevocations;
    return ok({});
}

QJsonObject Cis2Realm::signOutsJson() const
{
    return {{QStringLiteral("endedSessions"), QJsonArray::fromStringList(m_signOuts.endedSessions)},
            {QStringLiteral("cis2Revocations"), m_signOuts.cis2Revocations},
            {QStringLiteral("platformRevocations"), m_signOuts.platformRevocations}};
}

} // namespace cpis::sandbox
