#include "ui/shell/IdleLock.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace cpis::ui {

IdleLock::IdleLock(int timeoutMs, QObject* parent) : QObject(parent)
{
    // A coarse timer may fire 5% late: 15 s past a 5-minute lock is not what the setting says.
    for (QTimer* t : {&m_timer, &m_warnTimer}) {
        t->setSingleShot(true);
        t->setTimerType(Qt::PreciseTimer);
    }
    m_timer.setInterval(timeoutMs);
    m_warnTimer.setInterval(std::max(0, timeoutMs - m_warningMs));
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::lockNow);
    connect(&m_warnTimer, &QTimer::timeout, this, &IdleLock::warnNow);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleLock::setTimeoutMs(int ms)
{
    m_timer.setInterval(ms);
    m_warnTimer.setInterval(std::max(0, ms - m_warningMs));
    if (m_timer.isActive())
        restart();
}

void IdleLock::setWarningMs(int ms)
{
    m_warningMs = std::max(0, ms);
    setTimeoutMs(m_timer.interval());
}

void IdleLock::arm()
{
    restart();
}

void IdleLock::disarm()
{
    m_timer.stop();
    m_warnTimer.stop();
    m_warning = false;
}

void IdleLock::restart()
{
    m_timer.start();
    if (m_warningMs > 0)
        m_warnTimer.start();
    if (m_warning) {
        m_warning = false;
        emit stillHere();
    }
}

void IdleLock::warnNow()
{
    if (!m_timer.isActive() || m_warning)
        return;
    m_warnTimer.stop();
    m_warning = true;
    emit warning(std::max(0, m_timer.remainingTime()));
}

void IdleLock::lockNow()
{
    m_timer.stop();
    m_warnTimer.stop();
    m_warning = false;
    emit idle();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::ShortcutOverride:
        // Claimed while warning, so that the key arrives as a key press (swallowed below)
        // and does not trigger a shortcut on its way to dismissing the warning.
        if (m_warning && m_timer.isActive()) {
            event->accept();
            return true;
        }
        break;
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (m_timer.isActive()) {
            const bool dismissing = m_warning;
            restart();
            if (dismissing && event->type() == QEvent::KeyPress)
                return true;
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cpis::ui
