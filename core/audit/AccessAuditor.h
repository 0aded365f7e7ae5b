#pragma once

#include "core/audit/AuditEntry.h"
#include "core/domain/NhsNumber.h"
#include "core/domain/Result.h"
#include "core/domain/UserSession.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace cpis {

// One access to record: the who comes from the session, the when from the recorder's clock.
struct AccessEvent
{
    AuditEntry::Action action = AuditEntry::Action::LookUp;
    NhsNumber subject;
    AuditEntry::Outcome outcome = AuditEntry::Outcome::Success;
    QString outcomeDetail; // counts, a failure kind; never personal data
    QString reason;        // why the user acted, where they gave one
    QByteArray requestId;
    qint64 settlesNote = 0; // the note (notePending()) of this access that this entry completes
};

// Where the look-up path records accesses. record() returns only once the entry is durable:
// callers show a result after it, never before.
//
// An access to a national service may also be noted before it is made, on another thread, so
// that writing it to disk overlaps the request: notePending() calls `done` with the note's id
// once the note is durable (or with the error), and the caller shows the answer only after
// that and passes the id in AccessEvent::settlesNote to record(), whose entry then completes
// the note. Either way, nothing is shown before the access is on disk. An auditor that keeps
// no notes answers 0 (record() is then durable by itself), asynchronously, as here.
class AccessAuditor
{
public:
    struct Error
    {
        QString message;
    };
    using Noted = std::function<void(const Result<qint64, Error>& id)>;

    virtual ~AccessAuditor() = default;
    virtual Status<Error> record(const UserSession& who, const AccessEvent& event) = 0;
    // `done` runs on `context`'s thread, unless `context` is destroyed first.
    virtual void
    notePending(const UserSession& who, const AccessEvent& event, QObject* context, Noted done)
    {
        Q_UNUSED(who);
        Q_UNUSED(event);
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(qint64(0)); }, Qt::QueuedConnection);
    }
};

} // namespace cpis
