#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/store/SqlStatement.h"
#include "core/store/StoreError.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

struct sqlite3;

namespace cpis {

// An open SQLCipher database, closed on destruction. Opening enforces what the store
// relies on: the library really is SQLCipher, the cipher settings are the pinned ones,
// the key decrypts the file, WAL with synchronous=FULL (a returned commit survives a
// power cut), secure_delete on, and a page cache large enough for the working set.
class SecureDb
{
public:
    static constexpr int kKeyBytes = 32;

    // key: 32 raw bytes, used directly (no passphrase KDF).
    static StoreResult<std::unique_ptr<SecureDb>> open(const QString& path, const QByteArray& key);
    // Same engine and settings but no encryption. Only for benchmarks' "plain SQLite"
    // baseline: the app never calls this.
    static StoreResult<std::unique_ptr<SecureDb>> openPlaintextForBenchmark(const QString& path);

    SecureDb(const SecureDb&) = delete;
    SecureDb& operator=(const SecureDb&) = delete;
    ~SecureDb();

    StoreStatus exec(const char* sql);
    StoreResult<SqlStatement> prepare(const char* sql);
    // First column of the first row as text, or an empty string when there is no row.
    StoreResult<QString> queryText(const char* sql);
    qint64 changes() const; // rows changed by the last INSERT/UPDATE/DELETE

    // How much a commit costs. EveryCommit (the default, synchronous=FULL) flushes the WAL
    // on each commit, so a returned commit survives a power cut: the audit log needs that.
    // AtCheckpoint (synchronous=NORMAL) flushes only at checkpoints: a power cut may lose
    // the last commits but never corrupts the file. Enough for a cache, whose loss costs
    // only the offline fallback, and it saves a flush per look-up.
    enum class Durability
    {
        EveryCommit,
        AtCheckpoint,
    };
    StoreStatus setDurability(Durability d);
    Durability durability() const { return m_durability; }

    StoreStatus begin(); // BEGIN IMMEDIATE: take the write lock up front
    StoreStatus commit();
    StoreStatus rollback();

    // Applies steps[user_version .. n-1], each in its own transaction together with its
    // user_version bump, so an interrupted migration resumes where it stopped.
    StoreStatus migrate(const QStringList& steps);
    StoreResult<int> schemaVersion();

    // Re-encrypts the whole file under a new key (admin operation; see KeyStore).
    StoreStatus rekey(const QByteArray& newKey);

    // Closes the connection and opens a new one on the same file with the same key and
    // settings. Closing is the only way SQLite lets go of all it holds decrypted: PRAGMA
    // shrink_memory frees the page cache, but the b-tree's scratch page keeps the last row
    // written, and lookaside slots keep small values, for the life of the connection. Every
    // statement prepared on this database must have been destroyed first. On failure the
    // old connection stays open and usable.
    StoreStatus reconnect();
    // A second connection to the same file, with the same key and settings, for another
    // thread: a connection is used by one thread at a time, and each holds its own
    // transactions (SQLite's locks keep the two consistent).
    StoreResult<std::unique_ptr<SecureDb>> openSibling() const;

    QString path() const { return m_path; }
    bool encrypted() const { return m_encrypted; }

private:
    SecureDb(sqlite3* db, QString path, bool encrypted);
    static StoreResult<std::unique_ptr<SecureDb>>
    openImpl(const QString& path, const QByteArray& key, bool encrypted);
    StoreStatus configure();
    StoreError lastError(const QString& what, int rc) const;

    sqlite3* m_db = nullptr;
    QString m_path;
    bool m_encrypted = true;
    Durability m_durability = Durability::EveryCommit;
    // For reconnect(): SQLCipher keeps its own copy for as long as the connection is open,
    // so this one (locked in memory, out of dumps) adds no exposure.
    SecretBytes m_key;
};

// Rolls back unless commit() was called: early returns on error never leave a
// transaction open.
class SqlTransaction
{
public:
    explicit SqlTransaction(SecureDb& db) : m_db(db) {}
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;
    ~SqlTransaction()
    {
        if (m_open)
            m_db.rollback();
    }
    StoreStatus begin()
    {
        auto s = m_db.begin();
        m_open = s.ok();
        return s;
    }
    StoreStatus commit()
    {
        auto s = m_db.commit();
        if (s.ok())
            m_open = false;
        return s;
    }

private:
    SecureDb& m_db;
    bool m_open = false;
};

} // namespace cpis
