#include "ui/widgets/NhsNumberEdit.h"

#include <QKeyEvent>

namespace cpis::ui {

namespace {
bool isSeparator(QChar c)
{
    return c == u' ' || c == u'-' || c == u'\u00a0';
}
} // namespace

NhsNumberEdit::NhsNumberEdit(QWidget* parent) : QLineEdit(parent)
{
    setObjectName(QStringLiteral("nhsNumberEdit"));
    setAccessibleName(tr("NHS number"));
    setAccessibleDescription(tr("Type or paste a 10-digit NHS number, then press Enter."));
    setPlaceholderText(tr("NHS number, e.g. 943 476 5919"));
    setMaxLength(20);
    setClearButtonEnabled(true);
    connect(this, &QLineEdit::textEdited, this, [this] { regroup(); });
    connect(this, &QLineEdit::textChanged, this, [this] { revalidate(); });
    revalidate();
}

void NhsNumberEdit::regroup()
{
    const QString current = text();
    QString digits;
    for (const QChar c : current) {
        if (c.isDigit())
            digits.append(c);
        else if (!isSeparator(c))
            return; // leave what was typed alone so the reason names the stray character
    }
    if (digits.size() > 10)
        return; // too long: leave it for the reason to say so

    int digitsBeforeCursor = 0;
    for (int i = 0; i < cursorPosition() && i < current.size(); ++i)
        digitsBeforeCursor += current.at(i).isDigit() ? 1 : 0;

    QString grouped;
    int cursor = 0;
    for (int i = 0; i < digits.size(); ++i) {
        if (i == 3 || i == 6)
            grouped.append(u' ');
        grouped.append(digits.at(i));
        if (i + 1 == digitsBeforeCursor)
            cursor = int(grouped.size());
    }
    if (grouped != current) {
        const QSignalBlocker block(this); // regrouping is not a new edit
        setText(grouped);
        revalidate();
    }
    setCursorPosition(cursor);
}

void NhsNumberEdit::revalidate()
{
    const auto parsed = NhsNumber::parse(text());
    const QString problem = parsed.ok() ? QString() : parsed.error().message;
    if (problem != m_problem) {
        m_problem = problem;
        emit problemChanged(m_problem);
    }
}

void NhsNumberEdit::keyPressEvent(QKeyEvent* event)
{
    // Ctrl+Enter belongs to the window (it confirms the banner), not to the search.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        !(event->modifiers() & Qt::ControlModifier)) {
        const auto parsed = NhsNumber::parse(text());
        if (parsed.ok())
            emit submitted(parsed.value());
        else
            emit rejected(parsed.error().message);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        clear();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace cpis::ui
