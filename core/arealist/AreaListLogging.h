#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of area list syncs: progress counts, end state. Category "cpis.arealist", silent
// below warnings unless enabled, e.g. QT_LOGGING_RULES="cpis.arealist.debug=true"
// (docs/diagnostics.md). Never an NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcAreaList, "cpis.arealist", QtWarningMsg)

} // namespace cpis
