#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;

namespace cpis::ui {

// The notice that the desk is about to lock. A window of its own, not a strip in the main
// window, so that it shows above whatever dialog is open; it takes no input, since any key or
// mouse input anywhere dismisses it (IdleLock sees that), and where the platform gives it the
// focus anyway, dismissing it gives the focus back.
class IdleWarning : public QDialog
{
    Q_OBJECT
public:
    explicit IdleWarning(QWidget* parent = nullptr);

    void showFor(int msLeft);
    void dismiss(); // hides, and gives the focus back where it was
    QString text() const;

private:
    QLabel* m_text = nullptr;
    QPointer<QWidget> m_focus;
};

} // namespace cpis::ui
