#pragma once
// The tests' PostgreSQL server is the benchmarks' (bench/support/PostgresServer), so that both
// start it the same way; here only what a test needs besides: the skip line and its macro.
#include "bench/support/PostgresServer.h"

#include <QTest>

namespace cpis::testsupport {

using PostgresServer = cpis::benchsupport::PostgresServer;

// A test that needs the server and finds no binaries skips with one line starting with this
// (scripts/test.sh counts them); under CI (CI=true, or CPIS_REQUIRE_REFERENCE_DATA=1 as .ci/run
// sets it) it fails instead.
inline constexpr char kMissingPostgres[] = "missing PostgreSQL server:";

} // namespace cpis::testsupport
// Skips (or, under CI, fails) the calling test when the server's binaries are absent.
#define CPIS_REQUIRE_POSTGRES()                                                                    \
    do {                                                                                           \
        if (!cpis::testsupport::PostgresServer::binariesPresent()) {                               \
            const QString cpisPgWhy_ = QLatin1String(cpis::testsupport::kMissingPostgres) +        \
                                       QStringLiteral(" no initdb/pg_ctl in ") +                   \
                                       cpis::testsupport::PostgresServer::binDir() +               \
                                       QStringLiteral(" (Debian: apt-get install postgresql)");    \
            if (cpis::testsupport::PostgresServer::required())                                     \
                QFAIL(qPrintable(cpisPgWhy_));                                                     \
            QSKIP(qPrintable(cpisPgWhy_));                                                         \
        }                                                                                          \
    } while (false)
