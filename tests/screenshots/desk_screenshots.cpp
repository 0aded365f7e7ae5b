// desk_screenshots: the screenshots in docs/screenshots, taken from the desk itself.
//
// Builds the desk through the same composition as cpis-desk (app/desk), in training mode
// against its in-process sandbox, and drives it as a keyboard user would: controls are found
// by their object or accessible names, and reached with keys. Then saves the window as PNG.
//
//   desk_screenshots --list                          the scenario names, one a line
//   desk_screenshots --store DIR SCENARIO OUT.png    one screenshot (scripts/screenshot.sh)
//
// The store lives in a keychain like the desk's: run it inside
// tests/support/with-private-keyring.sh, as scripts/screenshot.sh does.
#include "app/desk/Desk.h"
#include "core/domain/Clock.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/SyntheticPopulation.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Translations.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <functional>

namespace {

using cpis::desk::Desk;
using cpis::ui::MainWindow;

constexpr int kAnswerMs = 15000; // a look-up, a check or a sync against the local sandbox

void say(const QString& text)
{
    QTextStream(stderr) << "desk_screenshots: " << text << '\n';
}

// Drives one desk through its names and keys; every step says why it failed.
class Driver
{
public:
    explicit Driver(Desk& desk) : m_desk(desk) {}

    MainWindow& window() { return m_desk.window(); }
    cpis::ui::TriageView* triage()
    {
        return qobject_cast<cpis::ui::TriageView*>(
            window().functionView(cpis::DeskFunction::LookUp));
    }
    Desk& desk() { return m_desk; }

    // The visible widget of type T with this object name, in any of the desk's windows.
    template <typename T> T* find(const QString& name)
    {
        T* found = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                for (QWidget* top : QApplication::topLevelWidgets()) {
                    T* w = top->objectName() == name ? qobject_cast<T*>(top) : nullptr;
                    if (!w)
                        w = top->findChild<T*>(name);
                    if (w && w->isVisible()) {
                        found = w;
                        return true;
                    }
                }
                return false;
            },
            kAnswerMs);
        if (!found)
            say(QStringLiteral("no visible %1 named %2")
                    .arg(QLatin1String(T::staticMetaObject.className()), name));
        return found;
    }

    bool waitFor(const std::function<bool()>& done, const QString& what)
    {
        if (QTest::qWaitFor(done, kAnswerMs))
            return true;
        say(QStringLiteral("timed out waiting for %1").arg(what));
        return false;
    }

    // The sign-in dialog the desk opens at start: the test user chosen with the arrow keys.
    bool signIn(const QString& userId)
    {
        auto* users = find<QListWidget>(QStringLiteral("testUserList"));
        if (!users || users->count() == 0)
            return false;
        users->setFocus();
        QTest::keyClick(users, Qt::Key_Home);
        for (int i = 0; i < users->count() && users->currentItem()->data(Qt::UserRole) != userId;
             ++i)
            QTest::keyClick(users, Qt::Key_Down);
        if (users->currentItem()->data(Qt::UserRole) != userId) {
            say(QStringLiteral("no test user %1").arg(userId));
            return false;
        }
        QSignalSpy signedIn(&window(), &MainWindow::signedIn);
        QTest::keyClick(users, Qt::Key_Return);
        if (!signedIn.wait(kAnswerMs)) {
            say(QStringLiteral("sign-in failed"));
            return false;
        }
        activate();
        return true;
    }

    // Xvfb has no window manager to make the desk the active window, which its shortcuts
    // (Ctrl+Enter, Ctrl+L, Ctrl+K) need: do what a window manager would.
    void activate()
    {
        QApplication::setActiveWindow(&window());
        (void)QTest::qWaitForWindowActive(&window(), 2000);
    }

    // Types the number into the NHS number field and presses Enter; waits for the banner.
    bool lookUp(const QString& nhs)
    {
        activate();
        auto* field = find<QLineEdit>(QStringLiteral("nhsNumberField"));
        if (!field)
            return false;
        field->setFocus();
        QTest::keyClick(field, Qt::Key_Escape);
        QSignalSpy answered(triage(), &cpis::ui::TriageView::lookupAnswered);
        QTest::keyClicks(field, nhs);
        QTest::keyClick(field, Qt::Key_Return);
        return answered.wait(kAnswerMs) || (say(QStringLiteral("no answer")), false);
    }

    // Ctrl+Enter: the banner matches the person; the CP-IS section opens.
    bool confirmBanner()
    {
        if (!triage()->awaitsConfirmation())
            return true; // no banner to confirm (no record, could not check)
        QSignalSpy shown(triage(), &cpis::ui::TriageView::resultShown);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window(),
                        Qt::Key_Return, Qt::ControlModifier);
        return shown.count() > 0 || shown.wait(kAnswerMs) ||
               (say(QStringLiteral("the banner was not confirmed")), false);
    }

    // Ctrl+L, from anywhere in the desk.
    bool lock()
    {
        QSignalSpy locked(&window(), &MainWindow::locked);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window(),
                        Qt::Key_L, Qt::ControlModifier);
        return locked.count() > 0 || locked.wait(kAnswerMs) ||
               (say(QStringLiteral("the desk did not lock")), false);
    }

    // Arrows along the desk's function tabs until the screen with this object name shows.
    QWidget* openTab(const QString& screen)
    {
        auto* tabs = find<QTabWidget>(QStringLiteral("functionTabs"));
        if (!tabs)
            return nullptr;
        tabs->tabBar()->setFocus();
        QTest::keyClick(tabs->tabBar(), Qt::Key_Home);
        for (int i = 0; i < tabs->count() && tabs->currentWidget()->objectName() != screen; ++i)
            QTest::keyClick(tabs->tabBar(), Qt::Key_Right);
        if (tabs->currentWidget()->objectName() != screen) {
            say(QStringLiteral("no %1 tab").arg(screen));
            return nullptr;
        }
        return tabs->currentWidget();
    }

    // Focuses a table and moves to its n-th row (from 0) with Home and Down.
    void selectRow(QAbstractItemView* table, int row)
    {
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Home);
        for (int i = 0; i < row; ++i)
            QTest::keyClick(table, Qt::Key_Down);
    }

    static int rows(QAbstractItemView* table)
    {
        return table && table->model() ? table->model()->rowCount() : 0;
    }

