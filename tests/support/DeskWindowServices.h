#pragma once
// The main window's services over a MemoryDesk, for GUI tests and the desk benchmark.
#include "tests/support/MemoryDesk.h"
#include "ui/arealist/AreaListView.h"
#include "ui/notices/NoticesView.h"
#include "ui/review/ReviewView.h"
#include "ui/shell/DesktopNotifier.h"
#include "ui/shell/MainWindow.h"

namespace cpis::testsupport {

inline ui::MainWindow::Services windowServices(MemoryDesk& stack)
{
    ui::MainWindow::Services deps;
    deps.lookups = stack.lookups.get();
    deps.network = &stack.nam;
    deps.clock = &stack.clock;
    deps.audit = [&stack](const UserSession& who, const AccessEvent& ev) {
        return stack.auditor->record(who, ev);
    };
    deps.directory = stack.directory.get();
    return deps;
}

// Issue 7: the safeguarding lead's review screen over the stack's ReviewService.
inline ui::MainWindow::RoleView reviewRoleView(MemoryDesk& stack)
{
    return {DeskFunction::Review, QStringLiteral("&Review"),
            [&stack](const UserSession& s, QWidget* parent) {
                return new ui::ReviewView(stack.review.get(), &stack.clock, s, parent);
            }};
}

// Area lists (issue 7): the real area-list screen for the roles that allow it, as in main.cpp.
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

// Issue 7: the social worker's notices screen; `notifier` may be null (no desktop notices).
inline ui::MainWindow::RoleView noticesRoleView(MemoryDesk& stack,
                                                ui::DesktopNotifier* notifier = nullptr)
{
    return {DeskFunction::Notices, QStringLiteral("&Notices"),
            [&stack, notifier](const UserSession& session, QWidget* parent) -> QWidget* {
                return new ui::NoticesView(std::make_unique<NoticeService>(
                                               *stack.noticeClient, *stack.notices, *stack.auditor,
                                               stack.clock, session, NoticeService::Settings{}),
                                           notifier, stack.clock, parent);
            }};
}

// Every real role screen, as app/desk/main.cpp offers them.
inline QList<ui::MainWindow::RoleView> realRoleViews(MemoryDesk& stack,
                                                     ui::DesktopNotifier* notifier = nullptr)
{
    return {noticesRoleView(stack, notifier), reviewRoleView(stack), areaListRoleView(stack)};
}

} // namespace cpis::testsupport
