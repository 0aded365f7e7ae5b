#pragma once

#include "sandbox/endpoints/ExportJob.h"

#include <QByteArray>

#include <memory>

namespace cpis::sandbox {

class AreaDirectory;
class FhirResources;

// One NDJSON file of an export job, rendered a few hundred lines at a time as it is sent: the
// sandbox never holds a whole file. Every Patient and CareTeam line is a resource from the one
// FHIR writer; a deleted[] line is a transaction Bundle of DELETE entries, an error[] line an
// OperationOutcome (Bulk Data Access IG v2.0.0).
class NdjsonExportFile
{
public:
    enum class Kind
    {
        Patients,
        CareTeams,
        Deleted,
        Problems,
    };

    NdjsonExportFile(std::shared_ptr<const ExportJob> job,
                     std::shared_ptr<ExportCounters> counters,
                     AreaDirectory& areas,
                     const FhirResources& resources,
                     Kind kind,
                     size_t from,
                     size_t to);

    bool cancelled() const { return m_job->cancelled; } // the job was cancelled or dropped
    bool atEnd() const { return m_next >= m_end; }
    // Up to `lines` more lines, each ending in a newline.
    QByteArray next(int lines);

    static constexpr int kDeletionsPerBundle = 50;

private:
    QByteArray line(size_t index);

    std::shared_ptr<const ExportJob> m_job;
    std::shared_ptr<ExportCounters> m_counters;
    AreaDirectory& m_areas;
    const FhirResources& m_resources;
    Kind m_kind;
    size_t m_next;
    size_t m_end;
};

} // namespace cpis::sandbox
