#include "ui/shell/TrayNotifier.h"

namespace cpis::ui {

TrayNotifier::TrayNotifier(const QIcon& icon) : m_tray(icon)
{
    m_tray.setToolTip(QStringLiteral("CP-IS Desk"));
}

void TrayNotifier::notify(const QString& title, const QString& message)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray.show();
    m_tray.showMessage(title, message, QSystemTrayIcon::Information, 10000);
}

} // namespace cpis::ui
