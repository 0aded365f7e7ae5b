#pragma once

#include "core/domain/UserSession.h"

#include <QString>

#include <functional>

class QWidget;

namespace cpis::ui {

// A screen for one desk function (look-up, notices, review, area lists), as the composition
// root offers it to the main window. The window makes it at sign-in for a session that allows
// the function and destroys it at lock and sign-out, so whatever patient data it holds goes
// with it. The window knows screens only through this, never by their class.
struct RoleView
{
    DeskFunction function = DeskFunction::LookUp;
    QString title; // tab title, with an & accelerator
    std::function<QWidget*(const UserSession&, QWidget* parent)> create;
};

} // namespace cpis::ui