private:
    Desk& m_desk;
};

// --- The scenarios ------------------------------------------------------------------------------

bool lookUpAndConfirm(Driver& d, const QString& nhs)
{
    return d.signIn(QStringLiteral("triage-nurse")) && d.lookUp(nhs) && d.confirmBanner();
}

// The social worker's notices, once the first check has filled the table, on the n-th notice.
bool openNotice(Driver& d, int row)
{
    if (!d.signIn(QStringLiteral("social-worker")) || !d.openTab(QStringLiteral("noticesView")))
        return false;
    auto* table = d.find<QAbstractItemView>(QStringLiteral("noticesTable"));
    if (!table || !d.waitFor([&] { return Driver::rows(table) > row; }, QStringLiteral("notices")))
        return false;
    d.selectRow(table, row);
    QTest::keyClick(table, Qt::Key_Return); // opening a notice is the user's act: Enter
    return true;
}

// Then Ctrl+K, and the Acknowledged tab with the notice just acknowledged.
bool acknowledgeNotice(Driver& d)
{
    if (!openNotice(d, 0))
        return false;
    auto* table = d.find<QAbstractItemView>(QStringLiteral("noticesTable"));
    auto* status = d.find<QTabBar>(QStringLiteral("noticesStatusTabs"));
    if (!table || !status)
        return false;
    const QString acknowledged = status->tabText(1);
    QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);
    if (!d.waitFor([&] { return status->tabText(1) != acknowledged; },
                   QStringLiteral("the acknowledgement")))
        return false;
    status->setFocus();
    QTest::keyClick(status, Qt::Key_Right);
    d.selectRow(table, 0);
    QTest::keyClick(table, Qt::Key_Return);
    return true;
}

