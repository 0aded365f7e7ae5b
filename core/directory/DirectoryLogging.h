#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of the local directory of contacts. Category "cpis.directory", silent below warnings
// unless enabled, e.g. QT_LOGGING_RULES="cpis.directory.debug=true" (docs/diagnostics.md). Never an
// NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcDirectory, "cpis.directory", QtWarningMsg)

} // namespace cpis
