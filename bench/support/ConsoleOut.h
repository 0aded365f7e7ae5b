#pragma once
// Console output for benchmarks and the store tests' helper process. They print figures, library
// versions, temporary paths, sequence numbers and request ids: never NHS numbers, names,
// tokens or keys. One place, flushed at once, so a parent reading line by line (the
// SIGKILL test) sees every line that was written before the kill.
#include <QString>
#include <QTextStream>

#include <cstdio>

namespace cpis::console {

template <typename... Args> void say(const char* format, Args... args)
{
    QTextStream(stdout) << QString::asprintf(format, args...);
    std::fflush(stdout);
}

template <typename... Args> void complain(const char* format, Args... args)
{
    QTextStream(stderr) << QString::asprintf(format, args...);
}

} // namespace cpis::console
