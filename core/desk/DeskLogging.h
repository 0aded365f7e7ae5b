#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of building the desk's services. Category "cpis.desk", silent below warnings unless
// enabled, e.g. QT_LOGGING_RULES="cpis.desk.debug=true" (docs/diagnostics.md). Never an NHS number,
// a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcDesk, "cpis.desk", QtWarningMsg)

} // namespace cpis
