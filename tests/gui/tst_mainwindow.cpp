#include "ui/shell/MainWindow.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTest>

using cpis::ui::MainWindow;

// The window before anyone signs in: no service calls are made, so no stack is needed.
class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void trainingMarkerShownForSandbox();
    void trainingMarkerHiddenForLiveService();
};

void TestMainWindow::trainingMarkerShownForSandbox()
{
    MainWindow::Environment env;
    env.profile = QStringLiteral("training");
    env.environment = QStringLiteral("training");
    env.pdsUrl = QUrl(QStringLiteral("http://127.0.0.1:1234/personal-demographics/FHIR/R4"));
    env.training = true;
    MainWindow w(env, {}, {});
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* marker = w.findChild<QLabel*>(QStringLiteral("trainingMarker"));
    QVERIFY(marker);
    QVERIFY(marker->isVisible());
    QVERIFY(marker->text().contains(QStringLiteral("TRAINING")));
    QVERIFY(!marker->accessibleName().isEmpty());
    auto* service = w.findChild<QLabel*>(QStringLiteral("serviceLabel"));
    QVERIFY(service);
    QVERIFY(service->text().contains(QStringLiteral("127.0.0.1:1234")));
    QVERIFY2(w.windowTitle().contains(QStringLiteral("TRAINING")), qPrintable(w.windowTitle()));
    QVERIFY(!w.isSignedIn());
}

void TestMainWindow::trainingMarkerHiddenForLiveService()
{
    MainWindow::Environment env;
    env.profile = QStringLiteral("live");
    env.environment = QStringLiteral("live");
    env.pdsUrl = QUrl(QStringLiteral("https://api.service.nhs.uk/personal-demographics/FHIR/R4"));
    MainWindow w(env, {}, {});
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* marker = w.findChild<QLabel*>(QStringLiteral("trainingMarker"));
    QVERIFY(marker);
    QVERIFY(!marker->isVisible());
    // The environment is in the title, and training is not.
    QVERIFY2(w.windowTitle().contains(QStringLiteral("live")), qPrintable(w.windowTitle()));
    QVERIFY(!w.windowTitle().contains(QStringLiteral("TRAINING")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
