// The desk's shell against the in-process sandbox over loopback HTTP, driven with key events:
// sign-in, the role deciding the screens, lock, idle lock and the "nothing visible while
// locked" rule, settings, and the local directory tool. The look-up flow itself is
// tst_triagelookup.
#include "tests/gui/DeskSteps.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientBanner.h"
#include "ui/shell/IdleLock.h"
#include "ui/shell/IdleWarning.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>

#include <memory>

using namespace cpis;
using namespace cpis::testsupport;
using cpis::ui::MainWindow;

namespace {

// Stand-ins for the role screens: each says which function and whose session made it.
QList<ui::RoleView> stubRoleViews()
{
    QList<ui::RoleView> views;
    const std::pair<DeskFunction, const char*> roles[] = {{DeskFunction::Notices, "notices"},
                                                          {DeskFunction::Review, "review"},
                                                          {DeskFunction::AreaLists, "areaLists"}};
    for (const auto& [function, name] : roles) {
        const QString objectName = QString::fromLatin1(name);
        views.append({function, objectName, [objectName](const UserSession& s, QWidget* parent) {
                          auto* v = new QLabel(s.name, parent);
                          v->setObjectName(objectName);
                          return v;
                      }});
    }
    return views;
}

} // namespace

class TestDeskShell : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_desk.reset(); }

    void signInShowsUserRoleAndOrganisation();
    void roleDecidesTheViews_data();
    void roleDecidesTheViews();
    void lockedDeskShowsNoPatientText();
    void settingsPersistAndApplyTheIdleLock();
    void inputRestartsTheIdleClock();
    void idleLockLocksAndUnlockSignsInAgain();
    void idleLockClosesEveryWindowTheDeskOpened();
    void warningComesBeforeTheLockAndAKeyDismissesIt();
    void lockScreenNamesWhoLockedAndWhen();
    void unlockOffersTheSameUserFirstAndOthersStartAfresh();
    void liveSignInSaysWhoWasSignedIn();
    void localDirectoryEditAndRemoveFromKeyboard();

private:
    MainWindow& w() { return *m_desk->window; }
    std::unique_ptr<TrainingDesk> m_desk;
};

void TestDeskShell::init()
{
    m_desk = std::make_unique<TrainingDesk>(
        ui::DeskSettings{}, quickTransport(),
        testsupport::Screens{{DeskFunction::LookUp}, nullptr, stubRoleViews()});
    w().show();
    QVERIFY(QTest::qWaitForWindowExposed(&w()));
    QApplication::setActiveWindow(&w());
}

void TestDeskShell::signInShowsUserRoleAndOrganisation()
{
    auto* marker = label(&w(), "trainingMarker");
    QVERIFY(marker && marker->isVisible());
    QCOMPARE(marker->text(), QStringLiteral("TRAINING: synthetic data"));
    QVERIFY(!w().isSignedIn());
    QVERIFY(!w().findChild<ui::NhsNumberEdit*>()); // nothing to look up before signing in
    signInToLookUp(*m_desk, QStringLiteral("health-visitor"));
    const auto u = m_desk->sandbox->signIn().user(QStringLiteral("health-visitor")).value();
    const QString who = label(&w(), "userLabel")->text();
    QVERIFY2(who.contains(u.name) && who.contains(u.roleName) && who.contains(u.orgName),
             qPrintable(who));
    QVERIFY(m_desk->auditActions().contains(AuditEntry::actionName(AuditEntry::Action::SignIn)));
}

void TestDeskShell::roleDecidesTheViews_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QList<DeskFunction>>("shown");
    using F = DeskFunction;
    QTest::newRow("triage nurse") << "triage-nurse" << QList<F>{F::LookUp};
    QTest::newRow("school nurse") << "school-nurse" << QList<F>{F::LookUp, F::AreaLists};
    QTest::newRow("health visitor") << "health-visitor" << QList<F>{F::LookUp, F::AreaLists};
    QTest::newRow("safeguarding lead") << "safeguarding-lead" << QList<F>{F::LookUp, F::Review};
    QTest::newRow("social worker") << "social-worker" << QList<F>{F::Notices};
    QTest::newRow("privacy officer") << "privacy-officer" << QList<F>{};
}

