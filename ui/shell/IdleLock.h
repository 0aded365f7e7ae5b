#pragma once

#include <QObject>
#include <QTimer>

namespace cpis::ui {

// Fires warning() `warningMs` before the lock and idle() after `timeoutMs` without keyboard
// or mouse input anywhere in the application. Input is seen through an application-wide event
// filter, so no widget has to remember to report it. Input after the warning restarts the
// clock and emits stillHere(); the key that does so is swallowed, so that a user pressing Enter
// to stay signed in does not also press whatever button had the focus.
class IdleLock : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultWarningMs = 30 * 1000;

    explicit IdleLock(int timeoutMs, QObject* parent = nullptr);
    ~IdleLock() override;

    void setTimeoutMs(int ms);
    int timeoutMs() const { return m_timer.interval(); }
    // How long before the lock the warning comes; a timeout shorter than that warns at once.
    void setWarningMs(int ms);
    int warningMs() const { return m_warningMs; }
    void arm();    // start counting (after sign-in)
    void disarm(); // stop counting (while locked or signed out)
    bool isArmed() const { return m_timer.isActive(); }
    bool isWarning() const { return m_warning; }
    int remainingMs() const { return m_timer.remainingTime(); }

public slots:
    // What the timers call; public so that tests can drive the idle clock without waiting.
    void warnNow();
    void lockNow();

signals:
    void warning(int msLeft);
    void stillHere(); // input after the warning: the lock is off for another full timeout
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void restart();

    QTimer m_timer;
    QTimer m_warnTimer;
    int m_warningMs = kDefaultWarningMs;
    bool m_warning = false;
};

} // namespace cpis::ui
