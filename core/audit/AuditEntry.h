#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace cpis {

// One audited event. seq, atUtc, hash and mac are filled in by AuditLog::append.
struct AuditEntry
{
    enum class Action
    {
        LookUp,
        View,
        NoticeAcknowledged,
        ListSync,
        Export,
        SignIn,
        SignOut,
        Lock,
        Unlock,
        ReviewUpdated, // issue 7: a safeguarding lead set a positive's review status
    };

    qint64 seq = 0;
    QDateTime atUtc;
    // who
    QString userId;
    QString userName;
    QString role;
    QString organisation;
    // what
    Action action = Action::LookUp;
    QString nhsNumber; // empty when the action is not about one person
    QString outcome;   // e.g. "plan-found", "no-plan", "could-not-check", "ok", "failed"
    // where, why, which request
    QString workstation;
    QString reason;
    QString requestId;

    QByteArray hash; // SHA-256 over the previous hash and this entry's fields
    QByteArray mac;  // HMAC-SHA256 of hash under the audit key

    static QString actionName(Action a); // stable ids, stored in the database
    static std::optional<Action> actionFromName(const QString& name);
};

} // namespace cpis
