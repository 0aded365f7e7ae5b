#include "sandbox/endpoints/NdjsonExportFile.h"

#include "sandbox/fhir/FhirResources.h"
#include "sandbox/world/AreaDirectory.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cpis::sandbox {

NdjsonExportFile::NdjsonExportFile(std::shared_ptr<const ExportJob> job,
                                   std::shared_ptr<ExportCounters> counters,
                                   AreaDirectory& areas,
                                   const FhirResources& resources,
                                   Kind kind,
                                   size_t from,
                                   size_t to)
    : m_job(std::move(job)), m_counters(std::move(counters)), m_areas(areas),
      m_resources(resources), m_kind(kind), m_next(from), m_end(to)
{}

QByteArray NdjsonExportFile::next(int lines)
{
    QByteArray chunk;
    const size_t stop = qMin(m_end, m_next + size_t(qMax(1, lines)));
    for (; m_next < stop; ++m_next) {
        chunk += line(m_next);
        chunk += '\n';
    }
    return chunk;
}

QByteArray NdjsonExportFile::line(size_t index)
{
    const QDate today = m_job->transactionTime.date();
    switch (m_kind) {
    case Kind::Patients: {
        const AreaMember m = m_areas.memberAt(m_job->area, int(m_job->patientRefs[index]));
        ++m_counters->patients;
        return FhirResources::ndjsonLine(
            FhirResources::listPatient(m.person, m.patientLastUpdated(today)));
    }
    case Kind::CareTeams: {
        const quint32 ref = m_job->careTeamRefs[index];
        const AreaMember m = m_areas.memberAt(m_job->area, int(ref >> 4));
        const int plan = int(ref & 0xF);
        ++m_counters->careTeams;
        return FhirResources::ndjsonLine(m_resources.careTeam(m.person.nhsNumber,
                                                              m.person.plans.at(plan), plan, today,
                                                              m.planLastUpdated(plan, today)));
    }
    case Kind::Deleted: {
        // Line `index` holds deletions index*50 .. index*50+49.
        QJsonArray entries;
        const qsizetype from = qsizetype(index) * kDeletionsPerBundle;
        const qsizetype to = qMin(m_job->deletedCareTeams.size(), from + kDeletionsPerBundle);
        for (qsizetype i = from; i < to; ++i) {
            entries.append(QJsonObject{
                {QStringLiteral("request"),
                 QJsonObject{{QStringLiteral("method"), QStringLiteral("DELETE")},
                             {QStringLiteral("url"), QString(QStringLiteral("CareTeam/") +
                                                             m_job->deletedCareTeams.at(i))}}}});
            ++m_counters->deletions;
        }
        return FhirResources::ndjsonLine(QJsonObject{
            {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
            {QStringLiteral("id"), QStringLiteral("%1-deleted-%2").arg(m_job->id).arg(index + 1)},
            {QStringLiteral("meta"), QJsonObject{{QStringLiteral("lastUpdated"),
                                                  FhirResources::instant(m_job->transactionTime)}}},
            {QStringLiteral("type"), QStringLiteral("transaction")},
            {QStringLiteral("entry"), entries}});
    }
    case Kind::Problems:
        ++m_counters->problems;
        return FhirResources::ndjsonLine(QJsonObject{
            {QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
            {QStringLiteral("id"), QStringLiteral("%1-error-%2").arg(m_job->id).arg(index + 1)},
            {QStringLiteral("issue"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("severity"), QStringLiteral("error")},
                 {QStringLiteral("code"), QStringLiteral("exception")},
                 {QStringLiteral("diagnostics"), m_job->problems.at(qsizetype(index))}}}}});
    }
    return {};
}

} // namespace cpis::sandbox
