#pragma once

#include <QSize>
#include <QWidget>

namespace cpis::ui {

// A screen whose content changes often (a result shown, a banner cleared) without changing what
// it needs of the window. Qt passes every change of a layout up to the top: each ancestor's
// layout is redone, and a QTabWidget that hears of it repaints the whole screen, its unchanged
// parts and side panels included, on every answer. Here the content lives in one child with the
// layout, which this widget keeps filling itself; a change inside goes up only when the content
// needs more room than it has ever needed (its minimum size grows), so a new answer repaints
// only what it changed.
class LayoutBoundary : public QWidget
{
public:
    explicit LayoutBoundary(QWidget* parent = nullptr);

    // The widget to give the layout and the children to.
    QWidget* content() const { return m_content; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QSize contentMinimum() const;

    QWidget* m_content = nullptr;
    mutable QSize m_minimumSizeHint; // the most room the parent has been told of
};

} // namespace cpis::ui
