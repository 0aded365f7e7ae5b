#pragma once

#include <QString>

namespace cpis {

// What a process holding keys, tokens and patient data does before anything else: no core
// file (RLIMIT_CORE 0), not dumpable (no core, no ptrace attach by the same user, /proc/<pid>/mem
// readable by root only), and freed heap memory overwritten so that a token or NHS number a
// reply once held is not left behind in a free chunk.
class ProcessHardening
{
public:
    struct Report
    {
        bool coreLimitZero = false;
        bool notDumpable = false;
        bool freedMemoryWiped = false;
        QString problem; // the first step that failed, for the start-up log; empty if none
    };

    // Safe to call more than once; call it first in main(), before any secret is read.
    static Report apply();

    // What the kernel says now, for tests and the start-up log.
    static bool isDumpable();
    static long long coreLimit(); // RLIMIT_CORE's soft limit; -1 for unlimited
};

} // namespace cpis
