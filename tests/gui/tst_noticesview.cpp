// The social worker's notices screen in the real main window, against the in-process sandbox:
// sign in, see the seeded notices, filter them (dates typed, stepped and picked from the
// keyboard), see counts that honour the filters, open one explicitly, acknowledge it from the
// keyboard and be told which one it was, get a desktop notification (counts only) when new ones
// arrive, and lose the screen at lock.
#include "sandbox/endpoints/MeshMailbox.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/SandboxHttp.h"
#include "tests/support/TrainingDesk.h"
#include "ui/notices/NoticeFilterModel.h"
#include "ui/notices/NoticeModel.h"
#include "ui/notices/NoticesView.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/DateFilterEdit.h"
#include "ui/widgets/DesktopNotifier.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace cpis;
using cpis::sandbox::SandboxServer;
using cpis::ui::MainWindow;
using cpis::ui::NoticesView;

namespace {

struct RecordingNotifier final : ui::DesktopNotifier
{
    bool notify(const QString& title, const QString& message) override
    {
        calls.append({title, message});
        return true;
    }
    QList<std::pair<QString, QString>> calls;
};

// The notifier is a base so that it exists before TrainingDesk builds the notices screen on it.
struct NotifierFirst
{
    RecordingNotifier notifier;
};

// The desk with the notices screen as its one role screen, notifying into `notifier`.
struct Desk : NotifierFirst, testsupport::TrainingDesk
{
    Desk()
        : TrainingDesk(ui::DeskSettings{},
                       testsupport::quickTransport(),
                       {{DeskFunction::Notices}, &notifier, {}})
    {}
};

// The screen's controls, found by object name as a screen reader script or a user finds them
// by their names; a missing one stops the test.
template <typename T> T* part(const QWidget* view, const char* name)
{
    T* w = view->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no %s named %s in the notices screen", T::staticMetaObject.className(), name);
    return w;
}
QTableView* noticesTable(const QWidget* view)
{
    return part<QTableView>(view, "noticesTable");
}
QTabBar* statusTabs(const QWidget* view)
{
    return part<QTabBar>(view, "noticesStatusTabs");
}
QLineEdit* childFilter(const QWidget* view)
{
    return part<QLineEdit>(view, "noticesChildFilter");
}
ui::DateFilterEdit* fromDate(const QWidget* view)
{
    return part<ui::DateFilterEdit>(view, "noticesFromDate");
}
ui::DateFilterEdit* toDate(const QWidget* view)
{
    return part<ui::DateFilterEdit>(view, "noticesToDate");
}
QComboBox* siteFilter(const QWidget* view)
{
    return part<QComboBox>(view, "noticesSiteFilter");
}
QPushButton* acknowledgeButton(const QWidget* view)
{
    return part<QPushButton>(view, "noticeAcknowledge");
}
QPushButton* checkButton(const QWidget* view)
{
    return part<QPushButton>(view, "noticesCheckNow");
}
QLabel* checkStatus(const QWidget* view)
{
    return part<QLabel>(view, "noticesCheckStatus");
}
QLabel* actionStatus(const QWidget* view)
{
    return part<QLabel>(view, "noticeActionStatus");
}

QLabel* filterProblem(const QWidget* view)
{
    return part<QLabel>(view, "noticesFilterProblem");
}

QDate ukToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Europe/London")).date();
}

// "07-Dec-2026", as the date filters show a day in English.
QString shown(const QDate& d)
{
    return QLocale::c().toString(d, QStringLiteral("dd-MMM-yyyy"));
}

// Replaces what a date filter holds with `text`, typed, then Enter.
void typeDate(ui::DateFilterEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

class TestNoticesView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void socialWorkerSeesTheMailboxAndIsNotifiedByCount();
    void filtersByChildDateAndSite();
    void dateFiltersFromTheKeyboard();
    void countsHonourTheFilters();
    void tabbingIntoTheTableOpensNothing();
    void detailAndAcknowledgeFromTheKeyboard();
    void newArrivalNotifiesAgain();
    void failedCheckSaysSoAndKeepsTheList();
    void lockDestroysTheView();
    void everyControlHasAnAccessibleNameAndTabOrder();

private:
    NoticesView* signInAsSocialWorker();
    MainWindow& w() { return *m_desk->window; }
    std::unique_ptr<Desk> m_desk;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
};

