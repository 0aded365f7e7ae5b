#pragma once
// The triage window in training mode against its own in-process sandbox, wired as
// app/desk/main.cpp wires it, over the in-memory-keyed store of MemoryDesk. For GUI tests
// that need the whole desk but drive it through MainWindow's and TriageView's slots.
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "tests/support/DeskWindowServices.h"
#include "tests/support/MemoryDesk.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SignInDialog.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

namespace cpis::testsupport {

// Signs in through the dialog as a user would, keyboard only: from the top of the test-user
// list, arrow down to the user, then Enter. Fails the running test when that does not work.
inline void signInByKeyboard(ui::MainWindow& w, const QString& userId)
{
    w.beginSignIn();
    ui::SignInDialog* dialog = w.signInDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* list = dialog->findChild<QListWidget*>(QStringLiteral("testUserList"));
    QVERIFY(list);
    QVERIFY(!list->accessibleName().isEmpty());
    list->setFocus();
    list->setCurrentRow(0);
    for (int i = 0; i < list->count() && list->currentItem()->data(Qt::UserRole) != userId; ++i)
        QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), userId);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(w.isSignedIn(), 10000);
    QTRY_VERIFY(!w.signInDialog());
}

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
        QList<ui::TriageView::Scenario> scenarios;
        for (const auto& sc : sandbox->scenarios().scenarios())
            scenarios.append({sc.nhsNumber, sc.title});
        ui::MainWindow::Services deps = windowServices(*stack);
        deps.roleViews = {triageRoleView(*stack, scenarios)};
        if (roleViews)
            deps.roleViews += roleViews(*stack);
        window = std::make_unique<ui::MainWindow>(env, deps, std::move(settings));
    }
    ~TrainingDesk()
    {
        window.reset();
        stack.reset();
    }

    QList<AuditEntry> audit() const
    {
        QList<AuditEntry> out;
        (void)stack->audit->forEach([&](const AuditEntry& e) {
            out << e;
            return true;
        });
        return out;
    }
    QStringList auditActions() const
    {
        QStringList out;
        for (const AuditEntry& e : audit())
            out << AuditEntry::actionName(e.action);
        return out;
    }
    int audited(AuditEntry::Action action) const
    {
        int n = 0;
        for (const AuditEntry& e : audit())
            n += e.action == action ? 1 : 0;
        return n;
    }

    // The look-up screen, while a session that allows it is signed in; else null.
    ui::TriageView* triage() const
    {
        return qobject_cast<ui::TriageView*>(window->functionView(DeskFunction::LookUp));
    }

    bool signIn(const QString& user = QStringLiteral("triage-nurse"))
    {
        window->signInAs(user);
        return QTest::qWaitFor([&] { return window->isSignedIn(); }, 10000);
    }
    // Looks a number up as if typed; the answer waits at the banner unless confirmed.
    bool lookUp(const QString& nhs, bool confirm)
    {
        ui::TriageView* screen = triage();
        if (!screen)
            return false;
        QSignalSpy answered(screen, &ui::TriageView::lookupAnswered);
        screen->lookUp(nhs);
        if (!answered.wait(10000))
            return false;
        if (confirm)
            screen->confirmBanner();
        return true;
    }
};

} // namespace cpis::testsupport
