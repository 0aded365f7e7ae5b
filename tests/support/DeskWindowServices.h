#pragma once
// The main window's services over a MemoryDesk, for GUI tests and the desk benchmark.
#include "tests/support/MemoryDesk.h"
#include "ui/arealist/AreaListView.h"
#include "ui/directory/LocalDirectoryDialog.h"
#include "ui/lookup/TriageView.h"
#include "ui/notices/NoticesView.h"
#include "ui/review/ReviewView.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/DesktopNotifier.h"

namespace cpis::testsupport {

// The triage screen over the stack's LookupService; `scenarios` fill the training help panel.
inline ui::RoleView triageRoleView(MemoryDesk& stack,
                                   QList<ui::TriageView::Scenario> scenarios = {})
{
    return ui::TriageView::roleView(
        {stack.lookups.get(), &stack.clock, stack.directory.get(), std::move(scenarios)});
}

// The shell's services, with the triage screen and the local directory tool.
inline ui::MainWindow::Services windowServices(MemoryDesk& stack)
{
    ui::MainWindow::Services deps;
    deps.network = &stack.nam;
    deps.clock = &stack.clock;
    deps.audit = [&stack](const UserSession& who, const AccessEvent& ev) {
        return stack.auditor->record(who, ev);
    };
    deps.roleViews.append(triageRoleView(stack));
    deps.tools.append(ui::LocalDirectoryDialog::tool(*stack.directory));
    return deps;
}

// The safeguarding lead's review screen over the stack's ReviewService.
inline ui::MainWindow::RoleView reviewRoleView(MemoryDesk& stack)
{
    return {DeskFunction::Review, QStringLiteral("&Review"),
            [&stack](const UserSession& s, QWidget* parent) {
                return new ui::ReviewView(stack.review.get(), &stack.clock, s, parent);
            }};
}

// Area lists: the real area-list screen for the roles that allow it, as in main.cpp.
inline ui::MainWindow::RoleView areaListRoleView(MemoryDesk& stack)
{
    return {DeskFunction::AreaLists, QStringLiteral("A&rea list"),
            [&stack](const UserSession& s, QWidget* parent) -> QWidget* {
                return new ui::AreaListView(stack.areaLists.get(), s, &stack.clock, parent);
            }};
}
inline void addAreaListView(ui::MainWindow::Services& deps, MemoryDesk& stack)
{
    deps.roleViews.append(areaListRoleView(stack));
}

// The social worker's notices screen; `notifier` may be null (no desktop notices).
inline ui::MainWindow::RoleView noticesRoleView(MemoryDesk& stack,
                                                ui::DesktopNotifier* notifier = nullptr)
{
    return ui::NoticesView::roleView({stack.noticeClient.get(),
                                      stack.notices.get(),
                                      stack.auditor.get(),
                                      &stack.clock,
                                      notifier,
                                      {}});
}

// Every real role screen, as app/desk/main.cpp offers them.
inline QList<ui::MainWindow::RoleView> realRoleViews(MemoryDesk& stack,
                                                     ui::DesktopNotifier* notifier = nullptr)
{
    return {noticesRoleView(stack, notifier), reviewRoleView(stack), areaListRoleView(stack)};
}

} // namespace cpis::testsupport
