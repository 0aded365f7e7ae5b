// The area-list screen in the real main window: signed in as the school nurse
// against the in-process sandbox, sync, sort, filter, plan type, ended plans, cancel, CSV
// export (audited), and a lock that destroys the screen with its list.
#include "app/desk/DeskComposition.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/AreaDirectory.h"
#include "tests/support/MemoryDesk.h"
#include "ui/arealist/AreaListModel.h"
#include "ui/arealist/AreaListView.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace cpis;
using cpis::sandbox::SandboxServer;
using cpis::ui::AreaListModel;
using cpis::ui::AreaListView;
using cpis::ui::MainWindow;

class TestAreaListView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The screen's numbers follow the UI's locale: British English here ("60,000").
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
    void init();
    void cleanup();
    void syncShowsTheListWithItsAsOf();
    void progressReadsOneLinePerPhaseWithSeparators();
    void sortFilterPlanTypeAndEnded();
    void cancelKeepsTheListAndSaysSo();
    void failedSyncNeverLooksEmpty();
    void partialSyncShowsTheServiceProblems();
    void exportWritesCsvAndAudits();
    void exportOffersTheAdministratorsFolder();
    void exportNeverOverwritesNorFollowsLinks();
    void exportNeutralisesFormulaCells();
    void keyboardAndAccessibleNames();
    void lockDestroysTheView();
    void modelPassesTheTester();

private:
    AreaListView* view() const
    {
        return qobject_cast<AreaListView*>(m_window->functionView(DeskFunction::AreaLists));
    }
    template <typename T> T* child(const char* name) const
    {
        return view()->findChild<T*>(QLatin1String(name));
    }
    bool sync();
    QStringList auditActions() const;
    QString progressText() const { return child<QLabel>("syncProgressText")->text(); }

    // 14:02 UK time today: the times the screen shows are the clock's, not the machine's.
    ManualClock m_clock{QDateTime(
        QDate::currentDate(), QTime(14, 2), QTimeZone(QByteArrayLiteral("Europe/London")))};
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<testsupport::MemoryDesk> m_stack;
    std::unique_ptr<MainWindow> m_window;
};

void TestAreaListView::init()
{
    m_clock.set(QDateTime(QDate::currentDate(), QTime(14, 2),
                          QTimeZone(QByteArrayLiteral("Europe/London"))));
    // The progress test needs an area of thousands, to read its numbers' separators.
    const bool large =
        qstrcmp(QTest::currentTestFunction(), "progressReadsOneLinePerPhaseWithSeparators") == 0;
    SandboxServer::Options o;
    o.clock = &m_clock;
    o.areaLists.maxFileResources = large ? 2000 : 10;
    o.areaLists.retryAfterSecs = 0;
    if (large)
        o.areaLists.areaSize = 5000;
    m_sandbox = std::make_unique<SandboxServer>(o);
    QVERIFY(m_sandbox->start());
    m_stack = std::make_unique<testsupport::MemoryDesk>(m_sandbox->baseUrl(),
                                                        FhirTransport::Settings(), &m_clock);
    desk::RoleViewOptions roles;
    roles.functions = {DeskFunction::LookUp, DeskFunction::AreaLists};
    roles.training = m_sandbox.get();
    m_window = std::make_unique<MainWindow>(
        desk::environment(m_stack->services->config().profile, m_sandbox.get()),
        desk::windowServices(*m_stack->services, roles), ui::DeskSettings{});
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy signedIn(m_window.get(), &MainWindow::signedIn);
    m_window->signInAs(QStringLiteral("school-nurse"));
    QVERIFY(signedIn.wait(10000));
    QVERIFY(view());
    m_window->functionTabs()->setCurrentWidget(view());
    QTRY_VERIFY_WITH_TIMEOUT(child<QComboBox>("areaPicker")->count() == (large ? 4 : 3), 10000);
}

void TestAreaListView::cleanup()
{
    m_window.reset();
    m_stack.reset();
    m_sandbox.reset();
}

