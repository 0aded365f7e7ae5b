#include "core/store/SecureDb.h"

#include "core/store/SqliteHeader.h"
#include "core/store/StoreLogging.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <mutex>

namespace cpis {

namespace {

// Pinned so that a library whose defaults change cannot silently write a different
// format: these are SQLCipher 3.x's settings, spelled out.
const char* const kCipherPins[] = {
    "PRAGMA cipher_page_size = 1024",
    "PRAGMA kdf_iter = 64000",
    "PRAGMA cipher_use_hmac = ON",
    "PRAGMA cipher_hmac_pgno = le",
    "PRAGMA cipher_hmac_salt_mask = \"x'3a'\"",
};

// 64 MB: holds the hot part of a million-answer cache, so pages are not decrypted again
// on every look-up (1.1x plain SQLite here, against 1.5x with the default 2 MB).
constexpr int kCacheKiB = 65536;

// How long a statement waits for another connection's write lock before failing with
// SQLITE_BUSY. Set before the first statement: the key check reads a page and can meet a
// writer too.
constexpr int kBusyTimeoutMs = 5000;

} // namespace

SecureDb::SecureDb(sqlite3* db, QString path, bool encrypted)
    : m_db(db), m_path(std::move(path)), m_encrypted(encrypted)
{}

SecureDb::~SecureDb()
{
    sqlite3_close_v2(m_db);
}

StoreResult<std::unique_ptr<SecureDb>> SecureDb::open(const QString& path, const QByteArray& key)
{
    if (key.size() != kKeyBytes)
        return StoreError{StoreError::Code::KeyInvalid,
                          QStringLiteral("database key must be %1 bytes").arg(kKeyBytes)};
    return openImpl(path, key, true);
}

StoreResult<std::unique_ptr<SecureDb>> SecureDb::openPlaintextForBenchmark(const QString& path)
{
    return openImpl(path, {}, false);
}

StoreResult<std::unique_ptr<SecureDb>>
SecureDb::openImpl(const QString& path, const QByteArray& key, bool encrypted)
{
    static std::once_flag configured;
    std::call_once(configured, [] {
        // No bulk block of page slots kept for the life of each connection: every decrypted
        // page is its own allocation, so PRAGMA shrink_memory (on lock) hands it back to be
        // wiped. Refused, harmlessly, if SQLite was already initialised.
        (void)sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0);
    });
    const bool existed = QFileInfo::exists(path);
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg =
            raw ? QString::fromUtf8(sqlite3_errmsg(raw)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(raw);
        return StoreError{StoreError::Code::CannotOpen,
                          QStringLiteral("cannot open %1: %2").arg(path, msg), rc};
    }
    std::unique_ptr<SecureDb> db(new SecureDb(raw, path, encrypted));
    if (encrypted)
        db->m_key = SecretBytes(key);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);

    // An unknown PRAGMA is silently ignored, so no answer here means a plain SQLite was
    // linked by mistake: it would write clear text.
    auto version = db->queryText("PRAGMA cipher_version");
    if (!version || version.value().isEmpty())
        return StoreError{StoreError::Code::NotSqlCipher,
                          QStringLiteral("the SQLite library in use is not SQLCipher "
                                         "(PRAGMA cipher_version gave no answer); refusing to "
                                         "open %1")
                              .arg(path)};

    if (encrypted) {
        QByteArray hex = key.toHex();
        QByteArray pragma = "PRAGMA key = \"x'" + hex + "'\"";
        wipe(hex);
        const auto keyed = db->exec(pragma.constData());
        wipe(pragma);
        if (!keyed)
            return keyed.error();
        for (const char* pin : kCipherPins) {
            if (auto s = db->exec(pin); !s)
                return s.error();
        }
    }

    // PRAGMA key never fails by itself; a wrong key shows at the first read of a page.
    if (auto probe = db->queryText("SELECT count(*) FROM sqlite_master"); !probe) {
        StoreError err = probe.error();
        if (err.sqliteCode == SQLITE_NOTADB) {
            err.code = StoreError::Code::WrongKey;
            err.message = QStringLiteral("cannot read %1: the key does not decrypt it, or it "
                                         "is not a CP-IS Desk database (%2)")
                              .arg(path, QString::fromUtf8(sqlite3_errstr(SQLITE_NOTADB)));
        } else if ((err.sqliteCode & 0xff) == SQLITE_BUSY ||
                   (err.sqliteCode & 0xff) == SQLITE_LOCKED) {
            err.message = QStringLiteral("cannot read %1: another process kept it locked for more "
                                         "than %2 s (%3)")
                              .arg(path)
                              .arg(kBusyTimeoutMs / 1000)
                              .arg(err.message);
        }
        return err;
    }
    if (encrypted) {
        auto pageSize = db->queryText("PRAGMA cipher_page_size");
        if (!pageSize || pageSize.value() != QLatin1String("1024"))
            return StoreError{
                StoreError::Code::Sql,
                QStringLiteral("cipher settings did not take effect on %1").arg(path)};
    }
    if (auto s = db->configure(); !s)
        return s.error();
    if (!existed) {
        // Encrypted or not, the file is nobody else's business; -wal and -shm inherit this.
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
    // The file name only: the folder names the computer account.
    qCInfo(lcStore, "opened %s (%s, %s)", qUtf8Printable(QFileInfo(path).fileName()),
           existed ? "existing" : "new", encrypted ? "encrypted" : "plain text");
    return db;
}

