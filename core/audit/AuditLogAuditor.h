#pragma once

#include "core/audit/AccessAuditor.h"

#include <QString>

namespace cpis {

class AuditLog;

// Records look-ups in the sealed audit log, with the workstation they were made from.
class AuditLogAuditor final : public AccessAuditor
{
public:
    AuditLogAuditor(AuditLog& log, QString workstation)
        : m_log(log), m_workstation(std::move(workstation))
    {}

    Status<Error> record(const UserSession& who, const AccessEvent& event) override;

private:
    AuditLog& m_log;
    QString m_workstation;
};

} // namespace cpis
