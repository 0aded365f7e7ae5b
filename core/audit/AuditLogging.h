#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of the sealed audit log: appended sequence numbers, verification. Category
// "cpis.audit", silent below warnings unless enabled, e.g. QT_LOGGING_RULES="cpis.audit.debug=true"
// (docs/diagnostics.md). Never an NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcAudit, "cpis.audit", QtWarningMsg)

} // namespace cpis
