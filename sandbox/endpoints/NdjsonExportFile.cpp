#include "sandbox/endpoints/NdjsonExportFile.h"

#include "sandbox/fhir/FhirResources.h"
#include "sandbox/world/AreaDirectory.h"

namespace cpis::sandbox {

NdjsonExportFile::NdjsonExportFile(std::shared_ptr<const ExportJob> job,
                                   std::shared_ptr<ExportCounters> counters,
                                   AreaDirectory& areas,
                                   const FhirResources& resources,
                                   bool patients,
                                   size_t from,
                                   size_t to)
    : m_job(std::move(job)), m_counters(std::move(counters)), m_areas(areas),
      m_resources(resources), m_patients(patients), m_next(from), m_end(to)
{}

QByteArray NdjsonExportFile::next(int lines)
{
    QByteArray chunk;
    const size_t stop = qMin(m_end, m_next + size_t(qMax(1, lines)));
    const QDate today = m_job->transactionTime.date();
    for (; m_next < stop; ++m_next) {
        if (m_patients) {
            const AreaMember m = m_areas.memberAt(m_job->area, int(m_job->patientRefs[m_next]));
            chunk += FhirResources::ndjsonLine(
                FhirResources::listPatient(m.person, m.patientLastUpdated(today)));
            ++m_counters->patients;
        } else {
            const quint32 ref = m_job->careTeamRefs[m_next];
            const AreaMember m = m_areas.memberAt(m_job->area, int(ref >> 4));
            const int plan = int(ref & 0xF);
            chunk += FhirResources::ndjsonLine(
                m_resources.careTeam(m.person.nhsNumber, m.person.plans.at(plan), plan, today,
                                     m.planLastUpdated(plan, today)));
            ++m_counters->careTeams;
        }
        chunk += '\n';
    }
    return chunk;
}

} // namespace cpis::sandbox
