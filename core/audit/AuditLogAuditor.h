#pragma once

#include "core/audit/AccessAuditor.h"

#include <QString>

namespace cpis {

class AuditLog;
class Clock;
class PendingAccessRecorder;

// Records look-ups in the sealed audit log, with the workstation they were made from and the
// service environment (training, int, live...) they were made in. With a recorder, accesses
// are noted before they are made (PendingAccess) on the recorder's thread.
class AuditLogAuditor final : public AccessAuditor
{
public:
    AuditLogAuditor(AuditLog& log,
                    QString workstation,
                    QString environment,
                    PendingAccessRecorder* notes = nullptr,
                    const Clock* clock = nullptr)
        : m_log(log), m_workstation(std::move(workstation)), m_environment(std::move(environment)),
          m_notes(notes), m_clock(clock)
    {}

    Status<Error> record(const UserSession& who, const AccessEvent& event) override;
    void notePending(const UserSession& who,
                     const AccessEvent& event,
                     QObject* context,
                     Noted done) override;

private:
    AuditEntry entryFor(const UserSession& who, const AccessEvent& event) const;

    AuditLog& m_log;
    QString m_workstation;
    QString m_environment;
    PendingAccessRecorder* m_notes;
    const Clock* m_clock;
};

} // namespace cpis