void TestNoticesView::init()
{
    m_desk = std::make_unique<Desk>();
    w().show();
    QVERIFY(QTest::qWaitForWindowExposed(&w()));
    QApplication::setActiveWindow(&w());
}

void TestNoticesView::cleanup()
{
    m_filterTester.reset();
    m_modelTester.reset();
    m_desk.reset();
}

NoticesView* TestNoticesView::signInAsSocialWorker()
{
    QSignalSpy signedIn(&w(), &MainWindow::signedIn);
    w().signInAs(QStringLiteral("social-worker"));
    if (!signedIn.wait(10000))
        return nullptr;
    if (w().shownFunctions() != QList<DeskFunction>{DeskFunction::Notices})
        return nullptr;
    auto* view = qobject_cast<NoticesView*>(w().functionView(DeskFunction::Notices));
    if (!view)
        return nullptr;
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filterTester = std::make_unique<QAbstractItemModelTester>(
        view->filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    if (!QTest::qWaitFor([&] { return view->service().state().lastSuccessUtc.isValid(); }, 10000))
        return nullptr;
    return view;
}

void TestNoticesView::socialWorkerSeesTheMailboxAndIsNotifiedByCount()
{
    NoticesView* view = signInAsSocialWorker();
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 3);
    QCOMPARE(noticesTable(view)->model()->rowCount(), 3);
    QCOMPARE(statusTabs(view)->tabText(0), QStringLiteral("New (3)"));
    QCOMPARE(statusTabs(view)->tabText(1), QStringLiteral("Acknowledged (0)"));
    QVERIFY(checkStatus(view)->text().startsWith(QStringLiteral("Last checked: ")));
    // Newest first.
    const QAbstractItemModel* m = noticesTable(view)->model();
    QVERIFY(m->index(0, 0).data(ui::NoticeModel::WhenRole).toDateTime() >
            m->index(2, 0).data(ui::NoticeModel::WhenRole).toDateTime());

    // One desktop notification, with the count and nothing that names anyone.
    QCOMPARE(m_desk->notifier.calls.size(), 1);
    const QString text =
        m_desk->notifier.calls.first().first + u' ' + m_desk->notifier.calls.first().second;
    // (Plural forms come from the translation; untranslated English reads "notice(s)".)
    QVERIFY2(text.contains(QStringLiteral("3 new attendance notice")), qPrintable(text));
    for (const char* never : {"999", "Amelia", "Omar", "Tom", "Sheffield", "RX1", "RX3", "SHE1"})
        QVERIFY2(!text.contains(QLatin1String(never)), never);
}

void TestNoticesView::filtersByChildDateAndSite()
{
    NoticesView* view = signInAsSocialWorker();
    QVERIFY(view);
    const QAbstractItemModel* m = noticesTable(view)->model();
    QCOMPARE(m->rowCount(), 3);

    QTest::keyClicks(childFilter(view), QStringLiteral("999 000 0034"));
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->index(0, ui::NoticeModel::NhsNumber).data().toString(),
             QStringLiteral("999 000 0034"));
    childFilter(view)->clear();
    const QString childId =
        sandbox::MeshMailbox::localChildId(QStringLiteral("SHE1"), QStringLiteral("9990000077"));
    QTest::keyClicks(childFilter(view), childId.toLower());
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->index(0, ui::NoticeModel::ChildId).data().toString(), childId);
    childFilter(view)->clear();
    QCOMPARE(m->rowCount(), 3);

    // Sites: all, then the one from the urgent treatment centre.
    QComboBox* site = siteFilter(view);
    QCOMPARE(site->count(), 3);
    site->setCurrentIndex(site->findData(QStringLiteral("RX3")));
    QCOMPARE(m->rowCount(), 1);
    QVERIFY(m->index(0, ui::NoticeModel::Site).data().toString().contains(QStringLiteral("RX3")));
    site->setCurrentIndex(site->findData(QStringLiteral("RX1")));
    QCOMPARE(m->rowCount(), 2);
    site->setCurrentIndex(0);

    // Dates (UK days, inclusive): nothing looked up tomorrow; the oldest, three days ago.
    fromDate(view)->setDate(ukToday().addDays(1));
    QCOMPARE(m->rowCount(), 0);
    fromDate(view)->setDate(QDate()); // "Any"
    QCOMPARE(fromDate(view)->text(), QStringLiteral("Any"));
    toDate(view)->setDate(ukToday().addDays(-3));
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->index(0, ui::NoticeModel::Site).data().toString(),
             QStringLiteral("Sandbox General Hospital NHS Trust (RX1)"));
    toDate(view)->setDate(QDate());
    QCOMPARE(m->rowCount(), 3);
}

