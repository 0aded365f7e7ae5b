#pragma once
// The main window's services over a MemoryDesk, for GUI tests and the desk benchmark.
#include "MainWindow.h"
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

} // namespace cpis::testsupport