// The safeguarding lead's review queue, once its refresh has filled it.
bool reviewQueue(Driver& d)
{
    if (!d.signIn(QStringLiteral("safeguarding-lead")) || !d.openTab(QStringLiteral("reviewView")))
        return false;
    auto* queue = d.find<QAbstractItemView>(QStringLiteral("reviewQueue"));
    return queue && d.waitFor([&] { return Driver::rows(queue) > 0; }, QStringLiteral("the queue"));
}

// The area list: the first area synced with the Sync button, then filtered as typed.
bool areaList(Driver& d, const QString& user, const QString& filter = {})
{
    if (!d.signIn(user) || !d.openTab(QStringLiteral("areaListView")))
        return false;
    auto* areas = d.find<QComboBox>(QStringLiteral("areaPicker"));
    auto* sync = d.find<QPushButton>(QStringLiteral("syncButton"));
    auto* table = d.find<QAbstractItemView>(QStringLiteral("areaTable"));
    if (!areas || !sync || !table ||
        !d.waitFor([&] { return areas->count() > 0 && sync->isEnabled(); },
                   QStringLiteral("the areas")))
        return false;
    sync->setFocus();
    QTest::keyClick(sync, Qt::Key_Space);
    if (!d.waitFor([&] { return !sync->isEnabled(); }, QStringLiteral("the sync to start")) ||
        !d.waitFor([&] { return sync->isEnabled() && Driver::rows(table) > 0; },
                   QStringLiteral("the sync")))
        return false;
    if (!filter.isEmpty()) {
        auto* field = d.find<QLineEdit>(QStringLiteral("listFilter"));
        if (!field)
            return false;
        field->setFocus();
        QTest::keyClicks(field, filter);
    }
    return true;
}

