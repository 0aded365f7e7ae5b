#pragma once

#include <QProxyStyle>

class QAbstractScrollArea;

namespace cpis::ui {

// The desk's style with flat scroll bars: a plain groove, a solid handle and the style's own
// arrows. Fusion draws a scroll bar with gradients, at about a millisecond for one as tall as
// the CP-IS section, and an answer that makes one appear waits for it. The handle is NHS grey
// #768692 on #e8edee (3.3:1), darker while pressed; it is hit-tested as the style lays it out.
class FlatScrollBarStyle : public QProxyStyle
{
public:
    FlatScrollBarStyle();

    // Gives both of the area's scroll bars this style, owned by the area.
    static void apply(QAbstractScrollArea* area);

    void drawComplexControl(ComplexControl control,
                            const QStyleOptionComplex* option,
                            QPainter* painter,
                            const QWidget* widget = nullptr) const override;
};

} // namespace cpis::ui
