#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace cpis::ui {

// Waiting, made visible: what the desk is waiting for, the seconds so far once a second has
// passed, and a Cancel (Esc) button.
class BusyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BusyPanel(QWidget* parent = nullptr);

    void start(const QString& what);
    void stop();
    bool isBusy() const { return m_ticker.isActive(); }
    QString text() const;
    QPushButton* cancelButton() const { return m_cancel; }

signals:
    void cancelRequested();

private:
    void tick();

    QString m_what;
    QElapsedTimer m_elapsed;
    QTimer m_ticker;
    QLabel* m_label = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace cpis::ui
