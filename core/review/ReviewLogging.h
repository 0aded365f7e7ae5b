#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of the site review feed: refreshes and counts. Category "cpis.review", silent below
// warnings unless enabled, e.g. QT_LOGGING_RULES="cpis.review.debug=true" (docs/diagnostics.md).
// Never an NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcReview, "cpis.review", QtWarningMsg)

} // namespace cpis
