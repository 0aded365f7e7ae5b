#include "core/signin/SessionVault.h"

#include "core/crypto/SecretBytes.h"
#include "core/store/KeyProvider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cpis {

Result<UserSession, QString> SessionVault::load() const
{
    auto read = m_keys.read(entryName());
    if (!read)
        return read.error().message;
    if (!read.value())
        return QStringLiteral("no session is stored: run 'cpis login'");
    QByteArray blob = *read.value();
    read = std::optional<QByteArray>();
    const QJsonObject o = QJsonDocument::fromJson(blob).object();
    wipe(blob);
    UserSession s;
    s.userId = o.value(QLatin1String("userId")).toString();
    s.name = o.value(QLatin1String("name")).toString();
    s.roleId = o.value(QLatin1String("roleId")).toString();
    s.roleName = o.value(QLatin1String("roleName")).toString();
    s.roleCode = o.value(QLatin1String("roleCode")).toString();
    s.organisationCode = o.value(QLatin1String("orgCode")).toString();
    s.organisationName = o.value(QLatin1String("orgName")).toString();
    for (const QJsonValue& v : o.value(QLatin1String("activity")).toArray())
        s.activityCodes.append(v.toString());
    for (const QJsonValue& v : o.value(QLatin1String("workgroups")).toArray())
        s.workgroups.append(v.toString());
    s.accessToken = o.value(QLatin1String("access")).toString().toLatin1();
    s.refreshToken = o.value(QLatin1String("refresh")).toString().toLatin1();
    // CIS2's own, for sign-out: the ID token ends the session, its access token is revoked.
    s.idToken = o.value(QLatin1String("idToken")).toString().toLatin1();
    s.identityAccessToken = o.value(QLatin1String("cis2Access")).toString().toLatin1();
    s.accessExpiresUtc =
        QDateTime::fromString(o.value(QLatin1String("expires")).toString(), Qt::ISODate);
    if (!s.isValid() || !s.accessExpiresUtc.isValid())
        return QStringLiteral("the stored session is unreadable: run 'cpis login'");
    return s;
}

Status<QString> SessionVault::save(const UserSession& s)
{
    const QJsonObject o{
        {QStringLiteral("userId"), s.userId},
        {QStringLiteral("name"), s.name},
        {QStringLiteral("roleId"), s.roleId},
        {QStringLiteral("roleName"), s.roleName},
        {QStringLiteral("roleCode"), s.roleCode},
        {QStringLiteral("orgCode"), s.organisationCode},
        {QStringLiteral("orgName"), s.organisationName},
        {QStringLiteral("activity"), QJsonArray::fromStringList(s.activityCodes)},
        {QStringLiteral("workgroups"), QJsonArray::fromStringList(s.workgroups)},
        {QStringLiteral("access"), QString::fromLatin1(s.accessToken)},
        {QStringLiteral("refresh"), QString::fromLatin1(s.refreshToken)},
        {QStringLiteral("idToken"), QString::fromLatin1(s.idToken)},
        {QStringLiteral("cis2Access"), QString::fromLatin1(s.identityAccessToken)},
        {QStringLiteral("expires"), s.accessExpiresUtc.toUTC().toString(Qt::ISODate)}};
    QByteArray blob = QJsonDocument(o).toJson(QJsonDocument::Compact);
    auto w = m_keys.write(entryName(), blob);
    wipe(blob);
    if (!w)
        return w.error().message;
    return {};
}

Status<QString> SessionVault::clear()
{
    auto r = m_keys.remove(entryName());
    if (!r)
        return r.error().message;
    return {};
}

} // namespace cpis
