#pragma once

#include "core/arealist/AreaListClient.h"
#include "core/arealist/AreaListService.h"
#include "core/arealist/AreaListStore.h"
#include "core/audit/AuditLogAuditor.h"
#include "core/audit/PendingAccessRecorder.h"
#include "core/desk/SecureStore.h"
#include "core/directory/LocalDirectory.h"
#include "core/hub/HubForwarder.h"
#include "core/lookup/CpisPort.h"
#include "core/lookup/LookupService.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/lookup/PatientSearchService.h"
#include "core/lookup/StoreAnswerCache.h"
#include "core/mesh/MeshClient.h"
#include "core/net/FhirTransport.h"
#include "core/notices/NoticeStore.h"
#include "core/profile/ServiceProfile.h"
#include "core/review/HubReviewClient.h"
#include "core/review/ReviewService.h"
#include "core/spine/SpineTransport.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>

namespace cpis {

class Clock;
class KeyProvider;

// The composition root: everything below the screens, put together once from a config, a
// clock and a key provider: network, national-service clients, encrypted store, audit and
// the services of every feature. The desk, the command line, the tests (with in-memory keys)
// and the benchmarks all build this one graph, so they cannot drift apart.
class DeskServices : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        // Where each service lives, its TLS material, the site type and the environment that
        // tags cached answers and every audit entry. Training: pointed at the sandbox.
        ServiceProfile profile;
        QString storeDirectory;            // where the encrypted files live
        QString keychainService;           // keychain entries are grouped under this name
        QString workstation;               // recorded in every audit entry
        FhirTransport::Settings transport; // its TLS and total timeout come from the profile
        AreaListClient::Settings areaLists;
        SecureStore::Options store; // its list of feature files is filled in by create()
        // The audit anchor is saved this long after the first unanchored entry, off the
        // look-up path and once for all the entries made meanwhile (docs/secure-store.md).
        std::chrono::milliseconds anchorDelay{1000};
        HubForwarder::Settings hub; // when the profile names an audit hub
        // The notices mailbox's MESH client: its address, credentials and TLS come from the
        // profile and the keychain; these are its limits (and in tests, shorter ones).
        std::chrono::milliseconds meshStallTimeout{15000};
        std::chrono::milliseconds meshTotalTimeout{30000};
        int meshPageSize = 500;

        const QString& environment() const { return profile.environment; }
        bool training() const { return profile.isTraining(); }
        SiteType site() const { return profile.site; }
    };

    // The settings both programs share: the keychain service name, the workstation recorded
    // in the audit log, and the store folder: the app's data folder, one sub-folder per
    // environment so that training and live answers never share a store, unless
    // `storeDirectory` names one. `program` is how this workstation's entries say which
    // program made them. CPIS_STORE_WAIT_SECONDS, when set, is how long to wait for another
    // program to let go of the store (5 s otherwise).
    static Config defaultConfig(const ServiceProfile& profile,
                                const QString& storeDirectory,
                                const QString& program);

    // Why create() could not build the services: a profile that must not be used (checked
    // before anything is opened or sent), or the store.
    struct Error
    {
        enum class Kind
        {
            Profile,
            Store,
        };
        Kind kind = Kind::Store;
        QString message;
        StoreError::Code storeCode = StoreError::Code::Sql; // with Kind::Store: the cause
    };

    // Checks the profile, opens the keys and the store and records in the audit log a
    // profile or site type that differs from the last start's; an error says what stopped it
    // and changes nothing. `clock` and `keys` outlive the services.
    static Result<std::unique_ptr<DeskServices>, Error>
    create(Config config, const Clock* clock, KeyProvider& keys, QObject* parent = nullptr);
    ~DeskServices() override;

    // The encrypted file of each feature that keeps data, in the store folder.
    static const QString kDirectoryFile;
    static const QString kNoticesFile;
    static const QString kAreaListsFile;

    const Config& config() const { return m_config; }
    const Clock* clock() const { return m_clock; }
    QNetworkAccessManager& network() { return m_nam; }
    FhirTransport& transport() { return *m_transport; }
    KeyProvider& keys() { return m_keys; }
    SecureStore& store() { return *m_store; }
    AccessAuditor& auditor() { return *m_auditor; }
    // Records an event that is not a look-up (sign-in, export, view...).
    Status<AccessAuditor::Error> audit(const UserSession& who, const AccessEvent& event);
    // Saves the audit anchor now if entries are waiting for it: the desk calls it on lock,
    // sign-out and exit, the command line before it exits. Emits auditAnchorFailed or
    // auditAnchorSaved.
    StoreStatus flushAuditAnchor();
    // The last anchor save failed (or the anchor is missing): entries are recorded but not
    // anchored.
    bool auditAnchorFailing() const;
    // On lock and sign-out: every long-lived service drops its session and tokens, and the
    // network drops the connections (and their buffers) that carried them.
    void forgetSession();
    // At sign-in: opens a connection (TLS handshake included) to PDS and to CP-IS now, so that
    // the first look-up does not wait for them; the network keeps them alive between look-ups.
    void warmConnections();

