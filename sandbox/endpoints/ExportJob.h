#pragma once

#include <QDateTime>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace cpis::sandbox {

// One area-list export: who asked, for which area, and (once prepared) which resources its
// files carry. Shared by the job registry and the files being sent.
struct ExportJob
{
    QString id;
    QString owner; // sandbox user id
    int area = 0;  // index into AreaDirectory
    QDateTime transactionTime;
    QString request;
    std::optional<QDateTime> since;
    bool patients = false;
    bool careTeams = false;
    int next = 0; // members looked at so far
    int total = 0;
    bool ready = false;
    bool cancelled = false;
    std::vector<quint32> patientRefs;  // member index
    std::vector<quint32> careTeamRefs; // member index << 4 | plan index
};

// What the NDJSON files have carried since the sandbox started.
struct ExportCounters
{
    qint64 patients = 0;
    qint64 careTeams = 0;
};

} // namespace cpis::sandbox
