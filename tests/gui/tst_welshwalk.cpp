// The whole desk in Welsh, walked screen by screen: at each state every text a user can see is
// read and none may be an English catalogue source whose Welsh differs. The English catalogue
// and both Welsh ones (the desk's and its catalogue of Qt's own strings) are read from the source
// tree at test time, so a string added without Welsh, or translated under the wrong context,
// shows up here as English on a Welsh screen.
#include "tests/gui/DeskSteps.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientSearchPanel.h"
#include "ui/shell/DeskSettings.h"
#include "ui/shell/Translations.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTextDocument>
#include <QXmlStreamReader>

#include <memory>

// Stops the walk at the first state that shows English: the later states build on it.
#define EXPECT_WELSH(where)                                                                        \
    do {                                                                                           \
        expectWelsh(where);                                                                        \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

using namespace cpis;
using namespace cpis::testsupport;

namespace {

// A catalogue message: its context and source (with any disambiguation) and its translation.
struct Message
{
    QString context;
    QString source;
    QString comment;
    QString translation;
    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
};

QList<Message> readTs(const QString& path)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name")
            context = xml.readElementText();
        else if (name == u"message")
            m = Message{context, {}, {}, {}};
        else if (name == u"source")
            m.source = xml.readElementText();
        else if (name == u"comment")
            m.comment = xml.readElementText();
        else if (name == u"translation") {
            // A plural's forms come joined; only whether it differs from the source matters.
            m.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out << m;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return out;
}

// What a reader sees of a text: no mnemonic ampersands, no markup, single spaces.
QString plain(QString s)
{
    if (Qt::mightBeRichText(s)) {
        QTextDocument doc;
        doc.setHtml(s);
        s = doc.toPlainText();
    }
    static const QRegularExpression mnemonic(QStringLiteral("&(?!&)"));
    s.remove(mnemonic);
    s.replace(QStringLiteral("&&"), QStringLiteral("&"));
    return s.simplified();
}

// The English strings that must not appear on a Welsh screen: each source whose Welsh differs.
// A whole shown text equal to one is caught; so is a shown text containing a sentence-sized
// piece of one (between its placeholders), as when a reason is built into a longer message.
class EnglishCatalogue
{
public:
    EnglishCatalogue()
    {
        QHash<QString, QString> welsh;
        for (const Message& m : readTs(QStringLiteral(CPIS_TS_DIR "/cpis-desk_cy.ts")))
            welsh.insert(m.key(), m.translation);
        for (const Message& m : readTs(QStringLiteral(CPIS_TS_DIR "/cpis-desk_en_GB.ts")))
            add(m.source, welsh.value(m.key()));
        for (const Message& m : readTs(QStringLiteral(CPIS_TS_DIR "/qtbase-subset_cy.ts")))
            add(m.source, m.translation);
    }

    // The English catalogue sources among `shown`, each with the text it was found in.
    QStringList englishIn(const QStringList& shown) const
    {
        QStringList found;
        for (const QString& raw : shown) {
            const QString text = plain(raw).toLower();
            if (text.isEmpty())
                continue;
            if (m_exact.contains(text)) {
                found << raw;
                continue;
            }
            for (const QString& piece : m_pieces)
                if (text.contains(piece)) {
                    found << QStringLiteral("%1 (in: %2)").arg(piece, raw);
                    break;
                }
        }
        return found;
    }
    qsizetype size() const { return m_exact.size(); }
    bool isEnglish(const QString& source) const
    {
        return m_exact.contains(plain(source).toLower());
    }

private:
    void add(const QString& source, const QString& welsh)
    {
        const QString english = plain(source);
        if (english.isEmpty() || plain(welsh) == english)
            return; // the same in both languages ("CP-IS", "%1d"): nothing to catch
        m_exact.insert(english.toLower());
        static const QRegularExpression placeholder(QStringLiteral("%L?\\d+|%n"));
        for (const QString& piece : english.split(placeholder)) {
            const QString p = piece.trimmed();
            // Sentence-sized only: short words may well be part of a Welsh text or a name.
            if (p.size() >= 16 && p.count(u' ') >= 2 && !m_pieces.contains(p.toLower()))
                m_pieces << p.toLower();
        }
    }
    QSet<QString> m_exact;
    QStringList m_pieces;
};

void addModelText(QStringList& out, const QAbstractItemModel* m, bool header)
{
    if (!m)
        return;
    for (int c = 0; header && c < m->columnCount(); ++c)
        out << m->headerData(c, Qt::Horizontal).toString();
    for (int r = 0; r < std::min(m->rowCount(), 50); ++r)
        for (int c = 0; c < m->columnCount(); ++c)
            out << m->data(m->index(r, c)).toString();
}

// Every text a sighted user can read on the visible windows (tooltips aside).
QStringList shownText()
{
    QStringList out;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        if (!top->isVisible())
            continue;
        out << top->windowTitle();
        QList<QWidget*> all = top->findChildren<QWidget*>();
        all.prepend(top);
        for (QWidget* w : all) {
            if (!w->isVisibleTo(top) || !w->isVisible())
                continue;
            // The training help lists the sandbox's own names for its synthetic records
            // ("Child Protection Plan (open)"): the sandbox's data, in English in every language.
            if (w->objectName() == u"scenarioList")
                continue;
            if (w->isWindow())
                out << w->windowTitle();
            if (auto* l = qobject_cast<QLabel*>(w))
                out << l->text();
            if (auto* b = qobject_cast<QAbstractButton*>(w))
                out << b->text();
            if (auto* g = qobject_cast<QGroupBox*>(w))
                out << g->title();
            if (auto* e = qobject_cast<QLineEdit*>(w))
                out << e->placeholderText();
            if (auto* e = qobject_cast<QPlainTextEdit*>(w))
                out << e->placeholderText();
            if (auto* t = qobject_cast<QTabBar*>(w))
                for (int i = 0; i < t->count(); ++i)
                    out << t->tabText(i);
            if (auto* c = qobject_cast<QComboBox*>(w))
                for (int i = 0; i < c->count(); ++i)
                    out << c->itemText(i);
            if (auto* bar = qobject_cast<QMenuBar*>(w))
                for (QAction* a : bar->actions()) {
                    out << a->text();
                    if (a->menu())
                        for (QAction* item : a->menu()->actions())
                            out << item->text();
                }
            if (auto* v = qobject_cast<QAbstractItemView*>(w)) {
                const auto* table = qobject_cast<QTableView*>(w);
                addModelText(out, v->model(), !table || table->horizontalHeader()->isVisible());
            }
        }
    }
    out.removeAll(QString());
    return out;
}

} // namespace

