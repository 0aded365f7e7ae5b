#include "ui/widgets/DateFilterEdit.h"

#include "core/domain/Clock.h"
#include "core/domain/DisplayFormat.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QKeyEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScreen>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QTimeZone>

namespace cpis::ui {

namespace {
constexpr int kMaxTextLength = 32; // longer than any day, in any of the forms read
} // namespace

DateFilterEdit::DateFilterEdit(const Clock& clock, QWidget* parent)
    : QAbstractSpinBox(parent), m_clock(clock)
{
    lineEdit()->setMaxLength(kMaxTextLength);
    setKeyboardTracking(false);
    setToolTip(tr("Type a day as 07-Dec-2026 or 07/12/2026, or Any. Up and Down change it by a "
                  "day; Alt+Down or F4 opens a calendar."));
    connect(this, &QAbstractSpinBox::editingFinished, this, &DateFilterEdit::commitText);
    showDate();
}

QDate DateFilterEdit::today() const
{
    static const QTimeZone london(QByteArrayLiteral("Europe/London"));
    const QDateTime now = m_clock.nowUtc();
    return (london.isValid() ? now.toTimeZone(london) : now.toLocalTime()).date();
}

QString DateFilterEdit::anyText() const
{
    return tr("Any");
}

QStringList DateFilterEdit::englishMonths()
{
    return {QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"),
            QStringLiteral("Apr"), QStringLiteral("May"), QStringLiteral("Jun"),
            QStringLiteral("Jul"), QStringLiteral("Aug"), QStringLiteral("Sep"),
            QStringLiteral("Oct"), QStringLiteral("Nov"), QStringLiteral("Dec")};
}

QStringList DateFilterEdit::uiMonths() const
{
    // The translation says which month names the user reads and types (Welsh: Ion, Chwef, …).
    const QStringList months =
        tr("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
           "the twelve short month names, space separated, as typed in a date")
            .split(u' ', Qt::SkipEmptyParts);
    return months.size() == 12 ? months : englishMonths();
}

std::optional<QDate> DateFilterEdit::parse(const QString& text, const QStringList& months)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.compare(QStringLiteral("Any"), Qt::CaseInsensitive) == 0)
        return QDate();
    if (t.size() > kMaxTextLength)
        return std::nullopt;
    // Day, month (a name or a number), four-digit year; UK order only.
    static const QRegularExpression form(
        QStringLiteral("^(\\d{1,2})\\s*[-/. ]\\s*(\\p{L}+|\\d{1,2})\\s*[-/. ]\\s*(\\d{4})$"));
    const QRegularExpressionMatch m = form.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const QString monthText = m.captured(2);
    int month = 0;
    if (monthText.at(0).isDigit()) {
        month = monthText.toInt();
    } else {
        const QStringList english = englishMonths();
        for (int i = 0; i < 12 && month == 0; ++i) {
            if (monthText.compare(english.at(i), Qt::CaseInsensitive) == 0 ||
                (i < months.size() && monthText.compare(months.at(i), Qt::CaseInsensitive) == 0))
                month = i + 1;
        }
    }
    const QDate d(m.captured(3).toInt(), month, m.captured(1).toInt());
    if (!d.isValid())
        return std::nullopt;
    return d;
}

void DateFilterEdit::setDate(const QDate& date)
{
    const QDate d = date.isValid() ? date : QDate();
    const bool changed = d != m_date;
    m_date = d;
    showDate();
    if (changed)
        emit dateChanged(m_date);
}

void DateFilterEdit::showDate()
{
    // Shown as every date on the desk is, whatever the language (display::date): a day typed
    // with a Welsh month name comes back as the list shows it.
    lineEdit()->setText(m_date.isValid() ? display::date(m_date) : anyText());
}

bool DateFilterEdit::commitText()
{
    const QString text = lineEdit()->text();
    std::optional<QDate> d = text.trimmed().compare(anyText(), Qt::CaseInsensitive) == 0
                                 ? std::optional<QDate>(QDate())
                                 : parse(text, uiMonths());
    if (!d) {
        showDate();
        emit notRecognised(text);
        return false;
    }
    setDate(*d);
    return true;
}

