#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
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
        ReviewUpdated, // a safeguarding lead set a positive's review status
        Configuration, // the administrator's profile or site type in force at start changed
        Search,        // a PDS demographic search; reason holds the criteria searched on
    };

    // How the action ended. Each value has a stable code (outcomeCode) that is stored in the
    // sealed log and written to exports; codes never change once shipped, new values get new
    // codes. Listed in docs/secure-store.md.
    enum class Outcome
    {
        Success,       // "ok": done as asked
        PlansFound,    // "plans-found": a look-up found a Child Protection or Looked After plan
        NoRecord,      // "no-record": a look-up was answered and found no plan
        CouldNotCheck, // "could-not-check": the service was not reached or gave no answer
        Requested,     // "requested": recorded before the request is sent; its end follows
        NotAtService,  // "not-at-service": the service no longer held what was acknowledged
        Failed,        // "failed": started, did not complete
        Cancelled,     // "cancelled": the user stopped it before it completed
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
    Outcome outcome = Outcome::Success;
    // Free text beside the outcome (counts, a failure kind, "from-cache"); never personal data.
    QString outcomeDetail;
    // where, why, which request
    QString workstation;
    QString environment; // the service profile's environment: training, int, live...
    QString reason;
    QString requestId;

    QByteArray hash; // SHA-256 over the previous hash and this entry's fields
    QByteArray mac;  // HMAC-SHA256 of hash under the audit key

    static QString actionName(Action a); // stable ids, stored in the database
    static std::optional<Action> actionFromName(const QString& name);
    static QString outcomeCode(Outcome o); // stable ids, stored and exported
    static std::optional<Outcome> outcomeFromCode(const QString& code);
    static QList<Outcome> allOutcomes();
};

} // namespace cpis
