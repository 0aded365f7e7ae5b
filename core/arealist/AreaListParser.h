#pragma once

#include "core/arealist/AreaList.h"
#include "core/domain/Result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace cpis {

// Strict readers of one area-list NDJSON line (docs/api.md §11). A line that is not exactly one
// resource of the expected type in the §5 shapes, with meta.lastUpdated, is an error: the sync
// that met it fails rather than keep a silently shorter list.
class AreaListParser
{
public:
    struct Error
    {
        QString what; // names the field, never its value
    };

    static Result<AreaPatient, Error> patient(QByteArrayView line);
    static Result<AreaPlan, Error> careTeam(QByteArrayView line);
    // A line of a manifest error file: one OperationOutcome with at least one issue.
    static Result<QList<ExportIssue>, Error> operationOutcome(QByteArrayView line);
    // A line of a manifest deleted file: one transaction Bundle whose entries each carry
    // request.method DELETE and request.url "<type>/<id>" (relative, or absolute ending so).
    static Result<QList<DeletedResource>, Error> deletedBundle(QByteArrayView line);
};

} // namespace cpis
