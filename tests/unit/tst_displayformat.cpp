#include "core/domain/DisplayFormat.h"

#include <QLocale>
#include <QTest>

namespace display = cpis::display;

class TestDisplayFormat : public QObject
{
    Q_OBJECT
private slots:
    void dates_data();
    void dates();
    void datesIgnoreRegionalSettings();
    void ages_data();
    void ages();
    void timesAreUkWallClock();
    void names_data();
    void names();
    void genders();
    void partialDates();
    void bornNeverInventsAnAge();
};

void TestDisplayFormat::dates_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("text");
    QTest::newRow("example") << QDate(2016, 11, 22) << "22-Nov-2016";
    QTest::newRow("single-digit day") << QDate(2026, 5, 3) << "03-May-2026";
    QTest::newRow("january") << QDate(2027, 1, 1) << "01-Jan-2027";
    QTest::newRow("invalid") << QDate() << "Not Known";
}

void TestDisplayFormat::dates()
{
    QFETCH(QDate, date);
    QFETCH(QString, text);
    QCOMPARE(display::date(date), text);
}

void TestDisplayFormat::datesIgnoreRegionalSettings()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(display::date(QDate(2026, 3, 4)), QStringLiteral("04-Mar-2026"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(display::date(QDate(2026, 3, 4)), QStringLiteral("04-Mar-2026"));
    QLocale::setDefault(before);
}

void TestDisplayFormat::ages_data()
{
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("age");
    const QDate today(2026, 11, 25);
    QTest::newRow("10 years (brief's example)") << QDate(2016, 11, 22) << today << "10y";
    QTest::newRow("day before 10th birthday") << QDate(2016, 11, 26) << today << "9y";
    QTest::newRow("newborn") << QDate(2026, 11, 20) << today << "5d";
    QTest::newRow("7 weeks") << today.addDays(-50) << today << "7w";
    QTest::newRow("18 months") << QDate(2025, 5, 25) << today << "18m";
    QTest::newRow("exactly 2") << QDate(2024, 11, 25) << today << "2y";
    QTest::newRow("future birth") << today.addDays(3) << today << "Not Known";
}

void TestDisplayFormat::ages()
{
    QFETCH(QDate, birth);
    QFETCH(QDate, today);
    QFETCH(QString, age);
    QCOMPARE(display::age(birth, today), age);
}

void TestDisplayFormat::timesAreUkWallClock()
{
    // 23:30 UTC in July is 00:30 next day in London (BST); in January it is the same.
    QCOMPARE(display::dateTime(QDateTime(QDate(2026, 7, 1), QTime(23, 30), Qt::UTC)),
             QStringLiteral("02-Jul-2026 00:30"));
    QCOMPARE(display::dateTime(QDateTime(QDate(2026, 1, 1), QTime(9, 5), Qt::UTC)),
             QStringLiteral("01-Jan-2026 09:05"));
    QCOMPARE(display::time(QDateTime()), QStringLiteral("Not Known"));
}

void TestDisplayFormat::names_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("text");
    QTest::newRow("full") << "Smith"
                          << "Jane"
                          << "Miss"
                          << "SMITH, Jane (Miss)";
    QTest::newRow("no title") << "O'Brien"
                              << "Liam"
                              << ""
                              << "O'BRIEN, Liam";
    QTest::newRow("no given") << "Smith"
                              << ""
                              << ""
                              << "SMITH, Not Known";
    QTest::newRow("nothing") << ""
                             << ""
                             << ""
                             << "Not Known";
}

void TestDisplayFormat::names()
{
    QFETCH(QString, family);
    QFETCH(QString, given);
    QFETCH(QString, title);
    QFETCH(QString, text);
    QCOMPARE(display::patientName(family, given, title), text);
}

void TestDisplayFormat::genders()
{
    QCOMPARE(display::gender(QStringLiteral("female")), QStringLiteral("Female"));
    QCOMPARE(display::gender(QStringLiteral("male")), QStringLiteral("Male"));
    QCOMPARE(display::gender(QStringLiteral("unknown")), QStringLiteral("Not Known"));
    QCOMPARE(display::gender(QString()), QStringLiteral("Not Known"));
}

void TestDisplayFormat::partialDates()
{
    using cpis::PartialDate;
    QCOMPARE(display::partialDate(PartialDate::fromDate(QDate(2010, 10, 22))),
             QStringLiteral("22-Oct-2010"));
    QCOMPARE(display::partialDate(*PartialDate::fromYearMonth(2010, 10)),
             QStringLiteral("Oct 2010"));
    QCOMPARE(display::partialDate(*PartialDate::fromYear(2010)), QStringLiteral("2010"));
    QCOMPARE(display::died(PartialDate::fromDate(QDate(2026, 3, 3))),
             QStringLiteral("Died 03-Mar-2026"));
    QCOMPARE(display::died(*PartialDate::fromYearMonth(2026, 3)), QStringLiteral("Died Mar 2026"));

    // The value type: only FHIR date forms, and no day or month that was not there.
    QCOMPARE(PartialDate::fromIso(QStringLiteral("2010-10"))->toIso(), QStringLiteral("2010-10"));
    QCOMPARE(PartialDate::fromIso(QStringLiteral("2010"))->precision(),
             PartialDate::Precision::Year);
    QVERIFY(!PartialDate::fromIso(QStringLiteral("2010-10"))->date().isValid());
    QCOMPARE(PartialDate::fromIso(QStringLiteral("2010-02"))->latest(), QDate(2010, 2, 28));
    for (const char* bad : {"", "201", "2010-1", "2010-13", "2010-02-30", "2010/10", "20100"})
        QVERIFY2(!PartialDate::fromIso(QString::fromLatin1(bad)), bad);
}

void TestDisplayFormat::bornNeverInventsAnAge()
{
    using cpis::PartialDate;
    const QDate today(2026, 11, 25);
    const auto born = PartialDate::fromDate(QDate(2016, 11, 22));
    QCOMPARE(display::bornWithAge(born, std::nullopt, today), QStringLiteral("22-Nov-2016 (10y)"));
    QCOMPARE(display::bornWithAge(PartialDate::fromYearMonth(2010, 10), std::nullopt, today),
             QStringLiteral("Oct 2010"));
    QCOMPARE(display::bornWithAge(PartialDate::fromYear(2010), std::nullopt, today),
             QStringLiteral("2010"));
    // Dead: the date of death is shown instead, never an age.
    QCOMPARE(display::bornWithAge(born, PartialDate::fromDate(QDate(2026, 3, 3)), today),
             QStringLiteral("22-Nov-2016"));
    QCOMPARE(display::bornWithAge(std::nullopt, std::nullopt, today), display::notKnown());
}

QTEST_GUILESS_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