void TestNoticesView::dateFiltersFromTheKeyboard()
{
    // The field itself is tested on its own (tst_datefilteredit); here, that what is typed
    // reaches the list, and that what is not a day is said beside the filters.
    NoticesView* view = signInAsSocialWorker();
    QVERIFY(view);
    const QAbstractItemModel* m = noticesTable(view)->model();
    ui::DateFilterEdit* from = fromDate(view);
    ui::DateFilterEdit* to = toDate(view);
    QCOMPARE(from->today(), ukToday());
    QCOMPARE(from->text(), QStringLiteral("Any"));
    QCOMPARE(m->rowCount(), 3);

    const QDate threeDaysAgo = ukToday().addDays(-3);
    typeDate(to, shown(threeDaysAgo).toLower());
    QCOMPARE(to->date(), threeDaysAgo);
    QCOMPARE(m->rowCount(), 1); // the oldest
    typeDate(to, QStringLiteral("31/02/2026"));
    QCOMPARE(to->date(), threeDaysAgo);
    QVERIFY(filterProblem(view)->isVisible());
    QVERIFY(filterProblem(view)->text().contains(QStringLiteral("31/02/2026")));
    QCOMPARE(m->rowCount(), 1);
    typeDate(to, QStringLiteral("any"));
    QVERIFY(!filterProblem(view)->isVisible());
    QCOMPARE(m->rowCount(), 3);

    // From "Any", Down is today: the oldest, three days ago, is left out.
    from->setFocus();
    QTest::keyClick(from, Qt::Key_Down);
    QCOMPARE(from->date(), ukToday());
    QVERIFY(m->rowCount() < 3);
    typeDate(from, threeDaysAgo.toString(QStringLiteral("dd/MM/yyyy")));
    QCOMPARE(m->rowCount(), 3);
}

void TestNoticesView::countsHonourTheFilters()
{
    NoticesView* view = signInAsSocialWorker();
    QVERIFY(view);
    QCOMPARE(statusTabs(view)->tabText(0), QStringLiteral("New (3)"));
    QTest::keyClicks(childFilter(view), QStringLiteral("999 000 0034"));
    QCOMPARE(noticesTable(view)->model()->rowCount(), 1);
    QCOMPARE(statusTabs(view)->tabText(0), QStringLiteral("New (1 of 3)"));
    QCOMPARE(statusTabs(view)->tabText(1), QStringLiteral("Acknowledged (0)"));
    childFilter(view)->clear();
    siteFilter(view)->setCurrentIndex(siteFilter(view)->findData(QStringLiteral("RX1")));
    QCOMPARE(noticesTable(view)->model()->rowCount(), 2);
    QCOMPARE(statusTabs(view)->tabText(0), QStringLiteral("New (2 of 3)"));
    fromDate(view)->setDate(ukToday().addDays(1));
    QCOMPARE(statusTabs(view)->tabText(0), QStringLiteral("New (0 of 3)"));
    fromDate(view)->setDate(QDate());
    siteFilter(view)->setCurrentIndex(0);
    QCOMPARE(statusTabs(view)->tabText(0), QStringLiteral("New (3)"));
}

