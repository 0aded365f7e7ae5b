#pragma once

#include <QEvent>
#include <QLabel>

namespace cpis::ui {

// The desk's label: its text is shown as written (Qt::PlainText), never read as HTML. Labels
// show names and addresses from PDS, service error text and notice fields; with Qt's default
// (AutoText) a name like "<b>X</b>" would be drawn bold, and a crafted one could restyle or
// hide what is beside it. No label of the desk needs rich text.
class PlainLabel : public QLabel
{
    Q_OBJECT
public:
    explicit PlainLabel(QWidget* parent = nullptr) : PlainLabel(QString(), parent) {}
    explicit PlainLabel(const QString& text, QWidget* parent = nullptr) : QLabel(parent)
    {
        setTextFormat(Qt::PlainText);
        setText(text);
    }
    // Text a pointer can select, made selectable when a pointer first comes over it: a
    // selectable label lays its text out as a rich-text document, at many times the cost of a
    // plain one, and most are never pointed at. The keyboard's way to the text is the Copy
    // button beside it.
    void selectableOnHover() { m_selectableOnHover = true; }

    // A form row's label, its mnemonic moving the focus to `field` (what QFormLayout's
    // addRow(QString, QWidget*) does, with a plain label).
    static PlainLabel* forField(const QString& text, QWidget* field)
    {
        auto* label = new PlainLabel(text, field->parentWidget());
        label->setBuddy(field);
        return label;
    }

protected:
    bool event(QEvent* e) override
    {
        if (m_selectableOnHover && e->type() == QEvent::Enter &&
            !(textInteractionFlags() & Qt::TextSelectableByMouse))
            setTextInteractionFlags(Qt::TextSelectableByMouse);
        return QLabel::event(e);
    }

private:
    bool m_selectableOnHover = false;
};

} // namespace cpis::ui
