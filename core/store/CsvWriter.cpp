#include "core/store/CsvWriter.h"

namespace cpis {

QString CsvWriter::field(const QString& value)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
        v.prepend(u'\'');
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\r') || v.contains(u'\n'))
        return u'"' + v.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return v;
}

QByteArray CsvWriter::row(const QStringList& cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            line += u',';
        line += field(cells.at(i));
    }
    line += QStringLiteral("\r\n");
    return line.toUtf8();
}

} // namespace cpis
