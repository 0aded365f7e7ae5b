#pragma once

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

class QCoreApplication;

namespace cpis::sandbox {

// The sandbox's command line (docs/sandbox.md): parses `arguments` (program name first),
// starts the server, prints its base URL as the first line and runs until SIGINT or
// SIGTERM. Shared by `cpis-sandbox` and `cpis sandbox`; `program` prefixes messages.
int runCommandLine(QCoreApplication& app, const QStringList& arguments, const QString& program);

// --rtt's value: "20ms" or "20", 0 to 10000 milliseconds; nothing for anything else.
std::optional<std::chrono::milliseconds> parseRtt(const QString& text);

} // namespace cpis::sandbox