class TestWelshWalk : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { m_tr.remove(); }
    void cleanup();

    void checkerCatchesOnePlantedEnglishString();
    void signInAndTriage();
    void settingsAndLock();
    void notices();
    void review();
    void areaLists();
    void qtDialogs();

private:
    // Fails the running test with every English string shown in the state `where`.
    void expectWelsh(const char* where);
    ui::MainWindow& w() { return *m_desk->window; }
    void openDesk();
    void signIn(const QString& user);
    bool lookUp(const QString& digits);

    ui::Translations m_tr;
    std::unique_ptr<EnglishCatalogue> m_english;
    std::unique_ptr<TrainingDesk> m_desk;
};

void TestWelshWalk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::DeskSettings settings;
    settings.language = QStringLiteral("cy");
    QVERIFY(m_tr.install(settings.uiLocale()));
    m_english = std::make_unique<EnglishCatalogue>();
    QVERIFY(m_english->size() > 100);
}

void TestWelshWalk::cleanup()
{
    m_desk.reset();
    for (QWidget* top : QApplication::topLevelWidgets())
        if (top->isVisible())
            top->close();
}

void TestWelshWalk::expectWelsh(const char* where)
{
    const QStringList english = m_english->englishIn(shownText());
    QVERIFY2(
        english.isEmpty(),
        qPrintable(QStringLiteral("%1: English on a Welsh screen:\n  ").arg(QLatin1String(where)) +
                   english.join(QStringLiteral("\n  "))));
}