bool TestAreaListView::sync()
{
    QSignalSpy done(m_stack->areaLists.get(), &AreaListService::finished);
    QTest::mouseClick(child<QPushButton>("syncButton"), Qt::LeftButton);
    return done.wait(15000) && done.first().first().value<AreaListService::Outcome>().ok;
}

QStringList TestAreaListView::auditActions() const
{
    QStringList out;
    for (const AuditEntry& e : m_stack->userEntries())
        out << AuditEntry::actionName(e.action);
    return out;
}

void TestAreaListView::syncShowsTheListWithItsAsOf()
{
    auto* state = child<QLabel>("syncState");
    QVERIFY(state->text().contains(QStringLiteral("Not synced yet")));
    QCOMPARE(view()->model()->rowCount(), 0);
    // Every line while the sync runs: none says "up to date" before the list is committed.
    QStringList during;
    const QString areaId = view()->currentAreaId();
    bool committedEarly = false;
    connect(m_stack->areaLists.get(), &AreaListService::progress, view(), [&] {
        during << progressText();
        committedEarly = committedEarly || m_stack->areaLists->state(areaId).asOf.has_value();
    });
    QVERIFY(sync());
    QVERIFY(!during.isEmpty());
    QVERIFY(!committedEarly);
    for (const QString& line : std::as_const(during))
        QVERIFY2(!line.contains(QStringLiteral("up to date"), Qt::CaseInsensitive),
                 qPrintable(line));
    QVERIFY2(progressText().startsWith(QStringLiteral("Up to date as of 14:02.")),
             qPrintable(progressText()));
    QVERIFY(m_stack->areaLists->state(areaId).asOf.has_value());
    QVERIFY(view()->model()->rowCount() > 10);
    QVERIFY(state->text().startsWith(QStringLiteral("As of ")));
    QVERIFY(!child<QProgressBar>("syncProgress")->isVisible());
    QVERIFY(auditActions().contains(AuditEntry::actionName(AuditEntry::Action::ListSync)));
}

// The large synthetic area: every phase has its own line, in words of the desk's (not the
// service's "preparing: 40% (...)"), numbers with the locale's separators.
void TestAreaListView::progressReadsOneLinePerPhaseWithSeparators()
{
    auto* picker = child<QComboBox>("areaPicker");
    const auto groups = m_sandbox->areas().groups();
    QString largeId;
    for (const auto& g : groups)
        if (g.size == 5000)
            largeId = g.id;
    QVERIFY(!largeId.isEmpty());
    view()->selectArea(largeId);
    QCOMPARE(view()->currentAreaId(), largeId);
    QVERIFY(picker->currentText().contains(QStringLiteral(" on plans)")));
    // Slow preparation: the service's X-Progress is seen at least once.
    m_sandbox->areaLists().options().prepareIntervalMs = 50;
    QStringList lines;
    connect(m_stack->areaLists.get(), &AreaListService::progress, view(),
            [&] { lines << progressText(); });
    QVERIFY(sync());
    const QString all = lines.join(u'\n');
    static const QRegularExpression grouped(QStringLiteral("^\\d{1,3}(,\\d{3})+$"));
    const QRegularExpression preparing(
        QStringLiteral("^The national service is preparing the list: ([\\d,]+) of ([\\d,]+) "
                       "people$"));
    const QRegularExpression people(QStringLiteral("^Receiving ([\\d,]+) of ([\\d,]+) people$"));
    const QRegularExpression plans(QStringLiteral("^Receiving ([\\d,]+) of ([\\d,]+) plans$"));
    bool sawPreparing = false;
    bool sawPeople = false;
    bool sawPlans = false;
    for (const QString& line : std::as_const(lines)) {
        QVERIFY2(line.count(QStringLiteral("preparing"), Qt::CaseInsensitive) <= 1,
                 qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("Preparing:")), qPrintable(line));
        if (auto m = preparing.match(line); m.hasMatch()) {
            sawPreparing = true;
            QVERIFY2(grouped.match(m.captured(2)).hasMatch(), qPrintable(line));
        }
        if (auto m = people.match(line); m.hasMatch()) {
            sawPeople = true;
            QVERIFY2(grouped.match(m.captured(2)).hasMatch(), qPrintable(line));
        }
        if (auto m = plans.match(line); m.hasMatch()) {
            sawPlans = true;
            QVERIFY2(grouped.match(m.captured(2)).hasMatch(), qPrintable(line));
        }
    }
    QVERIFY2(sawPreparing, qPrintable(all));
    QVERIFY2(sawPeople, qPrintable(all));
    QVERIFY2(sawPlans, qPrintable(all));
    QVERIFY2(lines.contains(QStringLiteral("Saving the list…")), qPrintable(all));
    // The rows shown, with separators too.
    const QString count = child<QLabel>("rowCount")->text();
    static const QRegularExpression rows(
        QStringLiteral("^\\d{1,3}(,\\d{3})+ of \\d{1,3}(,\\d{3})+ rows shown$"));
    QVERIFY2(rows.match(count).hasMatch(), qPrintable(count));
    QCOMPARE(count, QStringLiteral("%1 of %2 rows shown")
                        .arg(QLocale().toString(view()->model()->rowCount()),
                             QLocale().toString(view()->model()->totalRows())));
}

