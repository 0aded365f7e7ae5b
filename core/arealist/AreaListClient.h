#pragma once

#include "core/arealist/AreaList.h"
#include "core/domain/Result.h"
#include "core/domain/UserSession.h"
#include "core/net/FhirTransport.h"
#include "core/net/ServiceError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace cpis {

class Clock;

// The area-list side of the national service (docs/api.md §11), on the HL7 FHIR Bulk Data
// Access IG v2.0.0: the Groups a role may export, the $export kick-off, polling its status URL
// (Retry-After honoured on 202, 429 and 503, as seconds or an HTTP-date, with backoff and
// ceilings; X-Progress passed on), and the manifest's files (output, error and deleted), read
// line by line as they arrive (never a whole file in memory) through the transport's streamed
// GET, so every call shares its TLS policy and error classification. Files are fetched only
// from the kick-off host or a host on the administrator's allowlist, and carry the bearer token
// only when the manifest says they need it. One export at a time; cancel() stops it and tells
// the server.
class AreaListClient : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        // Between status polls: the first wait when the service gives no Retry-After (doubling
        // after each answer without one), and the ceiling of any one wait after a 202.
        std::chrono::milliseconds minPollDelay{200};
        std::chrono::milliseconds maxPollDelay{120000};
        // A 429 or 5xx asking to wait longer than this ends the export rather than be waited out.
        std::chrono::milliseconds maxRetryAfter{300000};
        int maxBusyAnswers = 5; // 429/5xx status answers in a row before the export gives up
        std::chrono::milliseconds maxExportWait{30 * 60 * 1000}; // kick-off to manifest
        std::chrono::milliseconds stallTimeout{15000}; // a file download with no bytes this long
        // Hosts ("host" or "host:port", same scheme as the service) besides the kick-off host
        // that may serve the export's files: the administrator's service profile sets them.
        QStringList fileHosts;
    };

    struct File
    {
        QString type; // the resource type the file holds (output), OperationOutcome, Bundle
        QUrl url;
        std::optional<qint64> count; // when given, the file must hold exactly this many lines
        bool requiresAccessToken = true;
    };
    struct Manifest
    {
        QDateTime transactionTime;
        QString request;
        bool requiresAccessToken = true;
        QList<File> output;
        QList<File> error;   // OperationOutcome NDJSON: what the service could not export
        QList<File> deleted; // transaction Bundle NDJSON: what was deleted since _since
    };

    // Runs `fire` after `delay` unless `context` is destroyed first (cancel). Tests pass one
    // that records the delay and fires at once; the desk's default is a single-shot QTimer.
    using Scheduler = std::function<void(
        std::chrono::milliseconds delay, QObject* context, std::function<void()> fire)>;

    template <typename T> using Callback = std::function<void(const Result<T, ServiceError>&)>;
    // Returns false (with a reason) to stop the download as a failure.
    using LineHandler = std::function<bool(QByteArrayView line, QString* why)>;

    // The system clock and QTimer waits.
    AreaListClient(FhirTransport* transport,
                   QUrl baseUrl,
                   Settings settings,
                   QObject* parent = nullptr);
    // `clock` reads Retry-After dates and measures maxExportWait; outlives the client.
    AreaListClient(FhirTransport* transport,
                   QUrl baseUrl,
                   Settings settings,
                   const Clock* clock,
                   Scheduler scheduler,
                   QObject* parent = nullptr);
    ~AreaListClient() override;

    void listAreas(const UserSession& session, Callback<QList<AreaInfo>> done);

    // Kick-off and polling; `progress` gets each X-Progress text.
    void startExport(const UserSession& session,
                     const QString& areaId,
                     const std::optional<QDateTime>& since,
                     std::function<void(const QString&)> progress,
                     Callback<Manifest> done);
    // One file, streamed; `done` gets the number of lines handed to `onLine`.
    void download(const UserSession& session,
                  const File& file,
                  LineHandler onLine,
                  Callback<qint64> done);
    // Stops what is running (no callback runs afterwards) and DELETEs the export job.
    void cancel(const UserSession& session);
    // Tells the server the job's files are no longer needed (after a complete download).
    void finishJob(const UserSession& session);
    // Drops the session an export was polled with.
    void forgetSession();

    // `fileHosts` as in Settings; every file URL must be on the kick-off host or one of them.
    static Result<Manifest, ServiceError>
    parseManifest(const QByteArray& body, const QUrl& base, const QStringList& fileHosts = {});
    static Result<QList<AreaInfo>, ServiceError> parseGroups(const QByteArray& body);
    // True when `file` may be fetched: same scheme as `base`, no user info, and the kick-off
    // host (and port) or one of `fileHosts`.
    // False on an hl7v3 profile that names no CP-IS FHIR base: there is nowhere to ask.
    bool hasBase() const { return !m_base.isEmpty(); }

    static bool fileHostAllowed(const QUrl& file, const QUrl& base, const QStringList& fileHosts);

private:
    void poll();
    void pollAgain(std::chrono::milliseconds delay);
    void onStatus(const Result<HttpResponse, ServiceError>& r);
    std::chrono::milliseconds backoff();
    void readLines(bool atEnd);
    void deleteJob(const UserSession& session);

    FhirTransport* m_transport;
    QUrl m_base;
    Settings m_settings;
    std::unique_ptr<Clock> m_ownClock;
    const Clock* m_clock;
    Scheduler m_schedule;

    // The export in progress.
    UserSession m_session;
    QUrl m_status;
    QDateTime m_started;
    int m_quietPolls = 0; // 202s without Retry-After in a row: the backoff grows with them
    int m_busyAnswers = 0;
    std::function<void(const QString&)> m_progress;
    Callback<Manifest> m_exportDone;
    QObject* m_context = nullptr;  // transport callbacks and waits die with it on cancel
    QObject* m_download = nullptr; // the file being read; the transport stops it with this
    QByteArray m_buffer;
    LineHandler m_onLine;
    Callback<qint64> m_downloadDone;
    qint64 m_lines = 0;
    QString m_lineError;
};

} // namespace cpis
