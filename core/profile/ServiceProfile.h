#pragma once

#include "core/domain/RoleScreens.h"
#include "core/domain/UserSession.h"
#include "core/profile/SignInSettings.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

namespace cpis {

// Which of the two published ways of asking CP-IS a profile uses.
enum class CpisInterface
{
    Hl7V3,     // the live Spine interface: HL7 V3 messages over SOAP with mutual TLS
    FhirDraft, // the draft FHIR R4 guide (and this desk's sandbox)
};

// Where each national service lives and how to reach it, as the administrator sets it for
// one environment (training, int, live...). Every address is a full base URL used as given:
// the clients append only the resource path the published specification defines.
struct ServiceProfile
{
    QString name;        // as the administrator's file names it; "training" is the sandbox
    QString environment; // shown in the window title and every CLI output, and audited
    // PDS FHIR R4 base, e.g. https://int.api.service.nhs.uk/personal-demographics/FHIR/R4
    QUrl pds;
    QUrl cpis; // CP-IS: the FHIR base, or for hl7v3 the full Spine endpoint
    // The draft FHIR API's base on an hl7v3 profile: the V3 interface has no query for the
    // children under a plan in an area, so area lists come from the FHIR side or not at all.
    QUrl cpisFhir;
    QUrl identity; // the identity provider's issuer (CIS2); signIn.issuer is its exact string
    SignInSettings signIn; // how the desk signs in and reaches the API platform
    QUrl mesh;             // the MESH server; its mailbox paths follow the MESH API
    // The local authority's MESH mailbox (its id as the environment issued it, e.g.
    // X26HC005) and the mailbox's own TLS certificate and key (PEM) for mutual TLS with MESH.
    // Its password and the environment's shared key are in the keychain (MeshSecrets), never
    // here.
    QString meshMailbox;
    QString meshClientCertificate;
    QString meshClientKey;
    QUrl auditHub; // the trust's audit hub; empty: not forwarded
    CpisInterface cpisInterface = CpisInterface::FhirDraft;
    QString caBundle;          // PEM file of the CAs to trust; empty: the system's
    QString clientCertificate; // PEM certificate for mutual TLS; empty: none
    QString
        clientKey; // its PEM private key (mode 0600), or for PKCS#12 the bundle's passphrase file
    // HL7 V3 over Spine: the desk's accredited system (ASID) and party key, and CP-IS's.
    QString deskAsid;
    QString deskPartyKey;
    QString cpisAsid;
    QString cpisPartyKey;
    std::chrono::milliseconds timeout{8000}; // one request, retries included
    QStringList bulkFileHosts; // hosts besides the CP-IS host that area-list files may come from
    SiteType site = SiteType::UnscheduledCare; // the administrator's, for every profile
    // Which functions each role is given: the administrator's [screens], for every profile.
    RoleScreens screens = RoleScreens::defaults();
    // Where exports are first offered to be saved (e.g. a shared, backed-up folder of the
    // trust); empty: the user's Documents folder.
    QString exportFolder;

    static const QString kTraining;
    // The sandbox's HL7 V3 identities; the sandbox answers to exactly these.
    static const QString kTrainingDeskAsid;     // "990101234568"
    static const QString kTrainingDeskPartyKey; // "DESK-TRAINING-1"
    static const QString kTrainingCpisAsid;     // "990101234567"
    static const QString kTrainingCpisPartyKey; // "CPIS-TRAINING-1"
    // The sandbox's training mailbox (the social worker's local authority, SHE1) and the
    // training secrets every sandbox mailbox takes (docs/sandbox.md): not secret, public.
    static const QString kTrainingMeshMailbox;   // "SHE1OT001"
    static const QString kTrainingMeshPassword;  // "password"
    static const QString kTrainingMeshSharedKey; // "TestKey"
    // The sandbox's CIS2 realm path under its base, and the API key its platform knows.
    static const QString kSandboxRealmPath;
    static const QString kTrainingPlatformApiKey; // "training-api-key"
    bool isTraining() const { return name == kTraining; }
    // Where area lists are asked for: the CP-IS base itself on a fhir profile, cpis-fhir on an
    // hl7v3 one (empty when the administrator names none: area lists are then unavailable).
    QUrl areaListBase() const
    {
        return cpisInterface == CpisInterface::FhirDraft ? cpis : cpisFhir;
    }

    // The built-in profiles: training (its addresses filled in once the sandbox listens, see
    // withSandbox), and the NHS integration and live hosts that are published; what is not
    // published for all (the CP-IS Spine endpoint, TLS material) the administrator adds.
    static ServiceProfile training();
    static std::optional<ServiceProfile> builtIn(const QString& name);
    static QStringList builtInNames();

    // The training profile pointed at the sandbox listening at `sandboxBase`; its CP-IS
    // address is the sandbox's FHIR base, or its Spine endpoint (/spine/cpis) for hl7v3.
    ServiceProfile withSandbox(const QUrl& sandboxBase) const;

    // Why this profile must not be used, or nullopt. Outside training every address must be
    // https (loopback gets no exemption); the PDS, CP-IS and identity addresses are required.
    // Checked before anything is sent.
    std::optional<QString> problem() const;

    // The settings that decide where data goes and what is disclosed, as one line with no
    // secret in it: recorded in the audit log when it differs from the last start's.
    QString fingerprint() const;
};

QString siteTypeName(SiteType site); // "unscheduled" | "scheduled"
std::optional<SiteType> siteTypeFromName(const QString& name);
QString cpisInterfaceName(CpisInterface i); // "hl7v3" | "fhir"
std::optional<CpisInterface> cpisInterfaceFromName(const QString& name);

} // namespace cpis
