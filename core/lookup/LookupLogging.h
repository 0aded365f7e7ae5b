#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of look-ups: request id, answer state, cache use, time taken. Category "cpis.lookup",
// silent below warnings unless enabled, e.g. QT_LOGGING_RULES="cpis.lookup.debug=true"
// (docs/diagnostics.md). Never an NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcLookup, "cpis.lookup", QtWarningMsg)

} // namespace cpis
