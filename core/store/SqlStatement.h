#pragma once

#include "core/store/StoreError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace cpis {

// A prepared statement, finalised on destruction. Parameters are 1-based as in SQLite,
// columns 0-based. Values are only ever bound, never spliced into SQL text.
class SqlStatement
{
public:
    SqlStatement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    SqlStatement(SqlStatement&& other) noexcept;
    SqlStatement& operator=(SqlStatement&& other) noexcept;
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;
    ~SqlStatement();

    SqlStatement& bind(int index, qint64 value);
    SqlStatement& bind(int index, const QString& text);
    SqlStatement& bind(int index, const QByteArray& blob);
    SqlStatement& bindNull(int index);

    // true: a row is ready; false: done. Errors (including bind errors) come out here.
    StoreResult<bool> step();
    // Runs to completion and resets, for statements that return no rows.
    StoreStatus run();
    void reset();

    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray utf8(int column) const; // text column's bytes as stored, no conversion
    // The same without a copy; valid until the next step() or reset().
    QByteArrayView utf8View(int column) const;
    QByteArray blob(int column) const;
    // The same without a copy; valid until the next step() or reset().
    QByteArrayView blobView(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    int m_bindError = 0;
};

} // namespace cpis
