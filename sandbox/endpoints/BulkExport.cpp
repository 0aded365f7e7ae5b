#include "sandbox/endpoints/BulkExport.h"

#include "sandbox/endpoints/NdjsonExportFile.h"
#include "sandbox/fhir/FhirResources.h"
#include "sandbox/world/AreaDirectory.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace cpis::sandbox {

namespace {
BulkExport::Refusal invalid(const QString& why)
{
    return {400, QStringLiteral("INVALID_SEARCH_DATA"), why};
}

BulkExport::Refusal noJob()
{
    return {404, QStringLiteral("RESOURCE_NOT_FOUND"),
            QStringLiteral("No export job with this id for this user")};
}
} // namespace

BulkExport::BulkExport(AreaDirectory& areas,
                       const FhirResources& resources,
                       const Clock& clock,
                       Options options,
                       QObject* parent)
    : QObject(parent), m_areas(areas), m_resources(resources), m_clock(clock), m_options(options)
{}

BulkExport::~BulkExport()
{
    for (const auto& job : std::as_const(m_jobs))
        job->cancelled = true; // files still being sent end
}

Result<QString, BulkExport::Refusal>
BulkExport::kickOff(const QString& userId,
                    int area,
                    const QList<std::pair<QString, QString>>& query,
                    const QString& request)
{
    auto job = std::make_shared<ExportJob>();
    for (const auto& [key, value] : query) {
        if (key == u"_type") {
            for (const QString& t : value.split(u',')) {
                if (t == u"Patient")
                    job->patients = true;
                else if (t == u"CareTeam")
                    job->careTeams = true;
                else
                    return invalid(QStringLiteral("_type names a resource type not exported: "
                                                  "only Patient and CareTeam"));
            }
        } else if (key == u"_since") {
            static const QRegularExpression re(
                QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]"
                               "\\d{2}:\\d{2})$"));
            const QDateTime since = QDateTime::fromString(value, Qt::ISODateWithMs);
            if (!re.match(value).hasMatch() || !since.isValid())
                return invalid(QStringLiteral("_since is not a FHIR instant with a time zone"));
            job->since = since.toUTC();
        } else if (key == u"_outputFormat") {
            if (value != u"application/fhir+ndjson" && value != u"ndjson" &&
                value != u"application/ndjson")
                return invalid(QStringLiteral("_outputFormat must be application/fhir+ndjson"));
        } else {
            return invalid(QStringLiteral("$export takes _type, _since and _outputFormat only"));
        }
    }
    if (!job->patients && !job->careTeams)
        return invalid(QStringLiteral("$export needs _type=Patient,CareTeam (or one of them)"));

    job->id = QStringLiteral("job-%1").arg(m_nextJob++);
    job->owner = userId;
    job->area = area;
    job->transactionTime = m_clock.nowUtc();
    job->request = request;
    job->total = m_areas.memberCount(area);
    job->requiresAccessToken = m_options.requiresAccessToken;
    if (!job->requiresAccessToken)
        job->fileKey = QUuid::createUuid().toString(QUuid::Id128);
    // deleted[]: only with _since (the IG's "deleted subsequent to the _since date").
    if (job->since && job->careTeams) {
        for (const Deletion& d : m_deletions.value(area))
            if (d.when > *job->since && d.when <= job->transactionTime)
                job->deletedCareTeams.append(d.careTeamId);
    }
    m_jobs.insert(job->id, job);
    m_jobOrder.append(job->id);
    while (m_jobOrder.size() > kMaxJobs) {
        if (auto old = m_jobs.take(m_jobOrder.takeFirst()))
            old->cancelled = true;
    }
    QTimer::singleShot(m_options.prepareIntervalMs, this, [this, job] { prepareSome(job); });
    return job->id;
}