void TestDeskShell::roleDecidesTheViews()
{
    QFETCH(QString, user);
    QFETCH(QList<DeskFunction>, shown);
    QSignalSpy signedIn(&w(), &MainWindow::signedIn);
    w().signInAs(user);
    QVERIFY(signedIn.wait(10000));
    QCOMPARE(w().shownFunctions(), shown);
    int visibleTabs = 0;
    for (int i = 0; i < w().functionTabs()->count(); ++i)
        visibleTabs += w().functionTabs()->isTabVisible(i) ? 1 : 0;
    QCOMPARE(visibleTabs, shown.size());
    QCOMPARE(w().functionTabs()->tabBar()->isVisible(), shown.size() > 1);
    const auto u = m_desk->sandbox->signIn().user(user).value();
    for (DeskFunction f : {DeskFunction::Notices, DeskFunction::Review, DeskFunction::AreaLists}) {
        QWidget* view = w().functionView(f);
        QCOMPARE(view != nullptr, shown.contains(f));
        if (auto* l = qobject_cast<QLabel*>(view))
            QCOMPARE(l->text(), u.name); // made for this session
    }
    // Look-up is refused, not merely hidden, for a role without it: no field is even made.
    QCOMPARE(m_desk->triage() != nullptr, shown.contains(DeskFunction::LookUp));
    QCOMPARE(w().findChild<ui::NhsNumberEdit*>() != nullptr, shown.contains(DeskFunction::LookUp));

    // A lock destroys the screens, look-up included, with whatever they held.
    QList<QPointer<QWidget>> views;
    for (DeskFunction f : shown)
        views << w().functionView(f);
    w().lock();
    QVERIFY(w().shownFunctions().isEmpty());
    for (const QPointer<QWidget>& v : views)
        QVERIFY(v.isNull());
}

