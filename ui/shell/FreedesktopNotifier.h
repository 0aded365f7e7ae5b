#pragma once

#include "ui/widgets/DesktopNotifier.h"

#include <QDBusConnection>

namespace cpis::ui {

// Desktop notifications through the freedesktop.org notification service on the session bus
// (org.freedesktop.Notifications, Notify): what GNOME and most desktops without a system tray
// offer. notify() is false when no such service is on the bus or can be started there.
class FreedesktopNotifier final : public DesktopNotifier
{
public:
    explicit FreedesktopNotifier(const QDBusConnection& bus);
    bool notify(const QString& title, const QString& message) override;
    bool isAvailable() const;

private:
    QDBusConnection m_bus;
};

} // namespace cpis::ui
