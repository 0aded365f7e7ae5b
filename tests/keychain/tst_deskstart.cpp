// The desk as cpis-desk opens it (app/desk's Desk, training mode, the keychain of the test's
// private keyring): a look-up stops at the banner, and only the user's confirmation opens the
// CP-IS section. Nothing in the shipped wiring may confirm on the user's behalf.
#include "app/desk/Desk.h"
#include "core/audit/AuditLog.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/profile/AdministratorFile.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"

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
};

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

    // A number with a plan: the banner shows, the CP-IS section stays shut.
    auto* field = w.findChild<QLineEdit*>(QStringLiteral("nhsNumberField"));
    QVERIFY(field);
    auto* triage = qobject_cast<cpis::ui::TriageView*>(w.functionView(cpis::DeskFunction::LookUp));
    QVERIFY(triage);
    QSignalSpy answered(triage, &cpis::ui::TriageView::lookupAnswered);
    QSignalSpy shown(triage, &cpis::ui::TriageView::resultShown);
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("9990000018"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(answered.wait(10000));
    QVERIFY(triage->awaitsConfirmation());
    auto* section = w.findChild<QWidget*>(QStringLiteral("cpisSection"));
    auto* confirmBar = w.findChild<QWidget*>(QStringLiteral("confirmBar"));
    QVERIFY(section && confirmBar);
    QVERIFY(confirmBar->isVisible());
    QVERIFY(!section->isVisible());
    // Whatever else the desk does once the answer is in (queued calls, zero-delay timers), it
    // does not confirm by itself: run all of it, without waiting on a clock.
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(shown.count(), 0);
    QVERIFY(triage->awaitsConfirmation());
    QVERIFY(!section->isVisible());

    // The user's Ctrl+Enter opens it.
    QTest::keyClick(field, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(shown.count(), 1);
    QVERIFY(section->isVisible());
    QVERIFY(!triage->awaitsConfirmation());
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

QTEST_MAIN(TestDeskStart)
#include "tst_deskstart.moc"
