#pragma once
// The triage window in training mode against its own in-process sandbox, wired as
// app/desk/main.cpp wires it, over the in-memory-keyed store of MemoryDesk. For GUI tests
// that need the whole desk but drive it through MainWindow's slots.
#include "MainWindow.h"
#include "SandboxServer.h"
#include "ScenarioCatalogue.h"
#include "SignInService.h"
#include "support/DeskWindowServices.h"
#include "support/MemoryDesk.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

namespace cpis::testsupport {

struct TrainingDesk
{
    // The role screens to offer, made over the desk's own stack (realRoleViews for the real ones).
    using RoleViewsFor = std::function<QList<ui::MainWindow::RoleView>(MemoryDesk&)>;

    std::unique_ptr<sandbox::SandboxServer> sandbox;
    std::unique_ptr<MemoryDesk> stack;
    std::unique_ptr<ui::MainWindow> window;

    explicit TrainingDesk(ui::DeskSettings settings = {},
                          FhirTransport::Settings transport = FhirTransport::Settings(),
                          RoleViewsFor roleViews = {})
    {
        sandbox = std::make_unique<sandbox::SandboxServer>(sandbox::SandboxServer::Options{});
        if (!sandbox->start())
            qFatal("sandbox did not start");
        stack = std::make_unique<MemoryDesk>(sandbox->baseUrl(), std::move(transport));
        ui::MainWindow::Environment env;
        env.serviceUrl = sandbox->baseUrl();
        env.training = true;
        for (const auto& u : sandbox->signIn().users())
            env.testUsers.append({u.id, u.name, u.roleName, u.orgName});
        for (const auto& sc : sandbox->scenarios().scenarios())
            env.scenarios.append({sc.nhsNumber, sc.title});
        ui::MainWindow::Services deps = windowServices(*stack);
        if (roleViews)
            deps.roleViews = roleViews(*stack);
        window = std::make_unique<ui::MainWindow>(env, deps, std::move(settings));
    }
    ~TrainingDesk()
    {
        window.reset();
        stack.reset();
    }

    QStringList auditActions() const
    {
        QStringList out;
        (void)stack->audit->forEach([&](const AuditEntry& e) {
            out << AuditEntry::actionName(e.action);
            return true;
        });
        return out;
    }

    bool signIn(const QString& user = QStringLiteral("triage-nurse"))
    {
        window->signInAs(user);
        return QTest::qWaitFor([&] { return window->isSignedIn(); }, 10000);
    }
    // Looks a number up as if typed; the answer waits at the banner unless confirmed.
    bool lookUp(const QString& nhs, bool confirm)
    {
        QSignalSpy answered(window.get(), &ui::MainWindow::lookupAnswered);
        window->lookUp(nhs);
        if (!answered.wait(10000))
            return false;
        if (confirm)
            window->confirmBanner();
        return true;
    }
};

} // namespace cpis::testsupport