void TestAreaListView::sortFilterPlanTypeAndEnded()
{
    QVERIFY(sync());
    AreaListModel* m = view()->model();
    auto* table = child<QTableView>("areaTable");
    const int total = m->totalRows();
    const int current = m->rowCount();
    QVERIFY(current < total); // ended plans hidden by default

    auto* ended = child<QCheckBox>("showEnded");
    ended->setFocus();
    QTest::keyClick(ended, Qt::Key_Space);
    QCOMPARE(m->rowCount(), total);
    QTest::keyClick(ended, Qt::Key_Space);
    QCOMPARE(m->rowCount(), current);

    // Sorting by the header: by birth date descending, then by name.
    table->horizontalHeader()->setSortIndicator(AreaListModel::BirthDate, Qt::DescendingOrder);
    QStringList births;
    for (int r = 0; r < m->rowCount(); ++r)
        births << m->data(m->index(r, AreaListModel::BirthDate)).toString();
    const auto rows = m->visibleRows();
    for (size_t i = 1; i < rows.size(); ++i)
        QVERIFY(*rows[i - 1].birthDate >= *rows[i].birthDate);
    table->horizontalHeader()->setSortIndicator(AreaListModel::Name, Qt::AscendingOrder);
    const auto byName = m->visibleRows();
    for (size_t i = 1; i < byName.size(); ++i)
        QVERIFY(byName[i - 1].familyName.toLower() <= byName[i].familyName.toLower());

    // Type-ahead: a family name, then an NHS number typed with spaces.
    auto* filter = child<QLineEdit>("listFilter");
    filter->setFocus();
    const QString family = byName.front().familyName;
    QTest::keyClicks(filter, family.left(4));
    QVERIFY(m->rowCount() >= 1);
    for (const AreaListRow& r : m->visibleRows())
        QVERIFY(r.familyName.contains(family.left(4), Qt::CaseInsensitive) ||
                r.givenName.contains(family.left(4), Qt::CaseInsensitive));
    filter->clear();
    QCOMPARE(m->rowCount(), current);
    const QString nhs = byName.back().nhsNumber;
    QTest::keyClicks(filter, nhs.left(3) + u' ' + nhs.mid(3, 3) + u' ' + nhs.mid(6));
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->visibleRows().front().nhsNumber, nhs);
    filter->clear();

    // Plan type.
    auto* plan = child<QComboBox>("planFilter");
    plan->setCurrentIndex(plan->findData(int(AreaListModel::PlanFilter::LookedAfter)));
    QVERIFY(m->rowCount() > 0);
    for (const AreaListRow& r : m->visibleRows())
        QCOMPARE(r.type, PlanType::LookedAfter);
    plan->setCurrentIndex(0);
    QCOMPARE(m->rowCount(), current);
}

