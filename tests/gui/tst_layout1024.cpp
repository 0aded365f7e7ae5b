// Every screen of the shipped desk at 1024×700, the smallest window a ward PC gives it: no
// button whose text does not fit, no label cut short without wrapping or a tooltip, no control
// past the window's right edge, and no sideways scrolling of a table's columns. The checker is
// proved on planted faults first, so a pass means the screens fit and not that it sees nothing.
#include "tests/gui/DeskSteps.h"
#include "tests/support/TrainingDesk.h"
#include "ui/lookup/PatientSearchPanel.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>

#include <memory>

using namespace cpis;
using namespace cpis::testsupport;
using cpis::ui::MainWindow;

namespace {

constexpr int kWidth = 1024;
constexpr int kHeight = 700;

QString describe(const QWidget* w)
{
    QString name = w->objectName();
    if (name.isEmpty())
        name = w->accessibleName();
    return QStringLiteral("%1 '%2'").arg(QLatin1String(w->metaObject()->className()), name);
}

// A widget a scroll area moves (a table's editors, a scrolled page) may reach past its parent
// by design; the scroll bar rule covers those.
bool insideScrolledContents(const QWidget* w)
{
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
        auto* area = qobject_cast<const QAbstractScrollArea*>(p);
        if (area && area->viewport()->isAncestorOf(w))
            return true;
        if (p->isWindow())
            break;
    }
    return false;
}

QString withoutMnemonic(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
}

QString shownText(const QLabel* l)
{
    if (l->textFormat() == Qt::PlainText ||
        (l->textFormat() == Qt::AutoText && !Qt::mightBeRichText(l->text())))
        return l->buddy() ? withoutMnemonic(l->text()) : l->text(); // a buddy's & underlines
    QTextDocument doc;
    doc.setHtml(l->text());
    return doc.toPlainText();
}

int widestLine(const QFontMetrics& fm, const QString& text)
{
    int widest = 0;
    for (const QString& line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, fm.horizontalAdvance(line));
    return widest;
}

// The width a button needs to show its whole text: the text and its icon, plus the margins
// the style keeps between its edges and the text it draws (whatever the button's width).
int neededWidth(const QAbstractButton* b)
{
    const QString text = withoutMnemonic(b->text());
    const QStyle* s = b->style();
    int w = widestLine(b->fontMetrics(), text);
    if (!b->icon().isNull())
        w += b->iconSize().width() + 4;
    QStyleOptionButton opt;
    opt.initFrom(b);
    opt.text = b->text();
    QStyle::SubElement contents = QStyle::SE_PushButtonContents;
    if (qobject_cast<const QCheckBox*>(b))
        contents = QStyle::SE_CheckBoxContents;
    else if (qobject_cast<const QRadioButton*>(b))
        contents = QStyle::SE_RadioButtonContents;
    else if (qobject_cast<const QToolButton*>(b))
        return w + 2 * s->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, b);
    return w + b->width() - s->subElementRect(contents, &opt, b).width();
}

// A table's cells whose text is cut short with no tooltip to read the whole of it.
QStringList elidedCells(const QTableView* t)
{
    QStringList out;
    const QAbstractItemModel* m = t->model();
    if (!m)
        return out;
    // The item delegate's text margin, each side, in the style the table draws with.
    const int margin = t->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, t) + 1;
    for (int r = 0; r < std::min(m->rowCount(), 50); ++r) {
        for (int c = 0; c < m->columnCount(); ++c) {
            if (t->isColumnHidden(c))
                continue;
            const QModelIndex i = m->index(r, c);
            const QString text = i.data(Qt::DisplayRole).toString();
            if (text.isEmpty() || !i.data(Qt::ToolTipRole).toString().isEmpty())
                continue;
            QFont font = t->font();
            if (const QVariant f = i.data(Qt::FontRole); f.canConvert<QFont>())
                font = f.value<QFont>();
            int room = t->columnWidth(c) - 2 * margin;
            if (!i.data(Qt::DecorationRole).isNull())
                room -= t->iconSize().isValid() ? t->iconSize().width() + 4 : 20;
            if (widestLine(QFontMetrics(font), text) > room)
                out << QStringLiteral("%1 cuts '%2' (row %3, column %4) short with no tooltip")
                           .arg(describe(t), text)
                           .arg(r)
                           .arg(c);
        }
    }
    return out;
}

