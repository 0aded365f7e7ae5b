#include "ui/widgets/LayoutBoundary.h"

#include <QEvent>

namespace cpis::ui {

LayoutBoundary::LayoutBoundary(QWidget* parent) : QWidget(parent), m_content(new QWidget(this))
{
    m_content->setObjectName(QStringLiteral("layoutBoundaryContent"));
}

QSize LayoutBoundary::sizeHint() const
{
    return m_content->sizeHint();
}

QSize LayoutBoundary::contentMinimum() const
{
    return m_content->minimumSizeHint().expandedTo(m_content->minimumSize());
}

QSize LayoutBoundary::minimumSizeHint() const
{
    // What the parent is told is remembered: only a need beyond it is passed on later.
    m_minimumSizeHint = m_minimumSizeHint.expandedTo(contentMinimum());
    return m_minimumSizeHint;
}

bool LayoutBoundary::hasHeightForWidth() const
{
    return m_content->hasHeightForWidth();
}

int LayoutBoundary::heightForWidth(int width) const
{
    return m_content->heightForWidth(width);
}

bool LayoutBoundary::event(QEvent* event)
{
    // The content's layout was redone (it posts this to a parent without a layout): it still
    // fills this widget, and the parent hears of it only if the content now needs more room
    // than it was told of. A smaller need is not passed on, nor a changed size hint: a shown
    // window keeps its size, and the screen flips between states (a banner, a result) whose
    // needs the window has already met once.
    if (event->type() == QEvent::LayoutRequest) {
        m_content->setGeometry(rect());
        const QSize needed = m_minimumSizeHint.expandedTo(contentMinimum());
        if (needed != m_minimumSizeHint) {
            m_minimumSizeHint = needed;
            updateGeometry();
        }
        return true;
    }
    return QWidget::event(event);
}

void LayoutBoundary::resizeEvent(QResizeEvent* event)
{
    m_content->setGeometry(rect());
    QWidget::resizeEvent(event);
}

} // namespace cpis::ui
