#pragma once

#include <QObject>
#include <QTimer>

namespace cpis::ui {

// Fires idle() after `timeoutMs` without keyboard or mouse input anywhere in the
// application. Input is seen through an application-wide event filter, so no widget has
// to remember to report it.
class IdleLock : public QObject
{
    Q_OBJECT
public:
    explicit IdleLock(int timeoutMs, QObject* parent = nullptr);
    ~IdleLock() override;

    void setTimeoutMs(int ms);
    int timeoutMs() const { return m_timer.interval(); }
    void arm();    // start counting (after sign-in)
    void disarm(); // stop counting (while locked or signed out)
    bool isArmed() const { return m_timer.isActive(); }
    int remainingMs() const { return m_timer.remainingTime(); }

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
};

} // namespace cpis::ui