void TestNoticesView::tabbingIntoTheTableOpensNothing()
{
    NoticesView* view = signInAsSocialWorker();
    QVERIFY(view);
    QTableView* table = noticesTable(view);
    QVERIFY(!table->currentIndex().isValid());
    // Back from the New/Acknowledged tabs (Acknowledge is disabled): into the table.
    statusTabs(view)->setFocus();
    QTRY_VERIFY(statusTabs(view)->hasFocus());
    QTest::keyClick(statusTabs(view), Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_VERIFY(table->hasFocus());
    const auto nothingOpen = [&] {
        return view->openedKey().isEmpty() && view->detailText().remove(u'\n').isEmpty() &&
               m_desk->audited(AuditEntry::Action::View) == 0 &&
               !acknowledgeButton(view)->isEnabled();
    };
    QVERIFY(nothingOpen());
    QVERIFY(part<QLabel>(view, "noticeOpenHint")->isVisible());
    // The row the keyboard is on is the selected one.
    QVERIFY(table->currentIndex().isValid());
    QVERIFY(table->selectionModel()->isRowSelected(table->currentIndex().row(), {}));
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(table->currentIndex().row(), 1);
    QVERIFY(table->selectionModel()->isRowSelected(1, {}));
    QVERIFY(nothingOpen());

    // Enter opens the selected row, and only it.
    QTest::keyClick(table, Qt::Key_Return);
    const QString nhs = table->model()->index(1, ui::NoticeModel::NhsNumber).data().toString();
    QVERIFY(view->detailText().startsWith(nhs));
    QCOMPARE(m_desk->audited(AuditEntry::Action::View), 1);
    QVERIFY(acknowledgeButton(view)->isEnabled());
    QVERIFY(!part<QLabel>(view, "noticeOpenHint")->isVisible());
    QCOMPARE(table->selectionModel()->selectedRows(), QModelIndexList{table->model()->index(1, 0)});

    // Moving on closes it: the pane never shows a notice other than the selected one.
    QTest::keyClick(table, Qt::Key_Up);
    QCOMPARE(m_desk->audited(AuditEntry::Action::View), 1);
    QVERIFY(!acknowledgeButton(view)->isEnabled());
    QVERIFY(view->openedKey().isEmpty());
    QVERIFY(view->detailText().remove(u'\n').isEmpty());
    // Ctrl+K on a row not opened acknowledges nothing, and says how to open it.
    QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(actionStatus(view)->text().contains(QStringLiteral("Enter")));
    QCOMPARE(m_desk->audited(AuditEntry::Action::NoticeAcknowledged), 0);

    // A double-click opens the row clicked, and selects it.
    const QRect r = table->visualRect(table->model()->index(2, ui::NoticeModel::Plan));
    // As a window system delivers one: press, release, then the second press as a double-click.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(view->openedKey(), QString()); // a click selects
    QMouseEvent dbl(QEvent::MouseButtonDblClick, QPointF(r.center()),
                    QPointF(table->viewport()->mapToGlobal(r.center())), Qt::LeftButton,
                    Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(table->viewport(), &dbl);
    QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(table->currentIndex().row(), 2);
    QCOMPARE(table->selectionModel()->selectedRows(), QModelIndexList{table->model()->index(2, 0)});
    QVERIFY2(view->detailText().startsWith(
                 table->model()->index(2, ui::NoticeModel::NhsNumber).data().toString()),
             qPrintable(view->detailText() + u'|' + view->openedKey()));
    QCOMPARE(m_desk->audited(AuditEntry::Action::View), 2);
}

void TestNoticesView::detailAndAcknowledgeFromTheKeyboard()
{
    NoticesView* view = signInAsSocialWorker();
    QVERIFY(view);
    QTableView* table = noticesTable(view);
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_End);
    QTest::keyClick(table, Qt::Key_Home);
    QCOMPARE(table->currentIndex().row(), 0);
    QTest::keyClick(table, Qt::Key_Return);
    const QString nhs = table->model()->index(0, ui::NoticeModel::NhsNumber).data().toString();
    const QString when = table->model()->index(0, ui::NoticeModel::When).data().toString();
    QVERIFY(view->detailText().contains(nhs));
    QVERIFY(view->detailText().contains(QStringLiteral("SHE1-")));
    QVERIFY(view->detailText().contains(QStringLiteral("Not yet")));
    QVERIFY(acknowledgeButton(view)->isEnabled());
    // Opening a detail is a view of the child's record.
    QVERIFY(m_desk->audited(AuditEntry::Action::View) >= 1);
    const auto views = m_desk->audit();
    QVERIFY(std::any_of(views.cbegin(), views.cend(), [&](const AuditEntry& e) {
        return e.action == AuditEntry::Action::View &&
               NhsNumber::parse(e.nhsNumber).value().display() == nhs;
    }));

    const QString mailbox = QStringLiteral("SHE1");
    QCOMPARE(m_desk->sandbox->accessLog().notificationsFor(mailbox).size(), 3);
    QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(statusTabs(view)->tabText(1), QStringLiteral("Acknowledged (1)"),
                              10000);
    QCOMPARE(statusTabs(view)->tabText(0), QStringLiteral("New (2)"));
    // Which notice, as the list showed it: the pane now shows none, and the next row is only
    // selected, so the message cannot be read as being about it.
    QCOMPARE(actionStatus(view)->text(),
             QStringLiteral("Acknowledged: notice for NHS No. %1 looked up %2.").arg(nhs, when));
    QCOMPARE(table->model()->rowCount(), 2);
    QVERIFY(table->hasFocus());
    QVERIFY(view->openedKey().isEmpty());
    QVERIFY(view->detailText().remove(u'\n').isEmpty());
    QCOMPARE(table->currentIndex().row(), 0);
    QVERIFY(table->selectionModel()->isRowSelected(0, {}));
    QCOMPARE(m_desk->audited(AuditEntry::Action::View), 1);
    // Opening the next one clears the message about the last.
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(actionStatus(view)->text().isEmpty());
    QCOMPARE(m_desk->audited(AuditEntry::Action::View), 2);
    QCOMPARE(m_desk->sandbox->accessLog().notificationsFor(mailbox).size(), 2);
    QCOMPARE(m_desk->audited(AuditEntry::Action::NoticeAcknowledged), 1);

    // The Acknowledged tab, from the keyboard: the notice, with when and by whom.
    statusTabs(view)->setFocus();
    QTest::keyClick(statusTabs(view), Qt::Key_Right);
    QCOMPARE(statusTabs(view)->currentIndex(), 1);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, ui::NoticeModel::NhsNumber).data().toString(), nhs);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Enter);
    QVERIFY(view->detailText().contains(QStringLiteral("by Sam Okafor (555000000005)")));
    QVERIFY(!acknowledgeButton(view)->isEnabled());
}