void TestWelshWalk::openDesk()
{
    m_desk = std::make_unique<TrainingDesk>(ui::DeskSettings{}, quickTransport(), allRealScreens());
    w().resize(1100, 760);
    w().show();
    QVERIFY(QTest::qWaitForWindowExposed(&w()));
    QApplication::setActiveWindow(&w());
}

void TestWelshWalk::signIn(const QString& user)
{
    QSignalSpy signedIn(&w(), &ui::MainWindow::signedIn);
    w().signInAs(user);
    QVERIFY(signedIn.wait(10000));
}

bool TestWelshWalk::lookUp(const QString& digits)
{
    ui::TriageView* triage = m_desk->triage();
    if (!triage)
        return false;
    QSignalSpy answered(triage, &ui::TriageView::lookupAnswered);
    typeAndSearch(triage, digits);
    return !QTest::currentTestFailed() && answered.wait(10000);
}

// The checker itself: one English source planted on a Welsh screen must be reported, and only
// because of the plant.
void TestWelshWalk::checkerCatchesOnePlantedEnglishString()
{
    openDesk();
    signIn(QStringLiteral("triage-nurse"));
    QTRY_VERIFY(m_desk->triage());
    EXPECT_WELSH("before the plant");
    // Any label on show will do: the first visible one of the look-up screen.
    QLabel* title = nullptr;
    for (QLabel* l : m_desk->triage()->findChildren<QLabel*>())
        if (l->isVisible() && !l->text().isEmpty()) {
            title = l;
            break;
        }
    QVERIFY(title);
    const QString before = title->text();
    const QString english = QStringLiteral("The national service reported an error.");
    QVERIFY(m_english->isEnglish(english));
    title->setText(english);
    QCOMPARE(m_english->englishIn(shownText()), QStringList{english});
    // A reason built into a Welsh sentence is caught as well.
    title->setText(QStringLiteral("Ni ellid gwirio: %1 Dilynwch y drefn leol.").arg(english));
    QCOMPARE(m_english->englishIn(shownText()).size(), 1);
    // And Qt's own strings: an English standard button.
    title->setText(QStringLiteral("Cancel"));
    QCOMPARE(m_english->englishIn(shownText()), QStringList{QStringLiteral("Cancel")});
    title->setText(before);
    EXPECT_WELSH("after the plant is removed");
}

void TestWelshWalk::signInAndTriage()
{
    openDesk();
    EXPECT_WELSH("signed out");
    w().beginSignIn();
    QVERIFY(w().signInDialog());
    QTRY_VERIFY(w().signInDialog()->isVisible());
    EXPECT_WELSH("sign-in dialog");
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
    EXPECT_WELSH("look-up, empty");

    ui::TriageView* triage = m_desk->triage();
    QVERIFY(lookUp(QStringLiteral("9990000018")));
    QVERIFY(triage->awaitsConfirmation());
    EXPECT_WELSH("banner awaiting confirmation");
    confirmByKeyboard(triage);
    QCOMPARE(triage->resultView()->shown(), ui::CpisResultView::Shown::PlansFound);
    EXPECT_WELSH("plans found");

    QVERIFY(lookUp(QStringLiteral("9990000069")));
    confirmByKeyboard(triage);
    QCOMPARE(triage->resultView()->shown(), ui::CpisResultView::Shown::NoRecord);
    EXPECT_WELSH("no record");

    // Could not check: a service fault, an unreadable answer, no such person.
    for (const char* number : {"9990000174", "9990000212", "9990000190", "9990000263"}) {
        QVERIFY(lookUp(QLatin1String(number)));
        if (triage->awaitsConfirmation())
            confirmByKeyboard(triage);
        QCOMPARE(triage->resultView()->shown(), ui::CpisResultView::Shown::CouldNotCheck);
        EXPECT_WELSH(number);
    }
}

