#include "sandbox/endpoints/SignInService.h"

#include "core/domain/Vocabulary.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace cpis::sandbox {

namespace {
QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString htmlEscape(const QString& s)
{
    return s.toHtmlEscaped();
}

// RFC 8252: the redirect must come back to this machine over plain loopback HTTP.
bool isLoopbackRedirect(const QString& uri)
{
    const QUrl u(uri);
    return u.isValid() && u.scheme() == u"http" && QHostAddress(u.host()).isLoopback() &&
           u.port() > 0;
}
} // namespace

SignInService::SignInService(const Clock* clock, SeededRandom& random, QList<TestUser> users)
    : m_clock(clock), m_random(random), m_users(std::move(users))
{}

QList<TestUser> SignInService::defaultUsers(const QString& laOds, const QString& laName)
{
    const QString hospital = QStringLiteral("RX1");
    const QString hospitalName = QStringLiteral("Sandbox General Hospital NHS Trust");
    const QString community = QStringLiteral("RX2");
    const QString communityName = QStringLiteral("Sandbox Community Health NHS Trust");
    // Role codes as CIS2 sends them (staff group, sub-group, job role; the S and G parts are
    // illustrative) with the activities a registration authority would grant: the desk's
    // default screen rules read the activities and the job role (docs/sandbox.md).
    QList<TestUser> users;
    const auto add = [&users](const char* id, const char* n, const QString& name,
                              const QString& jobRole, const QString& roleName, const QString& org,
                              const QString& orgName, const QStringList& activities) {
        TestUser u;
        u.id = QLatin1String(id);
        u.userUid = QStringLiteral("55500000000") + QLatin1String(n);
        u.name = name;
        u.roleId = QStringLiteral("10000000000") + QLatin1String(n);
        u.roleCode = QStringLiteral("S8000:G8000:") + jobRole;
        u.roleName = roleName;
        u.orgCode = org;
        u.orgName = orgName;
        u.activityCodes = activities;
        users.append(u);
    };
    using namespace vocabulary;
    add("triage-nurse", "1", QStringLiteral("Amelia Hughes"), kJobRoleNurseAccess,
        QStringLiteral("Triage Nurse, Emergency Department"), hospital, hospitalName,
        {kActivityViewAndNotify});
    add("school-nurse", "2", QStringLiteral("Priya Shah"), kJobRoleCommunityPractitioner,
        QStringLiteral("School Nurse"), community, communityName, {kActivityViewOnly});
    add("health-visitor", "3", QStringLiteral("Grace O'Neill"), kJobRoleCommunityPractitioner,
        QStringLiteral("Health Visitor"), community, communityName, {kActivityViewOnly});
    add("safeguarding-lead", "4", QStringLiteral("Tom Fielding"), kJobRoleNurseConsultant,
        QStringLiteral("Named Nurse for Safeguarding Children"), hospital, hospitalName,
        {kActivityViewAndNotify, kActivityViewOnly});
    add("social-worker", "5", QStringLiteral("Sam Okafor"), kJobRoleSocialWorker,
        QStringLiteral("Social Worker"), laOds, laName, {});
    // Information governance: may export the audit log, sees no desk screen.
    add("privacy-officer", "6", QStringLiteral("Ruth Adeyemi"), kJobRolePrivacyOfficer,
        QStringLiteral("Privacy Officer"), hospital, hospitalName, {});
    return users;
}

std::optional<TestUser> SignInService::user(const QString& id) const
{
    for (const TestUser& u : m_users)
        if (u.id == id)
            return u;
    return std::nullopt;
}

SignInService::Answer
SignInService::oauthError(int status, const QString& error, const QString& description)
{
    return {status,
            "application/json",
            json({{QStringLiteral("error"), error},
                  {QStringLiteral("error_description"), description}}),
            {}};
}

QByteArray SignInService::randomToken()
{
    return m_random.secretBytes(24).toBase64(QByteArray::Base64UrlEncoding |
                                             QByteArray::OmitTrailingEquals);
}

