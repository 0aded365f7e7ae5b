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
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

namespace cpis {

// The area-list side of the national service (docs/api.md §11), FHIR Bulk Data style: the
// Groups a role may export, the $export kick-off, polling its status URL (honouring
// Retry-After, passing X-Progress on), and the NDJSON files, read line by line as they arrive
// (never a whole file in memory) through the transport's streamed GET, so every call shares its
// TLS policy, NHS headers and error classification. One export at a time; cancel() stops it and
// tells the server.
class AreaListClient : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        std::chrono::milliseconds maxPollDelay{1000};  // Retry-After is capped at this
        std::chrono::milliseconds stallTimeout{15000}; // a file download with no bytes this long
    };

    struct File
    {
        QString type; // Patient | CareTeam
        QUrl url;
        qint64 count = 0;
    };
    struct Manifest
    {
        QDateTime transactionTime;
        QList<File> output;
    };

    template <typename T> using Callback = std::function<void(const Result<T, ServiceError>&)>;
    // Returns false (with a reason) to stop the download as a failure.
    using LineHandler = std::function<bool(QByteArrayView line, QString* why)>;

    AreaListClient(FhirTransport* transport,
                   QUrl baseUrl,
                   Settings settings,
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

    static Result<Manifest, ServiceError> parseManifest(const QByteArray& body, const QUrl& base);
    static Result<QList<AreaInfo>, ServiceError> parseGroups(const QByteArray& body);

private:
    void poll();
    void readLines(bool atEnd);
    void deleteJob(const UserSession& session);

    FhirTransport* m_transport;
    QUrl m_base;
    Settings m_settings;

    // The export in progress.
    UserSession m_session;
    QUrl m_status;
    QTimer m_pollTimer;
    std::function<void(const QString&)> m_progress;
    Callback<Manifest> m_exportDone;
    QObject* m_context = nullptr;  // transport callbacks die with it on cancel
    QObject* m_download = nullptr; // the file being read; the transport stops it with this
    QByteArray m_buffer;
    LineHandler m_onLine;
    Callback<qint64> m_downloadDone;
    qint64 m_lines = 0;
    QString m_lineError;
};

} // namespace cpis
