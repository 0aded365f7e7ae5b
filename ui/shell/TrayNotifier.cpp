#include "ui/shell/TrayNotifier.h"

namespace cpis::ui {

TrayNotifier::TrayNotifier(const QIcon& icon, const QDBusConnection& bus)
    : m_tray(icon), m_withoutTray(bus)
{
    m_tray.setToolTip(QStringLiteral("CP-IS Desk"));
}

bool TrayNotifier::notify(const QString& title, const QString& message)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return m_withoutTray.notify(title, message);
    m_tray.show();
    m_tray.showMessage(title, message, QSystemTrayIcon::Information, 10000);
    return true;
}

} // namespace cpis::ui
