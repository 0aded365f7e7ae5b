#pragma once

#include "core/domain/Demographics.h"
#include "core/domain/NhsNumber.h"
#include "core/domain/PatientMatches.h"
#include "core/domain/Result.h"
#include "core/fhir/FhirParser.h"

#include <QJsonObject>

namespace cpis {

// The Patient resource as NHS England's PDS FHIR API publishes it (Patient.yaml,
// PatientSearch.yaml), read strictly: what FhirParser's patient, pdsPatient, patientResource
// and patientSearchset hand on once the body is JSON. Apart from FhirParser because PDS's rules
// (names by use, confidentiality, verification, partial dates, search scores) are a concern of
// their own beside CP-IS's CareTeam and AuditEvent.
class PdsPatientReader
{
public:
    using Error = FhirParser::Error;

    static Result<Demographics, Error> pdsPatient(const QJsonObject& p, const NhsNumber& asked);
    static Result<Demographics, Error> patientResource(const QJsonObject& p,
                                                       const NhsNumber& asked);
    // A search answer already read as one JSON object: a searchset Bundle or TOO_MANY_MATCHES.
    static Result<PatientMatches, Error> matches(const QJsonObject& answer);
};

} // namespace cpis
