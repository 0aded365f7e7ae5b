#pragma once

#include <QString>

namespace cpis::fhir {

// The identifier and code systems of the contract (docs/api.md), named once for every reader.
inline const QString kNhsNumberSystem = QStringLiteral("https://fhir.nhs.uk/Id/nhs-number");
inline const QString kSnomedSystem = QStringLiteral("http://snomed.info/sct");
inline const QString kOdsSystem = QStringLiteral("https://fhir.nhs.uk/Id/ods-organization-code");

} // namespace cpis::fhir
