#pragma once

#include "core/domain/UserSession.h"

#include <QKeySequence>
#include <QString>

#include <functional>

class QWidget;

namespace cpis::ui {

// A window a signed-in user opens from the Desk menu (the local directory), as the composition
// root offers it to the main window. The window makes it on demand for the session that asks,
// deletes it on close, and closes it at lock and sign-out: a locked desk edits nothing.
struct DeskTool
{
    QString title;         // menu text, with an & accelerator
    QString objectName;    // of the menu action
    QKeySequence shortcut; // may be empty
    std::function<QWidget*(const UserSession&, QWidget* parent)> open; // a dialog or window
};

} // namespace cpis::ui
