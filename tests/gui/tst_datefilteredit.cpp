// The notices screen's date filter on its own, with a clock that says what "today" is: days
// typed in both forms (and in Welsh month names when the UI is Welsh), what is not a day
// refused and said, Up/Down from the day shown, and the calendar from the keyboard.
#include "core/domain/Clock.h"
#include "ui/widgets/DateFilterEdit.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

#include <memory>

using cpis::ManualClock;
using cpis::ui::DateFilterEdit;

namespace {

// Midday in December: the UK day is the UTC day.
const QDate kToday(2026, 12, 7);

// The desk's Welsh for the date filter's month names and "Any", standing in for the built
// catalogue (which the lead regenerates from every branch's strings).
class WelshMonths final : public QTranslator
{
public:
    QString translate(const char* context,
                      const char* source,
                      const char* disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        if (qstrcmp(context, "cpis::ui::DateFilterEdit") != 0)
            return {};
        if (qstrcmp(source, "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec") == 0)
            return QStringLiteral("Ion Chwef Maw Ebr Mai Meh Gorff Awst Medi Hyd Tach Rhag");
        if (qstrcmp(source, "Any") == 0)
            return QStringLiteral("Unrhyw");
        return {};
    }
    bool isEmpty() const override { return false; }
};

// Replaces what the field holds with `text`, typed, then Enter.
void type(DateFilterEdit& edit, const QString& text)
{
    edit.setFocus();
    QTest::keyClick(&edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(&edit, Qt::Key_Backspace);
    QTest::keyClicks(&edit, text);
    QTest::keyClick(&edit, Qt::Key_Return);
}

} // namespace

class TestDateFilterEdit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_edit.reset(); }
    void startsAtAnyWithTodayFromTheClock();
    void typedDaysInBothForms();
    void notADayIsRefusedAndSaid();
    void anyExplicitly();
    void upAndDownFromTheDayShown();
    void calendarFromTheKeyboard();
    void welshMonthNamesWhenTheUiIsWelsh();
    void parser_data();
    void parser();

private:
    ManualClock m_clock{QDateTime(kToday, QTime(12, 0), Qt::UTC)};
    std::unique_ptr<DateFilterEdit> m_edit;
};

void TestDateFilterEdit::init()
{
    m_clock.set(QDateTime(kToday, QTime(12, 0), Qt::UTC));
    m_edit = std::make_unique<DateFilterEdit>(m_clock);
    m_edit->setAccessibleName(QStringLiteral("Looked up on or after"));
    m_edit->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_edit.get()));
    QApplication::setActiveWindow(m_edit.get());
}

void TestDateFilterEdit::startsAtAnyWithTodayFromTheClock()
{
    QVERIFY(!m_edit->date().isValid());
    QCOMPARE(m_edit->text(), QStringLiteral("Any"));
    QCOMPARE(m_edit->today(), kToday);
    // Late evening UTC in summer is already the next UK day.
    m_clock.set(QDateTime(QDate(2026, 7, 1), QTime(23, 30), Qt::UTC));
    QCOMPARE(m_edit->today(), QDate(2026, 7, 2));
}

