#pragma once

#include "core/arealist/AreaList.h"
#include "core/domain/Result.h"

#include <QByteArrayView>
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
};

} // namespace cpis