void BulkExport::prepareSome(const std::shared_ptr<ExportJob>& job)
{
    if (job->cancelled)
        return;
    const QDate today = job->transactionTime.date();
    const int stop = qMin(job->total, job->next + qMax(1, m_options.preparePerTurn));
    auto changed = [&job](const QDateTime& t) {
        return (!job->since || t > *job->since) && t <= job->transactionTime;
    };
    QSet<QString> deleted;
    for (const Deletion& d : m_deletions.value(job->area))
        if (d.when <= job->transactionTime)
            deleted.insert(d.careTeamId);
    for (; job->next < stop; ++job->next) {
        const AreaMember m = m_areas.memberAt(job->area, job->next);
        if (m_options.failingMembers.contains(m.person.nhsNumber)) {
            if (m.listed(today))
                job->problems.append(
                    QStringLiteral("Patient/%1 and their CareTeams could not be exported: the "
                                   "record is locked for an update")
                        .arg(m.person.nhsNumber));
            continue;
        }
        bool any = false;
        for (int k = 0; k < m.person.plans.size(); ++k) {
            if (!stillShown(m.person.plans.at(k), today) ||
                deleted.contains(m.person.nhsNumber + u'-' + QString::number(k + 1)))
                continue;
            any = true;
            if (job->careTeams && changed(m.planLastUpdated(k, today)))
                job->careTeamRefs.push_back(quint32(job->next) << 4 | quint32(k));
        }
        if (any && job->patients && changed(m.patientLastUpdated(today)))
            job->patientRefs.push_back(quint32(job->next));
    }
    if (job->next >= job->total) {
        job->ready = true;
        return;
    }
    QTimer::singleShot(m_options.prepareIntervalMs, this, [this, job] { prepareSome(job); });
}

std::shared_ptr<ExportJob> BulkExport::ownedJob(const QString& userId, const QString& jobId) const
{
    const auto job = m_jobs.value(jobId);
    return job && job->owner == userId ? job : nullptr;
}

Result<BulkExport::JobStatus, BulkExport::Refusal>
BulkExport::status(const QString& userId, const QString& jobId, const QString& fileBase) const
{
    const auto job = ownedJob(userId, jobId);
    if (!job)
        return noJob();
    if (!job->ready)
        return JobStatus{Progress{job->next, job->total}, {}};
    const int perFile = qMax(1, m_options.maxFileResources);
    const QString key =
        job->requiresAccessToken ? QString() : QStringLiteral("?key=") + job->fileKey;
    auto item = [&](const QString& type, const QString& name, size_t count) {
        return QJsonObject{{QStringLiteral("type"), type},
                           {QStringLiteral("url"), QString(fileBase + name + key)},
                           {QStringLiteral("count"), qint64(count)}};
    };
    QJsonArray output;
    auto files = [&](const char* type, size_t count) {
        for (size_t from = 0, n = 1; from < count; from += size_t(perFile), ++n)
            output.append(item(QString::fromLatin1(type),
                               QStringLiteral("%1-%2.ndjson").arg(QString::fromLatin1(type)).arg(n),
                               qMin(size_t(perFile), count - from)));
    };
    files("Patient", job->patientRefs.size());
    files("CareTeam", job->careTeamRefs.size());
    QJsonArray error;
    if (!job->problems.isEmpty())
        error.append(item(QStringLiteral("OperationOutcome"), QStringLiteral("Error-1.ndjson"),
                          size_t(job->problems.size())));
    QJsonObject manifest{
        {QStringLiteral("transactionTime"), FhirResources::instant(job->transactionTime)},
        {QStringLiteral("request"), job->request},
        {QStringLiteral("requiresAccessToken"), job->requiresAccessToken},
        {QStringLiteral("output"), output},
        {QStringLiteral("error"), error}};
    if (!job->deletedCareTeams.isEmpty()) {
        const qsizetype bundles =
            (job->deletedCareTeams.size() + NdjsonExportFile::kDeletionsPerBundle - 1) /
            NdjsonExportFile::kDeletionsPerBundle;
        manifest.insert(QStringLiteral("deleted"),
                        QJsonArray{item(QStringLiteral("Bundle"),
                                        QStringLiteral("Deleted-1.ndjson"), size_t(bundles))});
    }
    return JobStatus{std::nullopt, manifest};
}

std::optional<BulkExport::Refusal> BulkExport::cancel(const QString& userId, const QString& jobId)
{
    const auto job = ownedJob(userId, jobId);
    if (!job)
        return noJob();
    job->cancelled = true;
    m_jobs.remove(jobId);
    m_jobOrder.removeAll(jobId);
    return std::nullopt;
}