void TestDeskShell::lockedDeskShowsNoPatientText()
{
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
    QPointer<ui::TriageView> triage = m_desk->triage();
    QSignalSpy answered(triage.data(), &ui::TriageView::lookupAnswered);
    typeAndSearch(triage, QStringLiteral("9990000018"));
    QVERIFY(answered.wait(10000));
    confirmByKeyboard(triage);
    // The walk finds the patient while unlocked, so it can find them while locked.
    const QStringList shown{QStringLiteral("Scenario-Cpp"), QStringLiteral("Lily"),
                            QStringLiteral("999 000 0018")};
    const QStringList before = visibleText(&w());
    for (const QString& n : shown)
        QVERIFY2(anyContains(before, n), qPrintable(n));
    const QStringList needles = shown + QStringList{QStringLiteral("9990000018")};

    QTest::keyClick(triage->nhsField(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(w().isLocked());
    QVERIFY(!w().isSignedIn());
    QStringList after = visibleText(&w());
    for (QWidget* top : QApplication::topLevelWidgets())
        if (top->isVisible() && top != &w())
            after << visibleText(top);
    for (const QString& n : needles)
        QVERIFY2(!anyContains(after, n), qPrintable(n + QStringLiteral(" visible while locked")));
    // Destroyed, not just covered: no hidden widget holds anything either.
    QVERIFY(triage.isNull());
    QVERIFY(!w().findChild<ui::NhsNumberEdit*>());
    QVERIFY(!w().findChild<ui::PatientBanner*>());
    QVERIFY(!w().findChild<ui::CpisResultView*>());
    QVERIFY(m_desk->auditActions().contains(AuditEntry::actionName(AuditEntry::Action::Lock)));
}

void TestDeskShell::idleLockLocksAndUnlockSignsInAgain()
{
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
    QSignalSpy lockedSpy(&w(), &MainWindow::locked);
    w().setIdleTimeoutMs(150);
    QVERIFY(lockedSpy.wait(5000));
    QVERIFY(w().isLocked());
    w().setIdleTimeoutMs(5 * 60 * 1000); // not locked again while the sign-in is checked
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse")); // unlocking is a fresh sign-in
    QVERIFY(!w().isLocked());
    const QStringList actions = m_desk->auditActions();
    const QString unlock = AuditEntry::actionName(AuditEntry::Action::Unlock);
    QVERIFY(actions.contains(unlock));
    QCOMPARE(actions.last(), AuditEntry::actionName(AuditEntry::Action::SignIn));
    QCOMPARE(actions.at(actions.size() - 2), unlock);
}

void TestDeskShell::idleLockClosesEveryWindowTheDeskOpened()
{
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
    QPointer<ui::TriageView> triage = m_desk->triage();
    // Everything a user could have open when they walk away: the settings, the local directory,
    // a file dialog and message boxes (one on a screen, one with no parent at all).
    w().openSettings();
    QPointer<QDialog> settings = w().findChild<QDialog*>(QStringLiteral("settingsDialog"));
    QVERIFY(settings);
    QTRY_VERIFY(settings->isVisible());
    QPointer<ui::LocalDirectoryDialog> directory = openDirectory(w());
    QVERIFY(directory);
    auto* onScreen =
        new QMessageBox(QMessageBox::Information, QStringLiteral("Scenario-Cpp"),
                        QStringLiteral("Lily Scenario-Cpp 999 000 0018"), QMessageBox::Ok, triage);
    onScreen->open();
    std::unique_ptr<QMessageBox> orphan(
        new QMessageBox(QMessageBox::Warning, QStringLiteral("Scenario-Cpp"),
                        QStringLiteral("Lily Scenario-Cpp 999 000 0018"), QMessageBox::Ok));
    orphan->open();
    auto* files = new QFileDialog(&w(), QStringLiteral("Export Scenario-Cpp"));
    files->setOption(QFileDialog::DontUseNativeDialog);
    files->open();
    QTRY_VERIFY(onScreen->isVisible() && orphan->isVisible() && files->isVisible());

    QSignalSpy warned(w().idleLock(), &ui::IdleLock::warning);
    QSignalSpy lockedSpy(&w(), &MainWindow::locked);
    w().setIdleWarningMs(100);
    w().setIdleTimeoutMs(300); // the real timers, shortened: warning, then the lock
    QVERIFY(lockedSpy.wait(5000));
    QCOMPARE(warned.count(), 1);
    QVERIFY(w().isLocked());

    QStringList open;
    QStringList shown;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        if (!top->isVisible() || top == &w())
            continue;
        open << QString::fromLatin1(top->metaObject()->className()) + u' ' + top->objectName();
        shown << visibleText(top);
    }
    QVERIFY2(open.isEmpty(), qPrintable(open.join(QStringLiteral(", "))));
    shown << visibleText(&w());
    for (const QString& n : {QStringLiteral("Scenario-Cpp"), QStringLiteral("999 000 0018"),
                             QStringLiteral("Idle lock")})
        QVERIFY2(!anyContains(shown, n), qPrintable(n + QStringLiteral(" visible while locked")));
    QVERIFY(settings.isNull() || !settings->isVisible());
    QVERIFY(directory.isNull() || !directory->isVisible());
    QVERIFY(triage.isNull());
}

void TestDeskShell::warningComesBeforeTheLockAndAKeyDismissesIt()
{
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
    ui::IdleLock* idle = w().idleLock();
    QCOMPARE(idle->warningMs(), 30 * 1000); // the warning's lead in use
    ui::IdleWarning* warning = w().idleWarning();
    QVERIFY(!warning->isVisible());
    QSignalSpy warned(idle, &ui::IdleLock::warning);
    QSignalSpy lockedSpy(&w(), &MainWindow::locked);
    w().setIdleTimeoutMs(60 * 1000); // the warning's timer is driven directly: no waiting
    idle->warnNow();
    QCOMPARE(warned.count(), 1);
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("will lock in")), qPrintable(warning->text()));
    QVERIFY(warning->text().contains(QStringLiteral("Press any key")));
    QVERIFY(!warning->accessibleName().isEmpty());
    QVERIFY(anyContains(visibleText(warning), QStringLiteral("Press any key")));
    QVERIFY(!w().isLocked());

    QTRY_VERIFY(idle->remainingMs() < 59900);
    ui::NhsNumberEdit* field = m_desk->triage()->nhsField();
    QTest::keyClick(field, Qt::Key_5);
    QVERIFY(!warning->isVisible());
    QVERIFY(field->text().isEmpty()); // the key dismissed the warning and typed nothing
    QVERIFY2(idle->remainingMs() > 59900, qPrintable(QString::number(idle->remainingMs())));
    QVERIFY(!idle->isWarning());
    QVERIFY(w().isSignedIn() && !w().isLocked());
    QCOMPARE(lockedSpy.count(), 0);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(field));

    // Mouse input dismisses it too, and keys then type again.
    idle->warnNow();
    QVERIFY(warning->isVisible());
    QTest::mouseClick(label(&w(), "userLabel"), Qt::LeftButton);
    QVERIFY(!warning->isVisible());
    QVERIFY(!w().isLocked());
    field->setFocus();
    QTest::keyClick(field, Qt::Key_9);
    QCOMPARE(field->text(), QStringLiteral("9"));

    // Ignored, the warning is followed by the lock, and the lock takes it away.
    idle->warnNow();
    idle->lockNow();
    QVERIFY(w().isLocked());
    QVERIFY(!warning->isVisible());
    QCOMPARE(lockedSpy.count(), 1);
}

