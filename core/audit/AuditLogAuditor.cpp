#include "core/audit/AuditLogAuditor.h"

#include "core/audit/AuditLog.h"
#include "core/audit/PendingAccessRecorder.h"
#include "core/domain/Clock.h"

namespace cpis {

AuditEntry AuditLogAuditor::entryFor(const UserSession& who, const AccessEvent& event) const
{
    AuditEntry e;
    e.userId = who.userId;
    e.userName = who.name;
    e.role = who.roleName.isEmpty() ? who.roleId : who.roleName;
    e.organisation = who.organisationCode;
    e.action = event.action;
    e.nhsNumber = event.subject.digits();
    e.outcome = event.outcome;
    e.outcomeDetail = event.outcomeDetail;
    e.workstation = m_workstation;
    e.environment = m_environment;
    e.reason = event.reason;
    e.requestId = QString::fromLatin1(event.requestId);
    return e;
}

Status<AccessAuditor::Error> AuditLogAuditor::record(const UserSession& who,
                                                     const AccessEvent& event)
{
    auto appended = m_log.append(entryFor(who, event), event.settlesNote);
    if (!appended)
        return Error{appended.error().message};
    return {};
}

void AuditLogAuditor::notePending(const UserSession& who,
                                  const AccessEvent& event,
                                  QObject* context,
                                  Noted done)
{
    if (!m_notes || !m_clock) {
        AccessAuditor::notePending(who, event, context, std::move(done));
        return;
    }
    AuditEntry e = entryFor(who, event);
    e.outcome = AuditEntry::Outcome::Requested;
    e.atUtc = QDateTime::fromMSecsSinceEpoch(m_clock->nowUtc().toMSecsSinceEpoch(), Qt::UTC);
    m_notes->note(e, context, [done = std::move(done)](const StoreResult<qint64>& id) {
        if (!id)
            done(Error{id.error().message});
        else
            done(id.value());
    });
}

} // namespace cpis
