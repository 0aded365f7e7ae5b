#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cpis {

// The one writer of CSV cells for every file the desk exports (RFC 4180, CRLF rows). A cell a
// spreadsheet would run as a formula or a command (one beginning with = + - @ TAB or CR) gets a
// leading single quote, as OWASP's CSV-injection guidance says; a cell holding a comma, a
// double quote, CR or LF is quoted, its quotes doubled.
class CsvWriter
{
public:
    static QString field(const QString& value);
    // The cells as one row, comma-separated and ending in CRLF, in UTF-8.
    static QByteArray row(const QStringList& cells);
};

} // namespace cpis
