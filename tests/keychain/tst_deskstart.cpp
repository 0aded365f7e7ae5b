// The desk as cpis-desk opens it (app/desk's Desk::open and show(), exactly as main.cpp calls
// them: training mode, the keychain of the test's private keyring): a look-up stops at the
// banner with CP-IS unasked, and only the user's confirmation asks CP-IS and opens the section.
// Nothing in the shipped wiring may confirm on the user's behalf.
#include "app/desk/Desk.h"
#include "core/audit/AuditEntry.h"
#include "core/audit/AuditLog.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/profile/AdministratorFile.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/server/SandboxServer.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using cpis::desk::Desk;
using cpis::ui::MainWindow;

class TestDeskStart : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void lookUpWaitsForTheBannerConfirmation();
    void siteAndProfileAreTheAdministratorsAndAChangeIsAudited();
    void numberHeldForALockedDeskExpires();
};

namespace {

// Every CP-IS call the sandbox answered (CareTeam searches and access histories).
int cpisCalls(cpis::sandbox::SandboxServer& sandbox)
{
    const auto& c = sandbox.accessLog().calls();
    return c.declaredUnscheduled + c.declaredSilent;
}

QList<cpis::AuditEntry> auditEntries(Desk& desk)
{
    QList<cpis::AuditEntry> all;
    (void)desk.services().store().audit().forEach([&](const cpis::AuditEntry& e) {
        all.append(e);
        return true;
    });
    return all;
}

// In the sign-in dialog the window has open: the triage nurse, chosen by keyboard, and Enter.
bool signInAsTriageNurse(MainWindow& w)
{
    if (!QTest::qWaitFor([&] { return w.signInDialog() && w.signInDialog()->isVisible(); }))
        return false;
    auto* users = w.signInDialog()->findChild<QListWidget*>(QStringLiteral("testUserList"));
    if (!users)
        return false;
    users->setFocus();
    users->setCurrentRow(0);
    for (int i = 0; i < users->count() &&
                    users->currentItem()->data(Qt::UserRole) != QStringLiteral("triage-nurse");
         ++i)
        QTest::keyClick(users, Qt::Key_Down);
    QSignalSpy signedIn(&w, &MainWindow::signedIn);
    QTest::keyClick(users, Qt::Key_Return);
    return signedIn.wait(10000);
}

} // namespace

