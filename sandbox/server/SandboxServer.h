#pragma once

#include "core/domain/Clock.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/endpoints/BulkExport.h"
#include "sandbox/faults/FaultInjector.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

class QHttpServerRequest;
class QTcpSocket;

namespace cpis::sandbox {

class FhirResources;
class HttpFrontEnd;
class LocalAuthorityDirectory;
class MeshMailbox;
class ReviewFeed;
class ScenarioCatalogue;
class SignInService;
class SyntheticPopulation;

// The national-service stand-in (docs/api.md). Runs in-process (training mode, tests) or
// behind the cpis-sandbox executable. Binds to loopback only.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        Options() {}      // not an aggregate: QSslCertificate's default constructor is explicit
        quint16 port = 0; // 0: any free port
        quint64 seed = 1;
        int people = 5000;
        bool open = false;              // no Authorization required (acts as the triage nurse)
        FaultInjector::Choice fault;    // server-wide
        QSslCertificate tlsCertificate; // both set: HTTPS
        QSslKey tlsKey;
        const Clock* clock = nullptr;  // nullptr: the system clock
        BulkExport::Options areaLists; // area lists (docs/api.md §11)
    };

    explicit SandboxServer(Options options, QObject* parent = nullptr);
    ~SandboxServer() override;

    // Returns false and sets errorString() when the port cannot be bound.
    bool start();
    QUrl baseUrl() const;
    QString errorString() const { return m_error; }

    const AccessLog& accessLog() const { return m_log; }
    AccessLog& accessLog() { return m_log; } // the notices issue serves and acknowledges mailboxes
    SignInService& signIn() { return *m_signIn; }
    const SyntheticPopulation& population() const { return *m_population; }
    const ScenarioCatalogue& scenarios() const { return *m_catalogue; }
    const LocalAuthorityDirectory& authorities() const { return *m_authorities; }
    const ReviewFeed& reviewFeed() const { return *m_review; } // site review feed (issue 7)
    BulkExport& areaLists() { return *m_bulk; } // area lists: groups, counters, test hooks

    static const QString kPdsBase;
    static const QString kCpisBase;

    // One HTTP/1.1 answer as every endpoint writes it (BulkExport's too). cutAt >= 0 sends only
    // that much of the body (the truncated-body fault).
    struct Response
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    static void write(QTcpSocket* socket, const Response& r, bool close, qsizetype cutAt = -1);

private:
    struct Incoming
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        bool close = false;
        QString origin; // scheme://host:port
        QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
    };
    struct Reply
    {
        Response response;
        Fault fault = Fault::None;
        int delayMs = 0;
    };

    void handle(const QHttpServerRequest& request, QTcpSocket* socket);
    void handleFhir(const Incoming& in, QTcpSocket* socket);
    Reply answerFhir(const Incoming& in, bool unknownPlanCode);
    Reply patient(const Incoming& in, const QString& id);
    Reply careTeam(const Incoming& in, const TestUser& user, bool unknownPlanCode);
    Reply auditEvent(const Incoming& in, const TestUser& user);
    Response oauth(const Incoming& in);
    Response
    error(const Incoming& in, int status, const QString& spineCode, const QString& why) const;
    Response fhirJson(const Incoming& in, const QJsonObject& body) const;
    void deliver(QTcpSocket* socket, const Incoming& in, const Reply& reply);
    void seedHistory();
    QDateTime now() const;

    Options m_options;
    std::unique_ptr<Clock> m_ownClock;
    const Clock* m_clock;
    std::unique_ptr<LocalAuthorityDirectory> m_authorities;
    std::unique_ptr<ScenarioCatalogue> m_catalogue;
    std::unique_ptr<SyntheticPopulation> m_population;
    std::unique_ptr<FhirResources> m_resources;
    std::unique_ptr<SignInService> m_signIn;
    FaultInjector m_faults;
    AccessLog m_log;
    std::unique_ptr<MeshMailbox> m_mesh;  // attendance notices (issue 7, docs/api.md §10)
    std::unique_ptr<ReviewFeed> m_review; // issue 7: CP-IS positives per site
    std::unique_ptr<BulkExport> m_bulk; // before m_http: sockets (and their file streams) go first
    std::unique_ptr<HttpFrontEnd> m_http;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace cpis::sandbox