signals:
    void auditAnchorFailed(const QString& message);
    void auditAnchorSaved();

public:
    NationalServiceClient& client() { return *m_client; }
    // CP-IS as the profile's interface speaks it (FHIR draft or HL7 V3 over Spine).
    CpisPort& cpis() { return *m_cpis; }
    LookupService& lookups() { return *m_lookup; }
    PatientSearchService& patientSearch() { return *m_search; }
    AnswerCache& answerCache() { return *m_cache; }
    LocalDirectory& localDirectory() { return *m_directory; }
    MeshClient& meshClient() { return *m_meshClient; }
    NoticeStore& notices() { return *m_notices; }
    ReviewService& review() { return *m_review; }
    AreaListClient& areaListClient() { return *m_areaListClient; }
    AreaListStore& areaListStore() { return *m_areaListStore; }
    AreaListService& areaLists() { return *m_areaLists; }
    // Forwards the audit log to the trust's hub; null when the profile names none.
    HubForwarder* hubForwarder() { return m_hub.get(); }

private:
    DeskServices(Config config, const Clock* clock, KeyProvider& keys, QObject* parent);
    Status<QString> recordConfiguration();
    static std::unique_ptr<MeshClient> makeMeshClient(DeskServices& d, KeyProvider& keys);

    Config m_config;
    const Clock* m_clock;
    KeyProvider& m_keys;
    QNetworkAccessManager m_nam;
    QTimer m_anchorTimer;
    std::unique_ptr<SecureStore> m_store;
    std::unique_ptr<FhirTransport> m_transport;
    std::unique_ptr<StoreAnswerCache> m_cache;
    std::unique_ptr<PendingAccessRecorder> m_notes; // none when its connection failed
    std::unique_ptr<AuditLogAuditor> m_auditor;
    std::unique_ptr<HubForwarder> m_hub;
    std::unique_ptr<NationalServiceClient> m_client;
    std::unique_ptr<SpineTransport> m_spineTransport; // hl7v3 only
    std::unique_ptr<CpisPort> m_cpis;
    std::unique_ptr<LookupService> m_lookup;
    std::unique_ptr<PatientSearchService> m_search;
    std::unique_ptr<LocalDirectory> m_directory;
    std::unique_ptr<MeshClient> m_meshClient;
    std::unique_ptr<NoticeStore> m_notices;
    std::unique_ptr<HubReviewClient> m_reviewHub; // null when the profile names no hub
    std::unique_ptr<ReviewService> m_review;
    std::unique_ptr<AreaListClient> m_areaListClient;
    std::unique_ptr<AreaListStore> m_areaListStore;
    std::unique_ptr<AreaListService> m_areaLists;
};

} // namespace cpis