// Hazard H01 (wrong patient): the desk cpis-desk opens asks CP-IS, and so notifies the local
// authority, only after the nurse's Ctrl+Enter on the banner; "Not this person" asks nothing
// and is recorded once. Driven by keystrokes, read from the sandbox's own counters.
void TestDeskStart::lookUpWaitsForTheBannerConfirmation()
{
    QTemporaryDir store;
    QVERIFY(store.isValid());
    Desk::Options options;
    options.training = true;
    options.storeDirectory = store.path();
    cpis::SystemClock clock;
    auto opened = Desk::open(options, clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
    Desk& desk = *opened.value();
    MainWindow& w = desk.window();
    QVERIFY(desk.sandbox());
    cpis::sandbox::SandboxServer& sandbox = *desk.sandbox();

    // The desk opens with the sign-in dialog; the triage nurse, chosen by keyboard.
    desk.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY(w.signInDialog() && w.signInDialog()->isVisible());
    auto* users = w.signInDialog()->findChild<QListWidget*>(QStringLiteral("testUserList"));
    QVERIFY(users);
    users->setFocus();
    users->setCurrentRow(0);
    for (int i = 0; i < users->count() &&
                    users->currentItem()->data(Qt::UserRole) != QStringLiteral("triage-nurse");
         ++i)
        QTest::keyClick(users, Qt::Key_Down);
    QSignalSpy signedIn(&w, &MainWindow::signedIn);
    QTest::keyClick(users, Qt::Key_Return);
    QVERIFY(signedIn.wait(10000));
    QApplication::setActiveWindow(&w);

    auto* field = w.findChild<QLineEdit*>(QStringLiteral("nhsNumberField"));
    QVERIFY(field);
    auto* triage = qobject_cast<cpis::ui::TriageView*>(w.functionView(cpis::DeskFunction::LookUp));
    QVERIFY(triage);
    auto* section = w.findChild<QWidget*>(QStringLiteral("cpisSection"));
    auto* confirmBar = w.findChild<QWidget*>(QStringLiteral("confirmBar"));
    auto* banner = w.findChild<QWidget*>(QStringLiteral("patientBanner"));
    QVERIFY(section && confirmBar && banner);
    QSignalSpy answered(triage, &cpis::ui::TriageView::lookupAnswered);
    QSignalSpy shown(triage, &cpis::ui::TriageView::resultShown);
    const int callsAtStart = cpisCalls(sandbox);
    const int noticesAtStart = sandbox.accessLog().notificationCount();
    const auto lookUps = [&] {
        int n = 0;
        for (const cpis::AuditEntry& e : auditEntries(desk))
            n += e.action == cpis::AuditEntry::Action::LookUp ? 1 : 0;
        return n;
    };
    QCOMPARE(lookUps(), 0);

    // A child on a plan: Enter traces on PDS; the banner waits, CP-IS has heard nothing.
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("9990000018"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(answered.wait(10000));
    QVERIFY(triage->awaitsConfirmation());
    QVERIFY(banner->isVisible());
    QVERIFY(confirmBar->isVisible());
    QVERIFY(!section->isVisible());
    // Whatever else the desk does once the trace is in (queued calls, zero-delay timers), it
    // neither confirms by itself nor asks CP-IS: run all of it, without waiting on a clock.
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(shown.count(), 0);
    QVERIFY(triage->awaitsConfirmation());
    QVERIFY(!section->isVisible());
    QCOMPARE(cpisCalls(sandbox), callsAtStart);
    QCOMPARE(sandbox.accessLog().notificationCount(), noticesAtStart);

    // The nurse's Ctrl+Enter asks CP-IS once; the triage nurse at an unscheduled-care site
    // notifies Sheffield, and the section says so.
    QTest::keyClick(field, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(shown.count(), 1);
    QVERIFY(section->isVisible());
    QVERIFY(!triage->awaitsConfirmation());
    QVERIFY(cpisCalls(sandbox) > callsAtStart);
    QCOMPARE(sandbox.accessLog().notificationCount(), noticesAtStart + 1);
    auto* notified = w.findChild<QLabel*>(QStringLiteral("cpisNotification"));
    QVERIFY(notified && notified->isVisible());
    QVERIFY2(notified->text().contains(QStringLiteral("was notified")),
             qPrintable(notified->text()));
    QCOMPARE(lookUps(), 1);

    // The same number again, and this time the banner is not the person in front of the nurse.
    const int callsBefore = cpisCalls(sandbox);
    const int noticesBefore = sandbox.accessLog().notificationCount();
    const int entriesBefore = int(auditEntries(desk).size());
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(!section->isVisible()); // Esc: nothing of the last look-up stays
    QTest::keyClicks(field, QStringLiteral("9990000018"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(answered.wait(10000));
    QVERIFY(triage->awaitsConfirmation());
    QSignalSpy rejected(triage, &cpis::ui::TriageView::rejected);
    auto* notThem = w.findChild<QAbstractButton*>(QStringLiteral("rejectBannerButton"));
    QVERIFY(notThem && notThem->isVisible());
    QVERIFY(!notThem->accessibleName().isEmpty());
    QTest::keyClick(field, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(rejected.count(), 1);
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(cpisCalls(sandbox), callsBefore);
    QCOMPARE(sandbox.accessLog().notificationCount(), noticesBefore);
    const QList<cpis::AuditEntry> after = auditEntries(desk);
    QCOMPARE(int(after.size()), entriesBefore + 1);
    QCOMPARE(after.last().action, cpis::AuditEntry::Action::LookUp);
    QCOMPARE(after.last().outcome, cpis::AuditEntry::Outcome::Cancelled);
    QCOMPARE(after.last().outcomeDetail, QStringLiteral("identity-rejected"));
    QCOMPARE(after.last().nhsNumber, QStringLiteral("9990000018"));
    // The screen is cleared and the nurse is back in the empty field.
    QVERIFY(!banner->isVisible());
    QVERIFY(!section->isVisible());
    QVERIFY(!confirmBar->isVisible());
    QVERIFY(field->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(field));
    QCOMPARE(shown.count(), 1);
}

// The site type decides whether a look-up notifies the local authority, and the profile where
// patient data goes: the settings dialog shows them and offers no way to change them, and what
// the administrator's file changes is in the audit log at the next start.
void TestDeskStart::siteAndProfileAreTheAdministratorsAndAChangeIsAudited()
{
    QTemporaryDir store;
    QVERIFY(store.isValid());
    cpis::SystemClock clock;
    const auto openWith = [&](const QByteArray& adminText) {
        Desk::Options options;
        options.storeDirectory = store.path();
        auto admin = cpis::AdministratorFile::parse(adminText, QStringLiteral("desk.conf"));
        if (!admin)
            qFatal("%s", qPrintable(admin.error()));
        options.admin = admin.value();
        // A choice the user saved once, which the administrator no longer allows.
        options.settings.profile = QStringLiteral("live");
        return Desk::open(options, clock);
    };

    auto opened = openWith("[desk]\nsite = scheduled\nprofiles = training\n");
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
    {
        Desk& desk = *opened.value();
        QVERIFY(desk.sandbox()); // the administrator's default, not the user's stale choice
        QCOMPARE(desk.services().config().site(), cpis::SiteType::ScheduledCare);
        QVERIFY(desk.window().windowTitle().contains(QStringLiteral("TRAINING")));
        auto first = desk.services().store().audit().latestConfiguration();
        QVERIFY(first.ok() && first.value().has_value());
        QVERIFY2(first.value()->outcomeDetail.contains(QStringLiteral("site=scheduled")),
                 qPrintable(first.value()->outcomeDetail));
        QCOMPARE(first.value()->environment, QStringLiteral("training"));

        desk.window().openSettings();
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = desk.window().findChild<QDialog*>(
                         QStringLiteral("settingsDialog"))) != nullptr &&
                    dialog->isVisible());
        // The site type is text to read, not a control.
        auto* site = dialog->findChild<QWidget*>(QStringLiteral("settingsSite"));
        QVERIFY(site);
        QVERIFY(qobject_cast<QLabel*>(site));
        QVERIFY(qobject_cast<QLabel*>(site)->text().startsWith(QStringLiteral("Scheduled care")));
        // One allowed profile: nothing to choose, and nothing to type an address into.
        auto* profile = dialog->findChild<QComboBox*>(QStringLiteral("settingsProfile"));
        QVERIFY(profile);
        QCOMPARE(profile->count(), 1);
        QVERIFY(!profile->isEnabled());
        for (const QLineEdit* edit : dialog->findChildren<QLineEdit*>()) // spin boxes' own only
            QVERIFY(qobject_cast<QAbstractSpinBox*>(edit->parentWidget()));
        dialog->reject();
    }
    opened.value().reset();

    // The administrator makes it an unscheduled site: recorded once, at the next start.
    opened = openWith("[desk]\nsite = unscheduled\nprofiles = training\n");
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
    auto second = opened.value()->services().store().audit().latestConfiguration();
    QVERIFY(second.ok() && second.value().has_value());
    QVERIFY(second.value()->outcomeDetail.contains(QStringLiteral("site=unscheduled")));
    QVERIFY(second.value()->reason.contains(QStringLiteral("changed")));
    QCOMPARE(opened.value()->services().config().site(), cpis::SiteType::UnscheduledCare);
    auto verdict = opened.value()->services().store().audit().verify();
    QVERIFY(verdict.ok() && verdict->ok());
}

// A number handed to a locked desk (an ED system, a cpis: link) waits for the sign-in by the
// desk's clock for at most Desk::kLaunchHoldSecs: the nurse who unlocks later starts on an
// empty screen, and PDS is not asked for a number nobody is waiting for any more.
void TestDeskStart::numberHeldForALockedDeskExpires()
{
    QTemporaryDir store;
    QVERIFY(store.isValid());
    Desk::Options options;
    options.training = true;
    options.storeDirectory = store.path();
    cpis::ManualClock clock(QDateTime::currentDateTimeUtc());
    auto opened = Desk::open(options, clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
    Desk& desk = *opened.value();
    MainWindow& w = desk.window();
    QVERIFY(desk.sandbox());
    const auto pdsReads = [&] { return desk.sandbox()->accessLog().calls().pdsReads; };
    desk.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(signInAsTriageNurse(w));
    const int before = pdsReads();

    // Handed over well within the hold: looked up at the nurse's sign-in. (The desk's clock is
    // set back for the hand-over, not forward for the sign-in, whose tokens carry real times.)
    w.lock();
    QByteArray outcome;
    clock.set(QDateTime::currentDateTimeUtc().addSecs(-(Desk::kLaunchHoldSecs - 20)));
    desk.lookUpFromLaunch(cpis::NhsNumber::parse(QStringLiteral("9990000018")).value(),
                          [&](const QByteArray& o) { outcome = o; });
    QCOMPARE(outcome, QByteArray("waiting-for-sign-in"));
    QCOMPARE(pdsReads(), before);
    clock.set(QDateTime::currentDateTimeUtc());
    w.beginSignIn();
    QVERIFY(signInAsTriageNurse(w));
    QTRY_COMPARE(pdsReads(), before + 1);
    auto* triage = qobject_cast<cpis::ui::TriageView*>(w.functionView(cpis::DeskFunction::LookUp));
    QVERIFY(triage);
    QTRY_VERIFY(triage->awaitsConfirmation());

    // Handed over a second more than the hold ago: dropped. The nurse's own look-up is the only
    // trace after her sign-in.
    w.lock();
    clock.set(QDateTime::currentDateTimeUtc().addSecs(-(Desk::kLaunchHoldSecs + 1)));
    desk.lookUpFromLaunch(cpis::NhsNumber::parse(QStringLiteral("9990000026")).value(),
                          [&](const QByteArray& o) { outcome = o; });
    QCOMPARE(outcome, QByteArray("waiting-for-sign-in"));
    clock.set(QDateTime::currentDateTimeUtc());
    w.beginSignIn();
    QVERIFY(signInAsTriageNurse(w));
    triage = qobject_cast<cpis::ui::TriageView*>(w.functionView(cpis::DeskFunction::LookUp));
    QVERIFY(triage);
    auto* field = triage->findChild<QLineEdit*>(QStringLiteral("nhsNumberField"));
    QVERIFY(field);
    QSignalSpy answered(triage, &cpis::ui::TriageView::lookupAnswered);
    QTest::keyClicks(field, QStringLiteral("9990000034"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(answered.wait(10000));
    QCOMPARE(answered.count(), 1);
    QCOMPARE(pdsReads(), before + 2);
    QCOMPARE(field->text().remove(u' '), QStringLiteral("9990000034"));
}

QTEST_MAIN(TestDeskStart)
#include "tst_deskstart.moc"
