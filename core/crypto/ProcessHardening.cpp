#include "core/crypto/ProcessHardening.h"

#include "core/crypto/CryptoLogging.h"

#include <QByteArray>
#include <QList>

#include <cstdlib>
#include <malloc.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace cpis {

namespace {
// glibc fills every chunk it frees with this byte (mallopt M_PERTURB): QByteArray and QString
// release their buffers through free(), so a body, a header or a number is gone once freed.
// Fresh allocations get the complement, which nothing may rely on anyway.
constexpr int kFreedByte = 0xA5;

// Chunks freed into the per-thread cache skip the fill above; with no cache they all get it.
// Measured on the look-up benchmark, the difference is within its run-to-run noise.
constexpr char kNoThreadCache[] = "glibc.malloc.tcache_count=0";
// Set before the second start: if glibc ignored the setting, the program does not start again
// and again.
constexpr char kRestartedMarker[] = "CPIS_DESK_HARDENED_START";
} // namespace

bool ProcessHardening::threadCacheOff()
{
    // Colon-separated; a later setting of the same tunable wins, so the last one counts.
    bool off = false;
    const QByteArray tunables = qgetenv("GLIBC_TUNABLES");
    for (const QByteArray& t : tunables.split(':')) {
        if (t.startsWith("glibc.malloc.tcache_count="))
            off = t == kNoThreadCache;
    }
    return off;
}

ProcessHardening::Report ProcessHardening::apply(char** argv)
{
    if (!threadCacheOff() && !qEnvironmentVariableIsSet(kRestartedMarker) && argv && argv[0]) {
        QByteArray tunables = qgetenv("GLIBC_TUNABLES");
        const QByteArray before = tunables;
        tunables += (tunables.isEmpty() ? "" : ":") + QByteArray(kNoThreadCache);
        qputenv("GLIBC_TUNABLES", tunables);
        qputenv(kRestartedMarker, "1");
        execv("/proc/self/exe", argv);
        // Still here: carry on as started, with the environment as it was.
        if (before.isEmpty())
            qunsetenv("GLIBC_TUNABLES");
        else
            qputenv("GLIBC_TUNABLES", before);
    }
    Report r = apply();
    r.threadCacheOff = threadCacheOff();
    if (!r.threadCacheOff && r.problem.isEmpty())
        r.problem = QStringLiteral("glibc's thread cache could not be turned off");
    qCInfo(lcCrypto, "process hardening: glibc thread cache off %d", int(r.threadCacheOff));
    return r;
}

ProcessHardening::Report ProcessHardening::apply()
{
    Report r;
    const struct rlimit none
    {
        0, 0
    };
    r.coreLimitZero = setrlimit(RLIMIT_CORE, &none) == 0;
    if (!r.coreLimitZero)
        r.problem = QStringLiteral("setrlimit(RLIMIT_CORE) failed");
    r.notDumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    if (!r.notDumpable && r.problem.isEmpty())
        r.problem = QStringLiteral("prctl(PR_SET_DUMPABLE) failed");
    r.freedMemoryWiped = mallopt(M_PERTURB, kFreedByte) == 1;
    if (!r.freedMemoryWiped && r.problem.isEmpty())
        r.problem = QStringLiteral("mallopt(M_PERTURB) failed");
    qCInfo(lcCrypto, "process hardening: core limit 0 %d, not dumpable %d, freed memory wiped %d",
           int(r.coreLimitZero), int(r.notDumpable), int(r.freedMemoryWiped));
    return r;
}

bool ProcessHardening::isDumpable()
{
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
}

long long ProcessHardening::coreLimit()
{
    struct rlimit l
    {};
    if (getrlimit(RLIMIT_CORE, &l) != 0)
        return -1;
    return l.rlim_cur == RLIM_INFINITY ? -1 : (long long)l.rlim_cur;
}

} // namespace cpis
