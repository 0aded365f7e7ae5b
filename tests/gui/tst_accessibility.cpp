// Every window and dialog of the desk, seen the way assistive technology and the keyboard
// see it: through QAccessible, every focusable control must have a name, and Tab from the
// first control must reach every visible, enabled focusable control and come back round.
//
// Adding a window is one line in screens() below: a name and how to open it on a desk
// that is set up against the in-process sandbox.
#include "core/arealist/AreaListService.h"
#include "core/notices/NoticeService.h"
#include "tests/support/TrainingDesk.h"
#include "ui/arealist/AreaListView.h"
#include "ui/directory/DirectoryEntryDialog.h"
#include "ui/directory/LocalDirectoryDialog.h"
#include "ui/notices/NoticesView.h"
#include "ui/review/ReviewView.h"
#include "ui/shell/MainWindow.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <functional>
#include <memory>

using namespace cpis;
using cpis::ui::MainWindow;

namespace {

// A signed-out desk, shown, plus a window a screen may make on its own.
struct Rig : cpis::testsupport::TrainingDesk
{
    std::unique_ptr<QWidget> extra;

    // The real role screens (notices, review, area lists), as the desk offers them.
    Rig()
        : TrainingDesk(ui::DeskSettings{}, FhirTransport::Settings(), testsupport::allRealScreens())
    {
        window->show();
    }
    ~Rig() { extra.reset(); }

    bool lookUpSignedIn(const QString& nhs, bool confirm)
    {
        return signIn() && lookUp(nhs, confirm);
    }
    template <typename T> T* dialog(const char* objectName)
    {
        T* d = nullptr;
        (void)QTest::qWaitFor([&] {
            for (T* c : window->findChildren<T*>(QLatin1String(objectName)))
                if (c->isVisible())
                    d = c;
            return d != nullptr;
        });
        return d;
    }
};

struct Screen
{
    const char* name;
    std::function<QWidget*(Rig&)> open; // null when the screen could not be reached
};

QWidget* signedIn(Rig& r)
{
    return r.signIn() ? r.window.get() : nullptr;
}
QWidget* lookedUp(Rig& r, const char* nhs, bool confirm)
{
    return r.lookUpSignedIn(QLatin1String(nhs), confirm) ? r.window.get() : nullptr;
}
QWidget* locked(Rig& r)
{
    if (!r.signIn())
        return nullptr;
    r.window->lock();
    return r.window.get();
}
QWidget* localDirectory(Rig& r)
{
    if (!r.signIn())
        return nullptr;
    auto* open = r.window->findChild<QAction*>(QStringLiteral("localDirectoryAction"));
    if (!open)
        return nullptr;
    open->trigger(); // as the Desk menu entry does
    return r.window->findChild<ui::LocalDirectoryDialog*>();
}
QWidget* entryDialog(Rig& r, bool editing)
{
    const DirectoryEntry e =
        editing ? DirectoryEntry{QStringLiteral("SHE1"), QStringLiteral("a@b.example"),
                                 QStringLiteral("notes")}
                : DirectoryEntry{};
    r.extra = std::make_unique<ui::DirectoryEntryDialog>(e, editing);
    r.extra->show();
    return r.extra.get();
}

// A role's screen once its first answer is in (the inbox checked, the queue refreshed, the list
// synced), so its tables hold rows.
template <typename View, typename Ready>
QWidget* roleScreen(Rig& r, const char* user, DeskFunction f, Ready ready)
{
    r.window->signInAs(QLatin1String(user));
    if (!QTest::qWaitFor([&] { return r.window->isSignedIn(); }, 10000))
        return nullptr;
    auto* view = qobject_cast<View*>(r.window->functionView(f));
    if (!view)
        return nullptr;
    r.window->functionTabs()->setCurrentWidget(view);
    return ready(view) ? r.window.get() : nullptr;
}

QWidget* noticesScreen(Rig& r)
{
    return roleScreen<ui::NoticesView>(
        r, "social-worker", DeskFunction::Notices, [](ui::NoticesView* v) {
            return QTest::qWaitFor([v] { return v->service().state().lastSuccessUtc.isValid(); },
                                   10000);
        });
}

QWidget* reviewScreen(Rig& r)
{
    return roleScreen<ui::ReviewView>(r, "safeguarding-lead", DeskFunction::Review,
                                      [](ui::ReviewView* v) {
                                          QSignalSpy done(v, &ui::ReviewView::refreshFinished);
                                          v->refresh();
                                          return done.wait(10000);
                                      });
}

QWidget* areaListScreen(Rig& r, const char* user)
{
    return roleScreen<ui::AreaListView>(
        r, user, DeskFunction::AreaLists, [&r](ui::AreaListView* v) {
            if (!QTest::qWaitFor([v] { return !v->currentAreaId().isEmpty(); }, 10000))
                return false; // the areas never came
            QSignalSpy done(r.stack->areaLists.get(), &AreaListService::finished);
            v->startSync();
            return done.wait(15000);
        });
}

// Every window and dialog, in each state that shows different controls. One line each.
const QList<Screen>& screens()
{
    static const QList<Screen> all = {
        {"main window: sign-in gate", [](Rig& r) -> QWidget* { return r.window.get(); }},
        {"main window: desk, nothing looked up", signedIn},
        {"main window: banner awaiting confirmation",
         [](Rig& r) { return lookedUp(r, "9990000018", false); }},
        {"main window: result shown (two plans, history)",
         [](Rig& r) { return lookedUp(r, "9990000042", true); }},
        {"main window: could not check (malformed answer)",
         [](Rig& r) { return lookedUp(r, "9990000212", true); }},
        {"main window: locked", locked},
        {"sign-in dialog",
         [](Rig& r) -> QWidget* {
             r.window->beginSignIn();
             return r.window->signInDialog();
         }},
        {"settings dialog",
         [](Rig& r) -> QWidget* {
             r.window->openSettings();
             return r.dialog<QDialog>("settingsDialog");
         }},
        {"local directory dialog", localDirectory},
        {"directory entry dialog: add", [](Rig& r) { return entryDialog(r, false); }},
        {"directory entry dialog: edit", [](Rig& r) { return entryDialog(r, true); }},
        {"main window: social worker's notices", noticesScreen},
        {"main window: safeguarding lead's review queue", reviewScreen},
        {"main window: school nurse's area list, synced",
         [](Rig& r) { return areaListScreen(r, "school-nurse"); }},
        {"main window: health visitor's area list, synced",
         [](Rig& r) { return areaListScreen(r, "health-visitor"); }},
    };
    return all;
}

QString describe(const QObject* o)
{
    return QString::fromLatin1(o->metaObject()->className()) + u" '" + o->objectName() + u'\'';
}

bool tabbable(const QWidget* w)
{
    return w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) &&
           !w->focusProxy();
}

