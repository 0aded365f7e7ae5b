// New-notice alerts on a desktop without a system tray (GNOME, Debian's default), with the
// desk's own TrayNotifier: through the freedesktop notification service on the session bus
// (a stand-in registered here, on the private bus tests/support/with-private-bus.sh gives this
// test), counts only; and, with no such service, in the window title and the New tab. Either
// way the new rows are marked until opened.
#include "tests/support/TrainingDesk.h"
#include "ui/notices/NoticeModel.h"
#include "ui/notices/NoticesView.h"
#include "ui/shell/FreedesktopNotifier.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/TrayNotifier.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace cpis;
using cpis::ui::MainWindow;
using cpis::ui::NoticesView;

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kOwnConnection = QStringLiteral("stand-in-notification-service");

} // namespace

// A notification service as a desktop offers it, recording each Notify call.
class StandInNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString app, summary, body;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Call> calls;

public slots:
    uint Notify(const QString& app,
                uint replacesId,
                const QString& icon,
                const QString& summary,
                const QString& body,
                const QStringList& actions,
                const QVariantMap& hints,
                int timeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(icon)
        Q_UNUSED(actions)
        calls.append({app, summary, body, hints, timeout});
        return uint(calls.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("body")}; }
};

namespace {

struct NotifierFirst
{
    ui::TrayNotifier notifier{QIcon(), QDBusConnection::sessionBus()};
};

// The desk with the notices screen, alerting through the desk's own TrayNotifier.
struct Desk : NotifierFirst, testsupport::TrainingDesk
{
    Desk()
        : TrainingDesk(ui::DeskSettings{},
                       testsupport::quickTransport(),
                       {{DeskFunction::Notices}, &notifier, {}})
    {}
};

int freshRows(const QAbstractItemModel* m)
{
    int n = 0;
    for (int r = 0; r < m->rowCount(); ++r)
        n += m->index(r, 0).data(ui::NoticeModel::FreshRole).toBool() ? 1 : 0;
    return n;
}

} // namespace

class TestNoticesAlert : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void notifierUsesTheServiceOnlyWhenThereIsOne();
    void alertGoesToTheNotificationService();
    void withoutAServiceTheWindowSaysIt();
    void lockPutsTheTitleBack();

private:
    void startStandIn();
    NoticesView* openDeskAndSignIn();
    std::unique_ptr<Desk> m_desk;
    std::unique_ptr<StandInNotifications> m_standIn;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestNoticesAlert::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "no session bus: run under tests/support/with-private-bus.sh");
    // What this test is about: a desktop with no tray.
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService).value());
}

void TestNoticesAlert::cleanup()
{
    m_tester.reset();
    m_desk.reset();
    if (m_standIn) {
        QDBusConnection own(kOwnConnection);
        QVERIFY(own.unregisterService(kService));
        own.unregisterObject(kPath);
        QDBusConnection::disconnectFromBus(kOwnConnection);
        m_standIn.reset();
    }
}

void TestNoticesAlert::startStandIn()
{
    m_standIn = std::make_unique<StandInNotifications>();
    // A connection of its own, so that the desk's calls cross the bus as they would to a
    // desktop's service.
    QDBusConnection own =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, kOwnConnection);
    QVERIFY(own.isConnected());
    QVERIFY(own.registerObject(kPath, m_standIn.get(), QDBusConnection::ExportAllSlots));
    QVERIFY(own.registerService(kService));
}

