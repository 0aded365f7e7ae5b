#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of the MESH exchanges: which operation, its HTTP status, sizes and chunk
// numbers. Category "cpis.mesh", silent below warnings unless enabled
// (docs/diagnostics.md). Never a password, a shared key, an Authorization header, a body or
// anything read from one.
inline Q_LOGGING_CATEGORY(lcMesh, "cpis.mesh", QtWarningMsg)

} // namespace cpis
