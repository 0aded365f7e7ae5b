#include "core/audit/AuditEntry.h"

namespace cpis {

QString AuditEntry::actionName(Action a)
{
    switch (a) {
    case Action::LookUp:
        return QStringLiteral("look-up");
    case Action::View:
        return QStringLiteral("view");
    case Action::NoticeAcknowledged:
        return QStringLiteral("notice-acknowledged");
    case Action::ListSync:
        return QStringLiteral("list-sync");
    case Action::Export:
        return QStringLiteral("export");
    case Action::SignIn:
        return QStringLiteral("sign-in");
    case Action::SignOut:
        return QStringLiteral("sign-out");
    case Action::Lock:
        return QStringLiteral("lock");
    case Action::Unlock:
        return QStringLiteral("unlock");
    case Action::ReviewUpdated:
        return QStringLiteral("review-updated");
    }
    return {};
}

std::optional<AuditEntry::Action> AuditEntry::actionFromName(const QString& name)
{
    for (Action a : {Action::LookUp, Action::View, Action::NoticeAcknowledged, Action::ListSync,
                     Action::Export, Action::SignIn, Action::SignOut, Action::Lock, Action::Unlock,
                     Action::ReviewUpdated}) {
        if (actionName(a) == name)
            return a;
    }
    return std::nullopt;
}

} // namespace cpis
