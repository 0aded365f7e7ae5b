#pragma once

#include <QString>

namespace cpis::ui {

// Where the desk raises a desktop notification (the system tray in the app, a recorder in
// tests). Callers pass counts and generic text only: a notification can show on a locked or
// shared screen, so it never carries a name, an NHS number or a site.
class DesktopNotifier
{
public:
    virtual ~DesktopNotifier() = default;
    virtual void notify(const QString& title, const QString& message) = 0;
};

} // namespace cpis::ui