SignInService::Answer SignInService::authorize(const QUrlQuery& q,
                                               const QString& authorizePath) const
{
    if (q.queryItemValue(QStringLiteral("response_type")) != u"code" ||
        q.queryItemValue(QStringLiteral("client_id")).isEmpty() ||
        !isLoopbackRedirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)) ||
        q.queryItemValue(QStringLiteral("code_challenge")).isEmpty() ||
        q.queryItemValue(QStringLiteral("code_challenge_method")) != u"S256")
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("response_type=code, client_id, a loopback redirect_uri "
                                         "and an S256 code_challenge are required"));
    // The pick page: one link per test user, each the same request plus user=<id>.
    QString page = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                  "<title>CP-IS sandbox sign-in</title></head><body>"
                                  "<h1>Sandbox sign-in</h1><p>Choose a test user:</p><ul>");
    for (const TestUser& u : m_users) {
        QUrlQuery pick = q;
        pick.addQueryItem(QStringLiteral("user"), u.id);
        page += QStringLiteral("<li><a href=\"") + htmlEscape(authorizePath) + u'?' +
                htmlEscape(pick.toString(QUrl::FullyEncoded)) + QStringLiteral("\">") +
                htmlEscape(u.name) + QStringLiteral(" — ") + htmlEscape(u.roleName) +
                QStringLiteral(", ") + htmlEscape(u.orgName) + QStringLiteral(" (") +
                htmlEscape(u.activityCodes.join(QStringLiteral(", "))) +
                QStringLiteral(")</a></li>");
    }
    page += QStringLiteral("</ul></body></html>");
    return {200, "text/html; charset=utf-8", page.toUtf8(), {}};
}

SignInService::Answer SignInService::authorizeAndIssueCode(const QUrlQuery& q,
                                                           const QString& authorizePath)
{
    Answer check = authorize(q, authorizePath);
    if (check.status != 200)
        return check;
    const auto u = user(q.queryItemValue(QStringLiteral("user")));
    if (!u)
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("user names no sandbox test user"));
    const QByteArray code = randomToken();
    const QString redirect = q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded);
    m_codes.insert(code,
                   PendingCode{u->id, q.queryItemValue(QStringLiteral("client_id")), redirect,
                               q.queryItemValue(QStringLiteral("code_challenge")).toLatin1(),
                               m_clock->nowUtc().addSecs(kCodeLifetimeSecs),
                               q.queryItemValue(QStringLiteral("nonce"), QUrl::FullyDecoded)});
    QUrl target(redirect);
    QUrlQuery back(target);
    back.addQueryItem(QStringLiteral("code"), QString::fromLatin1(code));
    if (q.hasQueryItem(QStringLiteral("state")))
        back.addQueryItem(QStringLiteral("state"), q.queryItemValue(QStringLiteral("state")));
    target.setQuery(back);
    return {302, "text/html; charset=utf-8", QByteArray(), target.toEncoded()};
}

