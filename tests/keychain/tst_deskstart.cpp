// The desk as cpis-desk opens it (app/desk's Desk, training mode, the keychain of the test's
// private keyring): a look-up stops at the banner, and only the user's confirmation opens the
// CP-IS section. Nothing in the shipped wiring may confirm on the user's behalf.
#include "app/desk/Desk.h"
#include "core/domain/Clock.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
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

QTEST_MAIN(TestDeskStart)
#include "tst_deskstart.moc"
