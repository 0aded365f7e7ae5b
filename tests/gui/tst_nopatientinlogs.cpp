// Patient data never reaches the process's log output (stderr, journald): the audit log is
// the only record of access. Every Qt message of every category, debug included and every
// cpis.* diagnostics category switched on, is caught while the whole desk signs in, looks
// people up (plans, superseded, restricted, faults), confirms, locks and opens the local
// directory, and none may carry an NHS number, a patient's or the user's name, or a token.
#include "tests/support/TrainingDesk.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLoggingCategory>
#include <QMap>
#include <QMutex>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace cpis;

namespace {

QMutex g_lock;
QStringList g_messages;
QMap<QString, int> g_perCategory; // messages of each cpis.* category
QtMessageHandler g_previous = nullptr;

void catchMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker l(&g_lock);
        g_messages << message;
        const QString category = QString::fromLatin1(context.category);
        if (category.startsWith(QLatin1String("cpis.")))
            ++g_perCategory[category];
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
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=false\ncpis.*=true"));
    g_previous = qInstallMessageHandler(catchMessage);
}

void TestNoPatientInLogs::lookUpsLogNoPatientData()
{
    // The scenario numbers and the family names the sandbox gives them (docs/sandbox.md).
    QStringList secrets; // tokens and the users' names, learnt as the desk runs
    const QStringList numbers = {
        QStringLiteral("9990000018"), QStringLiteral("9990000034"), QStringLiteral("9990000042"),
        QStringLiteral("9990000077"), QStringLiteral("9990000085"), QStringLiteral("9990000069"),
        QStringLiteral("9990000212"), QStringLiteral("9990000239"), QStringLiteral("9990000263")};
    {
        testsupport::TrainingDesk desk;
        for (const auto& u : desk.sandbox->signIn().users())
            secrets << u.name;
        desk.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(desk.window.get()));
        QVERIFY(desk.signIn());
        const UserSession& session = desk.window->session();
        secrets << QString::fromLatin1(session.accessToken) << session.name;
        if (!session.refreshToken.isEmpty())
            secrets << QString::fromLatin1(session.refreshToken);
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
    QVERIFY(!secrets.isEmpty() && !secrets.contains(QString()));
    const auto carriesSecret = [&](const QString& m) {
        return std::any_of(secrets.cbegin(), secrets.cend(),
                           [&](const QString& s) { return m.contains(s); });
    };
    for (const QString& m : std::as_const(g_messages))
        if (nhs.match(m).hasMatch() || name.match(m).hasMatch() || carriesSecret(m))
            leaks << QStringLiteral("(%1 characters)").arg(m.size()); // never print the leak
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("%1 of %2 log messages carry patient data")
                                             .arg(leaks.size())
                                             .arg(g_messages.size())));

    // The diagnostics were really on: the rooms this run goes through said something, so a
    // leak through them would have been caught above.
    QStringList silent;
    for (const char* room :
         {"cpis.net", "cpis.fhir", "cpis.store", "cpis.audit", "cpis.lookup", "cpis.shell"})
        if (g_perCategory.value(QLatin1String(room)) == 0)
            silent << QLatin1String(room);
    QVERIFY2(silent.isEmpty(),
             qPrintable(QStringLiteral("no messages from %1").arg(silent.join(u", "))));
}

QTEST_MAIN(TestNoPatientInLogs)
#include "tst_nopatientinlogs.moc"