void TestDeskShell::lockScreenNamesWhoLockedAndWhen()
{
    m_desk.reset();
    ManualClock clock(QDateTime::currentDateTimeUtc());
    m_desk = std::make_unique<TrainingDesk>(
        ui::DeskSettings{}, quickTransport(),
        testsupport::Screens{{DeskFunction::LookUp}, nullptr, stubRoleViews()}, &clock);
    w().show();
    QVERIFY(QTest::qWaitForWindowExposed(&w()));
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
    // Not now: the lock screen's time is the desk's clock, not the computer's.
    clock.set(QDateTime(QDate::currentDate().addDays(-1), QTime(14, 2, 40)).toUTC());
    w().lock();
    const auto u = m_desk->sandbox->signIn().user(QStringLiteral("triage-nurse")).value();
    const QString expected = QStringLiteral("Locked at 14:02 by %1 (%2)").arg(u.name, u.roleName);
    QLabel* gate = label(&w(), "gateText");
    QVERIFY(gate->isVisible());
    QVERIFY2(gate->text().contains(expected), qPrintable(gate->text()));
    QVERIFY(gate->accessibleName().contains(expected));
    QVERIFY(label(&w(), "userLabel")->text().contains(u.name));
    m_desk.reset(); // before the clock it uses
}

void TestDeskShell::unlockOffersTheSameUserFirstAndOthersStartAfresh()
{
    // Not the first in the list, so that the pre-selection is something the lock did.
    const QString first = QStringLiteral("health-visitor");
    signInToLookUp(*m_desk, first);
    QPointer<QWidget> oldLookUp = w().functionView(DeskFunction::LookUp);
    QPointer<QWidget> oldAreas = w().functionView(DeskFunction::AreaLists);
    QVERIFY(oldLookUp && oldAreas);
    QTest::keyClicks(m_desk->triage()->nhsField(), QStringLiteral("999000"));
    w().lock();
    QVERIFY(oldLookUp.isNull() && oldAreas.isNull());

    w().beginSignIn();
    ui::SignInDialog* dialog = w().signInDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* list = dialog->findChild<QListWidget*>(QStringLiteral("testUserList"));
    QVERIFY(list && list->currentRow() > 0);
    QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), first);
    const auto hv = m_desk->sandbox->signIn().user(first).value();
    QLabel* previous = label(dialog, "signInPreviousUser");
    QVERIFY(previous && previous->isVisible());
    QVERIFY2(previous->text().contains(hv.name) && previous->text().contains(hv.roleName),
             qPrintable(previous->text()));
    QVERIFY(!previous->accessibleName().isEmpty());

    // Someone else sits down: a fresh session, with new screens that hold nothing of the last.
    const QString other = QStringLiteral("school-nurse");
    signInToLookUp(*m_desk, other);
    QVERIFY(!w().isLocked());
    const auto sn = m_desk->sandbox->signIn().user(other).value();
    QVERIFY(label(&w(), "userLabel")->text().contains(sn.name));
    QWidget* areas = w().functionView(DeskFunction::AreaLists);
    QVERIFY(areas && areas != static_cast<QWidget*>(nullptr));
    QCOMPARE(qobject_cast<QLabel*>(areas)->text(), sn.name); // made for the new session
    QVERIFY(m_desk->triage()->nhsField()->text().isEmpty());
    QVERIFY(!anyContains(visibleText(&w()), hv.name));

    // After a sign-out no one is offered: the list starts at the top.
    w().signOut();
    w().beginSignIn();
    QVERIFY(w().signInDialog());
    QVERIFY(!label(w().signInDialog(), "signInPreviousUser"));
    QCOMPARE(
        w().signInDialog()->findChild<QListWidget*>(QStringLiteral("testUserList"))->currentRow(),
        0);
    w().signInDialog()->reject();
}

