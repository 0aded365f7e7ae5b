#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of the HL7 V3 (Spine) messages: which element was refused, the size and time of
// an exchange. Category "cpis.spine", silent below warnings unless enabled, e.g.
// QT_LOGGING_RULES="cpis.spine.debug=true" (docs/diagnostics.md). Never an NHS number, a name,
// a token or a body.
inline Q_LOGGING_CATEGORY(lcSpine, "cpis.spine", QtWarningMsg)

} // namespace cpis