// No NHS number (a child brought in by the police with no papers): Ctrl+F, the details as
// given (the family name misspelt, day and month of birth swapped), Enter; the candidates.
bool findByDetails(Driver& d)
{
    if (!d.signIn(QStringLiteral("triage-nurse")) || !d.desk().sandbox())
        return false;
    const cpis::sandbox::SyntheticPopulation& pop = d.desk().sandbox()->population();
    cpis::sandbox::SandboxPerson child;
    for (int i = 0; i < pop.generatedCount() && child.nhsNumber.isEmpty(); ++i) {
        const cpis::sandbox::SandboxPerson p = pop.generatedAt(i);
        const QDate b = p.birthDate;
        if (!p.restricted && b.day() <= 12 && b.day() != b.month() && p.familyName.size() >= 5 &&
            b.daysTo(QDate::currentDate()) > 6 * 365 && b.daysTo(QDate::currentDate()) < 12 * 365)
            child = p;
    }
    if (child.nhsNumber.isEmpty())
        return (say(QStringLiteral("no child to search for")), false);
    QString family = child.familyName;
    std::swap(family[2], family[3]);
    const QDate b = child.birthDate;
    auto* field = d.find<QLineEdit>(QStringLiteral("nhsNumberField"));
    if (!field)
        return false;
    field->setFocus();
    QTest::keyClick(field, Qt::Key_F, Qt::ControlModifier);
    auto* familyField = d.find<QLineEdit>(QStringLiteral("searchFamily"));
    if (!familyField)
        return false;
    const QStringList typed{family, child.givenName, child.gender.left(1).toUpper(),
                            QStringLiteral("%1/%2/%3")
                                .arg(b.month(), 2, 10, QLatin1Char('0'))
                                .arg(b.day(), 2, 10, QLatin1Char('0'))
                                .arg(b.year())};
    for (const QString& text : typed) {
        QTest::keyClicks(QApplication::focusWidget(), text);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    auto* table = d.find<QAbstractItemView>(QStringLiteral("candidateTable"));
    return table &&
           d.waitFor([&] { return Driver::rows(table) > 0; }, QStringLiteral("the candidates"));
}

constexpr QSize kSmall(1024, 700);

struct Scenario
{
    QString name; // the screenshot's file name in docs/screenshots, without .png
    std::function<bool(Driver&)> run;
    // A name ending -1024 shows the window at 1024×700, the smallest screen the desk must fit.
    QSize size() const { return name.endsWith(u"-1024") ? kSmall : QSize(); }
};

QList<Scenario> scenarios()
{
    const auto plans = [](const char* nhs) {
        return [nhs](Driver& d) { return lookUpAndConfirm(d, QLatin1String(nhs)); };
    };
    return {
        // The window as it opens, and the sign-in dialog beside it (desk-signin-dialog.png).
        {QStringLiteral("desk-signin"),
         [](Driver& d) { return d.find<QWidget>(QStringLiteral("signInDialog")) != nullptr; }},
        {QStringLiteral("desk-ready"),
         [](Driver& d) { return d.signIn(QStringLiteral("triage-nurse")); }},
        {QStringLiteral("desk-banner-confirm"),
         [](Driver& d) {
             return d.signIn(QStringLiteral("triage-nurse")) &&
                    d.lookUp(QStringLiteral("9990000018"));
         }},
        // The banner was not the person: Ctrl+Shift+N, nothing sent, the screen cleared.
        {QStringLiteral("desk-not-this-person"),
         [](Driver& d) {
             if (!d.signIn(QStringLiteral("triage-nurse")) ||
                 !d.lookUp(QStringLiteral("9990000018")))
                 return false;
             QTest::keyClick(QApplication::focusWidget(), Qt::Key_N,
                             Qt::ControlModifier | Qt::ShiftModifier);
             return !d.triage()->awaitsConfirmation();
         }},
        // Confirmed, and CP-IS is slow (999 000 0131 answers after 1.5 s): the wait, counted.
        {QStringLiteral("desk-busy"),
         [](Driver& d) {
             if (!d.signIn(QStringLiteral("triage-nurse")) ||
                 !d.lookUp(QStringLiteral("9990000131")))
                 return false;
             QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
             auto* busy = d.find<QLabel>(QStringLiteral("busyText"));
             return busy && d.waitFor([&] { return busy->text().contains(u'('); },
                                      QStringLiteral("the seconds waited"));
         }},
        {QStringLiteral("desk-plans-found"), plans("9990000018")},
        {QStringLiteral("desk-several-plans"), plans("9990000042")},
        {QStringLiteral("desk-ended-plan"), plans("9990000050")},
        {QStringLiteral("desk-ucpp"), plans("9990000034")},
        {QStringLiteral("desk-restricted"), plans("9990000077")},
        {QStringLiteral("desk-deceased"), plans("9990002908")},
        {QStringLiteral("desk-born-partial"), plans("9990002924")},
        {QStringLiteral("desk-superseded"), plans("9990000085")},
        {QStringLiteral("desk-no-record"), plans("9990000069")},
        // A plan type this desk does not know (the sandbox's unknown-plan-code number).
        {QStringLiteral("desk-unknown-plan-type"), plans("9990000247")},
        {QStringLiteral("desk-find-by-details"), findByDetails},
        {QStringLiteral("desk-could-not-check"), plans("9990000190")},
        // Looked up once, then the service goes away: the second answer is the offline copy.
        {QStringLiteral("desk-from-cache"),
         [](Driver& d) {
             if (!lookUpAndConfirm(d, QStringLiteral("9990000018")))
                 return false;
             d.desk().stopSandbox();
             return d.lookUp(QStringLiteral("9990000018")) && d.confirmBanner();
         }},
        {QStringLiteral("desk-locked"),
         [](Driver& d) { return lookUpAndConfirm(d, QStringLiteral("9990000018")) && d.lock(); }},
        {QStringLiteral("notices-new"), [](Driver& d) { return openNotice(d, 0); }},
        {QStringLiteral("notices-acknowledged"), acknowledgeNotice},
        {QStringLiteral("review-queue"), reviewQueue},
        {QStringLiteral("arealist-school-nurse"),
         [](Driver& d) { return areaList(d, QStringLiteral("school-nurse")); }},
        {QStringLiteral("arealist-filtered"),
         [](Driver& d) {
             return areaList(d, QStringLiteral("school-nurse"), QStringLiteral("sm"));
         }},
        {QStringLiteral("arealist-health-visitor"),
         [](Driver& d) { return areaList(d, QStringLiteral("health-visitor")); }},
        // The same screens on a 1024×700 window: nothing clipped, no sideways scrolling.
        {QStringLiteral("triage-1024"), plans("9990000042")},
        {QStringLiteral("notices-1024"), [](Driver& d) { return openNotice(d, 0); }},
        {QStringLiteral("review-1024"), reviewQueue},
        {QStringLiteral("arealist-1024"),
         [](Driver& d) { return areaList(d, QStringLiteral("school-nurse")); }},
    };
}

bool save(QWidget* widget, const QString& file)
{
    if (widget->grab().save(file))
        return true;
    say(QStringLiteral("could not write %1").arg(file));
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    // The names only: no display, no desk.
    if (argc == 2 && QByteArray(argv[1]) == "--list") {
        for (const Scenario& s : scenarios())
            QTextStream(stdout) << s.name << '\n';
        return 0;
    }
    QApplication app(argc, argv);
    Desk::setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("CP-IS Desk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cpis-desk.png")));
    // The documentation's language, whatever this machine's locale.
    cpis::ui::Translations translations;
    translations.install(QLocale(QStringLiteral("en_GB")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Takes the desk's documented screenshots."));
    parser.addHelpOption();
    const QCommandLineOption list(QStringLiteral("list"), QStringLiteral("List the scenarios."));
    const QCommandLineOption store(QStringLiteral("store"),
                                   QStringLiteral("Folder of the throwaway encrypted store."),
                                   QStringLiteral("dir"));
    parser.addOption(list);
    parser.addOption(store);
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("What to show."));
    parser.addPositionalArgument(QStringLiteral("out"), QStringLiteral("The PNG to write."));
    parser.process(app);

    const QList<Scenario> all = scenarios();
    if (parser.isSet(list)) {
        for (const Scenario& s : all)
            QTextStream(stdout) << s.name << '\n';
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || !parser.isSet(store))
        parser.showHelp(2);
    const auto scenario = std::find_if(all.cbegin(), all.cend(),
                                       [&](const Scenario& s) { return s.name == args.at(0); });
    if (scenario == all.cend()) {
        say(QStringLiteral("no scenario %1 (see --list)").arg(args.at(0)));
        return 2;
    }

    // The default settings, whatever this machine has saved.
    Desk::Options options;
    options.training = true;
    options.storeDirectory = parser.value(store);
    cpis::SystemClock clock;
    auto desk = Desk::open(options, clock);
    if (!desk) {
        say(desk.error());
        return 1;
    }
    Driver driver(*desk.value());
    if (scenario->size().isValid())
        driver.window().resize(scenario->size());
    desk.value()->show();
    if (!QTest::qWaitForWindowExposed(&driver.window()) || !scenario->run(driver))
        return 1;
    if (scenario->size().isValid() && driver.window().size() != scenario->size()) {
        say(QStringLiteral("the window would not be %1×%2")
                .arg(scenario->size().width())
                .arg(scenario->size().height()));
        return 1;
    }
    QTest::qWait(400); // let the last layout and focus frame settle before the grab
    const QString out = args.at(1);
    if (scenario->name == u"desk-signin") {
        // The dialog is its own window: captured beside the main one.
        QString dialogFile = out;
        dialogFile.replace(QStringLiteral(".png"), QStringLiteral("-dialog.png"));
        if (!save(driver.find<QWidget>(QStringLiteral("signInDialog")), dialogFile))
            return 1;
    }
    return save(&driver.window(), out) ? 0 : 1;
}
