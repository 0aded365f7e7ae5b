#pragma once

#include <QStyledItemDelegate>

namespace cpis::ui {

// Draws a cell as one line of plain text, elided at the right, on the style's item background
// (selection, alternate rows) and with its focus frame. QStyledItemDelegate lays each cell's
// text out three times (to place it, to elide it, to draw it); the access history's table is
// drawn with every CP-IS answer, and the answer waited for that.
class LineTextDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter,
               const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace cpis::ui