NoticesView* TestNoticesAlert::openDeskAndSignIn()
{
    m_desk = std::make_unique<Desk>();
    MainWindow& w = *m_desk->window;
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return nullptr;
    QSignalSpy signedIn(&w, &MainWindow::signedIn);
    w.signInAs(QStringLiteral("social-worker"));
    if (!signedIn.wait(10000))
        return nullptr;
    auto* view = qobject_cast<NoticesView*>(w.functionView(DeskFunction::Notices));
    if (!view)
        return nullptr;
    m_tester = std::make_unique<QAbstractItemModelTester>(
        view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    if (!QTest::qWaitFor([&] { return view->service().state().lastSuccessUtc.isValid(); }, 10000))
        return nullptr;
    return view;
}

void TestNoticesAlert::notifierUsesTheServiceOnlyWhenThereIsOne()
{
    ui::FreedesktopNotifier notifier(QDBusConnection::sessionBus());
    QVERIFY(!notifier.isAvailable());
    QVERIFY(!notifier.notify(QStringLiteral("CP-IS Desk"), QStringLiteral("1 new")));
    startStandIn();
    QVERIFY(notifier.isAvailable());
    QVERIFY(notifier.notify(QStringLiteral("CP-IS Desk"), QStringLiteral("1 new")));
    QTRY_COMPARE(m_standIn->calls.size(), 1);
    QCOMPARE(m_standIn->calls.first().app, QStringLiteral("CP-IS Desk"));
    QCOMPARE(m_standIn->calls.first().body, QStringLiteral("1 new"));
}

void TestNoticesAlert::alertGoesToTheNotificationService()
{
    startStandIn();
    const QString plainTitle = [] {
        Desk probe;
        return probe.window->windowTitle();
    }();
    NoticesView* view = openDeskAndSignIn();
    QVERIFY(view);
    QTRY_COMPARE(m_standIn->calls.size(), 1);
    const StandInNotifications::Call& call = m_standIn->calls.first();
    const QString text = call.summary + u' ' + call.body;
    QVERIFY2(text.contains(QStringLiteral("3 new attendance notice")), qPrintable(text));
    // Counts only: it may show on a locked or shared screen.
    for (const char* never :
         {"999", "Amelia", "Omar", "Tom", "Sheffield", "Sandbox", "RX1", "RX3", "SHE1"})
        QVERIFY2(!text.contains(QLatin1String(never)), never);
    QCOMPARE(call.app, QStringLiteral("CP-IS Desk"));

    // The desktop took it: the window is left as it was, and the new rows are marked.
    QCOMPARE(m_desk->window->windowTitle(), plainTitle);
    auto* tabs = view->findChild<QTabBar*>(QStringLiteral("noticesStatusTabs"));
    QVERIFY(tabs);
    QVERIFY(!tabs->tabTextColor(0).isValid());
    QCOMPARE(freshRows(view->model()), 3);
}

void TestNoticesAlert::withoutAServiceTheWindowSaysIt()
{
    NoticesView* view = openDeskAndSignIn();
    QVERIFY(view);
    MainWindow& w = *m_desk->window;
    QTRY_VERIFY(w.windowTitle().startsWith(QStringLiteral("(3 new) ")));
    const QString plainTitle = w.windowTitle().mid(QStringLiteral("(3 new) ").size());
    QVERIFY(plainTitle.startsWith(QStringLiteral("CP-IS Desk")));
    auto* tabs = view->findChild<QTabBar*>(QStringLiteral("noticesStatusTabs"));
    QVERIFY(tabs);
    QVERIFY(tabs->tabTextColor(0).isValid()); // the count is highlighted
    QVERIFY2(tabs->tabToolTip(0).startsWith(QStringLiteral("3 notice")),
             qPrintable(tabs->tabToolTip(0)));

    // The new rows are marked (bold, a mark, and said so), until each is opened.
    auto* table = view->findChild<QTableView*>(QStringLiteral("noticesTable"));
    QVERIFY(table);
    const QAbstractItemModel* m = table->model();
    QCOMPARE(freshRows(m), 3);
    QVERIFY(m->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(m->index(0, 0)
                .data(Qt::AccessibleTextRole)
                .toString()
                .startsWith(QStringLiteral("Just arrived: ")));
    table->setFocus();
    table->setCurrentIndex(m->index(1, 0));
    QCOMPARE(freshRows(m), 3); // selecting is not opening
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(freshRows(m), 2);
    QVERIFY(!m->index(1, 0).data(ui::NoticeModel::FreshRole).toBool());
    QVERIFY(!m->index(1, 0).data(Qt::FontRole).isValid());
    QCOMPARE(w.windowTitle(), QStringLiteral("(2 new) ") + plainTitle);
    for (int r : {0, 2}) {
        table->setCurrentIndex(m->index(r, 0));
        QTest::keyClick(table, Qt::Key_Return);
    }
    QCOMPARE(freshRows(m), 0);
    QCOMPARE(w.windowTitle(), plainTitle);
    QVERIFY(!tabs->tabTextColor(0).isValid());
    QVERIFY(tabs->tabToolTip(0).isEmpty());
}

void TestNoticesAlert::lockPutsTheTitleBack()
{
    NoticesView* view = openDeskAndSignIn();
    QVERIFY(view);
    MainWindow& w = *m_desk->window;
    QTRY_VERIFY(w.windowTitle().startsWith(QStringLiteral("(3 new) ")));
    const QString plainTitle = w.windowTitle().mid(QStringLiteral("(3 new) ").size());
    m_tester.reset();
    w.lock(); // the screen goes, and with it what it said in the title
    QVERIFY(!w.functionView(DeskFunction::Notices));
    QCOMPARE(w.windowTitle(), plainTitle);
}

QTEST_MAIN(TestNoticesAlert)
#include "tst_noticesalert.moc"
