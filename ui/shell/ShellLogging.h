#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of the main window: sign-in, lock, role screens. Category "cpis.shell", silent below
// warnings unless enabled, e.g. QT_LOGGING_RULES="cpis.shell.debug=true" (docs/diagnostics.md).
// Never an NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcShell, "cpis.shell", QtWarningMsg)

} // namespace cpis
