#include "core/desk/DeskServices.h"

#include "core/audit/AuditLog.h"
#include "core/audit/PendingAccessRecorder.h"
#include "core/desk/DeskLogging.h"
#include "core/domain/Clock.h"
#include "core/lookup/FhirCpisAdapter.h"
#include "core/lookup/SpineCpisAdapter.h"
#include "core/mesh/MeshSecrets.h"
#include "core/profile/ProfileTls.h"
#include "core/store/KeyProvider.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QStandardPaths>

namespace cpis {

const QString DeskServices::kDirectoryFile = QStringLiteral("directory.db");
const QString DeskServices::kNoticesFile = QStringLiteral("notices.db");
const QString DeskServices::kAreaListsFile = QStringLiteral("arealists.db");

DeskServices::DeskServices(Config config, const Clock* clock, KeyProvider& keys, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock), m_keys(keys)
{}

DeskServices::Config DeskServices::defaultConfig(const ServiceProfile& profile,
                                                 const QString& storeDirectory,
                                                 const QString& program)
{
    Config c;
    c.profile = profile;
    c.storeDirectory = storeDirectory.isEmpty()
                           ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                 u'/' + profile.environment
                           : storeDirectory;
    c.keychainService = QStringLiteral("cpis-desk");
    c.workstation = QHostInfo::localHostName() + QStringLiteral(" (") + program + u')';
    bool ok = false;
    const int wait = qEnvironmentVariableIntValue("CPIS_STORE_WAIT_SECONDS", &ok);
    if (ok && wait >= 0)
        c.store.lockWait = std::chrono::seconds(wait);
    return c;
}

DeskServices::~DeskServices()
{
    // Work in flight holds clients, stores and the auditor: the services go first, then what
    // they use, and the store (whose audit log saves its anchor on close) last.
    m_areaLists.reset();
    m_areaListStore.reset();
    m_areaListClient.reset();
    m_review.reset();
    m_reviewHub.reset();
    m_notices.reset();
    m_meshClient.reset();
    m_directory.reset();
    m_search.reset();
    m_lookup.reset();
    m_cpis.reset();
    m_spineTransport.reset();
    m_client.reset();
    m_auditor.reset();
    m_notes.reset();
    m_cache.reset();
    m_transport.reset();
    m_anchorTimer.stop();
    if (m_store)
        flushAuditAnchor();
    if (m_store)
        m_store->audit().clearAppendObservers();
    m_hub.reset();
    m_store.reset();
}

Result<std::unique_ptr<DeskServices>, DeskServices::Error>
DeskServices::create(Config config, const Clock* clock, KeyProvider& keys, QObject* parent)
{
    const auto refuse = [](const QString& why) { return Error{Error::Kind::Profile, why}; };
    const auto storeFailed = [](const StoreError& e) {
        return Error{Error::Kind::Store, e.message, e.code};
    };
    // Before any file is opened or byte sent: an address that is not https outside training,
    // HL7 V3 without the ASIDs Spine routes by, TLS material that cannot be read.
    if (auto bad = config.profile.problem())
        return refuse(*bad);
    if (config.profile.cpisInterface == CpisInterface::Hl7V3 &&
        (config.profile.deskAsid.isEmpty() || config.profile.cpisAsid.isEmpty()))
        return refuse(QStringLiteral("profile '%1' asks CP-IS over HL7 V3 (Spine) and needs "
                                     "desk-asid and cpis-asid")
                          .arg(config.profile.name));
    auto tls = tlsPolicyFor(config.profile);
    if (!tls)
        return refuse(tls.error());
    config.transport.tls = tls.value();
    config.transport.totalTimeout = config.profile.timeout;
    config.areaLists.fileHosts = config.profile.bulkFileHosts;

    // A list can be fetched again, so the cache's durability will do for it; hand-typed
    // directory entries and notices keep every commit. Review decisions live at the hub.
    config.store.databases = {
        {kDirectoryFile, SecureDb::Durability::EveryCommit},
        {kNoticesFile, SecureDb::Durability::EveryCommit},
        {kAreaListsFile, SecureDb::Durability::AtCheckpoint},
    };
    // The review queue desks once kept for themselves, before the review moved to the hub.
    config.store.retired = {QStringLiteral("review.db")};
    // Saved by the timer below, after the answer is delivered, never inside the look-up.
    config.store.audit.anchorEvery = 0;
    std::unique_ptr<DeskServices> d(new DeskServices(std::move(config), clock, keys, parent));
    const Config& c = d->m_config;
    auto store = SecureStore::open(c.storeDirectory, keys, *clock, c.store);
    if (!store)
        return storeFailed(store.error());
    d->m_store = std::move(store.value());
    SecureStore& files = *d->m_store;
    DeskServices* self = d.get();
    d->m_anchorTimer.setSingleShot(true);
    d->m_anchorTimer.setInterval(c.anchorDelay);
    connect(&d->m_anchorTimer, &QTimer::timeout, d.get(), [self] { self->flushAuditAnchor(); });
    // Not restarted by later entries: a steady stream of look-ups must not put it off.
    files.audit().addAppendObserver([self] {
        if (!self->m_anchorTimer.isActive())
            self->m_anchorTimer.start();
    });

    auto directory = LocalDirectory::open(files.database(kDirectoryFile));
    if (!directory)
        return storeFailed(directory.error());
    d->m_directory = std::move(directory.value());
    auto notices = NoticeStore::open(files.database(kNoticesFile));
    if (!notices)
        return storeFailed(notices.error());
    d->m_notices = std::move(notices.value());
    auto lists = AreaListStore::open(files.database(kAreaListsFile));
    if (!lists)
        return storeFailed(lists.error());
    d->m_areaListStore = std::move(lists.value());

    const ServiceProfile& p = c.profile;
    d->m_transport = std::make_unique<FhirTransport>(&d->m_nam, clock, c.transport);
    d->m_cache = std::make_unique<StoreAnswerCache>(files.cache(), p.environment);
    // Accesses are noted on a connection and thread of their own, so that their flush runs
    // while the request is on the network. Without it each entry is flushed by itself.
    if (auto notes = files.auditDatabase().openSibling(); notes)
        d->m_notes = std::make_unique<PendingAccessRecorder>(std::move(notes.value()));
    else
        qCWarning(lcDesk, "accesses will not be noted ahead: %s",
                  qUtf8Printable(notes.error().message));
    d->m_auditor = std::make_unique<AuditLogAuditor>(files.audit(), c.workstation, p.environment,
                                                     d->m_notes.get(), clock);
    if (!p.auditHub.isEmpty()) {
        // Entries wait in the log until the hub has them: a hub that cannot be reached, or a
        // password missing from the keychain, shows in the status and stops nothing.
        auto password = keys.read(HubAddress::passwordEntry(p.name));
        auto hub = HubForwarder::create(
            files.auditDatabase(),
            HubAddress::fromProfile(p, password.ok() && *password ? **password : QByteArray()),
            *clock, c.hub);
        if (!hub)
            return storeFailed(hub.error());
        d->m_hub = std::move(hub.value());
        HubForwarder* forwarder = d->m_hub.get();
        files.audit().addAppendObserver([forwarder] { forwarder->wake(); });
    }
    if (auto recorded = d->recordConfiguration(); !recorded)
        return Error{Error::Kind::Store, recorded.error(), StoreError::Code::Sql};

    d->m_client = std::make_unique<NationalServiceClient>(d->m_transport.get(), p.pds, p.cpis);
    if (p.cpisInterface == CpisInterface::Hl7V3) {
        SpineTransport::Settings spine;
        spine.tls = c.transport.tls;
        spine.stallTimeout = c.transport.stallTimeout;
        spine.totalTimeout = c.transport.totalTimeout;
        spine.retry = c.transport.retry;
        d->m_spineTransport = std::make_unique<SpineTransport>(&d->m_nam, clock, spine);
        d->m_cpis = std::make_unique<SpineCpisAdapter>(
            d->m_spineTransport.get(), clock,
            SpineCpisAdapter::Settings{p.cpis, p.deskAsid, p.deskPartyKey, p.cpisAsid,
                                       p.cpisPartyKey});
    } else {
        d->m_cpis = std::make_unique<FhirCpisAdapter>(d->m_client.get());
    }
    d->m_lookup =
        std::make_unique<LookupService>(d->m_client.get(), d->m_cpis.get(), d->m_cache.get(),
                                        d->m_auditor.get(), clock, LookupService::Settings{p.site});
    d->m_search =
        std::make_unique<PatientSearchService>(d->m_client.get(), d->m_auditor.get(), clock);
    d->m_meshClient = makeMeshClient(*d, keys);
    // The lead's review of the site's positives is kept at the audit hub, read and written as
    // this desk's own hub role; without a hub there is no review (the screen says so).
    if (!p.auditHub.isEmpty()) {
        auto password = keys.read(HubAddress::passwordEntry(p.name));
        d->m_reviewHub = std::make_unique<HubReviewClient>(
            HubAddress::fromProfile(p, password.ok() && *password ? **password : QByteArray()));
    }
    d->m_review = std::make_unique<ReviewService>(d->m_reviewHub.get(), d->m_auditor.get(), clock);
    d->m_areaListClient = std::make_unique<AreaListClient>(d->m_transport.get(), p.areaListBase(),
                                                           c.areaLists, clock, nullptr);
    d->m_areaLists = std::make_unique<AreaListService>(
        d->m_areaListClient.get(), d->m_areaListStore.get(), d->m_auditor.get(), clock);
    qCInfo(lcDesk, "services ready for profile %s (%s)", qUtf8Printable(p.name),
           qUtf8Printable(p.environment));
    return d;
}

std::unique_ptr<MeshClient> DeskServices::makeMeshClient(DeskServices& d, KeyProvider& keys)
{
    const Config& c = d.m_config;
    const ServiceProfile& p = c.profile;
    MeshClient::Settings mesh;
    mesh.base = p.mesh;
    mesh.stallTimeout = c.meshStallTimeout;
    mesh.totalTimeout = c.meshTotalTimeout;
    mesh.maxResults = c.meshPageSize;
    mesh.clientVersion = "CP-IS-Desk==" + QCoreApplication::applicationVersion().toUtf8();
    // The CAs and the loopback rule as for every service; the client certificate is the
    // mailbox's own, never the desk's Spine certificate.
    mesh.tls = c.transport.tls;
    mesh.tls.clientCertificate = QSslCertificate();
    mesh.tls.clientKey = QSslKey();
    if (!p.meshClientCertificate.isEmpty()) {
        ServiceProfile forMesh = p;
        forMesh.clientCertificate = p.meshClientCertificate;
        forMesh.clientKey = p.meshClientKey;
        if (auto tls = tlsPolicyFor(forMesh); tls) {
            mesh.tls.clientCertificate = tls->clientCertificate;
            mesh.tls.clientKey = tls->clientKey;
        } else {
            // The server will refuse the connection, and the notices screen says so.
            qCWarning(lcDesk, "the MESH mailbox certificate could not be read: %s",
                      qUtf8Printable(tls.error()));
        }
    }
    MeshCredentials credentials;
    credentials.mailboxId = p.meshMailbox;
    if (p.isTraining()) {
        credentials.password = SecretBytes(ServiceProfile::kTrainingMeshPassword.toUtf8());
        credentials.sharedKey = SecretBytes(ServiceProfile::kTrainingMeshSharedKey.toUtf8());
    } else {
        auto password = keys.read(MeshSecrets::passwordEntry(p.name));
        auto sharedKey = keys.read(MeshSecrets::sharedKeyEntry(p.name));
        if (password.ok() && *password && sharedKey.ok() && *sharedKey) {
            QByteArray pw = **password;
            QByteArray key = **sharedKey;
            credentials.password = SecretBytes(pw);
            credentials.sharedKey = SecretBytes(key);
            wipe(pw);
            wipe(key);
        }
    }
    return std::make_unique<MeshClient>(&d.m_nam, *d.m_clock, std::move(mesh),
                                        std::move(credentials));
}

Status<QString> DeskServices::recordConfiguration()
{
    AuditLog& log = m_store->audit();
    auto last = log.latestConfiguration();
    if (!last)
        return last.error().message;
    const QString now = m_config.profile.fingerprint();
    if (last.value() && last.value()->outcomeDetail == now)
        return {};
    // Nobody signed in makes this entry: the desk records what the administrator's file put
    // in force, so a change of site type or service shows in the log before any look-up.
    AuditEntry e;
    e.userId = QStringLiteral("system");
    e.userName = QStringLiteral("CP-IS Desk at start");
    e.action = AuditEntry::Action::Configuration;
    e.outcome = AuditEntry::Outcome::Success;
    e.outcomeDetail = now;
    e.reason = last.value() ? QStringLiteral("the administrator's settings changed since the last "
                                             "start")
                            : QStringLiteral("first start with this store");
    e.workstation = m_config.workstation;
    e.environment = m_config.profile.environment;
    if (auto appended = log.append(e); !appended)
        return appended.error().message;
    qCInfo(lcDesk, "recorded the configuration in force");
    return {};
}

StoreStatus DeskServices::flushAuditAnchor()
{
    m_anchorTimer.stop();
    AuditLog& log = m_store->audit();
    const bool pending = log.anchorPending() || log.anchorMissing();
    const StoreStatus s = log.flushAnchor();
    if (!s)
        emit auditAnchorFailed(s.error().message);
    else if (pending)
        emit auditAnchorSaved();
    return s;
}

bool DeskServices::auditAnchorFailing() const
{
    return !m_store->audit().anchorStatus().ok();
}

Status<AccessAuditor::Error> DeskServices::audit(const UserSession& who, const AccessEvent& event)
{
    return m_auditor->record(who, event);
}

void DeskServices::forgetSession()
{
    m_lookup->forgetSession();
    m_search->forgetSession();
    m_areaLists->forgetSession();
    m_nam.clearAccessCache();
    m_nam.clearConnectionCache();
    m_store->releaseMemory();
    if (m_notes)
        m_notes->releaseMemory();
}

void DeskServices::warmConnections()
{
    for (const QUrl& url : {m_config.profile.pds, m_config.profile.cpis}) {
        if (url.isEmpty())
            continue;
        if (url.scheme() == u"https") {
            // The same TLS configuration as the requests', so that they reuse the connection.
            QNetworkRequest request(url);
            m_config.transport.tls.apply(request);
            m_nam.connectToHostEncrypted(url.host(), quint16(url.port(443)),
                                         request.sslConfiguration());
        } else {
            m_nam.connectToHost(url.host(), quint16(url.port(80)));
        }
    }
}

} // namespace cpis
