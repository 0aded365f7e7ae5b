#pragma once

#include <QString>
#include <QStringList>

namespace cpis {

// The words of the contract (docs/api.md): identifier and code systems, codes and workgroups.
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

} // namespace vocabulary

// SNOMED CT codes of CareTeam.category in the CP-IS FHIR API.
namespace snomed {
inline constexpr char16_t ChildProtectionPlan[] = u"342191000000101";
inline constexpr char16_t LookedAfterChild[] = u"764841000000100";
inline constexpr char16_t UnbornChildProtectionPlan[] = u"818901000000100";
} // namespace snomed

// The workgroups that open desk functions beyond look-up (docs/api.md §2).
inline const QString kWorkgroupNotices = QStringLiteral("CPIS-NOTICES");
inline const QString kWorkgroupReview = QStringLiteral("CPIS-REVIEW");
inline const QString kWorkgroupAreaLists = QStringLiteral("CPIS-AREA-LISTS");
// The information-governance auditor's workgroup (a Caldicott or IG team role): audit export only.
inline const QString kWorkgroupAudit = QStringLiteral("CPIS-AUDIT");

// Who may export the desk's audit log: it names every patient looked up here, so only the
// people who answer for those looks, the safeguarding lead (CPIS-REVIEW) and the
// information-governance auditor (CPIS-AUDIT). docs/cli.md states the same rule.
inline const QStringList kAuditExportWorkgroups{kWorkgroupReview, kWorkgroupAudit};

} // namespace cpis
