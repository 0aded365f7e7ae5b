#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of the encrypted databases: opened, migrated, purged. Category "cpis.store", silent
// below warnings unless enabled, e.g. QT_LOGGING_RULES="cpis.store.debug=true"
// (docs/diagnostics.md). Never an NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcStore, "cpis.store", QtWarningMsg)

} // namespace cpis
