#include "core/crypto/ProcessHardening.h"

#include "core/crypto/CryptoLogging.h"

#include <malloc.h>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace cpis {

namespace {
// glibc fills every chunk it frees with this byte (mallopt M_PERTURB): QByteArray and QString
// release their buffers through free(), so a body, a header or a number is gone once freed.
// Fresh allocations get the complement, which nothing may rely on anyway.
constexpr int kFreedByte = 0xA5;
} // namespace

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
