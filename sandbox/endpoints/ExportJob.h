#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>
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
    // false: the files are at capability URLs (`?key=` this key), which refuse a bearer token,
    // as a signed-URL object store would; the manifest says requiresAccessToken false.
    bool requiresAccessToken = true;
    QString fileKey;
    int next = 0; // members looked at so far
    int total = 0;
    bool ready = false;
    bool cancelled = false;
    std::vector<quint32> patientRefs;  // member index
    std::vector<quint32> careTeamRefs; // member index << 4 | plan index
    QStringList deletedCareTeams;      // CareTeam ids deleted after _since (deleted[])
    QStringList problems;              // one OperationOutcome each (error[])
};

// What the NDJSON files have carried since the sandbox started, and how they were asked for.
struct ExportCounters
{
    qint64 patients = 0;
    qint64 careTeams = 0;
    qint64 deletions = 0; // entries of deleted[] Bundles
    qint64 problems = 0;  // OperationOutcomes of error[] files
    qint64 fileRequestsWithToken = 0;
    qint64 fileRequestsWithoutToken = 0;
    QSet<QString> fileRequestHosts; // the Host each file request was sent to (without port)
};

} // namespace cpis::sandbox
