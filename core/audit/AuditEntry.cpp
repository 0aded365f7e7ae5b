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
    case Action::Configuration:
        return QStringLiteral("configuration");
    case Action::Search:
        return QStringLiteral("search");
    }
    return {};
}

std::optional<AuditEntry::Action> AuditEntry::actionFromName(const QString& name)
{
    for (Action a : {Action::LookUp, Action::View, Action::NoticeAcknowledged, Action::ListSync,
                     Action::Export, Action::SignIn, Action::SignOut, Action::Lock, Action::Unlock,
                     Action::ReviewUpdated, Action::Configuration, Action::Search}) {
        if (actionName(a) == name)
            return a;
    }
    return std::nullopt;
}

QString AuditEntry::outcomeCode(Outcome o)
{
    // Stored in the sealed log: changing one would misread every entry already written.
    switch (o) {
    case Outcome::Success:
        return QStringLiteral("ok");
    case Outcome::PlansFound:
        return QStringLiteral("plans-found");
    case Outcome::NoRecord:
        return QStringLiteral("no-record");
    case Outcome::CouldNotCheck:
        return QStringLiteral("could-not-check");
    case Outcome::Requested:
        return QStringLiteral("requested");
    case Outcome::NotAtService:
        return QStringLiteral("not-at-service");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QList<AuditEntry::Outcome> AuditEntry::allOutcomes()
{
    return {Outcome::Success,   Outcome::PlansFound,   Outcome::NoRecord, Outcome::CouldNotCheck,
            Outcome::Requested, Outcome::NotAtService, Outcome::Failed,   Outcome::Cancelled};
}

std::optional<AuditEntry::Outcome> AuditEntry::outcomeFromCode(const QString& code)
{
    for (Outcome o : allOutcomes()) {
        if (outcomeCode(o) == code)
            return o;
    }
    return std::nullopt;
}

} // namespace cpis
