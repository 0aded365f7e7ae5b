#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "sandbox/endpoints/ExportJob.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

namespace cpis::sandbox {

class AreaDirectory;
class FhirResources;
class NdjsonExportFile;

// The export jobs of the area lists, FHIR Bulk Data style (docs/api.md §11): a kick-off starts
// a job that picks, a few thousand members per event-loop turn, who changed since `_since`;
// its status is progress until the manifest is ready; DELETE cancels; each manifest file is
// rendered as it is sent (NdjsonExportFile). Knows nothing of HTTP: the routes do.
class BulkExport : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int areaSize = 0; // > 0: one more school for the school nurse with this many children
        int maxFileResources = 10000; // resources per NDJSON file
        int retryAfterSecs = 1;       // Retry-After on a 202 status answer
        int preparePerTurn = 20000;   // members looked at per event-loop turn while preparing
        int prepareIntervalMs = 0;    // pause between turns (tests: observe 202 and X-Progress)
    };

    // Why a request is refused, as an OperationOutcome says it.
    struct Refusal
    {
        int status = 400;
        QString spineCode;
        QString why;
    };

    struct Progress
    {
        int done = 0;
        int total = 0;
    };
    // A job's state: still preparing (progress), or its manifest.
    struct JobStatus
    {
        std::optional<Progress> preparing;
        QJsonObject manifest;
    };

    BulkExport(AreaDirectory& areas,
               const FhirResources& resources,
               const Clock& clock,
               Options options,
               QObject* parent = nullptr);
    ~BulkExport() override;

    // Starts a job for `userId` on an area; `query` is the kick-off's (_type, _since,
    // _outputFormat), `request` the URL asked. Returns the new job's id.
    Result<QString, Refusal> kickOff(const QString& userId,
                                     int area,
                                     const QList<std::pair<QString, QString>>& query,
                                     const QString& request);
    // `fileBase`: the URL the files' names are appended to (the status URL and a slash).
    Result<JobStatus, Refusal>
    status(const QString& userId, const QString& jobId, const QString& fileBase) const;
    std::optional<Refusal> cancel(const QString& userId, const QString& jobId);
    // A manifest file ("Patient-1.ndjson") of a ready job, or nullptr when there is none.
    std::unique_ptr<NdjsonExportFile>
    file(const QString& userId, const QString& jobId, const QString& name);

    Options& options() { return m_options; } // tests: slow down or speed up preparation
    // What the NDJSON files carried since the sandbox started (acceptance: an incremental export
    // sends only what changed).
    qint64 patientsSent() const { return m_counters->patients; }
    qint64 careTeamsSent() const { return m_counters->careTeams; }

    static constexpr int kMaxJobs = 32; // the oldest is dropped (and its files end) beyond

private:
    void prepareSome(const std::shared_ptr<ExportJob>& job);
    std::shared_ptr<ExportJob> ownedJob(const QString& userId, const QString& jobId) const;

    AreaDirectory& m_areas;
    const FhirResources& m_resources;
    const Clock& m_clock;
    Options m_options;
    QHash<QString, std::shared_ptr<ExportJob>> m_jobs;
    QList<QString> m_jobOrder;
    int m_nextJob = 1;
    std::shared_ptr<ExportCounters> m_counters = std::make_shared<ExportCounters>();
};

} // namespace cpis::sandbox