void DateFilterEdit::clear()
{
    setDate({});
}

void DateFilterEdit::stepBy(int steps)
{
    // A typed day is where the step starts from; "Any" steps to today first.
    if (!commitText())
        return;
    setDate(m_date.isValid() ? m_date.addDays(steps) : today());
    lineEdit()->selectAll();
}

QAbstractSpinBox::StepEnabled DateFilterEdit::stepEnabled() const
{
    return StepUpEnabled | StepDownEnabled;
}

QValidator::State DateFilterEdit::validate(QString& input, int& pos) const
{
    Q_UNUSED(pos)
    // While typing anything that could become a day is let through; commitText decides.
    static const QRegularExpression allowed(QStringLiteral("^[\\p{L}\\d\\s./-]*$"));
    if (input.size() > kMaxTextLength || !allowed.match(input).hasMatch())
        return QValidator::Invalid;
    return QValidator::Intermediate;
}

void DateFilterEdit::keyPressEvent(QKeyEvent* event)
{
    const bool altDown = event->key() == Qt::Key_Down && (event->modifiers() & Qt::AltModifier);
    if (altDown || (event->key() == Qt::Key_F4 && event->modifiers() == Qt::NoModifier)) {
        openCalendar();
        event->accept();
        return;
    }
    QAbstractSpinBox::keyPressEvent(event);
}

void DateFilterEdit::openCalendar()
{
    if (!commitText())
        return;
    if (!m_calendar) {
        m_calendar = new QCalendarWidget(this);
        m_calendar->setObjectName(objectName() + QStringLiteral("Calendar"));
        m_calendar->setWindowFlags(Qt::Popup);
        m_calendar->setAccessibleName(tr("Choose a day: arrows move, Enter takes it, Escape "
                                         "closes"));
        m_calendar->setFirstDayOfWeek(Qt::Monday);
        m_calendar->setGridVisible(true);
        m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
        connect(m_calendar, &QCalendarWidget::activated, this, [this](const QDate& d) {
            m_calendar->hide();
            setDate(d);
            setFocus(Qt::PopupFocusReason);
        });
        connect(m_calendar, &QCalendarWidget::clicked, m_calendar, &QCalendarWidget::activated);
        m_calendar->installEventFilter(this);
        for (QWidget* w : m_calendar->findChildren<QWidget*>())
            w->installEventFilter(this);
    }
    const QDate at = m_date.isValid() ? m_date : today();
    m_calendar->setSelectedDate(at);
    m_calendar->setCurrentPage(at.year(), at.month());
    m_calendar->adjustSize();
    QPoint pos = mapToGlobal(QPoint(0, height()));
    if (const QScreen* s = screen()) {
        const QRect avail = s->availableGeometry();
        pos.setX(qBound(avail.left(), pos.x(), avail.right() - m_calendar->width()));
        if (pos.y() + m_calendar->height() > avail.bottom())
            pos.setY(mapToGlobal(QPoint(0, 0)).y() - m_calendar->height());
    }
    m_calendar->move(pos);
    m_calendar->show();
    m_calendar->setFocus(Qt::PopupFocusReason);
}

bool DateFilterEdit::eventFilter(QObject* watched, QEvent* event)
{
    if (m_calendar && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && m_calendar->isVisible()) {
        m_calendar->hide();
        setFocus(Qt::PopupFocusReason);
        return true;
    }
    return QAbstractSpinBox::eventFilter(watched, event);
}

QSize DateFilterEdit::sizeHint() const
{
    ensurePolished();
    const QFontMetrics fm(font());
    int width = fm.horizontalAdvance(anyText());
    width = qMax(width, fm.horizontalAdvance(QStringLiteral("00-May-0000")));
    QStyleOptionSpinBox opt;
    initStyleOption(&opt);
    const QSize text(width + 2 * fm.horizontalAdvance(u' '), lineEdit()->sizeHint().height());
    return style()->sizeFromContents(QStyle::CT_SpinBox, &opt, text, this);
}

QSize DateFilterEdit::minimumSizeHint() const
{
    return sizeHint();
}

} // namespace cpis::ui
