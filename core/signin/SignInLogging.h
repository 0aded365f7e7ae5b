#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of sign-in, refresh and sign-out steps. Category "cpis.signin", silent below warnings
// unless enabled, e.g. QT_LOGGING_RULES="cpis.signin.debug=true" (docs/diagnostics.md). Never an
// NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcSignIn, "cpis.signin", QtWarningMsg)

} // namespace cpis
