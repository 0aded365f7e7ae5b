#pragma once

#include "ui/shell/FreedesktopNotifier.h"
#include "ui/widgets/DesktopNotifier.h"

#include <QDBusConnection>
#include <QIcon>
#include <QSystemTrayIcon>

namespace cpis::ui {

// Desktop notifications through the system tray (QSystemTrayIcon::showMessage), the icon only
// appearing once there is something to say. Without a tray (GNOME, Debian's default desktop)
// they go to the desktop's notification service on `bus`; without that either, notify() is
// false and the notices screen says it in the window title and its own count.
class TrayNotifier final : public DesktopNotifier
{
public:
    explicit TrayNotifier(const QIcon& icon,
                          const QDBusConnection& bus = QDBusConnection::sessionBus());
    bool notify(const QString& title, const QString& message) override;

private:
    QSystemTrayIcon m_tray;
    FreedesktopNotifier m_withoutTray;
};

} // namespace cpis::ui
