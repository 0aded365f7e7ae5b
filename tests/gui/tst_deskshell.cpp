// The desk's shell against the in-process sandbox over loopback HTTP, driven with key events:
// sign-in, the role deciding the screens, lock, idle lock and the "nothing visible while
// locked" rule, settings, and the local directory tool. The look-up flow itself is
// tst_triagelookup.
#include "tests/gui/DeskSteps.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientBanner.h"
#include "ui/shell/IdleLock.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
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
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse")); // unlocking is a fresh sign-in
    QVERIFY(!w().isLocked());
    const QStringList actions = m_desk->auditActions();
    const QString unlock = AuditEntry::actionName(AuditEntry::Action::Unlock);
    QVERIFY(actions.contains(unlock));
    QCOMPARE(actions.last(), AuditEntry::actionName(AuditEntry::Action::SignIn));
    QCOMPARE(actions.at(actions.size() - 2), unlock);
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