SignInService::Answer SignInService::issueTokens(const QString& userId)
{
    const QByteArray access = randomToken();
    const QByteArray refresh = randomToken();
    m_access.insert(access, Grant{userId, m_clock->nowUtc().addSecs(kAccessLifetimeSecs)});
    m_refresh.insert(refresh, userId);
    return {200,
            "application/json",
            json({{QStringLiteral("access_token"), QString::fromLatin1(access)},
                  {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                  {QStringLiteral("expires_in"), kAccessLifetimeSecs},
                  {QStringLiteral("refresh_token"), QString::fromLatin1(refresh)},
                  {QStringLiteral("scope"), QStringLiteral("openid nationalrbacaccess")}}),
            {}};
}

QByteArray SignInService::issueAccessToken(const QString& userId)
{
    const QByteArray access = randomToken();
    m_access.insert(access, Grant{userId, m_clock->nowUtc().addSecs(kAccessLifetimeSecs)});
    return access;
}

SignInService::Answer SignInService::token(const QByteArray& formBody)
{
    const QUrlQuery form(QString::fromUtf8(formBody).replace(u'+', u' '));
    auto value = [&](const char* key) {
        return form.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    };
    const QString grant = value("grant_type");
    if (grant == u"authorization_code") {
        Answer refused;
        const auto redeemed = redeemCode(form, &refused);
        if (!redeemed)
            return refused;
        return issueTokens(redeemed->userId);
    }
    if (grant == u"refresh_token") {
        const QByteArray refresh = value("refresh_token").toLatin1();
        const auto it = m_refresh.constFind(refresh);
        if (it == m_refresh.constEnd())
            return oauthError(400, QStringLiteral("invalid_grant"),
                              QStringLiteral("the refresh token is unknown or already used"));
        const QString userId = *it;
        m_refresh.remove(refresh); // rotated: each refresh token works once
        return issueTokens(userId);
    }
    return oauthError(400, QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("grant_type must be authorization_code or refresh_token"));
}

std::optional<SignInService::Redeemed> SignInService::redeemCode(const QUrlQuery& form,
                                                                 Answer* error)
{
    auto value = [&](const char* key) {
        return form.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    };
    const QByteArray code = value("code").toLatin1();
    const auto it = m_codes.constFind(code);
    if (it == m_codes.constEnd() || it->expires <= m_clock->nowUtc()) {
        *error = oauthError(400, QStringLiteral("invalid_grant"),
                            QStringLiteral("the authorization code is unknown, used or expired"));
        return std::nullopt;
    }
    const PendingCode pending = *it;
    m_codes.remove(code); // a code is good for one exchange only
    if (pending.redirectUri != value("redirect_uri") || pending.clientId != value("client_id")) {
        *error = oauthError(400, QStringLiteral("invalid_grant"),
                            QStringLiteral("redirect_uri or client_id differ from the request"));
        return std::nullopt;
    }
    const QByteArray verifier = value("code_verifier").toLatin1();
    const QByteArray challenge =
        QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (verifier.size() < 43 || challenge != pending.challenge) {
        *error = oauthError(400, QStringLiteral("invalid_grant"),
                            QStringLiteral("code_verifier does not match the code_challenge"));
        return std::nullopt;
    }
    return Redeemed{pending.userId, pending.clientId, pending.nonce};
}

std::pair<QByteArray, QByteArray> SignInService::issuePlatformTokens(const QString& userId)
{
    const QByteArray access = randomToken();
    const QByteArray refresh = randomToken();
    m_access.insert(access, Grant{userId, m_clock->nowUtc().addSecs(kAccessLifetimeSecs)});
    m_refresh.insert(refresh, userId);
    return {access, refresh};
}

bool SignInService::revoke(const QByteArray& token)
{
    const bool refresh = m_refresh.remove(token) > 0;
    const bool access = m_access.remove(token) > 0;
    return refresh || access;
}

std::optional<TestUser> SignInService::userForToken(const QByteArray& accessToken) const
{
    const auto it = m_access.constFind(accessToken);
    if (it == m_access.constEnd() || it->expires <= m_clock->nowUtc())
        return std::nullopt;
    return user(it->userId);
}

SignInService::Answer SignInService::userinfo(const QByteArray& authorization) const
{
    if (!authorization.startsWith("Bearer "))
        return oauthError(401, QStringLiteral("invalid_token"),
                          QStringLiteral("a Bearer token is required"));
    const auto u = userForToken(authorization.mid(7).trimmed());
    if (!u)
        return oauthError(401, QStringLiteral("invalid_token"),
                          QStringLiteral("the access token is unknown or expired"));
    QJsonArray codes;
    for (const QString& c : u->activityCodes)
        codes.append(c);
    const QJsonObject role{
        {QStringLiteral("person_roleid"), u->roleId},
        {QStringLiteral("role_code"), u->roleCode},
        {QStringLiteral("role_name"), u->roleName},
        {QStringLiteral("org_code"), u->orgCode},
        {QStringLiteral("org_name"), u->orgName},
        {QStringLiteral("activity_codes"), codes},
        {QStringLiteral("workgroups"), QJsonArray::fromStringList(u->workgroups)}};
    return {200,
            "application/json",
            json({{QStringLiteral("sub"), u->userUid},
                  {QStringLiteral("nhsid_useruid"), u->userUid},
                  {QStringLiteral("name"), u->name},
                  {QStringLiteral("selected_roleid"), u->roleId},
                  {QStringLiteral("nhsid_nrbac_roles"), QJsonArray{role}}}),
            {}};
}

} // namespace cpis::sandbox
