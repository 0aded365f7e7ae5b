#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace cpis {

// A calendar date known to a year, a month or a day. PDS returns `yyyy-mm` and `yyyy` birth
// and death dates for some people; a missing day or month must stay missing, never become the
// 1st, or an age and a date would be shown that nobody recorded.
class PartialDate
{
public:
    enum class Precision
    {
        Year,
        Month,
        Day,
    };

    static PartialDate fromDate(const QDate& day) { return PartialDate(day, Precision::Day); }
    static std::optional<PartialDate> fromYearMonth(int year, int month);
    static std::optional<PartialDate> fromYear(int year);
    // `yyyy`, `yyyy-mm` or `yyyy-mm-dd` (FHIR date), nothing else.
    static std::optional<PartialDate> fromIso(const QString& text);

    Precision precision() const { return m_precision; }
    bool isFullDate() const { return m_precision == Precision::Day; }
    int year() const { return m_date.year(); }
    int month() const { return m_precision == Precision::Year ? 0 : m_date.month(); }
    // The day itself; an invalid QDate unless the precision is Day.
    QDate date() const { return isFullDate() ? m_date : QDate(); }
    // The first and last days the value could stand for.
    QDate earliest() const { return m_date; }
    QDate latest() const;
    QString toIso() const;

    friend bool operator==(const PartialDate& a, const PartialDate& b)
    {
        return a.m_precision == b.m_precision && a.m_date == b.m_date;
    }
    friend bool operator!=(const PartialDate& a, const PartialDate& b) { return !(a == b); }

private:
    PartialDate(const QDate& first, Precision precision) : m_date(first), m_precision(precision) {}

    QDate m_date; // the first day it could be
    Precision m_precision = Precision::Day;
};

} // namespace cpis
