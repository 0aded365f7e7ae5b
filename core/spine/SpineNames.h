#pragma once

#include <QString>

namespace cpis::spine {

// Namespaces and identifiers of CP-IS on Spine (HL7 V3 over SOAP 1.1 with WS-Addressing), as
// Spine's own transforms and the CP-IS schemas use them.
inline constexpr QLatin1String kSoapNs{"http://schemas.xmlsoap.org/soap/envelope/"};
inline constexpr QLatin1String kWsaNs{"http://schemas.xmlsoap.org/ws/2004/08/addressing"};
inline constexpr QLatin1String kHl7Ns{"urn:hl7-org:v3"};
inline constexpr QLatin1String kNpfitLcNs{"NPFIT:HL7:Localisation"};
inline constexpr QLatin1String kXsiNs{"http://www.w3.org/2001/XMLSchema-instance"};

inline constexpr QLatin1String kQueryAction{"urn:nhs:names:services:cpisquery/QUPC_IN000006GB01"};
inline constexpr QLatin1String kQueryInteraction{"QUPC_IN000006GB01"};
inline constexpr QLatin1String kResponseInteraction{"REPC_IN000007GB01"};
inline constexpr QLatin1String kQueryFailureInteraction{"QUQI_IN010000UK14"};
inline constexpr QLatin1String kAckInteraction{"MCCI_IN010000UK13"};

inline constexpr QLatin1String kInteractionRoot{"2.16.840.1.113883.2.1.3.2.4.12"};
inline constexpr QLatin1String kAsidRoot{"1.2.826.0.1285.0.2.0.107"};
inline constexpr QLatin1String kSdsUserRoot{"1.2.826.0.1285.0.2.0.65"};
inline constexpr QLatin1String kSdsRoleProfileRoot{"1.2.826.0.1285.0.2.0.67"};
inline constexpr QLatin1String kSdsJobRoleRoot{"1.2.826.0.1285.0.2.1.104"};
inline constexpr QLatin1String kOdsRoot{"2.16.840.1.113883.2.1.3.2.4.19.1"};
inline constexpr QLatin1String kTemplateContentRoot{"2.16.840.1.113883.2.1.3.2.4.18.16"};
inline constexpr QLatin1String kVersionCode{"V3NPfIT3.0"};

} // namespace cpis::spine
