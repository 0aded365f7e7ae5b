// Text from outside the desk (PDS names and addresses, service errors, notice fields) is shown
// as written: a family name of "<b>X</b>" reads "<B>X</B>" on the banner, not a bold X. Every
// label of every screen of the shipped composition, for every role, is plain text.
#include "tests/gui/DeskSteps.h"
#include "tests/support/TrainingDesk.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SignInDialog.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextDocument>

using namespace cpis;
using namespace cpis::testsupport;

namespace {

// The labels of every window the desk has open, and what is wrong with each that is not
// plain text (empty: all are). `seen` counts the labels walked.
QStringList richLabels(int* seen = nullptr)
{
    QStringList wrong;
    int n = 0;
    for (QWidget* w : QApplication::allWidgets()) {
        auto* l = qobject_cast<QLabel*>(w);
        if (!l || l->inherits("QTipLabel")) // tooltips may be rich; they show no outside text here
            continue;
        ++n;
        if (l->textFormat() != Qt::PlainText)
            wrong << QStringLiteral("%1 '%2' (%3)")
                         .arg(l->objectName(), l->text(),
                              QString::fromLatin1(l->window()->metaObject()->className()));
    }
    if (seen)
        *seen = n;
    return wrong;
}

} // namespace

class TestPlainTextLabels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_desk.reset(); }
    void markupInANameIsShownLiterallyOnTheBanner();
    void everyLabelOfEveryScreenIsPlainText_data();
    void everyLabelOfEveryScreenIsPlainText();

private:
    std::unique_ptr<TrainingDesk> m_desk;
};

void TestPlainTextLabels::init()
{
    m_desk = std::make_unique<TrainingDesk>(ui::DeskSettings{}, quickTransport(), allRealScreens());
    m_desk->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_desk->window.get()));
    QApplication::setActiveWindow(m_desk->window.get());
}

void TestPlainTextLabels::markupInANameIsShownLiterallyOnTheBanner()
{
    const QString number = m_desk->sandbox->scenarios().numberFor(
        QStringLiteral("Family name that looks like markup (<b>X</b>)"));
    QCOMPARE(number, QStringLiteral("9990002975"));
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
    QVERIFY(m_desk->lookUp(number, true));
    QLabel* name = label(m_desk->window.get(), "bannerName");
    QVERIFY(name);
    QTRY_VERIFY(name->isVisible());
    // The family name as the desk writes it (in capitals), with its angle brackets: text that
    // an AutoText label would have drawn as a bold X.
    QCOMPARE(name->text(), QStringLiteral("<B>X</B>, Mark"));
    QVERIFY(Qt::mightBeRichText(name->text()));
    QCOMPARE(name->textFormat(), Qt::PlainText);
    {
        QLabel autoText(QStringLiteral("probe")); // Qt's default, AutoText: the walk catches it
        QCOMPARE(richLabels().size(), 1);
    }
    int seen = 0;
    QVERIFY2(richLabels(&seen).isEmpty(), qPrintable(richLabels().join(u'\n')));
    QVERIFY2(seen > 20,
             qPrintable(QString::number(seen))); // the banner's, the screen's, the shell's
}

void TestPlainTextLabels::everyLabelOfEveryScreenIsPlainText_data()
{
    QTest::addColumn<QString>("user");
    for (const char* u :
         {"triage-nurse", "school-nurse", "health-visitor", "safeguarding-lead", "social-worker"})
        QTest::newRow(u) << QString::fromLatin1(u);
}

void TestPlainTextLabels::everyLabelOfEveryScreenIsPlainText()
{
    QFETCH(QString, user);
    // The sign-in dialog, while it is open.
    m_desk->window->beginSignIn();
    QTRY_VERIFY(m_desk->window->signInDialog() && m_desk->window->signInDialog()->isVisible());
    QVERIFY2(richLabels().isEmpty(), qPrintable(richLabels().join(u'\n')));
    m_desk->window->signInDialog()->reject();
    QTRY_VERIFY(!m_desk->window->signInDialog());

    QSignalSpy signedIn(m_desk->window.get(), &ui::MainWindow::signedIn);
    m_desk->window->signInAs(user);
    QVERIFY(signedIn.wait(10000));
    if (m_desk->triage()) {
        QVERIFY(m_desk->lookUp(QStringLiteral("9990002975"), true));
        QVERIFY(m_desk->lookUp(QStringLiteral("9990000018"), true)); // plan cards too
    }
    // Every screen this role has, shown in turn, with what it loaded.
    QTabWidget* tabs = m_desk->window->functionTabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (!tabs->isTabVisible(i))
            continue;
        tabs->setCurrentIndex(i);
        QVERIFY2(richLabels().isEmpty(), qPrintable(user + u'\n' + richLabels().join(u'\n')));
    }
    // The lock screen names who locked.
    m_desk->window->lock();
    QVERIFY2(richLabels().isEmpty(), qPrintable(richLabels().join(u'\n')));
}

QTEST_MAIN(TestPlainTextLabels)
#include "tst_plaintextlabels.moc"
