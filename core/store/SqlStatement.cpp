#include "core/store/SqlStatement.h"

#include "core/store/SqliteHeader.h"

#include <utility>

namespace cpis {

SqlStatement::SqlStatement(SqlStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_bindError(other.m_bindError)
{}

SqlStatement& SqlStatement::operator=(SqlStatement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindError = other.m_bindError;
    }
    return *this;
}

SqlStatement::~SqlStatement()
{
    sqlite3_finalize(m_stmt);
}

SqlStatement& SqlStatement::bind(int index, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK && m_bindError == 0)
        m_bindError = rc;
    return *this;
}

SqlStatement& SqlStatement::bind(int index, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    const int rc =
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK && m_bindError == 0)
        m_bindError = rc;
    return *this;
}

SqlStatement& SqlStatement::bind(int index, const QByteArray& blob)
{
    // A null QByteArray would bind SQL NULL; an empty payload is still a value.
    const int rc = sqlite3_bind_blob(m_stmt, index, blob.isNull() ? "" : blob.constData(),
                                     int(blob.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK && m_bindError == 0)
        m_bindError = rc;
    return *this;
}

SqlStatement& SqlStatement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK && m_bindError == 0)
        m_bindError = rc;
    return *this;
}

StoreResult<bool> SqlStatement::step()
{
    if (m_bindError != 0) {
        const int rc = std::exchange(m_bindError, 0);
        return StoreError{StoreError::Code::Sql,
                          QStringLiteral("binding a parameter failed: %1")
                              .arg(QString::fromUtf8(sqlite3_errstr(rc))),
                          rc};
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const StoreError::Code code =
        rc == SQLITE_NOTADB ? StoreError::Code::WrongKey : StoreError::Code::Sql;
    StoreError err{
        code,
        QStringLiteral("SQLite error %1: %2").arg(rc).arg(QString::fromUtf8(sqlite3_errmsg(m_db))),
        rc};
    sqlite3_reset(m_stmt);
    return err;
}

StoreStatus SqlStatement::run()
{
    for (;;) {
        auto r = step();
        if (!r) {
            reset();
            return r.error();
        }
        if (!r.value())
            break;
    }
    reset();
    return {};
}

void SqlStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError = 0;
}

qint64 SqlStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqlStatement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqlStatement::utf8(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QByteArray(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView SqlStatement::utf8View(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqlStatement::blob(int column) const
{
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView SqlStatement::blobView(int column) const
{
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(p, sqlite3_column_bytes(m_stmt, column));
}

bool SqlStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace cpis
