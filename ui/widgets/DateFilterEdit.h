#pragma once

#include <QAbstractSpinBox>
#include <QDate>
#include <QStringList>

#include <optional>

class QCalendarWidget;

namespace cpis {
class Clock;
} // namespace cpis

namespace cpis::ui {

// A day to filter by, or "Any" (no bound), set from the keyboard: typed as 07-Dec-2026 or
// 07/12/2026 (the month names of the UI's language as well as English; shown as 07-Dec-2026,
// as every date on the desk is), Up and Down a day from
// the day shown (from today when it shows "Any"), Alt+Down or F4 for a calendar at that day.
// "Any" comes back by typing it or emptying the field. Text that is not a day is never taken
// for one: the field goes back to its day and says so (notRecognised), rather than quietly
// widening or narrowing a list.
class DateFilterEdit : public QAbstractSpinBox
{
    Q_OBJECT
public:
    explicit DateFilterEdit(const Clock& clock, QWidget* parent = nullptr);

    QDate date() const { return m_date; } // null: "Any"
    void setDate(const QDate& date);      // null: "Any"
    QDate today() const;                  // UK day, from the injected clock

    void openCalendar();
    QCalendarWidget* calendar() const { return m_calendar; } // null until first opened

    // The day `text` names: a valid date, a null date for "Any" or an empty text, or nothing
    // when it is neither. `months` are the UI language's twelve short month names.
    static std::optional<QDate> parse(const QString& text, const QStringList& months);
    static QStringList englishMonths();
    QStringList uiMonths() const; // the translation's short month names, else English

    void stepBy(int steps) override;
    void clear() override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void dateChanged(const QDate& date);
    void notRecognised(const QString& text);

protected:
    StepEnabled stepEnabled() const override;
    QValidator::State validate(QString& input, int& pos) const override;
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    // Tab leaves the field at once rather than walking its parts.
    bool focusNextPrevChild(bool next) override { return QWidget::focusNextPrevChild(next); }

private:
    bool commitText(); // false: the text was not a day, and the field shows its day again
    void showDate();
    QString anyText() const;

    const Clock& m_clock;
    QDate m_date;
    QCalendarWidget* m_calendar = nullptr;
};

} // namespace cpis::ui
