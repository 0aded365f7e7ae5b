#include "ui/shell/IdleWarning.h"

#include "ui/widgets/PlainLabel.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>

namespace cpis::ui {

IdleWarning::IdleWarning(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("idleWarning"));
    setWindowTitle(tr("CP-IS Desk is about to lock"));
    setAccessibleName(tr("Idle lock warning"));
    setModal(false);
    setWindowFlag(Qt::WindowStaysOnTopHint);
    // Keeps the focus where the user left it: the key that dismisses this goes nowhere else.
    setAttribute(Qt::WA_ShowWithoutActivating);
    auto* layout = new QVBoxLayout(this);
    m_text = new PlainLabel(this);
    m_text->setObjectName(QStringLiteral("idleWarningText"));
    m_text->setWordWrap(true);
    // Black on amber, as the training marker: 10.6:1, and the words carry the meaning.
    m_text->setStyleSheet(QStringLiteral(
        "QLabel { background: #ffb81c; color: #000000; font-weight: bold; padding: 12px; }"));
    layout->addWidget(m_text);
}

void IdleWarning::showFor(int msLeft)
{
    const int secs = qMax(1, (msLeft + 999) / 1000);
    // Thirty seconds in use: a plural form is never needed outside tests.
    m_text->setText(
        tr("CP-IS Desk will lock in %1 seconds. Press any key to stay signed in.").arg(secs));
    m_text->setAccessibleName(m_text->text());
    setAccessibleDescription(m_text->text());
    if (!isVisible())
        m_focus = QApplication::focusWidget();
    show();
    raise();
    QAccessibleEvent alert(m_text, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void IdleWarning::dismiss()
{
    hide();
    if (QWidget* back = m_focus.data()) {
        back->activateWindow();
        back->setFocus(Qt::OtherFocusReason);
    }
    m_focus.clear();
}

QString IdleWarning::text() const
{
    return m_text->text();
}

} // namespace cpis::ui