StoreStatus SecureDb::setDurability(Durability d)
{
    m_durability = d;
    return exec(d == Durability::EveryCommit ? "PRAGMA synchronous = FULL"
                                             : "PRAGMA synchronous = NORMAL");
}

StoreStatus SecureDb::configure()
{
    auto mode = queryText("PRAGMA journal_mode = WAL");
    if (!mode)
        return mode.error();
    if (mode.value().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return StoreError{
            StoreError::Code::Sql,
            QStringLiteral("could not switch %1 to WAL (got '%2')").arg(m_path, mode.value())};
    const QByteArray cache = "PRAGMA cache_size = -" + QByteArray::number(kCacheKiB);
    for (const char* sql : {"PRAGMA synchronous = FULL", "PRAGMA secure_delete = ON",
                            "PRAGMA foreign_keys = ON", cache.constData()}) {
        if (auto s = exec(sql); !s)
            return s;
    }
    return {};
}

StoreError SecureDb::lastError(const QString& what, int rc) const
{
    return StoreError{rc == SQLITE_NOTADB ? StoreError::Code::WrongKey : StoreError::Code::Sql,
                      QStringLiteral("%1: SQLite error %2: %3")
                          .arg(what)
                          .arg(rc)
                          .arg(QString::fromUtf8(sqlite3_errmsg(m_db))),
                      rc};
}

StoreStatus SecureDb::exec(const char* sql)
{
    char* msg = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK)
        return lastError(QStringLiteral("exec"), rc);
    return {};
}

StoreResult<SqlStatement> SecureDb::prepare(const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return lastError(QStringLiteral("prepare"), rc);
    }
    return SqlStatement(m_db, stmt);
}

StoreResult<QString> SecureDb::queryText(const char* sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = stmt.value().step();
    if (!row)
        return row.error();
    return row.value() ? stmt.value().text(0) : QString();
}

qint64 SecureDb::changes() const
{
    return sqlite3_changes(m_db);
}

StoreStatus SecureDb::begin()
{
    return exec("BEGIN IMMEDIATE");
}

StoreStatus SecureDb::commit()
{
    return exec("COMMIT");
}

StoreStatus SecureDb::rollback()
{
    return exec("ROLLBACK");
}

StoreResult<int> SecureDb::schemaVersion()
{
    auto v = queryText("PRAGMA user_version");
    if (!v)
        return v.error();
    return v.value().toInt();
}

StoreStatus SecureDb::migrate(const QStringList& steps)
{
    auto current = schemaVersion();
    if (!current)
        return current.error();
    const int from = current.value();
    if (from > steps.size())
        return StoreError{StoreError::Code::SchemaTooNew,
                          QStringLiteral("%1 has schema version %2; this build knows up to %3")
                              .arg(m_path)
                              .arg(from)
                              .arg(steps.size())};
    for (int v = from; v < steps.size(); ++v) {
        SqlTransaction tx(*this);
        if (auto s = tx.begin(); !s)
            return s;
        if (auto s = exec(steps.at(v).toUtf8().constData()); !s)
            return s;
        const QByteArray bump = "PRAGMA user_version = " + QByteArray::number(v + 1);
        if (auto s = exec(bump.constData()); !s)
            return s;
        if (auto s = tx.commit(); !s)
            return s;
        qCInfo(lcStore, "%s: schema version %d", qUtf8Printable(QFileInfo(m_path).fileName()),
               v + 1);
    }
    return {};
}

StoreStatus SecureDb::reconnect()
{
    QByteArray key = m_key.view().toByteArray();
    auto fresh = openImpl(m_path, key, m_encrypted);
    wipe(key);
    if (!fresh)
        return fresh.error();
    if (m_durability != Durability::EveryCommit) {
        if (auto s = fresh.value()->setDurability(m_durability); !s)
            return s;
    }
    // The old connection goes with `fresh`, whose destructor closes it.
    std::swap(m_db, fresh.value()->m_db);
    return {};
}

StoreResult<std::unique_ptr<SecureDb>> SecureDb::openSibling() const
{
    QByteArray key = m_key.view().toByteArray();
    auto sibling = openImpl(m_path, key, m_encrypted);
    wipe(key);
    if (!sibling)
        return sibling.error();
    if (m_durability != Durability::EveryCommit) {
        if (auto s = sibling.value()->setDurability(m_durability); !s)
            return s.error();
    }
    return sibling;
}

StoreStatus SecureDb::rekey(const QByteArray& newKey)
{
    if (!m_encrypted || newKey.size() != kKeyBytes)
        return StoreError{
            StoreError::Code::KeyInvalid,
            QStringLiteral("rekey needs an encrypted database and a %1-byte key").arg(kKeyBytes)};
    // SQLCipher 3.x cannot rekey in WAL mode; switch to a rollback journal for the
    // rewrite and back afterwards.
    if (auto s = exec("PRAGMA journal_mode = DELETE"); !s)
        return s;
    QByteArray hex = newKey.toHex();
    QByteArray pragma = "PRAGMA rekey = \"x'" + hex + "'\"";
    wipe(hex);
    const auto s = exec(pragma.constData());
    wipe(pragma);
    if (s.ok())
        m_key = SecretBytes(newKey);
    if (auto w = configure(); !w)
        return w;
    return s;
}

} // namespace cpis
