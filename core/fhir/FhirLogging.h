#pragma once

#include <QLoggingCategory>

namespace cpis {

// Diagnostics of reading FHIR resources: which element was refused. Category "cpis.fhir", silent
// below warnings unless enabled, e.g. QT_LOGGING_RULES="cpis.fhir.debug=true"
// (docs/diagnostics.md). Never an NHS number, a name, a token, a URL query or a body.
inline Q_LOGGING_CATEGORY(lcFhir, "cpis.fhir", QtWarningMsg)

} // namespace cpis
