#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of forwarding the audit log to the trust's hub: connections, batches sent, how
// many were new, already held or forks. Category "cpis.hub" (docs/diagnostics.md). Never an
// NHS number, a name, a password or an audit entry's fields.
inline Q_LOGGING_CATEGORY(lcHub, "cpis.hub", QtWarningMsg)

} // namespace cpis
