#pragma once
// The main window's services over a MemoryDesk, for GUI tests and the desk benchmark.
#include "MainWindow.h"
#include "ReviewView.h"
#include "support/MemoryDesk.h"

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

} // namespace cpis::testsupport