void TestAreaListView::cancelKeepsTheListAndSaysSo()
{
    auto* state = child<QLabel>("syncState");
    auto* progress = child<QLabel>("syncProgressText");
    // A cancel before any list: it says there is none, plainly.
    m_sandbox->areaLists().options().prepareIntervalMs = 300;
    {
        QSignalSpy done(m_stack->areaLists.get(), &AreaListService::finished);
        QTest::mouseClick(child<QPushButton>("syncButton"), Qt::LeftButton);
        QTest::keyClick(child<QPushButton>("cancelButton"), Qt::Key_Space);
        QCOMPARE(done.size(), 1);
    }
    QCOMPARE(progress->text(), QStringLiteral("Sync cancelled; no list has been synced yet."));
    QVERIFY2(!state->text().contains(QStringLiteral("failed")), qPrintable(state->text()));
    QVERIFY(state->styleSheet().isEmpty());
    m_sandbox->areaLists().options().prepareIntervalMs = 0;

    QVERIFY(sync());
    m_clock.advanceSecs(10 * 60); // 14:12: the cancel names the list's time, not the clock's
    const int before = view()->model()->totalRows();
    m_sandbox->areaLists().options().prepareIntervalMs = 300; // the cancel lands while preparing
    QSignalSpy done(m_stack->areaLists.get(), &AreaListService::finished);
    QTest::mouseClick(child<QPushButton>("syncButton"), Qt::LeftButton);
    auto* cancel = child<QPushButton>("cancelButton");
    QVERIFY(cancel->isEnabled());
    QVERIFY(cancel->hasFocus()); // Enter or Space cancels at once
    QVERIFY(child<QProgressBar>("syncProgress")->isVisible());
    QTest::keyClick(cancel, Qt::Key_Space);
    QCOMPARE(done.size(), 1);
    QVERIFY(done.first().first().value<AreaListService::Outcome>().cancelled);
    QCOMPARE(view()->model()->totalRows(), before);
    QVERIFY(!cancel->isEnabled());
    // The user's choice, in neutral words and colours: not a failure.
    QCOMPARE(progress->text(), QStringLiteral("Sync cancelled; the list shown is as of 14:02."));
    QVERIFY(progress->styleSheet().isEmpty());
    QVERIFY2(!state->text().contains(QStringLiteral("failed"), Qt::CaseInsensitive),
             qPrintable(state->text()));
    QVERIFY2(!state->text().contains(QStringLiteral("Cancelled."), Qt::CaseInsensitive),
             qPrintable(state->text()));
    QVERIFY(state->styleSheet().isEmpty());
    QVERIFY(state->text().contains(QStringLiteral("As of")));
    // It stays neutral when the screen reads the state again (another area and back).
    const QString id = view()->currentAreaId();
    auto* picker = child<QComboBox>("areaPicker");
    picker->setCurrentIndex((picker->currentIndex() + 1) % picker->count());
    view()->selectArea(id);
    QVERIFY(!state->text().contains(QStringLiteral("failed")));
    QVERIFY(state->styleSheet().isEmpty());
}

void TestAreaListView::failedSyncNeverLooksEmpty()
{
    // The first sync fails (the service goes away): the screen says so, it is not "no children".
    m_sandbox.reset();
    QSignalSpy done(m_stack->areaLists.get(), &AreaListService::finished);
    QTest::mouseClick(child<QPushButton>("syncButton"), Qt::LeftButton);
    QVERIFY(done.wait(20000));
    QVERIFY(!done.first().first().value<AreaListService::Outcome>().ok);
    const QString state = child<QLabel>("syncState")->text();
    QVERIFY2(state.contains(QStringLiteral("failed")), qPrintable(state));
    QVERIFY(state.contains(QStringLiteral("No list has been received")));
}

