#include "core/profile/ServiceProfile.h"

namespace cpis {

const QString ServiceProfile::kTraining = QStringLiteral("training");
const QString ServiceProfile::kTrainingDeskAsid = QStringLiteral("990101234568");
const QString ServiceProfile::kTrainingDeskPartyKey = QStringLiteral("DESK-TRAINING-1");
const QString ServiceProfile::kTrainingCpisAsid = QStringLiteral("990101234567");
const QString ServiceProfile::kTrainingCpisPartyKey = QStringLiteral("CPIS-TRAINING-1");
const QString ServiceProfile::kTrainingMeshMailbox = QStringLiteral("SHE1OT001");
const QString ServiceProfile::kTrainingMeshPassword = QStringLiteral("password");
const QString ServiceProfile::kTrainingMeshSharedKey = QStringLiteral("TestKey");
const QString ServiceProfile::kTrainingPlatformApiKey = QStringLiteral("training-api-key");

namespace {

QUrl under(const QUrl& base, const QString& path)
{
    QUrl u = base;
    QString p = base.path();
    if (p.endsWith(u'/'))
        p.chop(1);
    u.setPath(p + path);
    return u;
}

// Published by NHS England: the PDS servers in its OpenAPI specification, the CIS2 issuers
// (../shared/cis2.md) and the MESH servers in the MESH API specification.
ServiceProfile nhsTemplate(const QString& name)
{
    ServiceProfile p;
    p.name = name;
    p.environment = name;
    p.cpisInterface = CpisInterface::Hl7V3;
    if (name == u"int") {
        p.pds =
            QUrl(QStringLiteral("https://int.api.service.nhs.uk/personal-demographics/FHIR/R4"));
        p.identity = QUrl(QStringLiteral(
            "https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk:443/openam/oauth2/realms/"
            "root/realms/NHSIdentity/realms/Healthcare"));
        p.mesh = QUrl(QStringLiteral("https://msg.intspineservices.nhs.uk"));
        p.signIn.platformTokenUrl =
            QUrl(QStringLiteral("https://int.api.service.nhs.uk/oauth2/token"));
    } else {
        p.pds = QUrl(QStringLiteral("https://api.service.nhs.uk/personal-demographics/FHIR/R4"));
        p.identity = QUrl(QStringLiteral(
            "https://am.nhsidentity.spineservices.nhs.uk:443/openam/oauth2/realms/root/realms/"
            "NHSIdentity/realms/Healthcare"));
        p.mesh = QUrl(QStringLiteral("https://mesh-sync.spineservices.nhs.uk"));
        p.signIn.platformTokenUrl = QUrl(QStringLiteral("https://api.service.nhs.uk/oauth2/token"));
    }
    // The issuer exactly as CIS2 publishes it, ":443" included (cis2.md §2).
    p.signIn.issuer = p.identity.toString();
    return p;
}

} // namespace

const QString ServiceProfile::kSandboxRealmPath =
    QStringLiteral("/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare");

ServiceProfile ServiceProfile::training()
{
    ServiceProfile p;
    p.name = kTraining;
    p.environment = kTraining;
    p.cpisInterface = CpisInterface::FhirDraft;
    p.deskAsid = kTrainingDeskAsid;
    p.deskPartyKey = kTrainingDeskPartyKey;
    p.meshMailbox = kTrainingMeshMailbox;
    p.cpisAsid = kTrainingCpisAsid;
    p.cpisPartyKey = kTrainingCpisPartyKey;
    // The sandbox accepts any loopback port, so parallel training desks never collide.
    p.signIn.redirectPort = 0;
    return p;
}

QStringList ServiceProfile::builtInNames()
{
    return {kTraining, QStringLiteral("int"), QStringLiteral("live")};
}

std::optional<ServiceProfile> ServiceProfile::builtIn(const QString& name)
{
    if (name == kTraining)
        return training();
    if (name == u"int" || name == u"live")
        return nhsTemplate(name);
    return std::nullopt;
}

ServiceProfile ServiceProfile::withSandbox(const QUrl& sandboxBase) const
{
    ServiceProfile p = *this;
    p.pds = under(sandboxBase, QStringLiteral("/personal-demographics/FHIR/R4"));
    p.cpis =
        under(sandboxBase, cpisInterface == CpisInterface::Hl7V3 ? QStringLiteral("/spine/cpis")
                                                                 : QStringLiteral("/cpis/FHIR/R4"));
    p.cpisFhir = under(sandboxBase, QStringLiteral("/cpis/FHIR/R4"));
    p.identity = under(sandboxBase, kSandboxRealmPath);
    p.signIn.issuer = p.identity.toString();
    p.signIn.platformTokenUrl = under(sandboxBase, QStringLiteral("/oauth2/token"));
    p.signIn.platformApiKey = kTrainingPlatformApiKey;
    p.signIn.platformRevocationUrl = under(sandboxBase, QStringLiteral("/oauth2/revoke"));
    p.mesh = sandboxBase;
    return p;
}

std::optional<QString> ServiceProfile::problem() const
{
    const QList<std::pair<QString, const QUrl*>> addresses = {
        {QStringLiteral("pds"), &pds},
        {QStringLiteral("cpis"), &cpis},
        {QStringLiteral("cpis-fhir"), &cpisFhir},
        {QStringLiteral("identity"), &identity},
        {QStringLiteral("mesh"), &mesh},
        {QStringLiteral("platform-token-url"), &signIn.platformTokenUrl},
        {QStringLiteral("platform-revocation-url"), &signIn.platformRevocationUrl},
        {QStringLiteral("audit-hub"), &auditHub}};
    for (const auto& [key, url] : addresses) {
        const bool required = key == u"pds" || key == u"cpis" || key == u"identity";
        if (url->isEmpty()) {
            if (required)
                return QStringLiteral("profile '%1' gives no %2 address").arg(name, key);
            continue;
        }
        if (!url->isValid() || url->host().isEmpty())
            return QStringLiteral("profile '%1': the %2 address is not a valid URL").arg(name, key);
        const QString scheme = url->scheme().toLower();
        // The audit hub is a database server: its scheme is the database's, with TLS required
        // by its own settings.
        if (key == u"audit-hub") {
            if (scheme != u"postgresql" && scheme != u"postgres")
                return QStringLiteral("profile '%1': the audit-hub address must be postgresql://")
                    .arg(name);
            continue;
        }
        if (isTraining() ? (scheme != u"https" && scheme != u"http") : scheme != u"https")
            return QStringLiteral("profile '%1': the %2 address must be https:// (%3:// is "
                                  "refused outside training)")
                .arg(name, key, scheme);
    }
    if (meshClientCertificate.isEmpty() != meshClientKey.isEmpty())
        return QStringLiteral("profile '%1': a MESH client certificate needs its key, and a key "
                              "its certificate")
            .arg(name);
    if (clientCertificate.isEmpty() != clientKey.isEmpty())
        return QStringLiteral("profile '%1': a client certificate needs its key, and a key its "
                              "certificate")
            .arg(name);
    return std::nullopt;
}

QString ServiceProfile::fingerprint() const
{
    QStringList parts = {
        QStringLiteral("profile=") + name,
        QStringLiteral("environment=") + environment,
        QStringLiteral("site=") + siteTypeName(site),
        QStringLiteral("cpis-interface=") + cpisInterfaceName(cpisInterface),
    };
    // The sandbox's port changes at every start: training is one place wherever it listens.
    if (!isTraining()) {
        parts << QStringLiteral("pds=") + pds.toString()
              << QStringLiteral("cpis=") + cpis.toString()
              << QStringLiteral("cpis-fhir=") + cpisFhir.toString()
              << QStringLiteral("identity=") + identity.toString()
              << QStringLiteral("mesh=") + mesh.toString()
              << QStringLiteral("mesh-mailbox=") + meshMailbox
              << QStringLiteral("mesh-client-certificate=") + meshClientCertificate
              << QStringLiteral("audit-hub=") + auditHub.toString(QUrl::RemoveUserInfo)
              << QStringLiteral("ca-bundle=") + caBundle
              << QStringLiteral("client-certificate=") + clientCertificate
              << QStringLiteral("bulk-file-hosts=") + bulkFileHosts.join(u',');
    }
    // Only when set, so that a start without them records no change of settings.
    if (!screens.isDefault())
        parts << QStringLiteral("screens=") + screens.describe().replace(u'\n', u';');
    if (!isTraining() && !deskAsid.isEmpty())
        parts << QStringLiteral("desk-asid=") + deskAsid;
    if (!isTraining() && !cpisAsid.isEmpty())
        parts << QStringLiteral("cpis-asid=") + cpisAsid;
    if (!exportFolder.isEmpty())
        parts << QStringLiteral("export-folder=") + exportFolder;
    return parts.join(u' ');
}

QString siteTypeName(SiteType site)
{
    return site == SiteType::ScheduledCare ? QStringLiteral("scheduled")
                                           : QStringLiteral("unscheduled");
}

std::optional<SiteType> siteTypeFromName(const QString& name)
{
    if (name == u"unscheduled")
        return SiteType::UnscheduledCare;
    if (name == u"scheduled")
        return SiteType::ScheduledCare;
    return std::nullopt;
}

QString cpisInterfaceName(CpisInterface i)
{
    return i == CpisInterface::Hl7V3 ? QStringLiteral("hl7v3") : QStringLiteral("fhir");
}

std::optional<CpisInterface> cpisInterfaceFromName(const QString& name)
{
    if (name == u"hl7v3")
        return CpisInterface::Hl7V3;
    if (name == u"fhir")
        return CpisInterface::FhirDraft;
    return std::nullopt;
}

} // namespace cpis