// What does not fit in this window, one line a fault; empty when everything fits.
QStringList layoutProblems(QWidget* window)
{
    QStringList out;
    QList<QWidget*> all = window->findChildren<QWidget*>();
    for (QWidget* w : all) {
        if (!w->isVisible() || w->window() != window)
            continue;
        const int right = w->mapTo(window, QPoint(w->width(), 0)).x();
        if (right > window->width() + 1 && !insideScrolledContents(w))
            out << QStringLiteral("%1 reaches x=%2 past the window's right edge (%3)")
                       .arg(describe(w))
                       .arg(right)
                       .arg(window->width());
        if (auto* b = qobject_cast<QAbstractButton*>(w); b && !b->text().isEmpty()) {
            const int need = neededWidth(b);
            if (need > b->width())
                out << QStringLiteral("%1 needs %2 px for '%3' but has %4")
                           .arg(describe(b))
                           .arg(need)
                           .arg(b->text())
                           .arg(b->width());
        }
        if (auto* l = qobject_cast<QLabel*>(w); l && !l->wordWrap() && l->toolTip().isEmpty()) {
            const QString text = shownText(l);
            const int need = widestLine(l->fontMetrics(), text);
            const int room = l->contentsRect().width() - 2 * l->margin() - 2 * l->indent();
            if (!text.isEmpty() && need > room)
                out << QStringLiteral("%1 shows '%2' in %3 px of the %4 it needs, without "
                                      "wrapping or a tooltip")
                           .arg(describe(l), text)
                           .arg(room)
                           .arg(need);
        }
        if (auto* v = qobject_cast<QAbstractItemView*>(w);
            v && v->horizontalScrollBar()->isVisible())
            out << QStringLiteral("%1 scrolls sideways: its columns do not fit").arg(describe(v));
        if (auto* t = qobject_cast<QTableView*>(w))
            out << elidedCells(t);
    }
    return out;
}

bool fits(QWidget* window, const char* screen)
{
    const QStringList problems = layoutProblems(window);
    for (const QString& p : problems)
        qWarning("%s: %s", screen, qPrintable(p));
    return problems.isEmpty();
}

// A table whose columns reach far past its width.
struct WideTable
{
    QStandardItemModel model{3, 6};
    QTableView view;
    WideTable()
    {
        for (int c = 0; c < model.columnCount(); ++c)
            model.setHorizontalHeaderItem(
                c, new QStandardItem(QStringLiteral("A rather long column heading %1").arg(c)));
        view.setModel(&model);
        view.resizeColumnsToContents();
    }
};

} // namespace

class TestLayout1024 : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_desk.reset(); }

    void checkerCatchesAnOverLongButton();
    void checkerCatchesAClippedLabel();
    void checkerCatchesAControlPastTheRightEdge();
    void checkerCatchesATableThatScrollsSideways();

    void signInDialog();
    void triageWithPlans();
    void triageWithSearchPanel();
    void notices();
    void review();
    void areaLists_data();
    void areaLists();
    void localDirectory();
    void settingsDialog();

private:
    MainWindow& w() { return *m_desk->window; }
    QWidget* openScreen(const QString& user, DeskFunction function);
    std::unique_ptr<TrainingDesk> m_desk;
};

void TestLayout1024::init()
{
    if (QByteArray(QTest::currentTestFunction()).startsWith("checker"))
        return;
    m_desk = std::make_unique<TrainingDesk>(ui::DeskSettings{}, quickTransport(), allRealScreens());
    w().resize(kWidth, kHeight);
    w().show();
    QVERIFY(QTest::qWaitForWindowExposed(&w()));
    QApplication::setActiveWindow(&w());
    QCOMPARE(w().size(), QSize(kWidth, kHeight)); // the desk lets itself be this small
}