// error[] in the manifest: the list is kept and the screen says what the service reported.
void TestAreaListView::partialSyncShowsTheServiceProblems()
{
    const QString areaId = view()->currentAreaId();
    const int area = m_sandbox->areas().indexOf(areaId);
    QVERIFY(area >= 0);
    QString failing;
    for (int i = 0; i < m_sandbox->areas().memberCount(area) && failing.isEmpty(); ++i) {
        const auto m = m_sandbox->areas().memberAt(area, i);
        if (m.listed(QDate::currentDate()))
            failing = m.person.nhsNumber;
    }
    QVERIFY(!failing.isEmpty());
    m_sandbox->areaLists().options().failingMembers = {failing};
    auto* problems = child<QLabel>("syncProblems");
    QVERIFY(problems->isHidden());
    QVERIFY(sync());
    QVERIFY(view()->model()->rowCount() > 10);
    QVERIFY(!problems->isHidden());
    QVERIFY2(problems->text().startsWith(QStringLiteral("Partial: 1 problem")),
             qPrintable(problems->text()));
    QVERIFY(problems->text().contains(QStringLiteral("could not be exported")));
    QCOMPARE(problems->accessibleName(),
             QStringLiteral("Problems reported by the national service"));
    // The next sync is complete: the problems go.
    m_sandbox->areaLists().options().failingMembers.clear();
    QVERIFY(sync());
    QVERIFY(problems->isHidden());
}

void TestAreaListView::exportWritesCsvAndAudits()
{
    QVERIFY(sync());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("list.csv"));
    QString suggested;
    view()->setSaveFileChooser([path, &suggested](const QString& s) {
        suggested = s;
        return path;
    });
    QSignalSpy exported(view(), &AreaListView::exported);
    auto* button = child<QPushButton>("exportButton");
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    QCOMPARE(exported.size(), 1);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    QCOMPARE(csv.count('\n'), view()->model()->rowCount() + 2);
    QCOMPARE(auditActions().last(), AuditEntry::actionName(AuditEntry::Action::Export));

    // Offered in Documents, named after the area and the day the list is as of.
    const QString areaName = m_stack->areaLists->state(view()->currentAreaId()).areaName;
    QVERIFY(!areaName.isEmpty());
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QFileInfo offered(suggested);
    QCOMPARE(
        offered.absolutePath(),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).absolutePath());
    const QRegularExpression name(
        QStringLiteral("^area-list-([a-z0-9]+(-[a-z0-9]+)*)-%1\\.csv$").arg(today));
    const auto m = name.match(offered.fileName());
    QVERIFY2(m.hasMatch(), qPrintable(offered.fileName()));
    QStringList words;
    for (const QString& w : areaName.toLower().split(
             QRegularExpression(QStringLiteral("[^a-z0-9]+")), Qt::SkipEmptyParts))
        words << w;
    QCOMPARE(m.captured(1), words.join(u'-'));

    // The file says which area and as of when, before the header row.
    const QList<QByteArray> lines = csv.split('\n');
    const QString first = QString::fromUtf8(lines.at(0)).trimmed();
    QVERIFY2(first.startsWith(QStringLiteral("# Area list as of %1 14:02 UK time,").arg(today)),
             qPrintable(first));
    QVERIFY2(first.contains(areaName), qPrintable(first));
    QVERIFY(lines.at(1).startsWith("NHS number,"));
}

void TestAreaListView::exportOffersTheAdministratorsFolder()
{
    QVERIFY(sync());
    QTemporaryDir dir;
    view()->setExportFolder(dir.path());
    QString suggested;
    view()->setSaveFileChooser([&suggested](const QString& s) {
        suggested = s;
        return QString(); // the user closes the dialog: nothing written
    });
    QSignalSpy exported(view(), &AreaListView::exported);
    QTest::mouseClick(child<QPushButton>("exportButton"), Qt::LeftButton);
    QCOMPARE(QFileInfo(suggested).absolutePath(), QDir(dir.path()).absolutePath());
    QVERIFY(QFileInfo(suggested).fileName().startsWith(QStringLiteral("area-list-")));
    QCOMPARE(exported.size(), 0);
    QVERIFY(!QFileInfo::exists(suggested));
}

