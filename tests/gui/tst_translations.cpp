#include "MainWindow.h"
#include "Translations.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTest>

using cpis::ui::Translations;

namespace {
cpis::ui::MainWindow::Environment trainingEnv()
{
    cpis::ui::MainWindow::Environment env;
    env.serviceUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    env.training = true;
    return env;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void bothLanguagesAreEmbedded();
    void welshLocaleGivesWelshWindow();
    void unknownLanguageFallsBackToEnglish();
};

void TestTranslations::bothLanguagesAreEmbedded()
{
    const QStringList langs = Translations::availableLanguages();
    QVERIFY2(langs.contains(QStringLiteral("cy")), qPrintable(langs.join(u',')));
    QVERIFY2(langs.contains(QStringLiteral("en_GB")), qPrintable(langs.join(u',')));
}

void TestTranslations::welshLocaleGivesWelshWindow()
{
    Translations tr;
    QVERIFY(tr.install(QLocale(QLocale::Welsh, QLocale::UnitedKingdom)));
    cpis::ui::MainWindow w(trainingEnv(), {}, {});
    QCOMPARE(w.windowTitle(), QStringLiteral("Desg CP-IS"));
    auto* marker = w.findChild<QLabel*>(QStringLiteral("trainingMarker"));
    QVERIFY(marker);
    QCOMPARE(marker->text(), QStringLiteral("HYFFORDDIANT: data synthetig"));
    tr.remove();
    cpis::ui::MainWindow english(trainingEnv(), {}, {});
    QCOMPARE(english.windowTitle(), QStringLiteral("CP-IS Desk"));
}

void TestTranslations::unknownLanguageFallsBackToEnglish()
{
    Translations tr;
    QVERIFY(!tr.install(QLocale(QLocale::French, QLocale::France)));
    cpis::ui::MainWindow w(trainingEnv(), {}, {});
    QCOMPARE(w.windowTitle(), QStringLiteral("CP-IS Desk"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
