#pragma once

#include "core/domain/UserSession.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cpis {

// Which desk functions a signed-in role is given: the administrator's rules, each naming one
// thing a CIS2 role carries (an RBAC activity code, a job role code or a workgroup) and the
// functions it opens. A role gets the union of the rules it matches; a role that matches none
// gets nothing. This is the one place that decides it: the desk's composition root hands it to
// the main window, and the command line asks it before an audit export (docs/cli.md, "Who sees
// which screen").
//
// The national service still decides what it answers: a rule that gives triage to a role
// without B0107 or B0170 shows the screen, and CP-IS refuses the look-up.
class RoleScreens
{
public:
    enum class Match
    {
        Activity,  // an RBAC activity code, "B0107"
        Role,      // a job role code: "R8001" (any S and G parts) or the whole "S8000:G8000:R8001"
        Workgroup, // a workgroup's name or code, as CIS2 sends it
    };
    struct Rule
    {
        Match match = Match::Activity;
        QString code;
        QList<DeskFunction> functions;

        bool matches(const UserSession& session) const;
        bool operator==(const Rule& o) const
        {
            return match == o.match && code == o.code && functions == o.functions;
        }
    };

    // Our defaults, used while the administrator's file has no [screens] section
    // (docs/cli.md says which are the NHS's rules and which are our assumption, and why).
    static RoleScreens defaults();
    // Exactly these rules (the administrator's [screens] section).
    static RoleScreens of(QList<Rule> rules);

    const QList<Rule>& rules() const { return m_rules; }
    bool isDefault() const { return m_rules == defaults().m_rules; }

    // The functions `session`'s selected role is given, in DeskFunction order, each once.
    QList<DeskFunction> functionsFor(const UserSession& session) const;
    bool allows(const UserSession& session, DeskFunction function) const
    {
        return functionsFor(session).contains(function);
    }

    // The names the administrator's file uses: triage, notices, review, area-lists,
    // audit-export.
    static QString nameOf(DeskFunction function);
    static std::optional<DeskFunction> functionNamed(const QString& name);
    static QStringList functionNames();
    static QString nameOf(Match match); // activity, role, workgroup
    static std::optional<Match> matchNamed(const QString& name);

    // A text form of the rules, one "kind code = functions" per rule: what the desk records
    // when the administrator's settings change.
    QString describe() const;

private:
    QList<Rule> m_rules;
};

} // namespace cpis