void TestAreaListView::exportNeverOverwritesNorFollowsLinks()
{
    QVERIFY(sync());
    QTemporaryDir dir;
    const QString existing = dir.filePath(QStringLiteral("existing.csv"));
    QFile before(existing);
    QVERIFY(before.open(QIODevice::WriteOnly));
    before.write("someone else's file");
    before.close();
    const QString link = dir.filePath(QStringLiteral("link.csv"));
    QVERIFY(QFile::link(existing, link));
    QSignalSpy exported(view(), &AreaListView::exported);

    QVERIFY(!view()->exportTo(existing));
    QVERIFY2(progressText().contains(QStringLiteral("already exists")), qPrintable(progressText()));
    // Even when the user confirmed replacing it, a link is not written through.
    QVERIFY(!view()->exportTo(link, ExportFile::Existing::Replace));
    QVERIFY(QFileInfo(link).isSymLink());
    QFile after(existing);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), QByteArray("someone else's file"));
    QCOMPARE(exported.size(), 0);

    const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
    QVERIFY(view()->exportTo(fresh));
    QCOMPARE(QFile::permissions(fresh), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadUser | QFileDevice::WriteUser);
}

void TestAreaListView::exportNeutralisesFormulaCells()
{
    QVERIFY(sync());
    AreaListRow row;
    row.nhsNumber = QStringLiteral("9990000018");
    row.familyName = QStringLiteral("=1+1");
    row.givenName = QStringLiteral("\t=cmd");
    row.laName = QStringLiteral("\r=cmd");
    row.start = QDate(2026, 1, 5);
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(
        m_stack->areaLists->exportCsv(m_window->session(), view()->currentAreaId(), {row}, out));
    const QList<QByteArray> lines = out.data().split('\n');
    QVERIFY(lines.size() >= 3);
    const QByteArray cells = lines.at(2);
    QVERIFY2(cells.startsWith("9990000018,'=1+1,'\t=cmd,"), cells.constData());
    // A cell that holds CR is quoted as well as neutralised.
    QVERIFY2(out.data().contains(",\"'\r=cmd\"\r\n"), out.data().constData());
}

void TestAreaListView::keyboardAndAccessibleNames()
{
    const QList<QWidget*> controls = view()->findChildren<QWidget*>();
    for (QWidget* w : controls) {
        if (qobject_cast<QLabel*>(w) || !w->focusPolicy() || w->parentWidget() != view())
            continue;
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    // Tab order: area, sync, (cancel disabled), filter, plan, ended, export, table.
    child<QComboBox>("areaPicker")->setFocus();
    const char* order[] = {"syncButton", "listFilter",   "planFilter",
                           "showEnded",  "exportButton", "areaTable"};
    for (const char* name : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QString::fromLatin1(name));
    }
    // Ctrl+F goes to the filter.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>("listFilter"));
}

void TestAreaListView::lockDestroysTheView()
{
    QVERIFY(sync());
    QPointer<AreaListView> v = view();
    QPointer<AreaListModel> model = v->model();
    m_window->lock();
    QVERIFY(v.isNull());
    QVERIFY(model.isNull());
    QVERIFY(m_window->functionView(DeskFunction::AreaLists) == nullptr);
}

void TestAreaListView::modelPassesTheTester()
{
    QVERIFY(sync());
    AreaListModel* m = view()->model();
    QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m->sort(AreaListModel::Start, Qt::DescendingOrder);
    m->setFilterText(QStringLiteral("a"));
    m->setShowEnded(true);
    m->setPlanFilter(AreaListModel::PlanFilter::ChildProtection);
    m->setFilterText(QString());
    m->setPlanFilter(AreaListModel::PlanFilter::All);
    m->sort(AreaListModel::Authority, Qt::AscendingOrder);
    QVERIFY(m->rowCount() > 0);
}

QTEST_MAIN(TestAreaListView)
#include "tst_arealistview.moc"
