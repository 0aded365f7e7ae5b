#pragma once

#include "ui/widgets/DesktopNotifier.h"

#include <QIcon>
#include <QSystemTrayIcon>

namespace cpis::ui {

// Desktop notifications through the system tray (QSystemTrayIcon::showMessage). The icon only
// appears once there is something to say; without a tray the notification is skipped and the
// notices screen's own count is what the user sees.
class TrayNotifier final : public DesktopNotifier
{
public:
    explicit TrayNotifier(const QIcon& icon);
    void notify(const QString& title, const QString& message) override;

private:
    QSystemTrayIcon m_tray;
};

} // namespace cpis::ui