QWidget* TestLayout1024::openScreen(const QString& user, DeskFunction function)
{
    if (!m_desk->signIn(user))
        return nullptr;
    QWidget* view = w().functionView(function);
    if (!view)
        return nullptr;
    w().functionTabs()->setCurrentWidget(view);
    return view;
}

// --- The checker, on planted faults ------------------------------------------------------------

void TestLayout1024::checkerCatchesAnOverLongButton()
{
    QWidget window;
    auto* row = new QHBoxLayout(&window);
    auto* fine = new QPushButton(QStringLiteral("&Save"), &window);
    row->addWidget(fine);
    window.resize(400, 60);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(fits(&window, "planted"));

    auto* tooLong = new QPushButton(
        QStringLiteral("Cancel the synchronisation of every area list now"), &window);
    tooLong->setFixedWidth(90);
    row->addWidget(tooLong);
    QTRY_VERIFY(tooLong->isVisible());
    const QStringList problems = layoutProblems(&window);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("Cancel the synchronisation")),
             qPrintable(problems.first()));
}

void TestLayout1024::checkerCatchesAClippedLabel()
{
    QWidget window;
    auto* row = new QHBoxLayout(&window);
    auto* label = new QLabel(QStringLiteral("Sandbox General Hospital NHS Foundation Trust"));
    label->setFixedWidth(120);
    row->addWidget(label);
    window.resize(300, 60);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(layoutProblems(&window).size(), 1);

    // The same text, clipped, is fine once its whole is a tooltip away, or once it wraps.
    label->setToolTip(label->text());
    QVERIFY(fits(&window, "planted"));
    label->setToolTip({});
    label->setWordWrap(true);
    QVERIFY(fits(&window, "planted"));
}

void TestLayout1024::checkerCatchesAControlPastTheRightEdge()
{
    QWidget window;
    window.resize(300, 100);
    auto* edit = new QLineEdit(&window);
    edit->setGeometry(200, 10, 150, 24);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList problems = layoutProblems(&window);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("right edge")), qPrintable(problems.first()));
    edit->setGeometry(100, 10, 150, 24);
    QVERIFY(fits(&window, "planted"));
}

void TestLayout1024::checkerCatchesATableThatScrollsSideways()
{
    WideTable table;
    table.view.resize(300, 200);
    table.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table.view));
    QTRY_VERIFY(table.view.horizontalScrollBar()->isVisible());
    QWidget holder;
    auto* row = new QHBoxLayout(&holder);
    WideTable inside;
    row->addWidget(&inside.view);
    holder.resize(300, 200);
    holder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&holder));
    QTRY_VERIFY(inside.view.horizontalScrollBar()->isVisible());
    const QStringList problems = layoutProblems(&holder);
    QVERIFY2(problems.size() == 1 && problems.first().contains(QStringLiteral("sideways")),
             qPrintable(problems.join(u'\n')));
    row->removeWidget(&inside.view);
    inside.view.setParent(nullptr);
}

// --- The desk's screens ------------------------------------------------------------------------

void TestLayout1024::signInDialog()
{
    w().beginSignIn();
    ui::SignInDialog* dialog = w().signInDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->width() <= kWidth && dialog->height() <= kHeight);
    QVERIFY(fits(dialog, "sign-in dialog"));
}

void TestLayout1024::triageWithPlans()
{
    QVERIFY(m_desk->signIn(QStringLiteral("triage-nurse")));
    QVERIFY(m_desk->lookUp(QStringLiteral("9990000042"), true)); // several plans
    QTRY_VERIFY(!m_desk->triage()->awaitsConfirmation());
    QVERIFY(fits(&w(), "triage with plans"));
}

