#include "core/signin/Cis2UserDetails.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace cpis {

namespace {
constexpr int kMaxRoles = 200;
constexpr int kMaxCodes = 500;

QString tr(const char* s)
{
    return QCoreApplication::translate("cpis::Cis2UserDetails", s);
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& x : v.toArray()) {
        if (out.size() >= kMaxCodes)
            break;
        if (x.isString())
            out << x.toString();
    }
    return out;
}
} // namespace

QString Cis2UserDetails::displayRoleName(const QString& roleName)
{
    QString last = roleName.section(u':', -1).trimmed();
    if (last.size() >= 2 && last.startsWith(u'"') && last.endsWith(u'"'))
        last = last.mid(1, last.size() - 2);
    return last;
}

Result<UserSession, QString> Cis2UserDetails::read(const QJsonObject& idClaims,
                                                   const QJsonObject& userinfo)
{
    const QString sub = str(idClaims, "sub");
    if (str(userinfo, "sub") != sub)
        return tr("The identity provider's user details are about another user.");
    UserSession s;
    s.userId = sub;
    s.name = str(userinfo, "name");
    if (s.name.isEmpty())
        s.name =
            QString(str(userinfo, "given_name") + u' ' + str(userinfo, "family_name")).trimmed();
    QString selected = str(idClaims, "selected_roleid");
    if (selected.isEmpty())
        selected = str(userinfo, "selected_roleid");
    if (selected.isEmpty())
        return tr("CIS2 gave no selected role: you have no role that can use this service. Ask "
                  "your registration authority for one.");
    const QJsonArray roles = userinfo.value(QLatin1String("nhsid_nrbac_roles")).toArray();
    bool found = false;
    for (int i = 0; i < roles.size() && i < kMaxRoles && !found; ++i) {
        const QJsonObject role = roles.at(i).toObject();
        if (str(role, "person_roleid") != selected)
            continue;
        found = true;
        s.roleId = selected;
        s.roleName = displayRoleName(str(role, "role_name"));
        s.roleCode = str(role, "role_code");
        s.organisationCode = str(role, "org_code");
        s.activityCodes = strings(role.value(QLatin1String("activity_codes")));
        // Names and codes both: an administrator's [screens] rule may name either.
        s.workgroups = strings(role.value(QLatin1String("workgroups"))) +
                       strings(role.value(QLatin1String("workgroups_codes")));
    }
    if (!found)
        return tr("The role you selected in CIS2 is not among your roles' details.");
    const QJsonArray orgs = userinfo.value(QLatin1String("nhsid_user_orgs")).toArray();
    for (int i = 0; i < orgs.size() && i < kMaxRoles; ++i) {
        const QJsonObject org = orgs.at(i).toObject();
        if (str(org, "org_code") == s.organisationCode) {
            s.organisationName = str(org, "org_name");
            break;
        }
    }
    if (s.organisationName.isEmpty())
        s.organisationName = s.organisationCode;
    return s;
}

} // namespace cpis
