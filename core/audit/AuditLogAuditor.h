#pragma once

#include "core/audit/AccessAuditor.h"

#include <QString>

namespace cpis {

class AuditLog;

// Records look-ups in the sealed audit log, with the workstation they were made from and the
// service environment (training, int, live...) they were made in.
class AuditLogAuditor final : public AccessAuditor
{
public:
    AuditLogAuditor(AuditLog& log, QString workstation, QString environment)
        : m_log(log), m_workstation(std::move(workstation)), m_environment(std::move(environment))
    {}

    Status<Error> record(const UserSession& who, const AccessEvent& event) override;

private:
    AuditLog& m_log;
    QString m_workstation;
    QString m_environment;
};

} // namespace cpis