void TestDeskShell::liveSignInSaysWhoWasSignedIn()
{
    UserSession previous;
    previous.name = QStringLiteral("Amelia Hughes");
    previous.roleName = QStringLiteral("Triage Nurse");
    SignInSettings where;
    where.issuer = QStringLiteral("https://id.example");
    ui::SignInDialog live({where, {}, {}, false, {}, previous}, nullptr, nullptr);
    QLabel* said = label(&live, "signInPreviousUser");
    QVERIFY(said);
    QVERIFY2(said->text().contains(QStringLiteral("Amelia Hughes (Triage Nurse)")),
             qPrintable(said->text()));
    ui::SignInDialog fresh({where, {}, {}, false, {}, {}}, nullptr, nullptr);
    QVERIFY(!label(&fresh, "signInPreviousUser"));
}

void TestDeskShell::settingsPersistAndApplyTheIdleLock()
{
    QSettings(QSettings::UserScope).clear();
    w().openSettings();
    auto* dialog = w().findChild<QDialog*>(QStringLiteral("settingsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* idle = dialog->findChild<QSpinBox*>(QStringLiteral("settingsIdleLock"));
    QVERIFY(idle);
    QCOMPARE(idle->value(), 5); // the default
    idle->setFocus();
    idle->selectAll();
    QTest::keyClicks(idle, QStringLiteral("7"));
    // The site type is the administrator's: shown, never a control.
    QVERIFY(!dialog->findChild<QComboBox*>(QStringLiteral("settingsSite")));
    QSignalSpy saved(&w(), &MainWindow::settingsSaved);
    QTest::keyClick(idle, Qt::Key_Return); // the dialog's default button: Save
    QCOMPARE(saved.count(), 1);
    QCOMPARE(w().idleTimeoutMs(), 7 * 60 * 1000);
    QSettings stored;
    const ui::DeskSettings back = ui::DeskSettings::load(stored);
    QCOMPARE(back.idleLockMinutes, 7);
    QCOMPARE(back.profile, QStringLiteral("training"));
}

void TestDeskShell::inputRestartsTheIdleClock()
{
    ui::IdleLock idle(10000);
    QSignalSpy fired(&idle, &ui::IdleLock::idle);
    QLabel* user = label(&w(), "userLabel");
    QTest::keyClick(user, Qt::Key_1); // not armed: nothing to restart
    QVERIFY(!idle.isArmed());
    idle.arm();
    QTRY_VERIFY(idle.remainingMs() < 9700); // let some idle time pass
    QTest::keyClick(&w(), Qt::Key_Tab);     // any key anywhere in the application
    QVERIFY2(idle.remainingMs() > 9800, qPrintable(QString::number(idle.remainingMs())));
    QTRY_VERIFY(idle.remainingMs() < 9700);
    QTest::mouseClick(user, Qt::LeftButton);
    QVERIFY(idle.remainingMs() > 9800);
    idle.disarm();
    QVERIFY(!idle.isArmed());
    QCOMPARE(fired.count(), 0);
}

void TestDeskShell::localDirectoryEditAndRemoveFromKeyboard()
{
    QVERIFY(!openDirectory(w())); // not signed in: no one to answer for the edits
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
    ui::LocalDirectoryDialog* dir = openDirectory(w());
    QVERIFY(dir);
    QAbstractItemModelTester tester(dir->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    addEntry(dir, {QStringLiteral("SHE1"), QStringLiteral("a@sheffield.example"), QString()});
    addEntry(dir, {QStringLiteral("LEE1"), QStringLiteral("b@leeds.example"),
                   QStringLiteral("Phone first")});
    QCOMPARE(dir->model()->rowCount(), 2);
    QCOMPARE(dir->model()->entry(0).odsCode, QStringLiteral("LEE1")); // ordered by code

    QStringList unnamed;
    for (QWidget* c : dir->findChildren<QWidget*>())
        if (c->isVisible() && c->focusPolicy() != Qt::NoFocus && c->accessibleName().isEmpty())
            unnamed << QString::fromLatin1(c->metaObject()->className()) + u' ' + c->objectName();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

    // Enter on SHE1's row edits it; the code stays fixed.
    dir->view()->setCurrentIndex(dir->model()->index(dir->model()->rowOf("SHE1"), 0));
    QTest::keyClick(dir->view(), Qt::Key_Return);
    QTRY_VERIFY(entryDialog(dir));
    ui::DirectoryEntryDialog* edit = entryDialog(dir);
    QVERIFY(edit->findChild<QLineEdit*>(QStringLiteral("directoryOds"))->isReadOnly());
    auto* email = edit->findChild<QLineEdit*>(QStringLiteral("directoryEmail"));
    QCOMPARE(email->text(), QStringLiteral("a@sheffield.example"));
    email->selectAll();
    QTest::keyClicks(email, QStringLiteral("not-an-address"));
    QTest::keyClick(email, Qt::Key_Return); // refused: Save stays disabled
    QVERIFY(edit->isVisible());
    QVERIFY(!label(edit, "directoryEntryProblem")->text().isEmpty());
    email->selectAll();
    QTest::keyClicks(email, QStringLiteral("cpis@sheffield.example"));
    QTest::keyClick(email, Qt::Key_Return);
    QTRY_VERIFY(!entryDialog(dir));
    QCOMPARE(m_desk->stack->directory->find(QStringLiteral("SHE1")).value()->email,
             QStringLiteral("cpis@sheffield.example"));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(dir->view()));

    // Delete removes the selected row (LEE1), from the table and from the store.
    dir->view()->setCurrentIndex(dir->model()->index(dir->model()->rowOf("LEE1"), 0));
    QTest::keyClick(dir->view(), Qt::Key_Delete);
    QCOMPARE(dir->model()->rowCount(), 1);
    QCOMPARE(dir->model()->entry(0).odsCode, QStringLiteral("SHE1"));
    QVERIFY(!m_desk->stack->directory->find(QStringLiteral("LEE1")).value());

    // Locking closes it: a locked desk edits nothing.
    w().lock();
    QTRY_VERIFY(!w().findChild<ui::LocalDirectoryDialog*>());
    QCOMPARE(m_desk->stack->directory->all().value().size(), 1);
}

QTEST_MAIN(TestDeskShell)
#include "tst_deskshell.moc"
