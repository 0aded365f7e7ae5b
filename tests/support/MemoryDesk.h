#pragma once
// The desk's one composition root (DeskServices) over a real encrypted store in a temporary
// folder, keyed by an in-memory key provider, so GUI tests and integration tests need no
// keychain (the keychain has its own tests) yet run exactly the graph the desk runs.
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/store/MemoryKeyProvider.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace cpis::testsupport {

// A service that gives up within seconds rather than the production minute, so that a test of
// a failure does not wait a minute for it; long enough for the sandbox's 1.5 s latency scenario.
inline FhirTransport::Settings quickTransport()
{
    FhirTransport::Settings s;
    s.stallTimeout = std::chrono::milliseconds(2500);
    s.totalTimeout = std::chrono::milliseconds(4500);
    return s;
}

// Names one part of the composition root's graph the way the tests use it (`desk.lookups->`,
// `desk.lookups.get()`); it owns nothing.
template <class T> class Part
{
public:
    explicit Part(T& part) : m_part(&part) {}
    T* get() const { return m_part; }
    T* operator->() const { return m_part; }
    T& operator*() const { return *m_part; }

private:
    T* m_part;
};

// Changes a test makes to the training profile once it points at the sandbox (TLS material,
// `cpis-interface hl7v3` with the sandbox's Spine address, another sandbox for one service).
using ProfileEdit = std::function<void(ServiceProfile&)>;

struct MemoryDesk
{
    QTemporaryDir dir;
    SystemClock systemClock;
    const Clock& clock; // the system clock unless the test brings its own
    MemoryKeyProvider keys;
    std::unique_ptr<DeskServices> services;

    explicit MemoryDesk(const QUrl& base) : MemoryDesk(base, FhirTransport::Settings()) {}
    MemoryDesk(const QUrl& base,
               FhirTransport::Settings s,
               const Clock* testClock = nullptr,
               SiteType site = SiteType::UnscheduledCare,
               const QStringList& bulkFileHosts = {},
               const ProfileEdit& edit = {})
        : clock(testClock ? *testClock : systemClock),
          services(open(base, s, site, bulkFileHosts, edit)), nam(services->network()),
          transport(services->transport()), client(services->client()),
          audit(services->store().audit()), auditor(services->auditor()),
          lookups(services->lookups()), directory(services->localDirectory()),
          notices(services->notices()), meshClient(services->meshClient()),
          review(services->review()), areaListStore(services->areaListStore()),
          areaListClient(services->areaListClient()), areaLists(services->areaLists())
    {}

    // What users did, in order: every audit entry but those the composition root makes at start
    // to record the administrator's settings in force.
    QList<AuditEntry> userEntries(qint64 fromSeq = 1) const
    {
        QList<AuditEntry> out;
        (void)services->store().audit().forEach(
            [&](const AuditEntry& e) {
                if (e.action != AuditEntry::Action::Configuration)
                    out << e;
                return true;
            },
            fromSeq);
        return out;
    }

    QNetworkAccessManager& nam;
    Part<FhirTransport> transport;
    Part<NationalServiceClient> client;
    Part<AuditLog> audit;
    Part<AccessAuditor> auditor;
    Part<LookupService> lookups;
    Part<LocalDirectory> directory;
    Part<NoticeStore> notices;
    Part<MeshClient> meshClient;
    Part<ReviewService> review;
    Part<AreaListStore> areaListStore;
    Part<AreaListClient> areaListClient;
    Part<AreaListService> areaLists;

private:
    std::unique_ptr<DeskServices> open(const QUrl& base,
                                       FhirTransport::Settings s,
                                       SiteType site,
                                       const QStringList& fileHosts,
                                       const ProfileEdit& edit)
    {
        ServiceProfile profile = ServiceProfile::training().withSandbox(base);
        if (edit)
            edit(profile);
        auto config = DeskServices::defaultConfig(profile, dir.path(), QStringLiteral("test"));
        config.workstation = QStringLiteral("test-host");
        config.profile.site = site;
        config.profile.bulkFileHosts = fileHosts;
        config.transport = s;
        config.areaLists.maxPollDelay = std::chrono::milliseconds(50);
        auto desk = DeskServices::create(config, &clock, keys);
        if (!desk)
            qFatal("MemoryDesk: the composition root did not open: %s",
                   qPrintable(desk.error().message));
        return std::move(desk.value());
    }
};

} // namespace cpis::testsupport
