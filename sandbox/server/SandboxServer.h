#pragma once

#include "core/domain/Clock.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/endpoints/BulkExport.h"
#include "sandbox/endpoints/MeshMailbox.h"
#include "sandbox/faults/FaultInjector.h"
#include "sandbox/server/HttpExchange.h"
#include "sandbox/server/SpineRoutes.h"

#include <QObject>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QHttpServerRequest;
class QTcpSocket;

namespace cpis::sandbox {

class AreaDirectory;
class AreaListRoutes;
class FhirResources;
class FhirRoutes;
class HttpFrontEnd;
class LocalAuthorityDirectory;
class PatientSearch;
class PopulationIndex;
class ScenarioCatalogue;
class SeededRandom;
class SignInService;
class Cis2Realm;
class SpineRoutes;
class SyntheticPopulation;

// The national-service stand-in (docs/api.md). Runs in-process (training mode, tests) or
// behind the cpis-sandbox executable. Binds to loopback only. Builds the synthetic world and
// the services behind the routes, and hands each request to the routes that answer it.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        Options() {}      // not an aggregate: QSslCertificate's default constructor is explicit
        quint16 port = 0; // 0: any free port
        quint64 seed = 1; // the synthetic world: the same seed, the same people
        std::optional<quint64> tokenSeed; // set: tokens repeat run to run (else fresh each run)
        int people = 5000;
        bool open = false;              // no Authorization required (acts as the triage nurse)
        FaultInjector::Choice fault;    // server-wide
        QSslCertificate tlsCertificate; // both set: HTTPS
        QSslKey tlsKey;
        // Non-empty (with TLS on): mutual TLS. A client must present a certificate that one
        // of these CAs issued, or the handshake fails (the Spine endpoint's TLS-MA).
        QList<QSslCertificate> clientCaCertificates;
        const Clock* clock = nullptr;  // nullptr: the system clock
        BulkExport::Options areaLists; // area lists (docs/api.md §11)
        // Tests only: sees every CP-IS over Spine request and what was written back.
        SpineRoutes::Observer spineObserver;
        // A network's round trip, added to every request before it is answered: this long,
        // give or take a tenth, on a timer (the server goes on serving meanwhile). 0: none.
        std::chrono::milliseconds rtt{0};
        // Tests only: sees every MESH request and its answer.
        std::function<void(const MeshMailbox::Exchange&)> meshObserver;
    };

    explicit SandboxServer(Options options, QObject* parent = nullptr);
    ~SandboxServer() override;

    // Returns false and sets errorString() when the port cannot be bound.
    bool start();
    QUrl baseUrl() const;
    QString errorString() const { return m_error; }

    const AccessLog& accessLog() const { return m_log; }
    AccessLog& accessLog() { return m_log; } // notices are served and acknowledged from it
    MeshMailbox& mesh() { return *m_mesh; }  // the local authorities' MESH mailboxes
    SignInService& signIn() { return *m_signIn; }
    // The CIS2 realm and the platform's token exchange (docs/api.md §1); a desk registers the
    // public key it signs its client assertions with.
    Cis2Realm& cis2() { return *m_cis2; }
    // Sees every request as it arrives, before any route (tests inspect what a desk sent).
    void observe(std::function<void(const HttpRequest&)> observer)
    {
        m_observer = std::move(observer);
    }
    const SyntheticPopulation& population() const { return *m_population; }
    const ScenarioCatalogue& scenarios() const { return *m_catalogue; }
    const LocalAuthorityDirectory& authorities() const { return *m_authorities; }
    AreaDirectory& areas() { return *m_areas; } // area lists: groups and test hooks
    BulkExport& areaLists() { return *m_bulk; } // area lists: export jobs and counters

private:
    void handle(const QHttpServerRequest& request, QTcpSocket* socket);
    void dispatch(const HttpRequest& in, QTcpSocket* socket);
    std::chrono::milliseconds delayWithJitter();
    // Host names the loopback address this server listens on (127.0.0.1, localhost, [::1]),
    // with its port if any.
    bool hostIsThisServer(const QByteArray& host) const;
    HttpResponse oauth(const HttpRequest& in);
    void seedHistory();
    QDateTime now() const;

    Options m_options;
    std::unique_ptr<Clock> m_ownClock;
    const Clock* m_clock;
    std::unique_ptr<SeededRandom> m_random;
    std::unique_ptr<LocalAuthorityDirectory> m_authorities;
    std::unique_ptr<ScenarioCatalogue> m_catalogue;
    std::unique_ptr<SyntheticPopulation> m_population;
    std::unique_ptr<FhirResources> m_resources;
    std::unique_ptr<PopulationIndex> m_searchIndex; // PDS search, built at start-up
    std::unique_ptr<PatientSearch> m_search;
    std::unique_ptr<SignInService> m_signIn;
    std::unique_ptr<Cis2Realm> m_cis2;
    std::function<void(const HttpRequest&)> m_observer;
    FaultInjector m_faults;
    AccessLog m_log;
    std::unique_ptr<MeshMailbox> m_mesh; // attendance notices (docs/api.md §10)
    std::unique_ptr<AreaDirectory> m_areas;
    std::unique_ptr<BulkExport> m_bulk;
    std::unique_ptr<FhirRoutes> m_fhirRoutes;
    std::unique_ptr<AreaListRoutes> m_areaListRoutes;
    std::unique_ptr<SpineRoutes> m_spineRoutes; // CP-IS over Spine (HL7 V3)
    // Last, so it goes first: its sockets (and the files streaming into them) before the rest.
    std::unique_ptr<HttpFrontEnd> m_http;
    quint16 m_port = 0;
    QString m_error;
    QRandomGenerator m_jitter; // seeded from the world's seed: the same delays run to run
};

} // namespace cpis::sandbox
