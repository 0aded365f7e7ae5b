#include "core/domain/DisplayFormat.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace cpis::display {

namespace {
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

QDateTime ukLocal(const QDateTime& utc)
{
    // Clinicians read times on the wall clock of the place they work.
    static const QTimeZone london(QByteArrayLiteral("Europe/London"));
    return london.isValid() ? utc.toTimeZone(london) : utc.toLocalTime();
}
} // namespace

QString notKnown()
{
    return QCoreApplication::translate("display", "Not Known");
}

QString date(const QDate& d)
{
    if (!d.isValid())
        return notKnown();
    return QStringLiteral("%1-%2-%3")
        .arg(d.day(), 2, 10, QLatin1Char('0'))
        .arg(QLatin1String(kMonths[d.month() - 1]))
        .arg(d.year(), 4, 10, QLatin1Char('0'));
}

QString time(const QDateTime& utc)
{
    if (!utc.isValid())
        return notKnown();
    return ukLocal(utc).time().toString(QStringLiteral("HH:mm"));
}

QString dateTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return notKnown();
    return date(ukLocal(utc).date()) + QLatin1Char(' ') + time(utc);
}

QString age(const QDate& birth, const QDate& today)
{
    if (!birth.isValid() || !today.isValid() || birth > today)
        return notKnown();
    const qint64 days = birth.daysTo(today);
    int years = today.year() - birth.year();
    if (today.month() < birth.month() ||
        (today.month() == birth.month() && today.day() < birth.day()))
        --years;
    int months = (today.year() - birth.year()) * 12 + today.month() - birth.month();
    if (today.day() < birth.day())
        --months;
    // CUI: the younger the child, the finer the unit.
    if (days < 28)
        return QCoreApplication::translate("display", "%1d").arg(days);
    if (months < 12)
        return QCoreApplication::translate("display", "%1w").arg(days / 7);
    if (years < 2)
        return QCoreApplication::translate("display", "%1m").arg(months);
    return QCoreApplication::translate("display", "%1y").arg(years);
}

QString partialDate(const PartialDate& d)
{
    switch (d.precision()) {
    case PartialDate::Precision::Year:
        return QString::number(d.year());
    case PartialDate::Precision::Month:
        return QStringLiteral("%1 %2").arg(QLatin1String(kMonths[d.month() - 1])).arg(d.year());
    case PartialDate::Precision::Day:
        break;
    }
    return date(d.date());
}

QString bornWithAge(const std::optional<PartialDate>& birth,
                    const std::optional<PartialDate>& deceased,
                    const QDate& today)
{
    if (!birth || !birth->earliest().isValid())
        return notKnown();
    if (!birth->isFullDate() || deceased)
        return partialDate(*birth);
    return QStringLiteral("%1 (%2)").arg(date(birth->date()), age(birth->date(), today));
}

QString died(const PartialDate& deceased)
{
    return QCoreApplication::translate("display", "Died %1").arg(partialDate(deceased));
}

QString patientName(const QString& family, const QString& given, const QString& title)
{
    const QString f = family.trimmed();
    const QString g = given.trimmed();
    const QString t = title.trimmed();
    if (f.isEmpty() && g.isEmpty())
        return notKnown();
    QString name = f.isEmpty() ? notKnown().toUpper() : f.toUpper();
    name += QStringLiteral(", ") + (g.isEmpty() ? notKnown() : g);
    if (!t.isEmpty())
        name += QStringLiteral(" (") + t + QLatin1Char(')');
    return name;
}

QString gender(const QString& fhirGender)
{
    if (fhirGender == u"female")
        return QCoreApplication::translate("display", "Female");
    if (fhirGender == u"male")
        return QCoreApplication::translate("display", "Male");
    if (fhirGender == u"other")
        return QCoreApplication::translate("display", "Other");
    return notKnown();
}

} // namespace cpis::display
