#include "ui/lookup/TriageView.h"
#include "ui/shell/DeskSettings.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SettingsDialog.h"
#include "ui/shell/Translations.h"
#include "ui/widgets/NhsNumberEdit.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using cpis::ui::Translations;

namespace {
cpis::ui::MainWindow::Environment trainingEnv()
{
    cpis::ui::MainWindow::Environment env;
    env.profile = QStringLiteral("training");
    env.environment = QStringLiteral("training");
    env.pdsUrl = QUrl(QStringLiteral("http://127.0.0.1:1/personal-demographics/FHIR/R4"));
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
    void welshSettingGivesWelshTriageScreen();
    void languageSettingPersists();
    void everyWelshStringIsTranslated();
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
    QCOMPARE(w.windowTitle(), QStringLiteral("Desg CP-IS: HYFFORDDIANT (data synthetig)"));
    auto* marker = w.findChild<QLabel*>(QStringLiteral("trainingMarker"));
    QVERIFY(marker);
    QCOMPARE(marker->text(), QStringLiteral("HYFFORDDIANT: data synthetig"));
    tr.remove();
    cpis::ui::MainWindow english(trainingEnv(), {}, {});
    QCOMPARE(english.windowTitle(), QStringLiteral("CP-IS Desk: TRAINING (synthetic data)"));
}

void TestTranslations::unknownLanguageFallsBackToEnglish()
{
    Translations tr;
    QVERIFY(!tr.install(QLocale(QLocale::French, QLocale::France)));
    cpis::ui::MainWindow w(trainingEnv(), {}, {});
    QCOMPARE(w.windowTitle(), QStringLiteral("CP-IS Desk: TRAINING (synthetic data)"));
}

// The app's own path: the language in the settings picks the locale the translators load.
void TestTranslations::welshSettingGivesWelshTriageScreen()
{
    cpis::ui::DeskSettings settings;
    settings.language = QStringLiteral("cy");
    Translations tr;
    QVERIFY(tr.install(settings.uiLocale()));
    cpis::ui::MainWindow w(trainingEnv(), {}, settings);
    cpis::ui::TriageView triage({}, {});
    auto* confirm = triage.findChild<QPushButton*>(QStringLiteral("confirmBannerButton"));
    QVERIFY(confirm);
    QCOMPARE(confirm->text(), QStringLiteral("Mae'r faner yn cyfateb i'r person (Ctrl+Enter)"));
    QCOMPARE(triage.nhsField()->accessibleName(), QStringLiteral("Rhif GIG"));
    QCOMPARE(cpis::ui::TriageView::roleView({}).title, QStringLiteral("&Chwilio"));
    auto* gate = w.findChild<QPushButton*>(QStringLiteral("gateSignInButton"));
    QVERIFY(gate);
    QCOMPARE(gate->text(), QStringLiteral("&Mewngofnodi"));
    tr.remove();

    settings.language = QStringLiteral("en_GB"); // English chosen on a Welsh system
    QVERIFY(tr.install(settings.uiLocale()));
    cpis::ui::TriageView english({}, {});
    QCOMPARE(english.findChild<QPushButton*>(QStringLiteral("confirmBannerButton"))->text(),
             QStringLiteral("Banner matches the person (Ctrl+Enter)"));
    tr.remove();
}

void TestTranslations::languageSettingPersists()
{
    QSettings stored;
    stored.clear();
    QCOMPARE(cpis::ui::DeskSettings::load(stored).language, QString()); // follows the system
    QCOMPARE(cpis::ui::DeskSettings::load(stored).uiLocale(), QLocale::system());

    cpis::ui::SettingsDialog dialog(cpis::ui::DeskSettings{});
    auto* language = dialog.findChild<QComboBox*>(QStringLiteral("settingsLanguage"));
    QVERIFY(language);
    QVERIFY(!language->accessibleName().isEmpty());
    QCOMPARE(language->currentIndex(), 0);
    language->setCurrentIndex(language->findText(QStringLiteral("Cymraeg")));
    dialog.settings().save(stored);
    const cpis::ui::DeskSettings back = cpis::ui::DeskSettings::load(stored);
    QCOMPARE(back.language, QStringLiteral("cy"));
    QCOMPARE(back.uiLocale().language(), QLocale::Welsh);
    cpis::ui::SettingsDialog again(back);
    QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("settingsLanguage"))->currentText(),
             QStringLiteral("Cymraeg"));

    stored.setValue(QStringLiteral("ui/language"), QStringLiteral("xx")); // hand-edited
    QCOMPARE(cpis::ui::DeskSettings::load(stored).language, QString());
    stored.clear();
}

// The shipped Welsh file has no unfinished or empty entry (lupdate marks new strings
// unfinished, so a string added without a translation fails here).
void TestTranslations::everyWelshStringIsTranslated()
{
    QFile ts(QStringLiteral(CPIS_SOURCE_DIR "/translations/cpis-desk_cy.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    QVERIFY(text.count(QStringLiteral("<source>")) > 150);
    QCOMPARE(text.count(QStringLiteral("type=\"unfinished\"")), 0);
    QCOMPARE(text.count(QStringLiteral("type=\"vanished\"")), 0);
    QCOMPARE(text.count(QStringLiteral("type=\"obsolete\"")), 0);
    QCOMPARE(text.count(QStringLiteral("<translation></translation>")), 0);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
