#pragma once
// The triage window in training mode against its own in-process sandbox, wired by the desk's
// own composition (app/desk) over MemoryDesk's DeskServices with in-memory keys. For GUI tests
// that need the whole desk but drive it through MainWindow's and TriageView's slots.
#include "app/desk/DeskComposition.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ScenarioCatalogue.h"
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

// The role screens a test's desk offers.
struct Screens
{
    QList<DeskFunction> real{DeskFunction::LookUp}; // made by the desk's composition (app/desk)
    ui::DesktopNotifier* notifier = nullptr;        // for the real notices screen; may be null
    QList<ui::MainWindow::RoleView> stubs;          // a test's stand-ins
};

// Every real role screen, as cpis-desk offers them.
inline Screens allRealScreens()
{
    return {{DeskFunction::LookUp, DeskFunction::Notices, DeskFunction::Review,
             DeskFunction::AreaLists},
            nullptr,
            {}};
}

struct TrainingDesk
{
    std::unique_ptr<sandbox::SandboxServer> sandbox;
    std::unique_ptr<MemoryDesk> stack;
    std::unique_ptr<ui::MainWindow> window;

    explicit TrainingDesk(ui::DeskSettings settings = {},
                          FhirTransport::Settings transport = FhirTransport::Settings(),
                          Screens screens = {},
                          const Clock* clock = nullptr) // the desk's; the system clock if null
    {
        sandbox = std::make_unique<sandbox::SandboxServer>(sandbox::SandboxServer::Options{});
        if (!sandbox->start())
            qFatal("sandbox did not start");
        stack = std::make_unique<MemoryDesk>(sandbox->baseUrl(), std::move(transport), clock);
        desk::RoleViewOptions roles;
        roles.functions = screens.real;
        roles.notifier = screens.notifier;
        roles.training = sandbox.get();
        ui::MainWindow::Services deps = desk::windowServices(*stack->services, roles);
        deps.roleViews += screens.stubs;
        window = std::make_unique<ui::MainWindow>(
            desk::environment(stack->services->config().profile, sandbox.get()), deps,
            std::move(settings));
    }
    ~TrainingDesk()
    {
        window.reset();
        stack.reset();
    }

    QList<AuditEntry> audit() const { return stack->userEntries(); }
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
        if (!confirm || !screen->awaitsConfirmation())
            return true;
        // The confirmation asks CP-IS; its answer opens the section.
        QSignalSpy shown(screen, &ui::TriageView::resultShown);
        screen->confirmBanner();
        return shown.wait(10000);
    }
};

} // namespace cpis::testsupport
