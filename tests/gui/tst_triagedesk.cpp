// The real triage window against the in-process sandbox over loopback HTTP, driven with
// key events as a nurse would: sign in, type a scenario number, Enter, confirm the banner,
// read the CP-IS section. Then lock, idle lock and the "nothing visible while locked" rule.
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "tests/support/TrainingDesk.h"
#include "ui/directory/DirectoryEntryDialog.h"
#include "ui/directory/LocalDirectoryDialog.h"
#include "ui/directory/LocalDirectoryModel.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientBanner.h"
#include "ui/shell/IdleLock.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/NhsNumberEdit.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace cpis;
using cpis::sandbox::SandboxServer;
using cpis::testsupport::quickTransport;
using cpis::testsupport::TrainingDesk;
using cpis::ui::CpisResultView;
using cpis::ui::MainWindow;
using Shown = CpisResultView::Shown;

namespace {

// Stand-ins for the role screens: each says which function and whose session made it.
QList<MainWindow::RoleView> stubRoleViews()
{
    QList<MainWindow::RoleView> views;
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

QLabel* label(QWidget* w, const char* name)
{
    return w->findChild<QLabel*>(QLatin1String(name));
}

// Every piece of text a visible widget shows or announces.
QStringList visibleText(QWidget* root)
{
    QStringList out;
    QList<QWidget*> all = root->findChildren<QWidget*>();
    all.prepend(root);
    for (QWidget* w : all) {
        if (!w->isVisible())
            continue;
        out << w->accessibleName() << w->accessibleDescription() << w->toolTip()
            << w->windowTitle();
        if (auto* l = qobject_cast<QLabel*>(w))
            out << l->text();
        if (auto* e = qobject_cast<QLineEdit*>(w))
            out << e->text() << e->placeholderText();
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            out << b->text();
        if (auto* v = qobject_cast<QAbstractItemView*>(w); v && v->model()) {
            const QAbstractItemModel* m = v->model();
            for (int r = 0; r < m->rowCount(); ++r)
                for (int c = 0; c < m->columnCount(); ++c)
                    out << m->data(m->index(r, c)).toString()
                        << m->data(m->index(r, c), Qt::AccessibleTextRole).toString();
        }
    }
    return out;
}

bool anyContains(const QStringList& texts, const QString& needle)
{
    for (const QString& t : texts)
        if (t.contains(needle, Qt::CaseInsensitive))
            return true;
    return false;
}

QImage iconFor(QWidget* w, QStyle::StandardPixmap p)
{
    return w->style()->standardIcon(p).pixmap(48, 48).toImage();
}

} // namespace

class TestTriageDesk : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_desk.reset(); }

    void signInShowsUserRoleAndOrganisation();
    void roleDecidesTheViews_data();
    void roleDecidesTheViews();
    void scenarios_data();
    void scenarios();
    void fromCacheAfterTheServiceStops();
    void helpPanelListsScenarios();
    void escClearsFieldAndPatient();
    void lockedDeskShowsNoPatientText();
    void everyControlHasAnAccessibleName();
    void settingsPersistAndApplyTheIdleLock();
    void inputRestartsTheIdleClock();
    void idleLockLocksAndUnlockSignsInAgain();
    void localDirectoryShowsOnPlanCards();
    void localDirectoryEditAndRemoveFromKeyboard();

private:
    ui::LocalDirectoryDialog* openDirectory();
    ui::DirectoryEntryDialog* entryDialog(ui::LocalDirectoryDialog* directory);
    void addEntry(ui::LocalDirectoryDialog* directory, const DirectoryEntry& e);
    void signIn(const QString& userId = QStringLiteral("triage-nurse"));
    void typeAndSearch(const QString& digits);
    void confirm();
    MainWindow& w() { return *m_desk->window; }
    std::unique_ptr<TrainingDesk> m_desk;
};

void TestTriageDesk::init()
{
    m_desk = std::make_unique<TrainingDesk>(ui::DeskSettings{}, quickTransport(),
                                            testsupport::Screens{{}, nullptr, stubRoleViews()});
    w().show();
    QVERIFY(QTest::qWaitForWindowExposed(&w()));
    QApplication::setActiveWindow(&w());
}