void TestLayout1024::triageWithSearchPanel()
{
    QVERIFY(m_desk->signIn(QStringLiteral("triage-nurse")));
    QVERIFY(m_desk->lookUp(QStringLiteral("9990000018"), true));
    m_desk->triage()->openSearch();
    QTRY_VERIFY(m_desk->triage()->searchPanel()->isVisible());
    QVERIFY(fits(&w(), "triage with the search panel"));
}

void TestLayout1024::notices()
{
    QWidget* view = openScreen(QStringLiteral("social-worker"), DeskFunction::Notices);
    QVERIFY(view);
    auto* table = view->findChild<QAbstractItemView*>(QStringLiteral("noticesTable"));
    QVERIFY(table);
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 10000);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return); // the detail pane filled, its longest state
    QVERIFY(fits(&w(), "notices"));
}

void TestLayout1024::review()
{
    QWidget* view = openScreen(QStringLiteral("safeguarding-lead"), DeskFunction::Review);
    QVERIFY(view);
    // Training has no audit hub: the screen's longest state is the message that says so.
    auto* problem = view->findChild<QLabel*>(QStringLiteral("reviewProblem"));
    QVERIFY(problem);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 10000);
    QVERIFY(fits(&w(), "review"));
}

void TestLayout1024::areaLists_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("school nurse") << QStringLiteral("school-nurse");
    QTest::newRow("health visitor") << QStringLiteral("health-visitor");
}

void TestLayout1024::areaLists()
{
    QFETCH(QString, user);
    QWidget* view = openScreen(user, DeskFunction::AreaLists);
    QVERIFY(view);
    auto* areas = view->findChild<QComboBox*>(QStringLiteral("areaPicker"));
    auto* sync = view->findChild<QPushButton*>(QStringLiteral("syncButton"));
    auto* table = view->findChild<QAbstractItemView*>(QStringLiteral("areaTable"));
    QVERIFY(areas && sync && table);
    QTRY_VERIFY_WITH_TIMEOUT(areas->count() > 0 && sync->isEnabled(), 10000);
    QVERIFY(fits(&w(), "area list before a sync"));
    QTest::mouseClick(sync, Qt::LeftButton);
    // While it syncs: the Cancel button and the progress show.
    QTRY_VERIFY_WITH_TIMEOUT(!sync->isEnabled(), 10000);
    QVERIFY(fits(&w(), "area list while syncing"));
    QTRY_VERIFY_WITH_TIMEOUT(sync->isEnabled() && table->model()->rowCount() > 0, 15000);
    QVERIFY(fits(&w(), "area list after a sync"));
}

void TestLayout1024::localDirectory()
{
    QVERIFY(m_desk->signIn(QStringLiteral("triage-nurse")));
    ui::LocalDirectoryDialog* directory = openDirectory(w());
    QVERIFY(directory);
    DirectoryEntry e;
    e.odsCode = QStringLiteral("RXX99");
    e.email = QStringLiteral("safeguarding.children.team.out-of-hours@sandbox-general.nhs.net");
    e.notes = QStringLiteral("Out of hours: ring the on-call safeguarding lead through the "
                             "hospital switchboard before emailing.");
    addEntry(directory, e);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(directory->view()->model()->rowCount() > 0);
    QVERIFY(directory->width() <= kWidth && directory->height() <= kHeight);
    QVERIFY(fits(directory, "local directory"));
    // The entry dialog, opened on the long entry.
    QTest::keyClick(directory->view(), Qt::Key_Insert);
    QTRY_VERIFY(entryDialog(directory));
    QVERIFY(fits(entryDialog(directory), "directory entry"));
    entryDialog(directory)->reject();
}

void TestLayout1024::settingsDialog()
{
    QVERIFY(m_desk->signIn(QStringLiteral("triage-nurse")));
    w().openSettings();
    auto* dialog = w().findChild<QDialog*>(QStringLiteral("settingsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->width() <= kWidth && dialog->height() <= kHeight);
    QVERIFY(fits(dialog, "settings dialog"));
    dialog->reject();
}

QTEST_MAIN(TestLayout1024)
#include "tst_layout1024.moc"
