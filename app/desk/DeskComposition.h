#pragma once
// The desk's screens put together over the services below them. This is the one place the role
// screens (triage look-up, notices, review, area lists) and the desk's tools are made; cpis-desk,
// the GUI tests and the screenshot program all call it, so what they show cannot drift from what
// the desk ships.
#include "core/desk/DeskServices.h"
#include "core/notices/NoticeService.h"
#include "core/profile/AdministratorFile.h"
#include "ui/shell/MainWindow.h"

#include <QList>
#include <QUrl>

#include <functional>

namespace cpis::sandbox {
class SandboxServer;
} // namespace cpis::sandbox

namespace cpis::ui {
class DesktopNotifier;
class TriageView;
} // namespace cpis::ui

namespace cpis::desk {

// What the role screens need beside the services.
struct RoleViewOptions
{
    ui::DesktopNotifier* notifier = nullptr; // new notices on the desktop; may be null
    NoticeService::Settings notices;         // how often the notices screen checks the mailbox
    // The functions to offer a screen for; a test may ask for fewer.
    QList<DeskFunction> functions{DeskFunction::LookUp, DeskFunction::Notices, DeskFunction::Review,
                                  DeskFunction::AreaLists};
    // Training: the built-in sandbox, whose scenarios the look-up screen lists as help.
    sandbox::SandboxServer* training = nullptr;
    // Told of each triage screen as sign-in makes it (a launch in context looks a number up
    // on it); may be empty.
    std::function<void(ui::TriageView*)> triageMade;
};

// The role screens for the functions in `options`, each made over `services` at sign-in.
QList<ui::MainWindow::RoleView> roleViews(DeskServices& services,
                                          const RoleViewOptions& options = {});

// The main window's services: the transport for sign-in, the clock and audit from `services`,
// the local directory as a desk tool, and the role screens of `options`.
ui::MainWindow::Services windowServices(DeskServices& services,
                                        const RoleViewOptions& options = {});

// The main window's environment for `profile` under the administrator's `admin` settings;
// with the training sandbox, its test users as sign-in choices.
ui::MainWindow::Environment environment(const ServiceProfile& profile,
                                        sandbox::SandboxServer* sandbox = nullptr,
                                        const AdministratorFile::Contents& admin = {});

} // namespace cpis::desk
