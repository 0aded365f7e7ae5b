#include "ui/shell/IdleLock.h"

#include <QCoreApplication>
#include <QEvent>

namespace cpis::ui {

IdleLock::IdleLock(int timeoutMs, QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire 5% late: 15 s past a 5-minute lock is not what the setting says.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(timeoutMs);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::idle);
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
    if (m_timer.isActive())
        m_timer.start();
}

void IdleLock::arm()
{
    m_timer.start();
}

void IdleLock::disarm()
{
    m_timer.stop();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (m_timer.isActive())
            m_timer.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cpis::ui
