#include "core/desk/DeskServices.h"

#include "core/desk/DeskLogging.h"
#include "core/domain/Clock.h"

#include <QHostInfo>
#include <QStandardPaths>

namespace cpis {

DeskServices::DeskServices(Config config, const Clock* clock, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock), m_keys(m_config.keychainService)
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
    // Look-ups in flight hold the client and the auditor: they go first.
    m_review.reset(); // issue 7
    m_reviewClient.reset();
    m_areaLists.reset();
    m_areaListClient.reset();
    m_lookup.reset();
    m_auditor.reset();
    m_cache.reset();
    m_store.reset();
}

Result<std::unique_ptr<DeskServices>, StoreError>
DeskServices::create(Config config, const Clock* clock, QObject* parent)
{
    std::unique_ptr<DeskServices> d(new DeskServices(std::move(config), clock, parent));
    auto store =
        SecureStore::open(d->m_config.storeDirectory, d->m_keys, *clock, d->m_config.store);
    if (!store)
        return store.error();
    d->m_store = std::move(store.value());

    FhirTransport::Settings transport = d->m_config.transport;
    transport.allowUnverifiedLoopback = d->m_config.training;
    d->m_transport = std::make_unique<FhirTransport>(&d->m_nam, clock, transport);
    d->m_client =
        std::make_unique<NationalServiceClient>(d->m_transport.get(), d->m_config.serviceUrl);
    // Attendance notices (issue 7): the same service host in this sandbox (docs/api.md §10).
    d->m_noticeClient =
        std::make_unique<NoticeClient>(d->m_transport.get(), d->m_config.serviceUrl);
    d->m_cache = std::make_unique<StoreAnswerCache>(d->m_store->cache(), d->m_config.environment);
    d->m_auditor = std::make_unique<AuditLogAuditor>(d->m_store->audit(), d->m_config.workstation);
    d->m_lookup =
        std::make_unique<LookupService>(d->m_client.get(), d->m_cache.get(), d->m_auditor.get(),
                                        clock, LookupService::Settings{d->m_config.site});
    // Issue 7: the site review queue.
    d->m_reviewClient =
        std::make_unique<ReviewClient>(d->m_transport.get(), d->m_config.serviceUrl);
    d->m_review = std::make_unique<ReviewService>(d->m_reviewClient.get(), &d->m_store->review(),
                                                  d->m_auditor.get(), clock);
    // Area lists (issue 7)
    d->m_areaListClient = std::make_unique<AreaListClient>(
        d->m_transport.get(), &d->m_nam, d->m_config.serviceUrl, AreaListClient::Settings{});
    d->m_areaLists = std::make_unique<AreaListService>(
        d->m_areaListClient.get(), &d->m_store->areaLists(), d->m_auditor.get(), clock);
    qCInfo(lcDesk, "services ready for %s%s", qUtf8Printable(d->m_config.serviceUrl.host()),
           d->m_config.training ? " (training)" : "");
    return d;
}

Status<AccessAuditor::Error> DeskServices::audit(const UserSession& who, const AccessEvent& event)
{
    return m_auditor->record(who, event);
}

} // namespace cpis
