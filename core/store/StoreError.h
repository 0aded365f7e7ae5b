#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace cpis {

// One error type for the secure store (database, keychain, audit chain), so that the
// caller can tell "stop, keychain locked" from "wrong key" from "log tampered".
struct StoreError
{
    enum class Code
    {
        NotSqlCipher,        // the linked library does not encrypt: refuse to write clear text
        CannotOpen,          // file could not be opened or created
        WrongKey,            // the key does not decrypt the file (or it is not our database)
        Sql,                 // any other SQLite failure
        SchemaTooNew,        // written by a newer version of the app
        KeychainUnavailable, // no Secret Service, no D-Bus, or the keychain refused
        KeychainLocked,      // keychain present but locked (write did not round-trip)
        KeychainTimeout,     // the keychain did not answer in time
        KeyMissing,          // a database exists but its key is not in the keychain
        KeyInvalid,          // the keychain holds something that is not a 256-bit key
        AuditTampered,       // hash chain or HMAC broken, or entries missing
        AuditTruncated,      // the log is shorter than its anchor
        Io,                  // export or file I/O failed
        Crypto,              // libcrypto could not hash or seal (no usable OpenSSL provider)
        InUse,               // another process holds the store's lock
        AnchorUnsaved,       // entries are committed but their anchor could not be saved
    };
    Code code = Code::Sql;
    QString message; // for people and logs; never contains NHS numbers, names or keys
    int sqliteCode = 0;
};

using StoreStatus = Status<StoreError>;
template <typename T> using StoreResult = Result<T, StoreError>;

} // namespace cpis
