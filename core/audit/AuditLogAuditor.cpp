#include "core/audit/AuditLogAuditor.h"

#include "core/audit/AuditLog.h"

namespace cpis {

Status<AccessAuditor::Error> AuditLogAuditor::record(const UserSession& who,
                                                     const AccessEvent& event)
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
    auto appended = m_log.append(e);
    if (!appended)
        return Error{appended.error().message};
    return {};
}

} // namespace cpis