void TestDateFilterEdit::typedDaysInBothForms()
{
    QSignalSpy changed(m_edit.get(), &DateFilterEdit::dateChanged);
    type(*m_edit, QStringLiteral("03-mar-2026"));
    QCOMPARE(m_edit->date(), QDate(2026, 3, 3));
    QCOMPARE(m_edit->text(), QStringLiteral("03-Mar-2026"));
    type(*m_edit, QStringLiteral("4/3/2026")); // day first: 4 March
    QCOMPARE(m_edit->date(), QDate(2026, 3, 4));
    QCOMPARE(m_edit->text(), QStringLiteral("04-Mar-2026"));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.last().first().toDate(), QDate(2026, 3, 4));
    // Leaving the field takes a typed day, as Enter does.
    m_edit->setFocus();
    QTest::keyClick(m_edit.get(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(m_edit.get(), QStringLiteral("05/03/2026"));
    m_edit->clearFocus();
    QCOMPARE(m_edit->date(), QDate(2026, 3, 5));
}

void TestDateFilterEdit::notADayIsRefusedAndSaid()
{
    type(*m_edit, QStringLiteral("04/03/2026"));
    QSignalSpy refused(m_edit.get(), &DateFilterEdit::notRecognised);
    QSignalSpy changed(m_edit.get(), &DateFilterEdit::dateChanged);
    type(*m_edit, QStringLiteral("31/02/2026"));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().first().toString(), QStringLiteral("31/02/2026"));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_edit->date(), QDate(2026, 3, 4)); // not widened to "Any"
    QCOMPARE(m_edit->text(), QStringLiteral("04-Mar-2026"));
    // Characters no day has are not even taken.
    m_edit->setFocus();
    QTest::keyClick(m_edit.get(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(m_edit.get(), QStringLiteral("1;2"));
    QCOMPARE(m_edit->text(), QStringLiteral("12"));
}

void TestDateFilterEdit::anyExplicitly()
{
    type(*m_edit, QStringLiteral("04/03/2026"));
    type(*m_edit, QStringLiteral("ANY"));
    QVERIFY(!m_edit->date().isValid());
    QCOMPARE(m_edit->text(), QStringLiteral("Any"));
    type(*m_edit, QStringLiteral("04/03/2026"));
    type(*m_edit, QString()); // emptied
    QVERIFY(!m_edit->date().isValid());
    QCOMPARE(m_edit->text(), QStringLiteral("Any"));
}

void TestDateFilterEdit::upAndDownFromTheDayShown()
{
    m_edit->setFocus();
    QTest::keyClick(m_edit.get(), Qt::Key_Down); // from "Any": today, not 02-Jan-2000
    QCOMPARE(m_edit->date(), kToday);
    QTest::keyClick(m_edit.get(), Qt::Key_Down);
    QTest::keyClick(m_edit.get(), Qt::Key_Down);
    QCOMPARE(m_edit->date(), kToday.addDays(-2));
    QTest::keyClick(m_edit.get(), Qt::Key_Up);
    QCOMPARE(m_edit->date(), kToday.addDays(-1));
    QCOMPARE(m_edit->text(), QStringLiteral("06-Dec-2026"));
    // A typed day, not yet taken, is where the step starts.
    QTest::keyClick(m_edit.get(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(m_edit.get(), QStringLiteral("28/02/2025"));
    QTest::keyClick(m_edit.get(), Qt::Key_Up);
    QCOMPARE(m_edit->date(), QDate(2025, 3, 1));
}

void TestDateFilterEdit::calendarFromTheKeyboard()
{
    type(*m_edit, QStringLiteral("11/03/2025"));
    // F4: at the day shown. Escape closes it and changes nothing.
    QTest::keyClick(m_edit.get(), Qt::Key_F4);
    QCalendarWidget* calendar = m_edit->calendar();
    QVERIFY(calendar);
    QTRY_VERIFY(calendar->isVisible());
    QVERIFY(!calendar->accessibleName().isEmpty());
    QCOMPARE(calendar->selectedDate(), QDate(2025, 3, 11));
    QCOMPARE(calendar->yearShown(), 2025);
    QCOMPARE(calendar->monthShown(), 3);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!calendar->isVisible());
    QCOMPARE(m_edit->date(), QDate(2025, 3, 11));

    // Alt+Down on "Any": at today (not January 2000); arrows move, Enter takes the day.
    type(*m_edit, QStringLiteral("Any"));
    QTest::keyClick(m_edit.get(), Qt::Key_Down, Qt::AltModifier);
    QTRY_VERIFY(calendar->isVisible());
    QCOMPARE(calendar->selectedDate(), kToday);
    QWidget* grid = QApplication::focusWidget();
    QVERIFY(grid && calendar->isAncestorOf(grid));
    QTest::keyClick(grid, Qt::Key_Left);
    QTest::keyClick(grid, Qt::Key_Up); // a week earlier
    QTest::keyClick(grid, Qt::Key_Return);
    QTRY_VERIFY(!calendar->isVisible());
    QCOMPARE(m_edit->date(), kToday.addDays(-8));
    QTRY_VERIFY(m_edit->hasFocus());
}

void TestDateFilterEdit::welshMonthNamesWhenTheUiIsWelsh()
{
    // English only while the UI is English.
    QSignalSpy refused(m_edit.get(), &DateFilterEdit::notRecognised);
    type(*m_edit, QStringLiteral("07-Rhag-2026"));
    QCOMPARE(refused.size(), 1);
    QVERIFY(!m_edit->date().isValid());

    WelshMonths welsh;
    QCoreApplication::installTranslator(&welsh);
    type(*m_edit, QStringLiteral("07-rhag-2026"));
    QCOMPARE(m_edit->date(), QDate(2026, 12, 7));
    QCOMPARE(m_edit->text(), QStringLiteral("07-Dec-2026")); // shown as every date on the desk
    type(*m_edit, QStringLiteral("01-Gorff-2026"));
    QCOMPARE(m_edit->date(), QDate(2026, 7, 1));
    type(*m_edit, QStringLiteral("02-Jul-2026")); // English is still read
    QCOMPARE(m_edit->date(), QDate(2026, 7, 2));
    type(*m_edit, QStringLiteral("unrhyw"));
    QVERIFY(!m_edit->date().isValid());
    QCOMPARE(m_edit->text(), QStringLiteral("Unrhyw"));
    QCoreApplication::removeTranslator(&welsh);
}

void TestDateFilterEdit::parser_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("read");
    QTest::addColumn<QDate>("day"); // null with `read`: "Any"
    QTest::newRow("dd-Mmm-yyyy") << "07-Dec-2026" << true << QDate(2026, 12, 7);
    QTest::newRow("d-mmm-yyyy") << "7-dec-2026" << true << QDate(2026, 12, 7);
    QTest::newRow("dd/mm/yyyy") << "07/12/2026" << true << QDate(2026, 12, 7);
    QTest::newRow("spaces") << " 7 / 12 / 2026 " << true << QDate(2026, 12, 7);
    QTest::newRow("full month name") << "07-December-2026" << false << QDate();
    QTest::newRow("empty") << "" << true << QDate();
    QTest::newRow("any") << "any" << true << QDate();
    QTest::newRow("US order") << "12/31/2026" << false << QDate();
    QTest::newRow("no such day") << "29/02/2026" << false << QDate();
    QTest::newRow("leap day") << "29/02/2028" << true << QDate(2028, 2, 29);
    QTest::newRow("misspelt month") << "07-Dex-2026" << false << QDate();
    QTest::newRow("two-digit year") << "07-12-26" << false << QDate();
    QTest::newRow("too long") << QString(200, u'1') << false << QDate();
}

void TestDateFilterEdit::parser()
{
    QFETCH(QString, text);
    QFETCH(bool, read);
    QFETCH(QDate, day);
    const std::optional<QDate> d = DateFilterEdit::parse(text, DateFilterEdit::englishMonths());
    QCOMPARE(d.has_value(), read);
    if (read)
        QCOMPARE(*d, day);
}

QTEST_MAIN(TestDateFilterEdit)
#include "tst_datefilteredit.moc"
