#pragma once

#include "core/audit/AuditEntry.h"
#include "core/domain/NhsNumber.h"
#include "core/domain/Result.h"
#include "core/domain/UserSession.h"

#include <QByteArray>
#include <QString>

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
};

// Where the look-up path records accesses. record() returns only once the entry is durable:
// callers show a result after it, never before.
class AccessAuditor
{
public:
    struct Error
    {
        QString message;
    };

    virtual ~AccessAuditor() = default;
    virtual Status<Error> record(const UserSession& who, const AccessEvent& event) = 0;
};

} // namespace cpis