void TestNoticesView::newArrivalNotifiesAgain()
{
    NoticesView* view = signInAsSocialWorker();
    QVERIFY(view);
    QCOMPARE(m_desk->notifier.calls.size(), 1);
    // A triage look-up by the B0107 nurse, straight at the service.
    QNetworkAccessManager nam;
    QUrl url = m_desk->sandbox->baseUrl();
    url.setPath(QStringLiteral("/cpis/FHIR/R4/CareTeam"));
    url.setQuery(
        QStringLiteral("patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000018"));
    const auto r = sandboxtest::request(
        nam, "GET", url,
        {{"X-Request-ID", sandboxtest::newRequestId()},
         {"Authorization",
          "Bearer " + m_desk->sandbox->signIn().issueAccessToken(QStringLiteral("triage-nurse"))}});
    QCOMPARE(r.status, 200);

    QTest::keyClick(checkButton(view), Qt::Key_Space); // "Check now"
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->notifier.calls.size(), 2, 10000);
    QVERIFY(
        m_desk->notifier.calls.last().second.startsWith(QStringLiteral("1 new attendance notice")));
    QTRY_COMPARE(statusTabs(view)->tabText(0), QStringLiteral("New (4)"));
}

void TestNoticesView::failedCheckSaysSoAndKeepsTheList()
{
    NoticesView* view = signInAsSocialWorker();
    QVERIFY(view);
    const QString lastGood = checkStatus(view)->text().mid(QStringLiteral("Last checked: ").size());
    m_desk->sandbox.reset(); // the service goes away
    QSignalSpy checked(&view->service(), &NoticeService::checked);
    view->service().checkNow();
    QVERIFY(checked.wait(15000));
    const QString status = checkStatus(view)->text();
    QVERIFY2(status.startsWith(QStringLiteral("Could not check for new notices")),
             qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("Last successful check: ") + lastGood),
             qPrintable(status));
    QCOMPARE(checkStatus(view)->accessibleName(), status);
    // What was held is still shown: a failed check is not "no notices".
    QCOMPARE(noticesTable(view)->model()->rowCount(), 3);
}

