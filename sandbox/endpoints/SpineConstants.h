#pragma once

#include <QString>

namespace cpis::sandbox::spine {

// The fixed identities of the V3 exchange between the training desk and the sandbox's CP-IS
// (docs/sandbox.md, "CP-IS over Spine"). The desk's side holds the same values: they are part
// of the contract, not configuration.
inline constexpr QLatin1String kCpisAsid{"990101234567"};
inline constexpr QLatin1String kDeskAsid{"990101234568"};
inline constexpr QLatin1String kCpisPartyKey{"CPIS-TRAINING-1"};
inline constexpr QLatin1String kDeskPartyKey{"DESK-TRAINING-1"};

inline constexpr QLatin1String kPath{"/spine/cpis"};
inline constexpr QLatin1String kQueryAction{"urn:nhs:names:services:cpisquery/QUPC_IN000006GB01"};
inline constexpr QLatin1String kResponseAction{
    "urn:nhs:names:services:cpisquery/REPC_IN000007GB01"};
inline constexpr QLatin1String kQueryFailureAction{
    "urn:nhs:names:services:cpisquery/QUQI_IN010000UK14"};
inline constexpr QLatin1String kErrorAction{"urn:nhs:names:services:cpisquery/MCCI_IN010000UK13"};

// Namespaces and OIDs as Spine's transforms (spine2_xslt/CPIS_*.xsl) and the schemas use them.
inline constexpr QLatin1String kSoapNs{"http://schemas.xmlsoap.org/soap/envelope/"};
inline constexpr QLatin1String kWsaNs{"http://schemas.xmlsoap.org/ws/2004/08/addressing"};
inline constexpr QLatin1String kHl7Ns{"urn:hl7-org:v3"};
inline constexpr QLatin1String kNpfitNs{"NPFIT:HL7:Localisation"};
inline constexpr QLatin1String kInteractionRoot{"2.16.840.1.113883.2.1.3.2.4.12"};
inline constexpr QLatin1String kAsidRoot{"1.2.826.0.1285.0.2.0.107"};
inline constexpr QLatin1String kSdsUserRoot{"1.2.826.0.1285.0.2.0.65"};
inline constexpr QLatin1String kSdsRoleProfileRoot{"1.2.826.0.1285.0.2.0.67"};
inline constexpr QLatin1String kNhsNumberRoot{"2.16.840.1.113883.2.1.4.1"};
inline constexpr QLatin1String kOdsRoot{"2.16.840.1.113883.2.1.3.2.4.19.1"};
inline constexpr QLatin1String kTemplateRoot{"2.16.840.1.113883.2.1.3.2.4.18.16"};
inline constexpr QLatin1String kJobRoleSystem{"1.2.826.0.1285.0.2.1.104"};
inline constexpr QLatin1String kSpineErrorSystem{"2.16.840.1.113883.2.1.3.2.4.17.42"};

} // namespace cpis::sandbox::spine