// Focusable accessible objects backed by a widget, found by walking QAccessible's tree.
void collectUnnamed(QAccessibleInterface* iface, QStringList& unnamed, int depth = 0)
{
    if (!iface || !iface->isValid() || depth > 64)
        return;
    const QAccessible::State state = iface->state();
    if (state.invisible)
        return;
    auto* widget = qobject_cast<QWidget*>(iface->object());
    // A widget whose focus goes to a proxy (a scroll area's viewport) is not a stop of its own.
    if (widget && state.focusable && widget->focusPolicy() != Qt::NoFocus &&
        !widget->focusProxy() && iface->text(QAccessible::Name).trimmed().isEmpty())
        unnamed << describe(widget) + u" (role " + QString::number(int(iface->role())) + u')';
    // Rows and cells of item views are named by their data; the view itself is checked.
    if (iface->tableInterface() || iface->role() == QAccessible::List ||
        iface->role() == QAccessible::Tree)
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        collectUnnamed(iface->child(i), unnamed, depth + 1);
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFocusableControlIsNamed_data() { screenRows(); }
    void everyFocusableControlIsNamed();
    void tabReachesEveryControl_data() { screenRows(); }
    void tabReachesEveryControl();

private:
    void screenRows();
    QWidget* openScreen(int index);
    std::unique_ptr<Rig> m_rig;
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QAccessible::setActive(true); // interfaces as a screen reader would get them
}

void TestAccessibility::screenRows()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < screens().size(); ++i)
        QTest::newRow(screens().at(i).name) << i;
}

QWidget* TestAccessibility::openScreen(int index)
{
    m_rig = std::make_unique<Rig>();
    if (!QTest::qWaitForWindowExposed(m_rig->window.get()))
        return nullptr;
    QWidget* w = screens().at(index).open(*m_rig);
    if (!w || !QTest::qWaitForWindowExposed(w))
        return nullptr;
    QApplication::setActiveWindow(w);
    return w;
}

void TestAccessibility::everyFocusableControlIsNamed()
{
    QFETCH(int, index);
    QWidget* root = openScreen(index);
    QVERIFY2(root, "the screen did not open");
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(root);
    QVERIFY(iface);
    QVERIFY2(!iface->text(QAccessible::Name).isEmpty(), qPrintable(describe(root)));
    QStringList unnamed;
    collectUnnamed(iface, unnamed);
    // Cross-check with the widget tree: a focusable widget the accessible tree does not
    // reach is invisible to a screen reader however well it is named.
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!tabbable(w) || w->window() != root)
            continue;
        QAccessibleInterface* wi = QAccessible::queryAccessibleInterface(w);
        if (!wi || wi->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << describe(w) + u" (widget tree)";
    }
    unnamed.removeDuplicates();
    QVERIFY2(unnamed.isEmpty(),
             qPrintable(u"without an accessible name: " + unnamed.join(QStringLiteral(", "))));
    m_rig.reset();
}

void TestAccessibility::tabReachesEveryControl()
{
    QFETCH(int, index);
    QWidget* root = openScreen(index);
    QVERIFY2(root, "the screen did not open");

    QList<QWidget*> expected;
    for (QWidget* w : root->findChildren<QWidget*>())
        if (tabbable(w) && w->window() == root)
            expected << w;
    QVERIFY2(!expected.isEmpty(), "no focusable control");

    // The first control in the focus chain, then real Tab presses, as a keyboard user.
    QWidget* first = root->nextInFocusChain();
    while (first != root && !expected.contains(first))
        first = first->nextInFocusChain();
    QVERIFY2(first != root, "no focusable control in the focus chain");
    first->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), first);

    QSet<QWidget*> reached{first};
    bool cameBack = false;
    for (int i = 0; i < 4 * expected.size() + 8; ++i) {
        QWidget* now = QApplication::focusWidget();
        QVERIFY2(now, "focus was lost after a Tab");
        QTest::keyClick(now, Qt::Key_Tab);
        QWidget* next = QApplication::focusWidget();
        QVERIFY2(next && next->window() == root,
                 qPrintable(u"Tab left the window from " + describe(now)));
        if (next == first) {
            cameBack = true;
            break;
        }
        reached.insert(next);
    }
    QStringList missed;
    for (QWidget* w : std::as_const(expected))
        if (!reached.contains(w))
            missed << describe(w);
    QVERIFY2(missed.isEmpty(), qPrintable(u"not reachable by Tab from " + describe(first) + u": " +
                                          missed.join(QStringLiteral(", "))));
    QVERIFY2(cameBack, qPrintable(u"Tab never came back to " + describe(first) +
                                  u" (a control keeps the focus)"));
    m_rig.reset();
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