std::optional<BulkExport::Refusal> BulkExport::throttle()
{
    if (m_options.throttledPolls <= 0)
        return std::nullopt;
    --m_options.throttledPolls;
    const bool unavailable = m_options.throttleStatus == 503;
    return Refusal{unavailable ? 503 : 429,
                   unavailable ? QStringLiteral("SERVICE_UNAVAILABLE")
                               : QStringLiteral("TOO_MANY_REQUESTS"),
                   unavailable ? QStringLiteral("The export service is busy: come back later")
                               : QStringLiteral("Status polled too often: come back later"),
                   qMax(0, m_options.throttleRetryAfterSecs)};
}

std::unique_ptr<NdjsonExportFile>
BulkExport::file(const QString& userId, const QString& jobId, const QString& name)
{
    const auto job = ownedJob(userId, jobId);
    if (!job || !job->requiresAccessToken)
        return nullptr;
    return fileOf(job, name);
}

std::unique_ptr<NdjsonExportFile>
BulkExport::fileByKey(const QString& jobId, const QString& name, const QString& key)
{
    const auto job = m_jobs.value(jobId);
    if (!job || job->requiresAccessToken || key.isEmpty() || key != job->fileKey)
        return nullptr;
    return fileOf(job, name);
}

bool BulkExport::deletePlan(const QString& groupId, const QString& nhsNumber, int planIndex)
{
    const int area = m_areas.indexOf(groupId);
    if (area < 0)
        return false;
    for (int i = 0, n = m_areas.memberCount(area); i < n; ++i) {
        const AreaMember m = m_areas.memberAt(area, i);
        if (m.person.nhsNumber != nhsNumber)
            continue;
        if (planIndex < 0 || planIndex >= m.person.plans.size())
            return false;
        m_deletions[area].append(
            Deletion{nhsNumber + u'-' + QString::number(planIndex + 1), m_clock.nowUtc()});
        return true;
    }
    return false;
}

void BulkExport::noteFileRequest(const QString& host, bool withToken)
{
    m_counters->fileRequestHosts.insert(host);
    ++(withToken ? m_counters->fileRequestsWithToken : m_counters->fileRequestsWithoutToken);
}

std::unique_ptr<NdjsonExportFile> BulkExport::fileOf(const std::shared_ptr<ExportJob>& job,
                                                     const QString& name)
{
    using Kind = NdjsonExportFile::Kind;
    if (!job->ready)
        return nullptr;
    static const QRegularExpression re(
        QStringLiteral("^(Patient|CareTeam|Deleted|Error)-(\\d+)\\.ndjson$"));
    const auto m = re.match(name);
    if (!m.hasMatch())
        return nullptr;
    const QString type = m.captured(1);
    const size_t n = m.captured(2).toULongLong();
    if (type == u"Deleted" || type == u"Error") {
        const bool deleted = type == u"Deleted";
        const size_t lines = deleted ? size_t((job->deletedCareTeams.size() +
                                               NdjsonExportFile::kDeletionsPerBundle - 1) /
                                              NdjsonExportFile::kDeletionsPerBundle)
                                     : size_t(job->problems.size());
        if (n != 1 || lines == 0)
            return nullptr;
        return std::make_unique<NdjsonExportFile>(job, m_counters, m_areas, m_resources,
                                                  deleted ? Kind::Deleted : Kind::Problems, 0,
                                                  lines);
    }
    const bool patients = type == u"Patient";
    const size_t count = patients ? job->patientRefs.size() : job->careTeamRefs.size();
    const size_t perFile = size_t(qMax(1, m_options.maxFileResources));
    if (n < 1 || (n - 1) * perFile >= count)
        return nullptr;
    const size_t from = (n - 1) * perFile;
    return std::make_unique<NdjsonExportFile>(job, m_counters, m_areas, m_resources,
                                              patients ? Kind::Patients : Kind::CareTeams, from,
                                              qMin(count, from + perFile));
}

} // namespace cpis::sandbox
