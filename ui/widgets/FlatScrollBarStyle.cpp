#include "ui/widgets/FlatScrollBarStyle.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionSlider>

namespace cpis::ui {

// The application's own style underneath: everything but the scroll bar's drawing is its.
FlatScrollBarStyle::FlatScrollBarStyle() : QProxyStyle(QApplication::style()->name()) {}

void FlatScrollBarStyle::apply(QAbstractScrollArea* area)
{
    auto* style = new FlatScrollBarStyle;
    style->setParent(area);
    area->verticalScrollBar()->setStyle(style);
    area->horizontalScrollBar()->setStyle(style);
}

void FlatScrollBarStyle::drawComplexControl(ComplexControl control,
                                            const QStyleOptionComplex* option,
                                            QPainter* painter,
                                            const QWidget* widget) const
{
    const auto* bar = qstyleoption_cast<const QStyleOptionSlider*>(option);
    if (control != CC_ScrollBar || !bar) {
        QProxyStyle::drawComplexControl(control, option, painter, widget);
        return;
    }
    const bool horizontal = bar->orientation == Qt::Horizontal;
    painter->fillRect(bar->rect, QColor(0xe8, 0xed, 0xee));
    if (bar->minimum < bar->maximum) {
        QRect handle = subControlRect(CC_ScrollBar, bar, SC_ScrollBarSlider, widget);
        handle = horizontal ? handle.adjusted(0, 2, 0, -2) : handle.adjusted(2, 0, -2, 0);
        const bool pressed =
            (bar->activeSubControls & SC_ScrollBarSlider) && (bar->state & State_Sunken);
        painter->fillRect(handle, pressed ? QColor(0x42, 0x55, 0x63) : QColor(0x76, 0x86, 0x92));
    }
    // The arrows, where the style has them, drawn by the style.
    QStyleOption arrow = *bar;
    arrow.rect = subControlRect(CC_ScrollBar, bar, SC_ScrollBarSubLine, widget);
    if (arrow.rect.isValid())
        proxy()->drawPrimitive(horizontal ? PE_IndicatorArrowLeft : PE_IndicatorArrowUp, &arrow,
                               painter, widget);
    arrow.rect = subControlRect(CC_ScrollBar, bar, SC_ScrollBarAddLine, widget);
    if (arrow.rect.isValid())
        proxy()->drawPrimitive(horizontal ? PE_IndicatorArrowRight : PE_IndicatorArrowDown, &arrow,
                               painter, widget);
}

} // namespace cpis::ui
