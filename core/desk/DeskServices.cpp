#include "core/desk/DeskServices.h"

#include "core/desk/DeskLogging.h"
#include "core/domain/Clock.h"
#include "core/store/KeyProvider.h"

#include <QHostInfo>
#include <QStandardPaths>

namespace cpis {

const QString DeskServices::kDirectoryFile = QStringLiteral("directory.db");
const QString DeskServices::kNoticesFile = QStringLiteral("notices.db");
const QString DeskServices::kReviewFile = QStringLiteral("review.db");
const QString DeskServices::kAreaListsFile = QStringLiteral("arealists.db");

DeskServices::DeskServices(Config config, const Clock* clock, KeyProvider& keys, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock), m_keys(keys)
{}

DeskServices::Config DeskServices::defaultConfig(const QUrl& serviceUrl,
                                                 bool training,
                                                 const QString& storeDirectory,
                                                 const QString& program)
{
    Config c;
    c.serviceUrl = serviceUrl;
    c.training = training;
    c.environment = training ? QStringLiteral("training") : serviceUrl.host();
    c.storeDirectory = storeDirectory.isEmpty()
                           ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                           : storeDirectory;
    c.keychainService = QStringLiteral("cpis-desk");
    c.workstation = QHostInfo::localHostName() + QStringLiteral(" (") + program + u')';
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
    m_reviewStore.reset();
    m_reviewClient.reset();
    m_notices.reset();
    m_noticeClient.reset();
    m_directory.reset();
    m_search.reset();
    m_lookup.reset();
    m_client.reset();
    m_auditor.reset();
    m_cache.reset();
    m_transport.reset();
    m_store.reset();
}

Result<std::unique_ptr<DeskServices>, StoreError>
DeskServices::create(Config config, const Clock* clock, KeyProvider& keys, QObject* parent)
{
    // A list can be fetched again, so the cache's durability will do for it; hand-typed
    // directory entries, review decisions and notices keep every commit.
    config.store.databases = {
        {kDirectoryFile, SecureDb::Durability::EveryCommit},
        {kNoticesFile, SecureDb::Durability::EveryCommit},
        {kReviewFile, SecureDb::Durability::EveryCommit},
        {kAreaListsFile, SecureDb::Durability::AtCheckpoint},
    };
    std::unique_ptr<DeskServices> d(new DeskServices(std::move(config), clock, keys, parent));
    const Config& c = d->m_config;
    auto store = SecureStore::open(c.storeDirectory, keys, *clock, c.store);
    if (!store)
        return store.error();
    d->m_store = std::move(store.value());
    SecureStore& files = *d->m_store;

    auto directory = LocalDirectory::open(files.database(kDirectoryFile));
    if (!directory)
        return directory.error();
    d->m_directory = std::move(directory.value());
    auto notices = NoticeStore::open(files.database(kNoticesFile));
    if (!notices)
        return notices.error();
    d->m_notices = std::move(notices.value());
    auto review = ReviewStore::open(files.database(kReviewFile));
    if (!review)
        return review.error();
    d->m_reviewStore = std::move(review.value());
    auto lists = AreaListStore::open(files.database(kAreaListsFile));
    if (!lists)
        return lists.error();
    d->m_areaListStore = std::move(lists.value());

    FhirTransport::Settings transport = c.transport;
    transport.tls.allowUnverifiedLoopback = c.training;
    d->m_transport = std::make_unique<FhirTransport>(&d->m_nam, clock, transport);
    d->m_cache = std::make_unique<StoreAnswerCache>(files.cache(), c.environment);
    d->m_auditor = std::make_unique<AuditLogAuditor>(files.audit(), c.workstation);

    d->m_client = std::make_unique<NationalServiceClient>(d->m_transport.get(), c.serviceUrl);
    d->m_lookup =
        std::make_unique<LookupService>(d->m_client.get(), d->m_cache.get(), d->m_auditor.get(),
                                        clock, LookupService::Settings{c.site});
    d->m_search =
        std::make_unique<PatientSearchService>(d->m_client.get(), d->m_auditor.get(), clock);
    // The attendance-notice mailbox is on the same service host in the sandbox
    // (docs/api.md §10).
    d->m_noticeClient = std::make_unique<NoticeClient>(d->m_transport.get(), c.serviceUrl);
    d->m_reviewClient = std::make_unique<ReviewClient>(d->m_transport.get(), c.serviceUrl);
    d->m_review = std::make_unique<ReviewService>(d->m_reviewClient.get(), d->m_reviewStore.get(),
                                                  d->m_auditor.get(), clock);
    d->m_areaListClient =
        std::make_unique<AreaListClient>(d->m_transport.get(), c.serviceUrl, c.areaLists);
    d->m_areaLists = std::make_unique<AreaListService>(
        d->m_areaListClient.get(), d->m_areaListStore.get(), d->m_auditor.get(), clock);
    qCInfo(lcDesk, "services ready for %s%s", qUtf8Printable(c.serviceUrl.host()),
           c.training ? " (training)" : "");
    return d;
}

Status<AccessAuditor::Error> DeskServices::audit(const UserSession& who, const AccessEvent& event)
{
    return m_auditor->record(who, event);
}

} // namespace cpis
