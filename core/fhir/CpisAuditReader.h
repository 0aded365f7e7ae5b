#pragma once

#include "core/domain/AccessRecord.h"
#include "core/domain/Result.h"
#include "core/fhir/FhirParser.h"

#include <QJsonObject>

namespace cpis {

// One row of CP-IS access history from an AuditEvent as the draft CP-IS FHIR R4 guide writes
// it (docs/api.md, CP-IS access history): `recorded`, and the requesting agent, which is a
// PractitionerRole (a person: name, role, organisation) or a Device (a system: its name and the
// organisation that maintains it). The guide's AuditEvent also lists the patient as an agent
// (requestor false); references may be relative or absolute fullUrls.
class CpisAuditReader
{
public:
    using Error = FhirParser::Error;

    static Result<AccessRecord, Error> accessRecord(const QJsonObject& auditEvent,
                                                    const FhirParser::References& included);
};

} // namespace cpis
