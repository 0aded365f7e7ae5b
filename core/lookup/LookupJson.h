#pragma once

#include "core/lookup/LookupResult.h"

#include <QDate>
#include <QJsonObject>

namespace cpis {

// The documented JSON form of a look-up's answer (docs/cli.md), printed by `cpis lookup
// --json` for scripts. Field names are stable; dates are ISO 8601, instants UTC.
class LookupJson
{
public:
    // `today` decides which plans are shown as ended.
    static QJsonObject toJson(const LookupResult& result, const QDate& today);
};

} // namespace cpis
