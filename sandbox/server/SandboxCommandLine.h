#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace cpis::sandbox {

// The sandbox's command line (docs/sandbox.md): parses `arguments` (program name first),
// starts the server, prints its base URL as the first line and runs until SIGINT or
// SIGTERM. Shared by `cpis-sandbox` and `cpis sandbox`; `program` prefixes messages.
int runCommandLine(QCoreApplication& app, const QStringList& arguments, const QString& program);

} // namespace cpis::sandbox
