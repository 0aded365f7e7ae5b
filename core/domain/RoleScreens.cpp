#include "core/domain/RoleScreens.h"

namespace cpis {

namespace {

using F = DeskFunction;

constexpr DeskFunction kAll[] = {F::LookUp, F::Notices, F::Review, F::AreaLists, F::AuditExport};

RoleScreens::Rule rule(RoleScreens::Match match, const QString& code, QList<DeskFunction> functions)
{
    return {match, code, std::move(functions)};
}

} // namespace

bool RoleScreens::Rule::matches(const UserSession& session) const
{
    switch (match) {
    case Match::Activity:
        return session.activityCodes.contains(code);
    case Match::Role:
        // A bare R-code names the job role whatever staff group it sits in; a whole triple
        // names exactly that role.
        return code.contains(u':') ? session.roleCode == code : session.jobRoleCode() == code;
    case Match::Workgroup:
        return session.workgroups.contains(code);
    }
    return false;
}

RoleScreens RoleScreens::defaults()
{
    using namespace vocabulary;
    const Match activity = Match::Activity;
    const Match role = Match::Role;
    return of({
        // The NHS's: the two CP-IS activities are what lets a role look a child up.
        rule(activity, kActivityViewAndNotify, {F::LookUp}),
        rule(activity, kActivityViewOnly, {F::LookUp}),
        // Ours (docs/cli.md says why): health visitors and school nurses hold the community
        // practitioner job role.
        rule(role, kJobRoleCommunityPractitioner, {F::AreaLists}),
        // Children's social work reads its authority's attendance notices.
        rule(role, kJobRoleSocialWorker, {F::Notices}),
        rule(role, kJobRoleSocialWorkTeamManagerChildren, {F::Notices}),
        rule(role, kJobRoleSeniorSocialWorkerChildren, {F::Notices}),
        rule(role, kJobRoleChildProtectionWorker, {F::Notices}),
        // The named nurse for safeguarding children reviews the site's positives and answers
        // for the site's look-ups; the privacy officer audits them.
        rule(role, kJobRoleNurseConsultant, {F::Review, F::AuditExport}),
        rule(role, kJobRolePrivacyOfficer, {F::AuditExport}),
    });
}

RoleScreens RoleScreens::of(QList<Rule> rules)
{
    RoleScreens r;
    r.m_rules = std::move(rules);
    return r;
}

QList<DeskFunction> RoleScreens::functionsFor(const UserSession& session) const
{
    QList<DeskFunction> given;
    for (const Rule& r : m_rules)
        if (r.matches(session))
            given += r.functions;
    QList<DeskFunction> out;
    for (const DeskFunction f : kAll)
        if (given.contains(f))
            out.append(f);
    return out;
}

QString RoleScreens::nameOf(DeskFunction function)
{
    switch (function) {
    case F::LookUp:
        return QStringLiteral("triage");
    case F::Notices:
        return QStringLiteral("notices");
    case F::Review:
        return QStringLiteral("review");
    case F::AreaLists:
        return QStringLiteral("area-lists");
    case F::AuditExport:
        return QStringLiteral("audit-export");
    }
    return {};
}

std::optional<DeskFunction> RoleScreens::functionNamed(const QString& name)
{
    for (const DeskFunction f : kAll)
        if (nameOf(f) == name)
            return f;
    return std::nullopt;
}

QStringList RoleScreens::functionNames()
{
    QStringList out;
    for (const DeskFunction f : kAll)
        out << nameOf(f);
    return out;
}

QString RoleScreens::nameOf(Match match)
{
    switch (match) {
    case Match::Activity:
        return QStringLiteral("activity");
    case Match::Role:
        return QStringLiteral("role");
    case Match::Workgroup:
        return QStringLiteral("workgroup");
    }
    return {};
}

std::optional<RoleScreens::Match> RoleScreens::matchNamed(const QString& name)
{
    for (const Match m : {Match::Activity, Match::Role, Match::Workgroup})
        if (nameOf(m) == name)
            return m;
    return std::nullopt;
}

QString RoleScreens::describe() const
{
    QStringList lines;
    for (const Rule& r : m_rules) {
        QStringList names;
        for (const DeskFunction f : r.functions)
            names << nameOf(f);
        lines << QStringLiteral("%1 %2 = %3").arg(nameOf(r.match), r.code, names.join(u", "));
    }
    return lines.join(u'\n');
}

} // namespace cpis
