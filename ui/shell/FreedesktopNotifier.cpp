#include "ui/shell/FreedesktopNotifier.h"

#include "ui/shell/ShellLogging.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QVariantMap>

namespace cpis::ui {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
constexpr int kExpireMs = 10000;
} // namespace

FreedesktopNotifier::FreedesktopNotifier(const QDBusConnection& bus) : m_bus(bus) {}

bool FreedesktopNotifier::isAvailable() const
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return false;
    QDBusConnectionInterface* bus = m_bus.interface();
    if (bus->isServiceRegistered(kService).value())
        return true;
    // A desktop may start its notification daemon on the first call.
    const QDBusReply<QStringList> activatable = bus->call(QStringLiteral("ListActivatableNames"));
    return activatable.isValid() && activatable.value().contains(kService);
}

bool FreedesktopNotifier::notify(const QString& title, const QString& message)
{
    if (!isAvailable())
        return false;
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(uchar(1))},
                            {QStringLiteral("desktop-entry"), QStringLiteral("cpis-desk")}};
    call << QStringLiteral("CP-IS Desk") << uint(0) << QString() << title << message
         << QStringList() << hints << kExpireMs;
    // Not waited for: a slow notification daemon must not hold up the desk.
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call));
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher,
                     [](QDBusPendingCallWatcher* w) {
                         const QDBusPendingReply<uint> reply = *w;
                         if (reply.isError())
                             qCWarning(lcShell, "desktop notification refused: %s",
                                       qPrintable(reply.error().name()));
                         w->deleteLater();
                     });
    return true;
}

} // namespace cpis::ui