void TestWelshWalk::settingsAndLock()
{
    openDesk();
    signIn(QStringLiteral("triage-nurse"));
    QMetaObject::invokeMethod(&w(), &ui::MainWindow::openSettings, Qt::QueuedConnection);
    QTRY_VERIFY(w().findChild<QDialog*>(QStringLiteral("settingsDialog")));
    auto* dialog = w().findChild<QDialog*>(QStringLiteral("settingsDialog"));
    QTRY_VERIFY(dialog->isVisible());
    EXPECT_WELSH("settings dialog");
    dialog->reject();
    QTRY_VERIFY(!dialog->isVisible());

    ui::LocalDirectoryDialog* directory = openDirectory(w());
    QVERIFY(directory);
    EXPECT_WELSH("local directory");
    QTest::keyClick(directory->view(), Qt::Key_Insert);
    QTRY_VERIFY(entryDialog(directory));
    EXPECT_WELSH("directory entry");
    entryDialog(directory)->reject();
    directory->reject();

    w().lock();
    QVERIFY(w().isLocked());
    EXPECT_WELSH("locked");
}

// A screen's list has been filled: one of its visible views holds a row.
static bool showsRows(const QWidget* view)
{
    for (const auto* v : view->findChildren<QAbstractItemView*>())
        if (v->isVisible() && v->model() && v->model()->rowCount() > 0)
            return true;
    return false;
}

void TestWelshWalk::notices()
{
    openDesk();
    signIn(QStringLiteral("social-worker"));
    QWidget* view = w().functionView(DeskFunction::Notices);
    QVERIFY(view);
    w().functionTabs()->setCurrentWidget(view);
    // The first refresh fills the list; its time shows once it has.
    QTRY_VERIFY_WITH_TIMEOUT(showsRows(view), 10000);
    EXPECT_WELSH("notices");
}

void TestWelshWalk::review()
{
    openDesk();
    signIn(QStringLiteral("safeguarding-lead"));
    QWidget* view = w().functionView(DeskFunction::Review);
    QVERIFY(view);
    w().functionTabs()->setCurrentWidget(view);
    // Training has no audit hub: the screen says, in Welsh, that review needs one.
    auto* problem = view->findChild<QLabel*>(QStringLiteral("reviewProblem"));
    QVERIFY(problem);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 10000);
    EXPECT_WELSH("review");
}

void TestWelshWalk::areaLists()
{
    openDesk();
    signIn(QStringLiteral("school-nurse"));
    QWidget* view = w().functionView(DeskFunction::AreaLists);
    QVERIFY(view);
    w().functionTabs()->setCurrentWidget(view);
    auto* picker = view->findChild<QComboBox*>(QStringLiteral("areaPicker"));
    QVERIFY(picker);
    QTRY_VERIFY_WITH_TIMEOUT(picker->count() > 0, 10000);
    EXPECT_WELSH("area lists");
}

// The Qt dialogs the desk opens: the export's file dialog and the start-up error box.
void TestWelshWalk::qtDialogs()
{
    QFileDialog files(nullptr, QStringLiteral("Allforio"));
    files.setOption(QFileDialog::DontUseNativeDialog);
    files.setAcceptMode(QFileDialog::AcceptSave);
    files.show();
    QVERIFY(QTest::qWaitForWindowExposed(&files));
    EXPECT_WELSH("file dialog");
    files.close();

    QMessageBox box(QMessageBox::Critical, QStringLiteral("Desg CP-IS"), QStringLiteral("Neges"),
                    QMessageBox::Ok);
    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    EXPECT_WELSH("error box");
    box.close();

    QDialogButtonBox buttons(QDialogButtonBox::Save | QDialogButtonBox::Cancel |
                             QDialogButtonBox::Close);
    buttons.show();
    QVERIFY(QTest::qWaitForWindowExposed(&buttons));
    EXPECT_WELSH("standard buttons");
}

QTEST_MAIN(TestWelshWalk)
#include "tst_welshwalk.moc"
