#pragma once

#include <QString>

namespace cpis {

// What a process holding keys, tokens and patient data does before anything else: no core
// file (RLIMIT_CORE 0), not dumpable (no core, no ptrace attach by the same user, /proc/<pid>/mem
// readable by root only), and freed heap memory overwritten so that a token or NHS number a
// reply once held is not left behind in a free chunk. glibc's per-thread cache (tcache) keeps
// recently freed small chunks as they were, without the overwrite, so the programs run with it
// off: apply(argv) starts the program again once with GLIBC_TUNABLES saying so, since glibc
// reads its tunables only when a program starts.
class ProcessHardening
{
public:
    struct Report
    {
        bool coreLimitZero = false;
        bool notDumpable = false;
        bool freedMemoryWiped = false;
        bool threadCacheOff = false; // glibc.malloc.tcache_count=0 in force
        QString problem; // the first step that failed, for the start-up log; empty if none
    };

    // Safe to call more than once; call it first in main(), before any secret is read.
    static Report apply();
    // The same, first starting the program again (execv of /proc/self/exe with `argv`, same
    // process id) with glibc's thread cache off unless it already is. At most once: an
    // environment marker stops a second start even if glibc ignored the setting.
    static Report apply(char** argv);
    static bool threadCacheOff(); // what GLIBC_TUNABLES says now

    // What the kernel says now, for tests and the start-up log.
    static bool isDumpable();
    static long long coreLimit(); // RLIMIT_CORE's soft limit; -1 for unlimited
};

} // namespace cpis
