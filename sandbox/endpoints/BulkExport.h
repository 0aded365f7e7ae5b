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

// The export jobs of the area lists, on the HL7 FHIR Bulk Data Access IG v2.0.0 (docs/api.md
// §11): a kick-off starts a job that picks, a few thousand members per event-loop turn, who
// changed since `_since`; its status is progress until the manifest is ready; DELETE cancels;
// each manifest file is rendered as it is sent (NdjsonExportFile). On request it shows what a
// real service may: files on another host, files that need no token (capability URLs),
// error[] for members it cannot send, deleted[] for plans deleted since `_since`, and status
// polls throttled with 429 or 503 and Retry-After. Knows nothing of HTTP: the routes do.
class BulkExport : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int areaSize = 0; // > 0: one more school for the school nurse with this many children
        int maxFileResources = 10000;  // resources per NDJSON file
        int retryAfterSecs = 1;        // Retry-After on a 202 status answer
        int preparePerTurn = 20000;    // members looked at per event-loop turn while preparing
        int prepareIntervalMs = 0;     // pause between turns (tests: observe 202 and X-Progress)
        bool retryAfterAsDate = false; // Retry-After as an HTTP-date rather than seconds
        // Files named under this host (same scheme and port), which serves only files; empty:
        // the host the kick-off came to.
        QString fileHost;
        // false: files at capability URLs that refuse a bearer token (requiresAccessToken
        // false in the manifest); jobs keep what was set when they started.
        bool requiresAccessToken = true;
        // The next this many status polls are answered `throttleStatus` (429 or 503) with
        // Retry-After: throttleRetryAfterSecs, whatever the job's state.
        int throttledPolls = 0;
        int throttleStatus = 429;
        int throttleRetryAfterSecs = 120;
        // Members (by NHS number) the export cannot send: left out of the files and reported
        // in error[], one OperationOutcome each.
        QStringList failingMembers;
    };

    // Why a request is refused, as an OperationOutcome says it.
    struct Refusal
    {
        int status = 400;
        QString spineCode;
        QString why;
        int retryAfterSecs = -1; // >= 0: the answer says when to come back
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
    // Consumes one throttled poll (Options::throttledPolls), if any is left.
    std::optional<Refusal> throttle();
    std::optional<Refusal> cancel(const QString& userId, const QString& jobId);
    // A manifest file ("Patient-1.ndjson", "Deleted-1.ndjson", "Error-1.ndjson") of a ready job
    // that requires the token, or nullptr when there is none.
    std::unique_ptr<NdjsonExportFile>
    file(const QString& userId, const QString& jobId, const QString& name);
    // The same for a job whose files need no token: `key` is the capability in its URLs.
    std::unique_ptr<NdjsonExportFile>
    fileByKey(const QString& jobId, const QString& name, const QString& key);
    // Test and demo hook: CP-IS deletes the plan (it was recorded in error) now. Later exports
    // leave it out, and one with a `_since` before now lists it in deleted[]. False when the
    // area, person or plan is unknown.
    bool deletePlan(const QString& groupId, const QString& nhsNumber, int planIndex);
    // Tests: what was asked of the files.
    void noteFileRequest(const QString& host, bool withToken);
    const ExportCounters& counters() const { return *m_counters; }

    Options& options() { return m_options; } // tests: slow down or speed up preparation
    // What the NDJSON files carried since the sandbox started (acceptance: an incremental export
    // sends only what changed).
    qint64 patientsSent() const { return m_counters->patients; }
    qint64 careTeamsSent() const { return m_counters->careTeams; }

    static constexpr int kMaxJobs = 32; // the oldest is dropped (and its files end) beyond

private:
    struct Deletion
    {
        QString careTeamId;
        QDateTime when;
    };

    void prepareSome(const std::shared_ptr<ExportJob>& job);
    std::shared_ptr<ExportJob> ownedJob(const QString& userId, const QString& jobId) const;
    std::unique_ptr<NdjsonExportFile> fileOf(const std::shared_ptr<ExportJob>& job,
                                             const QString& name);

    AreaDirectory& m_areas;
    const FhirResources& m_resources;
    const Clock& m_clock;
    Options m_options;
    QHash<QString, std::shared_ptr<ExportJob>> m_jobs;
    QList<QString> m_jobOrder;
    int m_nextJob = 1;
    QHash<int, QList<Deletion>> m_deletions; // per area
    std::shared_ptr<ExportCounters> m_counters = std::make_shared<ExportCounters>();
};

} // namespace cpis::sandbox