void TestTriageDesk::signIn(const QString& userId)
{
    testsupport::signInByKeyboard(w(), userId);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(w().nhsField()));
}

void TestTriageDesk::typeAndSearch(const QString& digits)
{
    ui::NhsNumberEdit* field = w().nhsField();
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(field->text().isEmpty());
    QTest::keyClicks(field, digits);
    QTest::keyClick(field, Qt::Key_Return);
}

void TestTriageDesk::confirm()
{
    QTest::keyClick(w().nhsField(), Qt::Key_Return, Qt::ControlModifier);
}

void TestTriageDesk::signInShowsUserRoleAndOrganisation()
{
    auto* marker = label(&w(), "trainingMarker");
    QVERIFY(marker && marker->isVisible());
    QCOMPARE(marker->text(), QStringLiteral("TRAINING: synthetic data"));
    QVERIFY(!w().isSignedIn());
    QVERIFY(!w().nhsField()->isVisible()); // nothing to look up before signing in
    signIn(QStringLiteral("health-visitor"));
    const auto u = m_desk->sandbox->signIn().user(QStringLiteral("health-visitor")).value();
    const QString who = label(&w(), "userLabel")->text();
    QVERIFY2(who.contains(u.name) && who.contains(u.roleName) && who.contains(u.orgName),
             qPrintable(who));
    QVERIFY(m_desk->auditActions().contains(AuditEntry::actionName(AuditEntry::Action::SignIn)));
}

void TestTriageDesk::roleDecidesTheViews_data()
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

void TestTriageDesk::roleDecidesTheViews()
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
    // Look-up is refused, not merely hidden, for a role without it.
    QCOMPARE(w().nhsField()->isVisible(), shown.contains(DeskFunction::LookUp));

    // A lock destroys the role screens with whatever they held.
    QList<QPointer<QWidget>> views;
    for (DeskFunction f : shown)
        if (f != DeskFunction::LookUp)
            views << w().functionView(f);
    w().lock();
    QVERIFY(w().shownFunctions().isEmpty());
    for (const QPointer<QWidget>& v : views)
        QVERIFY(v.isNull());
}

void TestTriageDesk::scenarios_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("cards");
    QTest::addColumn<QStringList>("mustSay"); // in the CP-IS section or the banner
    using L = QStringList;
    QTest::newRow("plans found") << "9990000018" << int(Shown::PlansFound) << 1
                                 << L{"CP-IS ALERT", "Child Protection Plan", "Ongoing"};
    QTest::newRow("looked after") << "9990000026" << int(Shown::PlansFound) << 1
                                  << L{"Looked After Child"};
    QTest::newRow("UCPP") << "9990000034" << int(Shown::PlansFound) << 1
                          << L{"Unborn Child Protection Plan", "Ends"};
    QTest::newRow("several plans") << "9990000042" << int(Shown::PlansFound) << 2
                                   << L{"2 plan", "ENDED", "Looked After Child"};
    QTest::newRow("ended plan") << "9990000050" << int(Shown::PlansFound) << 1
                                << L{"ENDED", "(all ended)"};
    QTest::newRow("no record") << "9990000069" << int(Shown::NoRecord) << 0
                               << L{"No CP-IS record found", "was checked for NHS No. 999 000 0069",
                                    "does not mean the child is safe"};
    QTest::newRow("restricted") << "9990000077" << int(Shown::PlansFound) << 1
                                << L{"Restricted record"};
    QTest::newRow("superseded") << "9990000085" << int(Shown::PlansFound) << 1
                                << L{"999 000 0085 has been replaced by 999 000 0093"};
    QTest::newRow("http-503") << "9990000190" << int(Shown::CouldNotCheck) << 0
                              << L{"COULD NOT BE CHECKED", "Follow local safeguarding procedure"};
    QTest::newRow("malformed") << "9990000212" << int(Shown::CouldNotCheck) << 0
                               << L{"COULD NOT BE CHECKED", "Follow local safeguarding procedure"};
    QTest::newRow("no person") << "9990000263" << int(Shown::CouldNotCheck) << 0
                               << L{"COULD NOT BE CHECKED", "Follow local safeguarding procedure"};
}

