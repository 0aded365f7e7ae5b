// The real triage window against the in-process sandbox over loopback HTTP, driven with
// key events as a nurse would: sign in, type a scenario number, Enter, confirm the banner,
// read the CP-IS section. Then lock, idle lock and the "nothing visible while locked" rule.
#include "CpisResultView.h"
#include "IdleLock.h"
#include "MainWindow.h"
#include "NhsNumberEdit.h"
#include "PatientBanner.h"
#include "SandboxServer.h"
#include "ScenarioCatalogue.h"
#include "SignInService.h"
#include "support/MemoryDesk.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace cpis;
using cpis::sandbox::SandboxServer;
using cpis::testsupport::MemoryDesk;
using cpis::ui::CpisResultView;
using cpis::ui::MainWindow;
using Shown = CpisResultView::Shown;

namespace {

struct Desk
{
    std::unique_ptr<SandboxServer> sandbox;
    std::unique_ptr<MemoryDesk> stack;
    std::unique_ptr<MainWindow> window;

    Desk()
    {
        sandbox = std::make_unique<SandboxServer>(SandboxServer::Options{});
        if (!sandbox->start())
            qFatal("sandbox did not start");
        FhirTransport::Settings s;
        s.stallTimeout = std::chrono::milliseconds(2500);
        s.totalTimeout = std::chrono::milliseconds(4500);
        stack = std::make_unique<MemoryDesk>(sandbox->baseUrl(), s);
        MainWindow::Environment env;
        env.serviceUrl = sandbox->baseUrl();
        env.training = true;
        for (const auto& u : sandbox->signIn().users())
            env.testUsers.append({u.id, u.name, u.roleName, u.orgName});
        for (const auto& sc : sandbox->scenarios().scenarios())
            env.scenarios.append({sc.nhsNumber, sc.title});
        MainWindow::Services deps{stack->lookups.get(), &stack->nam, &stack->clock,
                                  [this](const UserSession& who, const AccessEvent& ev) {
                                      return stack->auditor->record(who, ev);
                                  }};
        window = std::make_unique<MainWindow>(env, deps, ui::DeskSettings{});
    }
    ~Desk()
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
};

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

private:
    void signIn(const QString& userId = QStringLiteral("triage-nurse"));
    void typeAndSearch(const QString& digits);
    void confirm();
    MainWindow& w() { return *m_desk->window; }
    std::unique_ptr<Desk> m_desk;
};

void TestTriageDesk::init()
{
    m_desk = std::make_unique<Desk>();
    w().show();
    QVERIFY(QTest::qWaitForWindowExposed(&w()));
    QApplication::setActiveWindow(&w());
}

void TestTriageDesk::signIn(const QString& userId)
{
    w().beginSignIn();
    ui::SignInDialog* dialog = w().signInDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* list = dialog->findChild<QListWidget*>(QStringLiteral("testUserList"));
    QVERIFY(list);
    QVERIFY(!list->accessibleName().isEmpty());
    // Keyboard only: from the top of the list, arrow down to the user, then Enter.
    list->setFocus();
    list->setCurrentRow(0);
    for (int i = 0; i < list->count() && list->currentItem()->data(Qt::UserRole) != userId; ++i)
        QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), userId);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(w().isSignedIn(), 10000);
    QTRY_VERIFY(!w().signInDialog());
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

QTEST_MAIN(TestTriageDesk)
#include "tst_triagedesk.moc"