void TestNoticesView::lockDestroysTheView()
{
    QPointer<NoticesView> view = signInAsSocialWorker();
    QVERIFY(view);
    QPointer<NoticeService> service = &view->service();
    m_filterTester.reset();
    m_modelTester.reset();
    w().lock();
    QVERIFY(view.isNull());
    QVERIFY(service.isNull()); // no polling while locked
    QVERIFY(w().functionView(DeskFunction::Notices) == nullptr);
    // No notice text is left anywhere in the window.
    for (QWidget* child : w().findChildren<QWidget*>()) {
        if (auto* l = qobject_cast<QLabel*>(child))
            QVERIFY2(!l->text().contains(QStringLiteral("999 000")), qPrintable(l->text()));
    }
}

void TestNoticesView::everyControlHasAnAccessibleNameAndTabOrder()
{
    NoticesView* view = signInAsSocialWorker();
    QVERIFY(view);
    QList<QWidget*> controls;
    for (QWidget* c : view->findChildren<QWidget*>()) {
        // Parts of a composite control (a line edit's clear button, a spin box's editor) are
        // announced through the control that owns them.
        QObject* owner = c->parent();
        if (qobject_cast<QLineEdit*>(owner) || qobject_cast<QAbstractSpinBox*>(owner) ||
            qobject_cast<QComboBox*>(owner) || qobject_cast<QTableView*>(owner) ||
            qobject_cast<QAbstractScrollArea*>(owner ? owner->parent() : nullptr))
            continue;
        if (qobject_cast<QAbstractButton*>(c) || qobject_cast<QComboBox*>(c) ||
            qobject_cast<QAbstractSpinBox*>(c) || qobject_cast<QTabBar*>(c) ||
            qobject_cast<QTableView*>(c) || qobject_cast<QLineEdit*>(c))
            controls << c;
    }
    QVERIFY(controls.size() >= 9);
    for (QWidget* c : std::as_const(controls))
        QVERIFY2(!c->accessibleName().isEmpty(),
                 qPrintable(c->metaObject()->className() + QStringLiteral(" ") + c->objectName()));

    // Tab order: table, Acknowledge, New/Acknowledged, child, from, to, site, Check now.
    noticesTable(view)->setFocus();
    noticesTable(view)->setCurrentIndex(noticesTable(view)->model()->index(0, 0));
    QTest::keyClick(noticesTable(view), Qt::Key_Return);
    QVERIFY(acknowledgeButton(view)->isEnabled());
    const QList<QWidget*> order{acknowledgeButton(view), statusTabs(view), childFilter(view),
                                fromDate(view),          toDate(view),     siteFilter(view),
                                checkButton(view)};
    for (QWidget* next : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget* f = QApplication::focusWidget();
        QVERIFY2(f == next || next->isAncestorOf(f),
                 qPrintable(QStringLiteral("focus on %1, expected %2")
                                .arg(f ? f->objectName() : QStringLiteral("nothing"),
                                     next->objectName())));
    }
}

QTEST_MAIN(TestNoticesView)
#include "tst_noticesview.moc"
