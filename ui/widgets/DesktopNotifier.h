#pragma once

#include <QString>

namespace cpis::ui {

// Where the desk raises a desktop notification (the system tray or the desktop's notification
// service in the app, a recorder in tests). Callers pass counts and generic text only: a
// notification can show on a locked or shared screen, so it never carries a name, an NHS
// number or a site.
class DesktopNotifier
{
public:
    virtual ~DesktopNotifier() = default;
    // False when nothing on this desktop can show it: the caller then says it in its own window.
    virtual bool notify(const QString& title, const QString& message) = 0;
};

} // namespace cpis::ui
