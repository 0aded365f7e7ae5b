#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of HTTP requests: method, host, request id, status, time taken. Category "cpis.net",
// silent below warnings unless enabled, e.g. QT_LOGGING_RULES="cpis.net.debug=true"
// (docs/diagnostics.md). Never an NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcNet, "cpis.net", QtWarningMsg)

} // namespace cpis
