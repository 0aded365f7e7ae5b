#include "ui/widgets/WrapLabel.h"

#include <QFontMetrics>

namespace cpis::ui {

namespace {

// A wrapped label's preferred width, in average characters: a comfortable line to read.
constexpr int kPreferredChars = 60;
// Its narrowest: the column may squeeze it this far, and it wraps more.
constexpr int kNarrowestChars = 12;

} // namespace

WrapLabel::WrapLabel(const QString& text, QWidget* parent) : PlainLabel(text, parent)
{
    setWordWrap(true);
}

QMargins WrapLabel::frame() const
{
    const int m = margin();
    return contentsMargins() + QMargins(m, m, m, m);
}

QSize WrapLabel::minimumSizeHint() const
{
    if (text().isEmpty())
        return {0, 0};
    const QFontMetrics fm(font());
    const QMargins f = frame();
    return {fm.averageCharWidth() * kNarrowestChars + f.left() + f.right(),
            fm.lineSpacing() + f.top() + f.bottom()};
}

QSize WrapLabel::sizeHint() const
{
    if (text().isEmpty())
        return {0, 0};
    // An estimate without laying the text out: a layout that gives height for width (every
    // column these labels sit in) asks heightForWidth() for the width it gives.
    const QFontMetrics fm(font());
    const QMargins f = frame();
    const int width = fm.averageCharWidth() * kPreferredChars;
    const int lines = int((qint64(text().size()) * fm.averageCharWidth() + width - 1) / width);
    return {width + f.left() + f.right(), qMax(1, lines) * fm.lineSpacing() + f.top() + f.bottom()};
}

int WrapLabel::heightForWidth(int width) const
{
    if (width != m_measuredWidth || text() != m_measuredText || font() != m_measuredFont) {
        m_measuredHeight = PlainLabel::heightForWidth(width);
        m_measuredWidth = width;
        m_measuredText = text();
        m_measuredFont = font();
    }
    return m_measuredHeight;
}

} // namespace cpis::ui
