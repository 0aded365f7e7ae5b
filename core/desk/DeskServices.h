#pragma once

#include "core/arealist/AreaListClient.h"
#include "core/arealist/AreaListService.h"
#include "core/audit/AuditLogAuditor.h"
#include "core/crypto/KeyStore.h"
#include "core/lookup/LookupService.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/lookup/StoreAnswerCache.h"
#include "core/net/FhirTransport.h"
#include "core/notices/NoticeClient.h"
#include "core/review/ReviewClient.h"
#include "core/review/ReviewService.h"
#include "core/store/SecureStore.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace cpis {

class Clock;

// Everything below the screens, put together once: network, national-service client,
// keys, encrypted store, audit and the look-up service. The desk and the command line
// build the same stack, so they cannot drift apart.
class DeskServices : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl serviceUrl;         // national service (or sandbox) base
        QString environment;     // "training", or the service's host; tags cached answers
        bool training = false;   // the service is this desk's own sandbox on loopback
        QString storeDirectory;  // where the encrypted files live
        QString keychainService; // keychain entries are grouped under this name
        QString workstation;     // recorded in every audit entry
        SiteType site = SiteType::UnscheduledCare;
        FhirTransport::Settings transport;
        SecureStore::Options store;
    };

    // The settings both programs share: the environment tag, the keychain service name,
    // the workstation recorded in the audit log, and the store folder (the app's data
    // folder unless `storeDirectory` names one). `program` is how this workstation's
    // entries say which program made them.
    static Config defaultConfig(const QUrl& serviceUrl,
                                bool training,
                                const QString& storeDirectory,
                                const QString& program);

    // Opens the keys and the store; an error says what stopped it and changes nothing.
    static Result<std::unique_ptr<DeskServices>, StoreError>
    create(Config config, const Clock* clock, QObject* parent = nullptr);
    ~DeskServices() override;

    const Config& config() const { return m_config; }
    const Clock* clock() const { return m_clock; }
    QNetworkAccessManager& network() { return m_nam; }
    FhirTransport& transport() { return *m_transport; }
    NationalServiceClient& client() { return *m_client; }
    KeyStore& keys() { return m_keys; }
    SecureStore& store() { return *m_store; }
    AccessAuditor& auditor() { return *m_auditor; }
    LookupService& lookups() { return *m_lookup; }
    // Attendance notices (issue 7): the mailbox client; the store is store().notices().
    NoticeClient& noticeClient() { return *m_noticeClient; }
    ReviewService& review() { return *m_review; }         // issue 7: the site's positives
    AreaListService& areaLists() { return *m_areaLists; } // issue 7

    // Records an event that is not a look-up (sign-in, export, view...).
    Status<AccessAuditor::Error> audit(const UserSession& who, const AccessEvent& event);

private:
    DeskServices(Config config, const Clock* clock, QObject* parent);

    Config m_config;
    const Clock* m_clock;
    QNetworkAccessManager m_nam;
    KeyStore m_keys;
    std::unique_ptr<FhirTransport> m_transport;
    std::unique_ptr<NationalServiceClient> m_client;
    std::unique_ptr<SecureStore> m_store;
    std::unique_ptr<StoreAnswerCache> m_cache;
    std::unique_ptr<AuditLogAuditor> m_auditor;
    std::unique_ptr<LookupService> m_lookup;
    std::unique_ptr<NoticeClient> m_noticeClient; // issue 7
    // Issue 7: the safeguarding lead's review of the site's positives.
    std::unique_ptr<ReviewClient> m_reviewClient;
    std::unique_ptr<ReviewService> m_review;
    // Area lists (issue 7)
    std::unique_ptr<AreaListClient> m_areaListClient;
    std::unique_ptr<AreaListService> m_areaLists;
};

} // namespace cpis
