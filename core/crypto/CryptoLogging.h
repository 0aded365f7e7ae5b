#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of keys and the keychain. Category "cpis.crypto", silent below warnings unless
// enabled, e.g. QT_LOGGING_RULES="cpis.crypto.debug=true" (docs/diagnostics.md). Never an NHS
// number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcCrypto, "cpis.crypto", QtWarningMsg)

} // namespace cpis
