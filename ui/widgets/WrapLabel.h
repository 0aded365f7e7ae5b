#pragma once

#include "ui/widgets/PlainLabel.h"

#include <QFont>

namespace cpis::ui {

// A word-wrapped plain label in a column that gives it its width (the CP-IS section, a plan
// card). QLabel works out a wrapped label's size hints by laying its text out three times (at
// a natural width, on one line, and at its narrowest) whenever the text changes, and a CP-IS
// answer waited for that on every label. Here the hints cost no layout: the column decides the
// width, and the height for that width is measured once per text and width.
class WrapLabel : public PlainLabel
{
    Q_OBJECT
public:
    explicit WrapLabel(QWidget* parent = nullptr) : WrapLabel(QString(), parent) {}
    explicit WrapLabel(const QString& text, QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    int heightForWidth(int width) const override;

private:
    QMargins frame() const;

    // The last height measured, and for what.
    mutable int m_measuredWidth = -1;
    mutable int m_measuredHeight = 0;
    mutable QString m_measuredText;
    mutable QFont m_measuredFont;
};

} // namespace cpis::ui