void TestTriageDesk::scenarios()
{
    QFETCH(QString, number);
    QFETCH(int, shown);
    QFETCH(int, cards);
    QFETCH(QStringList, mustSay);

    signIn();
    QSignalSpy answered(&w(), &MainWindow::lookupAnswered);
    typeAndSearch(number);
    QVERIFY(answered.wait(10000));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(w().nhsField()));

    CpisResultView* view = w().resultView();
    const bool traced = number != u"9990000263";
    if (traced) {
        // The banner first; the CP-IS section stays shut until the nurse confirms it.
        QVERIFY(w().banner()->isVisible());
        QVERIFY(w().awaitsConfirmation());
        QCOMPARE(view->shown(), Shown::Nothing);
        QVERIFY(!view->isVisible());
        confirm();
    }
    QCOMPARE(int(view->shown()), shown);
    QVERIFY(view->isVisible());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(w().nhsField()));

    const QList<QWidget*> planCards = view->findChildren<QWidget*>(QStringLiteral("planCard"));
    QCOMPARE(int(planCards.size()), cards);

    const QStringList texts = visibleText(&w());
    for (const QString& s : mustSay)
        QVERIFY2(anyContains(texts, s), qPrintable(number + QStringLiteral(": no '") + s + u'\''));
    if (shown == int(Shown::NoRecord))
        QVERIFY(!anyContains(texts, QStringLiteral("child is safe.")));

    const QString title = label(view, "cpisStateTitle")->text();
    QVERIFY(view->accessibleName().startsWith(title));
    const QImage icon = label(view, "cpisStateIcon")->pixmap().toImage();
    const QStyle::StandardPixmap expected =
        shown == int(Shown::PlansFound) ? QStyle::SP_MessageBoxWarning
        : shown == int(Shown::NoRecord) ? QStyle::SP_MessageBoxInformation
                                        : QStyle::SP_MessageBoxCritical;
    QCOMPARE(icon, iconFor(view, expected));

    if (shown != int(Shown::CouldNotCheck)) {
        auto* history = view->findChild<QTableView*>(QStringLiteral("accessHistoryView"));
        QVERIFY(history && history->isVisible());
        QAbstractItemModelTester tester(history->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(history->model()->rowCount() <= 25);
        if (cards > 0) // plan scenarios come with earlier looks (docs/sandbox.md)
            QVERIFY(history->model()->rowCount() >= 3);
    }
    if (cards > 0) {
        // Each plan carries its authority's numbers, each with a copy button.
        const auto copies =
            view->findChildren<QAbstractButton*>(QStringLiteral("emergencyDutyPhoneCopy"));
        QCOMPARE(int(copies.size()), cards);
        copies.first()->click();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY(copied.startsWith(QStringLiteral("07700 900")));
    }
}

void TestTriageDesk::fromCacheAfterTheServiceStops()
{
    signIn();
    QSignalSpy answered(&w(), &MainWindow::lookupAnswered);
    typeAndSearch(QStringLiteral("9990000018"));
    QVERIFY(answered.wait(10000));
    confirm();
    QVERIFY(!w().resultView()->showsCachedAnswer());

    m_desk->sandbox.reset(); // the national service goes away
    typeAndSearch(QStringLiteral("9990000018"));
    QVERIFY(answered.wait(10000));
    confirm();
    CpisResultView* view = w().resultView();
    QCOMPARE(view->shown(), Shown::PlansFound);
    QVERIFY(view->showsCachedAnswer());
    const QString notice = label(view, "cacheNotice")->text();
    QVERIFY2(notice.contains(QStringLiteral("as of ")), qPrintable(notice));
    QVERIFY(label(view, "cacheNotice")->isVisible());
    QVERIFY(view->accessibleName().contains(QStringLiteral("as of ")));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(w().nhsField()));
}

