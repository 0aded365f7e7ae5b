#pragma once

#include <QString>
#include <QStringList>

namespace cpis {

// The words of the contract (docs/api.md): identifier and code systems, codes.
// Named once, here, for the desk and for the sandbox, which shares nothing else with the desk's
// readers. Constants only: what a code means to the desk lives with the code that reads it.
namespace vocabulary {

// Identifier systems.
inline const QString kNhsNumberSystem = QStringLiteral("https://fhir.nhs.uk/Id/nhs-number");
inline const QString kOdsSystem = QStringLiteral("https://fhir.nhs.uk/Id/ods-organization-code");
inline const QString kSdsUserIdSystem = QStringLiteral("https://fhir.nhs.uk/Id/sds-user-id");
inline const QString kLocalAuthorityChildIdSystem =
    QStringLiteral("https://cpis-sandbox.example/Id/local-authority-child-id");

// Code systems.
inline const QString kSnomedSystem = QStringLiteral("http://snomed.info/sct");
inline const QString kSdsJobRoleSystem =
    QStringLiteral("https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode");
inline const QString kSpineErrorSystem =
    QStringLiteral("https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode");
inline const QString kRoleClassSystem =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-RoleClass");
inline const QString kAuditEventTypeSystem =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/audit-event-type");
inline const QString kAuditEntityTypeSystem =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/audit-entity-type");
inline const QString kObjectRoleSystem =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/object-role");
inline const QString kConfidentialitySystem =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-Confidentiality");
// PDS: the NHS number verification status on Patient.identifier (code 01: present and verified).
inline const QString kNhsNumberVerificationExtension = QStringLiteral(
    "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus");
inline const QString kNhsNumberVerificationSystem =
    QStringLiteral("https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus");
inline const QString kNhsNumberVerified = QStringLiteral("01");

// RBAC activity codes: B0107 views CP-IS and notifies; B0170 views without notifying.
inline const QString kActivityViewAndNotify = QStringLiteral("B0107");
inline const QString kActivityViewOnly = QStringLiteral("B0170");

// National RBAC job role codes (the R-code last in a CIS2 role_code) that the desk's default
// screen rules and the sandbox's test users name (docs/cli.md, "Who sees which screen").
inline const QString kJobRoleNurseAccess = QStringLiteral("R8001");           // Nurse Access Role
inline const QString kJobRoleCommunityPractitioner = QStringLiteral("R0690"); // HV, school nurse
inline const QString kJobRoleNurseConsultant = QStringLiteral("R0570");
inline const QString kJobRoleSocialWorker = QStringLiteral("R1330");
inline const QString kJobRoleSocialWorkTeamManagerChildren = QStringLiteral("R9515");
inline const QString kJobRoleSeniorSocialWorkerChildren = QStringLiteral("R9520");
inline const QString kJobRoleChildProtectionWorker = QStringLiteral("R9535");
inline const QString kJobRolePrivacyOfficer = QStringLiteral("R0001");

} // namespace vocabulary

// SNOMED CT codes of CareTeam.category in the CP-IS FHIR API.
namespace snomed {
inline constexpr char16_t ChildProtectionPlan[] = u"342191000000101";
inline constexpr char16_t LookedAfterChild[] = u"764841000000100";
inline constexpr char16_t UnbornChildProtectionPlan[] = u"818901000000100";
} // namespace snomed

} // namespace cpis
