#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of the attendance-notice mailbox: polls, counts, acknowledgements. Category
// "cpis.notices", silent below warnings unless enabled, e.g.
// QT_LOGGING_RULES="cpis.notices.debug=true" (docs/diagnostics.md). Never an NHS number, a
// name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcNotices, "cpis.notices", QtWarningMsg)

} // namespace cpis
