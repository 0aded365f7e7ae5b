#pragma once
// The desk's look-up stack over a real encrypted store keyed with a fixed in-memory key,
// so GUI tests and benchmarks need no keychain (the keychain has its own tests).
#include "core/arealist/AreaListClient.h"
#include "core/arealist/AreaListService.h"
#include "core/arealist/AreaListStore.h"
#include "core/audit/AuditLog.h"
#include "core/audit/AuditLogAuditor.h"
#include "core/directory/LocalDirectory.h"
#include "core/domain/Clock.h"
#include "core/lookup/LookupService.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/lookup/StoreAnswerCache.h"
#include "core/net/FhirTransport.h"
#include "core/notices/NoticeClient.h"
#include "core/notices/NoticeStore.h"
#include "core/review/ReviewClient.h"
#include "core/review/ReviewService.h"
#include "core/review/ReviewStore.h"
#include "core/store/Cache.h"
#include "core/store/SecureDb.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

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

struct MemoryDesk
{
    QTemporaryDir dir;
    SystemClock systemClock;
    const Clock& clock; // the system clock unless the test brings its own
    MemoryAnchorStore anchors;
    std::unique_ptr<SecureDb> cacheDb;
    std::unique_ptr<SecureDb> auditDb;
    std::unique_ptr<SecureDb> directoryDb;
    std::unique_ptr<Cache> cache;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<LocalDirectory> directory;
    QNetworkAccessManager nam;
    std::unique_ptr<FhirTransport> transport;
    std::unique_ptr<NationalServiceClient> client;
    std::unique_ptr<StoreAnswerCache> answers;
    std::unique_ptr<AuditLogAuditor> auditor;
    std::unique_ptr<LookupService> lookups;
    // Attendance notices (issue 7): the mailbox client and the notices' own encrypted file.
    std::unique_ptr<SecureDb> noticesDb;
    std::unique_ptr<NoticeStore> notices;
    std::unique_ptr<NoticeClient> noticeClient;
    // Issue 7: the site review queue (own file, as SecureStore keeps it).
    std::unique_ptr<SecureDb> reviewDb;
    std::unique_ptr<ReviewStore> reviewStore;
    std::unique_ptr<ReviewClient> reviewClient;
    std::unique_ptr<ReviewService> review;
    // Area lists (issue 7)
    std::unique_ptr<SecureDb> areaListsDb;
    std::unique_ptr<AreaListStore> areaListStore;
    std::unique_ptr<AreaListClient> areaListClient;
    std::unique_ptr<AreaListService> areaLists;

    explicit MemoryDesk(const QUrl& base) : MemoryDesk(base, FhirTransport::Settings()) {}
    MemoryDesk(const QUrl& base,
               FhirTransport::Settings s,
               const Clock* testClock = nullptr,
               SiteType site = SiteType::UnscheduledCare)
        : clock(testClock ? *testClock : systemClock)
    {
        const QByteArray key(32, '\x5a');
        cacheDb = std::move(SecureDb::open(dir.filePath(QStringLiteral("c.db")), key).value());
        auditDb = std::move(SecureDb::open(dir.filePath(QStringLiteral("a.db")), key).value());
        (void)cacheDb->setDurability(SecureDb::Durability::AtCheckpoint); // as SecureStore
        cache = std::move(Cache::open(*cacheDb, clock).value());
        audit = std::move(AuditLog::open(*auditDb, QByteArray(32, '\x33'), anchors, clock).value());
        directoryDb = std::move(SecureDb::open(dir.filePath(QStringLiteral("d.db")), key).value());
        directory = std::move(LocalDirectory::open(*directoryDb).value());
        s.tls.allowUnverifiedLoopback = true;
        transport = std::make_unique<FhirTransport>(&nam, &clock, s);
        client = std::make_unique<NationalServiceClient>(transport.get(), base);
        answers = std::make_unique<StoreAnswerCache>(*cache, QStringLiteral("training"));
        auditor = std::make_unique<AuditLogAuditor>(*audit, QStringLiteral("test-host"));
        lookups = std::make_unique<LookupService>(client.get(), answers.get(), auditor.get(),
                                                  &clock, LookupService::Settings{site});
        // Attendance notices (issue 7).
        noticesDb = std::move(SecureDb::open(dir.filePath(QStringLiteral("n.db")), key).value());
        notices = std::move(NoticeStore::open(*noticesDb).value());
        noticeClient = std::make_unique<NoticeClient>(transport.get(), base);
        // Issue 7: the site review queue.
        reviewDb = std::move(SecureDb::open(dir.filePath(QStringLiteral("r.db")), key).value());
        reviewStore = std::move(ReviewStore::open(*reviewDb).value());
        reviewClient = std::make_unique<ReviewClient>(transport.get(), base);
        review = std::make_unique<ReviewService>(reviewClient.get(), reviewStore.get(),
                                                 auditor.get(), &clock);
        // Area lists (issue 7)
        areaListsDb = std::move(SecureDb::open(dir.filePath(QStringLiteral("l.db")), key).value());
        (void)areaListsDb->setDurability(SecureDb::Durability::AtCheckpoint); // as SecureStore
        areaListStore = std::move(AreaListStore::open(*areaListsDb).value());
        AreaListClient::Settings listSettings;
        listSettings.maxPollDelay = std::chrono::milliseconds(50);
        areaListClient = std::make_unique<AreaListClient>(transport.get(), base, listSettings);
        areaLists = std::make_unique<AreaListService>(areaListClient.get(), areaListStore.get(),
                                                      auditor.get(), &clock);
    }

    ~MemoryDesk()
    {
        review.reset(); // issue 7: holds the client, the store and the auditor
        reviewClient.reset();
        lookups.reset();   // look-ups in flight hold the client and the auditor
        areaLists.reset(); // syncs and look-ups in flight hold the client and the auditor
        areaListClient.reset();
        lookups.reset();
        auditor.reset();
    }
};

} // namespace cpis::testsupport
