// Patient data never reaches the process's log output (stderr, journald): the audit log is
// the only record of access. Every Qt message of every category, debug included, is caught
// while the whole desk signs in, looks people up (plans, superseded, restricted, faults),
// confirms, locks and opens the local directory, and none may carry an NHS number or a name.
#include "tests/support/TrainingDesk.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace cpis;

namespace {

QMutex g_lock;
QStringList g_messages;
QtMessageHandler g_previous = nullptr;

void catchMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker l(&g_lock);
        g_messages << message;
    }
    g_previous(type, context, message);
}

} // namespace

class TestNoPatientInLogs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { qInstallMessageHandler(g_previous); }
    void lookUpsLogNoPatientData();
};

void TestNoPatientInLogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=false"));
    g_previous = qInstallMessageHandler(catchMessage);
}

void TestNoPatientInLogs::lookUpsLogNoPatientData()
{
    // The scenario numbers and the family names the sandbox gives them (docs/sandbox.md).
    const QStringList numbers = {
        QStringLiteral("9990000018"), QStringLiteral("9990000034"), QStringLiteral("9990000042"),
        QStringLiteral("9990000077"), QStringLiteral("9990000085"), QStringLiteral("9990000069"),
        QStringLiteral("9990000212"), QStringLiteral("9990000239"), QStringLiteral("9990000263")};
    {
        testsupport::TrainingDesk desk;
        desk.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(desk.window.get()));
        QVERIFY(desk.signIn());
        for (const QString& n : numbers) {
            QVERIFY2(desk.lookUp(n, true), qPrintable(n));
            QVERIFY(desk.triage()->resultView()->shown() != ui::CpisResultView::Shown::Nothing);
        }
        auto* directory = desk.window->findChild<QAction*>(QStringLiteral("localDirectoryAction"));
        QVERIFY(directory);
        directory->trigger();
        desk.window->lock();
        QVERIFY(desk.window->isLocked());
    }
    QMutexLocker l(&g_lock);
    const QRegularExpression nhs(QStringLiteral("999\\D?000\\D?0\\d{3}"));
    const QRegularExpression name(QStringLiteral("Scenario-[A-Z]"));
    QStringList leaks;
    for (const QString& m : std::as_const(g_messages))
        if (nhs.match(m).hasMatch() || name.match(m).hasMatch())
            leaks << QStringLiteral("(%1 characters)").arg(m.size()); // never print the leak
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("%1 of %2 log messages carry patient data")
                                             .arg(leaks.size())
                                             .arg(g_messages.size())));
}

QTEST_MAIN(TestNoPatientInLogs)
#include "tst_nopatientinlogs.moc"