void TestTriageDesk::helpPanelListsScenarios()
{
    signIn();
    auto* list = w().findChild<QListWidget*>(QStringLiteral("scenarioList"));
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->count(), int(m_desk->sandbox->scenarios().scenarios().size()));
    QVERIFY(anyContains(visibleText(list), QStringLiteral("999 000 0018")));
    // Enter on a line puts its number in the field, ready to search.
    list->setFocus();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(w().nhsField()));
    QCOMPARE(w().nhsField()->text().remove(u' '), list->item(0)->data(Qt::UserRole).toString());
}

void TestTriageDesk::escClearsFieldAndPatient()
{
    signIn();
    QSignalSpy answered(&w(), &MainWindow::lookupAnswered);
    typeAndSearch(QStringLiteral("9990000018"));
    QVERIFY(answered.wait(10000));
    confirm();
    QVERIFY(w().resultView()->isVisible());
    QTest::keyClick(w().nhsField(), Qt::Key_Escape);
    QVERIFY(w().nhsField()->text().isEmpty());
    QVERIFY(!w().banner()->isVisible());
    QCOMPARE(w().resultView()->shown(), Shown::Nothing);
}

void TestTriageDesk::lockedDeskShowsNoPatientText()
{
    signIn();
    QSignalSpy answered(&w(), &MainWindow::lookupAnswered);
    typeAndSearch(QStringLiteral("9990000018"));
    QVERIFY(answered.wait(10000));
    confirm();
    // The walk finds the patient while unlocked, so it can find them while locked.
    const QStringList shown{QStringLiteral("Scenario-Cpp"), QStringLiteral("Lily"),
                            QStringLiteral("999 000 0018")};
    const QStringList before = visibleText(&w());
    for (const QString& n : shown)
        QVERIFY2(anyContains(before, n), qPrintable(n));
    const QStringList needles = shown + QStringList{QStringLiteral("9990000018")};

    QTest::keyClick(w().nhsField(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(w().isLocked());
    QVERIFY(!w().isSignedIn());
    QStringList after = visibleText(&w());
    for (QWidget* top : QApplication::topLevelWidgets())
        if (top->isVisible() && top != &w())
            after << visibleText(top);
    for (const QString& n : needles)
        QVERIFY2(!anyContains(after, n), qPrintable(n + QStringLiteral(" visible while locked")));
    // Cleared, not just covered: the hidden widgets hold nothing either.
    QVERIFY(w().nhsField()->text().isEmpty());
    QVERIFY(w().banner()->summaryText().isEmpty());
    QCOMPARE(w().resultView()->shown(), Shown::Nothing);
    QVERIFY(m_desk->auditActions().contains(AuditEntry::actionName(AuditEntry::Action::Lock)));
}

void TestTriageDesk::idleLockLocksAndUnlockSignsInAgain()
{
    signIn();
    QSignalSpy lockedSpy(&w(), &MainWindow::locked);
    w().setIdleTimeoutMs(150);
    QVERIFY(lockedSpy.wait(5000));
    QVERIFY(w().isLocked());
    signIn(); // unlocking is a fresh sign-in
    QVERIFY(!w().isLocked());
    const QStringList actions = m_desk->auditActions();
    const QString unlock = AuditEntry::actionName(AuditEntry::Action::Unlock);
    QVERIFY(actions.contains(unlock));
    QCOMPARE(actions.last(), AuditEntry::actionName(AuditEntry::Action::SignIn));
    QCOMPARE(actions.at(actions.size() - 2), unlock);
}

void TestTriageDesk::everyControlHasAnAccessibleName()
{
    signIn();
    QSignalSpy answered(&w(), &MainWindow::lookupAnswered);
    typeAndSearch(QStringLiteral("9990000042")); // two plan cards, copy buttons, history
    QVERIFY(answered.wait(10000));
    confirm();
    QStringList unnamed;
    for (QWidget* c : w().findChildren<QWidget*>()) {
        if (!c->isVisible() || c->focusPolicy() == Qt::NoFocus)
            continue;
        // Qt names a button or a (selectable) label by its text unless told otherwise.
        const auto* button = qobject_cast<QAbstractButton*>(c);
        const auto* text = qobject_cast<QLabel*>(c);
        if (c->accessibleName().isEmpty() && !(button && !button->text().isEmpty()) &&
            !(text && !text->text().isEmpty()))
            unnamed << QString::fromLatin1(c->metaObject()->className()) + u' ' + c->objectName();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestTriageDesk::settingsPersistAndApplyTheIdleLock()
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
    auto* site = dialog->findChild<QComboBox*>(QStringLiteral("settingsSite"));
    site->setCurrentIndex(1);
    QSignalSpy saved(&w(), &MainWindow::settingsSaved);
    QTest::keyClick(idle, Qt::Key_Return); // the dialog's default button: Save
    QCOMPARE(saved.count(), 1);
    QCOMPARE(w().idleTimeoutMs(), 7 * 60 * 1000);
    QSettings stored;
    const ui::DeskSettings back = ui::DeskSettings::load(stored);
    QCOMPARE(back.idleLockMinutes, 7);
    QCOMPARE(back.site, SiteType::ScheduledCare);
    QCOMPARE(back.environment, QStringLiteral("training"));
}

void TestTriageDesk::inputRestartsTheIdleClock()
{
    ui::IdleLock idle(10000);
    QSignalSpy fired(&idle, &ui::IdleLock::idle);
    QTest::keyClick(w().nhsField(), Qt::Key_1); // not armed: nothing to restart
    QVERIFY(!idle.isArmed());
    idle.arm();
    QTRY_VERIFY(idle.remainingMs() < 9700); // let some idle time pass
    QTest::keyClick(&w(), Qt::Key_Tab);     // any key anywhere in the application
    QVERIFY2(idle.remainingMs() > 9800, qPrintable(QString::number(idle.remainingMs())));
    QTRY_VERIFY(idle.remainingMs() < 9700);
    QTest::mouseClick(w().nhsField(), Qt::LeftButton);
    QVERIFY(idle.remainingMs() > 9800);
    idle.disarm();
    QVERIFY(!idle.isArmed());
    QCOMPARE(fired.count(), 0);
}

ui::LocalDirectoryDialog* TestTriageDesk::openDirectory()
{
    w().openLocalDirectory();
    ui::LocalDirectoryDialog* d = w().localDirectoryDialog();
    if (!d)
        return nullptr;
    if (!QTest::qWaitForWindowExposed(d))
        return nullptr;
    QApplication::setActiveWindow(d);
    d->view()->setFocus();
    return d;
}

ui::DirectoryEntryDialog* TestTriageDesk::entryDialog(ui::LocalDirectoryDialog* directory)
{
    // The entry dialog deletes itself later on close: take the one that is showing.
    for (auto* e : directory->findChildren<ui::DirectoryEntryDialog*>())
        if (e->isVisible())
            return e;
    return nullptr;
}

void TestTriageDesk::addEntry(ui::LocalDirectoryDialog* directory, const DirectoryEntry& e)
{
    QTest::keyClick(directory->view(), Qt::Key_Insert); // keyboard: Insert adds
    QTRY_VERIFY(entryDialog(directory));
    ui::DirectoryEntryDialog* d = entryDialog(directory);
    auto* ods = d->findChild<QLineEdit*>(QStringLiteral("directoryOds"));
    auto* email = d->findChild<QLineEdit*>(QStringLiteral("directoryEmail"));
    auto* notes = d->findChild<QPlainTextEdit*>(QStringLiteral("directoryNotes"));
    QVERIFY(ods && email && notes);
    for (QWidget* c :
         {static_cast<QWidget*>(ods), static_cast<QWidget*>(email), static_cast<QWidget*>(notes)})
        QVERIFY(!c->accessibleName().isEmpty());
    QTest::keyClicks(ods, e.odsCode);
    QTest::keyClicks(email, e.email);
    QTest::keyClicks(notes, e.notes);
    QTest::keyClick(email, Qt::Key_Return); // the dialog's default button: Save
    QTRY_VERIFY(!entryDialog(directory));
}

void TestTriageDesk::localDirectoryShowsOnPlanCards()
{
    signIn();
    ui::LocalDirectoryDialog* dir = openDirectory();
    QVERIFY(dir);
    QAbstractItemModelTester tester(dir->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const DirectoryEntry she{QStringLiteral("SHE1"), QStringLiteral("mash@sheffield.example"),
                             QStringLiteral("Secure email only; ask for the duty worker")};
    // Typed in lower case: the directory keys on the code as the national record spells it.
    addEntry(dir, {QStringLiteral("she1"), she.email, she.notes});
    QCOMPARE(dir->model()->rowCount(), 1);
    QCOMPARE(dir->model()->entry(0), she);
    auto stored = m_desk->stack->directory->find(QStringLiteral("SHE1"));
    QVERIFY(stored && stored.value());
    QCOMPARE(*stored.value(), she);
    QTest::keyClick(dir->view(), Qt::Key_Escape);
    QTRY_VERIFY(!w().localDirectoryDialog());
    QApplication::setActiveWindow(&w());

    // Sheffield (SHE1) holds the plan of 999 000 0018: its card carries the entry.
    QSignalSpy answered(&w(), &MainWindow::lookupAnswered);
    typeAndSearch(QStringLiteral("9990000018"));
    QVERIFY(answered.wait(10000));
    confirm();
    CpisResultView* view = w().resultView();
    QCOMPARE(view->shown(), Shown::PlansFound);
    auto* card = view->findChild<QWidget*>(QStringLiteral("planCard"));
    QVERIFY(card);
    QLabel* email = label(card, "localEmail");
    QLabel* notes = label(card, "localNotes");
    QVERIFY(email && email->isVisible());
    QVERIFY(notes && notes->isVisible());
    QCOMPARE(email->text(), she.email);
    QCOMPARE(notes->text(), she.notes);
    QVERIFY(anyContains(visibleText(card), QStringLiteral("local directory")));
    QVERIFY(card->accessibleDescription().contains(she.email));
    // Under the LA's phone numbers, not mixed in with them.
    auto* grid = qobject_cast<QGridLayout*>(card->layout());
    QVERIFY(grid);
    int phoneRow = -1, emailRow = -1, rs = 0, c = 0, cs = 0;
    grid->getItemPosition(grid->indexOf(label(card, "emergencyDutyPhone")), &phoneRow, &c, &rs,
                          &cs);
    grid->getItemPosition(grid->indexOf(email), &emailRow, &c, &rs, &cs);
    QVERIFY2(emailRow > phoneRow, qPrintable(QStringLiteral("%1 %2").arg(emailRow).arg(phoneRow)));
    auto* copy = card->findChild<QAbstractButton*>(QStringLiteral("localEmailCopy"));
    QVERIFY(copy && copy->isVisible());
    QVERIFY(!copy->accessibleName().isEmpty());
    QApplication::clipboard()->clear();
    copy->click();
    QCOMPARE(QApplication::clipboard()->text(), she.email);

    // Leeds (LEE1) has no entry: that card shows nothing from the directory.
    typeAndSearch(QStringLiteral("9990000026"));
    QVERIFY(answered.wait(10000));
    confirm();
    QCOMPARE(view->shown(), Shown::PlansFound);
    card = view->findChild<QWidget*>(QStringLiteral("planCard"));
    QVERIFY(card);
    QVERIFY(!label(card, "localEmail"));
    QVERIFY(!label(card, "localNotes"));
    QVERIFY(!card->findChild<QAbstractButton*>(QStringLiteral("localEmailCopy")));
    QVERIFY(!anyContains(visibleText(&w()), QStringLiteral("local directory")));
    QVERIFY(!anyContains(visibleText(&w()), she.email));
}

void TestTriageDesk::localDirectoryEditAndRemoveFromKeyboard()
{
    QVERIFY(!openDirectory()); // not signed in: no one to answer for the edits
    signIn();
    ui::LocalDirectoryDialog* dir = openDirectory();
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
    QTRY_VERIFY(!w().localDirectoryDialog());
    QCOMPARE(m_desk->stack->directory->all().value().size(), 1);
}

QTEST_MAIN(TestTriageDesk)
#include "tst_triagedesk.moc"
