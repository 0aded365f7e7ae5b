#include "core/domain/PartialDate.h"

#include "core/domain/AsciiDigits.h"

namespace cpis {

std::optional<PartialDate> PartialDate::fromYearMonth(int year, int month)
{
    const QDate first(year, month, 1);
    if (year < 1 || !first.isValid())
        return std::nullopt;
    return PartialDate(first, Precision::Month);
}

std::optional<PartialDate> PartialDate::fromYear(int year)
{
    const QDate first(year, 1, 1);
    if (year < 1 || !first.isValid())
        return std::nullopt;
    return PartialDate(first, Precision::Year);
}

std::optional<PartialDate> PartialDate::fromIso(const QString& s)
{
    if (s.size() != 4 && s.size() != 7 && s.size() != 10)
        return std::nullopt;
    const int y = asciiDigitsAt(s, 0, 4);
    if (y < 0)
        return std::nullopt;
    if (s.size() == 4)
        return fromYear(y);
    if (s.at(4) != u'-')
        return std::nullopt;
    const int m = asciiDigitsAt(s, 5, 2);
    if (m < 0)
        return std::nullopt;
    if (s.size() == 7)
        return fromYearMonth(y, m);
    if (s.at(7) != u'-')
        return std::nullopt;
    const int d = asciiDigitsAt(s, 8, 2);
    const QDate date(y, m, d);
    if (d < 0 || y < 1 || !date.isValid())
        return std::nullopt;
    return fromDate(date);
}

QDate PartialDate::latest() const
{
    switch (m_precision) {
    case Precision::Year:
        return QDate(m_date.year(), 12, 31);
    case Precision::Month:
        return m_date.addMonths(1).addDays(-1);
    case Precision::Day:
        break;
    }
    return m_date;
}

QString PartialDate::toIso() const
{
    switch (m_precision) {
    case Precision::Year:
        return QStringLiteral("%1").arg(m_date.year(), 4, 10, QLatin1Char('0'));
    case Precision::Month:
        return QStringLiteral("%1-%2")
            .arg(m_date.year(), 4, 10, QLatin1Char('0'))
            .arg(m_date.month(), 2, 10, QLatin1Char('0'));
    case Precision::Day:
        break;
    }
    return m_date.toString(Qt::ISODate);
}

} // namespace cpis
