#pragma once

// The only place that includes <sqlite3.h>. Both libsqlite3-dev and libsqlcipher-dev
// install a header of that name; pkg-config puts /usr/include/sqlcipher first, and these
// guards make a mix-up a build error rather than a clear-text database at run time.
#include <sqlite3.h>

#ifndef SQLITE_HAS_CODEC
#error "SQLITE_HAS_CODEC must be defined for SQLCipher (sqlite3_key/sqlite3_rekey)"
#endif
#if SQLITE_VERSION_NUMBER != 3015002
#error "Expected the SQLCipher 3.4.1 header (SQLite 3.15.2); wrong sqlite3.h picked up?"
#endif
