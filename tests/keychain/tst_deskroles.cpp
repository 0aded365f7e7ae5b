// Who sees which screen, on the desk cpis-desk opens (app/desk's Desk::open and show(), training
// mode, the keychain of the test's private keyring): each sandbox user signs in by keyboard
// against the sandbox's CIS2 realm, and the window shows exactly the screens the mapping gives
// their role, nothing else; a role given none is told so and sees no screen. Then the same
// users under an administrator's file with other [screens] rules: what they see follows the
// file, so the mapping is really read.
#include "app/desk/Desk.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/domain/RoleScreens.h"
#include "core/profile/AdministratorFile.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using cpis::DeskFunction;
using cpis::desk::Desk;
using cpis::ui::MainWindow;
using F = cpis::DeskFunction;
using Expected = QList<std::pair<QString, QList<DeskFunction>>>;

class TestDeskRoles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void eachRoleSeesTheScreensTheDefaultsGiveIt();
    void anAdministratorsMappingChangesWhatTheySee();

private:
    void checkEveryUser(const QByteArray& adminText, const Expected& expected);
};

namespace {

QString names(const QList<DeskFunction>& functions)
{
    QStringList out;
    for (const DeskFunction f : functions)
        out << cpis::RoleScreens::nameOf(f);
    return out.join(u", ");
}

// The screens only: the audit export is the command line's and has no tab.
QList<DeskFunction> screensOf(const QList<DeskFunction>& functions)
{
    QList<DeskFunction> out = functions;
    out.removeAll(DeskFunction::AuditExport);
    return out;
}

} // namespace

// Opens the desk under `adminText` (empty: no administrator's file, the defaults), then signs
// each user in through the sign-in dialog, by keyboard, and out again.
void TestDeskRoles::checkEveryUser(const QByteArray& adminText, const Expected& expected)
{
    QTemporaryDir store;
    QVERIFY(store.isValid());
    Desk::Options options;
    options.training = true;
    options.storeDirectory = store.path();
    if (!adminText.isEmpty()) {
        auto admin = cpis::AdministratorFile::parse(adminText, QStringLiteral("desk.conf"));
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error()));
        options.admin = admin.value();
    }
    cpis::SystemClock clock;
    auto opened = Desk::open(options, clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
    Desk& desk = *opened.value();
    MainWindow& w = desk.window();
    desk.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const cpis::RoleScreens& mapping = desk.services().config().profile.screens;
    QCOMPARE(mapping.isDefault(), adminText.isEmpty());

    for (const auto& [user, screens] : expected) {
        QTRY_VERIFY(w.signInDialog() && w.signInDialog()->isVisible());
        auto* users = w.signInDialog()->findChild<QListWidget*>(QStringLiteral("testUserList"));
        QVERIFY(users);
        users->setFocus();
        users->setCurrentRow(0);
        for (int i = 0; i < users->count() && users->currentItem()->data(Qt::UserRole) != user; ++i)
            QTest::keyClick(users, Qt::Key_Down);
        QCOMPARE(users->currentItem()->data(Qt::UserRole).toString(), user);
        QSignalSpy signedIn(&w, &MainWindow::signedIn);
        QTest::keyClick(users, Qt::Key_Return);
        QVERIFY2(signedIn.wait(10000), qPrintable(user));

        // What the window shows is what the mapping gives the role CIS2 sent, and what this
        // test expects of it.
        const QList<DeskFunction> shown = w.shownFunctions();
        QVERIFY2(shown == screens, qPrintable(QStringLiteral("%1 sees [%2], expected [%3]")
                                                  .arg(user, names(shown), names(screens))));
        QCOMPARE(shown, screensOf(mapping.functionsFor(w.session())));
        QTabWidget* tabs = w.functionTabs();
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), int(screens.size()));
        for (const DeskFunction f : {F::LookUp, F::Notices, F::Review, F::AreaLists})
            QCOMPARE(w.functionView(f) != nullptr, screens.contains(f));
        auto* gate = w.findChild<QLabel*>(QStringLiteral("gateText"));
        QVERIFY(gate);
        if (screens.isEmpty()) {
            // Told so, by name of role, and nothing behind it.
            QVERIFY(!tabs->isVisible());
            QVERIFY(gate->isVisible());
            QVERIFY2(gate->text().contains(QStringLiteral("is given no CP-IS Desk screen")),
                     qPrintable(gate->text()));
            QVERIFY(gate->text().contains(w.session().roleName));
        }
        if (!screens.isEmpty()) {
            QVERIFY(tabs->isVisible());
            QVERIFY(!gate->isVisible());
        }

        w.signOut();
        QVERIFY(!w.isSignedIn());
        QCOMPARE(w.shownFunctions(), QList<DeskFunction>{});
        w.beginSignIn();
    }
}

void TestDeskRoles::eachRoleSeesTheScreensTheDefaultsGiveIt()
{
    // docs/sandbox.md: the users' role codes and activities; docs/cli.md: the default rules.
    checkEveryUser({}, {{QStringLiteral("triage-nurse"), {F::LookUp}},
                        {QStringLiteral("school-nurse"), {F::LookUp, F::AreaLists}},
                        {QStringLiteral("health-visitor"), {F::LookUp, F::AreaLists}},
                        {QStringLiteral("safeguarding-lead"), {F::LookUp, F::Review}},
                        {QStringLiteral("social-worker"), {F::Notices}},
                        {QStringLiteral("privacy-officer"), {}}});
}

void TestDeskRoles::anAdministratorsMappingChangesWhatTheySee()
{
    // Every user's screens differ from the defaults' (the social worker's role has no rule).
    checkEveryUser("[desk]\nprofiles = training\n"
                   "[screens]\n"
                   "role S8000:G8000:R8001 = triage, review\n"
                   "activity B0170 = notices\n"
                   "role R0570 = area-lists\n"
                   "role R0001 = triage\n",
                   {{QStringLiteral("triage-nurse"), {F::LookUp, F::Review}},
                    {QStringLiteral("school-nurse"), {F::Notices}},
                    {QStringLiteral("health-visitor"), {F::Notices}},
                    {QStringLiteral("safeguarding-lead"), {F::Notices, F::AreaLists}},
                    {QStringLiteral("social-worker"), {}},
                    {QStringLiteral("privacy-officer"), {F::LookUp}}});
}

QTEST_MAIN(TestDeskRoles)
#include "tst_deskroles.moc"
