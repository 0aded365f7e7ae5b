// The safeguarding lead's review screen through the main window, from the keyboard: a triage
// nurse's positive reaches the lead's queue, a status and note are set and audited, the
// filter, the 30-day chart, the error state, accessible names, tab order, and the lock.
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/TrainingDesk.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewView.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/NhsNumberEdit.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace cpis;
using cpis::sandbox::SandboxServer;
using ui::MainWindow;
using ui::ReviewView;

namespace {

// The desk with the review screen as its one role screen.
struct Desk : testsupport::TrainingDesk
{
    Desk()
        : TrainingDesk(ui::DeskSettings{},
                       testsupport::quickTransport(),
                       {{DeskFunction::LookUp, DeskFunction::Review}, nullptr, {}})
    {}
};

} // namespace

class TestReviewDesk : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_desk.reset(); }
    void triagePositiveReachesTheLeadsQueue();
    void statusAndNoteFromTheKeyboard();
    void filterByStatus();
    void chartShowsThirtyDays();
    void failedRefreshSaysSoAndKeepsTheQueue();
    void accessibleNamesAndTabOrder();
    void onlyTheLeadSeesTheReview();
    void lockDestroysTheView();

private:
    void signIn(const QString& userId);
    ReviewView* openReview();
    MainWindow& w() { return *m_desk->window; }
    std::unique_ptr<Desk> m_desk;
};

void TestReviewDesk::init()
{
    m_desk = std::make_unique<Desk>();
    w().show();
    QVERIFY(QTest::qWaitForWindowExposed(&w()));
    QApplication::setActiveWindow(&w());
}

void TestReviewDesk::signIn(const QString& userId)
{
    testsupport::signInByKeyboard(w(), userId);
}

ReviewView* TestReviewDesk::openReview()
{
    auto* view = qobject_cast<ReviewView*>(w().functionView(DeskFunction::Review));
    if (!view)
        return nullptr;
    // Alt+R, the tab's accelerator, from wherever focus is.
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &w(), Qt::Key_R,
                    Qt::AltModifier);
    if (w().functionTabs()->currentWidget() != view)
        return nullptr;
    // The first refresh started when the screen was made; wait for its answer.
    if (!QTest::qWaitFor(
            [&] { return view->refreshedLabel()->text().startsWith(QStringLiteral("Last")); },
            10000))
        return nullptr;
    return view;
}

void TestReviewDesk::triagePositiveReachesTheLeadsQueue()
{
    // The triage nurse at the same trust (RX1) finds a plan...
    signIn(QStringLiteral("triage-nurse"));
    ui::TriageView* triage = m_desk->triage();
    QVERIFY(triage);
    QSignalSpy answered(triage, &ui::TriageView::lookupAnswered);
    QTest::keyClicks(triage->nhsField(), QStringLiteral("9990000018"));
    QTest::keyClick(triage->nhsField(), Qt::Key_Return);
    QVERIFY(answered.wait(10000));
    // ...and a no-record look-up raises nothing.
    QTest::keyClick(triage->nhsField(), Qt::Key_Escape);
    QTest::keyClicks(triage->nhsField(), QStringLiteral("9990000069"));
    QTest::keyClick(triage->nhsField(), Qt::Key_Return);
    QVERIFY(answered.wait(10000));
    QVERIFY(!w().functionView(DeskFunction::Review)); // not the nurse's screen
    w().signOut();

    signIn(QStringLiteral("safeguarding-lead"));
    ReviewView* view = openReview();
    QVERIFY(view);
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(view->model()->rowCount() > 10); // today's and the seeded month's
    const ui::ReviewQueueModel* m = view->model();
    auto cell = [&](int row, int column) { return m->data(m->index(row, column)).toString(); };
    QCOMPARE(cell(0, ui::ReviewQueueModel::NhsNumber), QStringLiteral("999 000 0018"));
    QCOMPARE(cell(0, ui::ReviewQueueModel::PlanTypes), QStringLiteral("CPP"));
    QCOMPARE(cell(0, ui::ReviewQueueModel::Authority), QStringLiteral("Sheffield Council"));
    QCOMPARE(cell(0, ui::ReviewQueueModel::WhoLooked), QStringLiteral("Amelia Hughes"));
    QCOMPARE(cell(0, ui::ReviewQueueModel::Status), QStringLiteral("To review"));
    QCOMPARE(
        m->data(m->index(0, ui::ReviewQueueModel::WhoLooked), Qt::AccessibleTextRole).toString(),
        QStringLiteral("Amelia Hughes, Triage Nurse, Emergency Department"));
    for (int r = 0; r < m->rowCount(); ++r)
        QVERIFY(cell(r, ui::ReviewQueueModel::NhsNumber) != QStringLiteral("999 000 0069"));
    QVERIFY(!view->problemLabel()->isVisible());
}

void TestReviewDesk::statusAndNoteFromTheKeyboard()
{
    signIn(QStringLiteral("safeguarding-lead"));
    ReviewView* view = openReview();
    QVERIFY(view);
    const int before = view->model()->rowCount();
    QVERIFY(before > 1);
    const ReviewItem first = view->model()->item(0);

    // Table (first row) -> Tab -> status: Down to "Referred" -> Tab -> note -> Ctrl+S.
    view->queue()->setFocus();
    QTest::keyClick(view->queue(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view->queue()->currentIndex().row(), 0);
    QTest::keyClick(view->queue(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->statusEdit()));
    QTest::keyClick(view->statusEdit(), Qt::Key_Down);
    QCOMPARE(view->statusEdit()->currentText(), QStringLiteral("Referred"));
    QTest::keyClick(view->statusEdit(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->noteEdit()));
    QTest::keyClicks(view->noteEdit(), QStringLiteral("Rang the duty team"));
    QSignalSpy saved(view, &ReviewView::saved);
    QTest::keyClick(view->noteEdit(), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toBool(), true);

    // Out of "To review"; the next positive is selected and focus is back in the queue.
    QCOMPARE(view->model()->rowCount(), before - 1);
    QCOMPARE(view->model()->rowOf(first.id), -1);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->queue()));
    QCOMPARE(view->queue()->currentIndex().row(), 0);

    const auto stored = m_desk->stack->reviewStore->find(QStringLiteral("RX1"), first.id).value();
    QCOMPARE(stored->status, ReviewStatus::Referred);
    QCOMPARE(stored->note, QStringLiteral("Rang the duty team"));
    QCOMPARE(stored->changedBy, QStringLiteral("Tom Fielding"));

    AuditEntry change;
    QVERIFY(m_desk->stack->audit
                ->forEach([&](const AuditEntry& e) {
                    if (e.action == AuditEntry::Action::ReviewUpdated)
                        change = e;
                    return true;
                })
                .ok());
    QCOMPARE(change.action, AuditEntry::Action::ReviewUpdated);
    QCOMPARE(change.nhsNumber, first.nhsNumber);
    QCOMPARE(change.outcome, AuditEntry::Outcome::Success);
    QCOMPARE(change.outcomeDetail, QStringLiteral("referred"));
    QCOMPARE(change.reason, QStringLiteral("Rang the duty team"));
    QCOMPARE(change.userName, QStringLiteral("Tom Fielding"));
}

void TestReviewDesk::filterByStatus()
{
    signIn(QStringLiteral("safeguarding-lead"));
    ReviewView* view = openReview();
    QVERIFY(view);
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(view->filter()->currentText(), QStringLiteral("To review")); // the default
    const int toReview = view->model()->rowCount();
    const ReviewItem second = view->model()->item(1);
    view->queue()->setFocus();
    QTest::keyClick(view->queue(), Qt::Key_Down);
    QCOMPARE(view->queue()->currentIndex().row(), 1);
    view->statusEdit()->setFocus();
    QTest::keyClick(view->statusEdit(), Qt::Key_End); // No further action
    QTest::keyClick(view->statusEdit(), Qt::Key_S, Qt::ControlModifier);

    view->filter()->setFocus();
    QTest::keyClick(view->filter(), Qt::Key_End); // All
    QCOMPARE(view->filter()->currentText(), QStringLiteral("All"));
    QCOMPARE(view->model()->rowCount(), toReview);
    QTest::keyClick(view->filter(), Qt::Key_Up); // No further action
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->item(0).id, second.id);
    QCOMPARE(view->model()->data(view->model()->index(0, ui::ReviewQueueModel::Status)).toString(),
             QStringLiteral("No further action"));
    QTest::keyClick(view->filter(), Qt::Key_Up); // Referred
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(!view->saveButton()->isEnabled());     // nothing selected, nothing to save
    QTest::keyClick(view->filter(), Qt::Key_Home); // To review
    QCOMPARE(view->model()->rowCount(), toReview - 1);
}

void TestReviewDesk::chartShowsThirtyDays()
{
    signIn(QStringLiteral("safeguarding-lead"));
    ReviewView* view = openReview();
    QVERIFY(view);
    const auto series = view->chart()->chart()->series();
    QCOMPARE(series.size(), 1);
    auto* bars = qobject_cast<QBarSeries*>(series.first());
    QVERIFY(bars);
    QCOMPARE(bars->count(), 1);
    QBarSet* set = bars->barSets().first();
    QCOMPARE(set->count(), 30);
    int total = 0, busiest = 0;
    for (int i = 0; i < set->count(); ++i) {
        total += int(set->at(i));
        busiest = qMax(busiest, int(set->at(i)));
    }
    QVERIFY(total > 10);
    view->filter()->setFocus();
    QTest::keyClick(view->filter(), Qt::Key_End); // All: the chart counts every status
    QVERIFY(total <= view->model()->rowCount());
    const QString description = view->chart()->accessibleDescription();
    QVERIFY2(
        description.startsWith(QStringLiteral("%1 positives over the last 30 days").arg(total)),
        qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("with %1.").arg(busiest)),
             qPrintable(description));
    QVERIFY(!view->chart()->accessibleName().isEmpty());
}

void TestReviewDesk::failedRefreshSaysSoAndKeepsTheQueue()
{
    signIn(QStringLiteral("safeguarding-lead"));
    ReviewView* view = openReview();
    QVERIFY(view);
    const int rows = view->model()->rowCount();
    const QString refreshed = view->refreshedLabel()->text();
    QVERIFY(rows > 0);

    m_desk->sandbox.reset(); // the service goes away
    QSignalSpy finished(view, &ReviewView::refreshFinished);
    view->queue()->setFocus();
    QTest::keyClick(view->queue(), Qt::Key_F5);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(view->problemLabel()->isVisible());
    QVERIFY2(view->problemLabel()->text().startsWith(QStringLiteral("Could not refresh")),
             qPrintable(view->problemLabel()->text()));
    QVERIFY(view->problemLabel()->text().contains(QStringLiteral("as of")));
    QCOMPARE(view->model()->rowCount(), rows); // the last good queue, never "nothing"
    QCOMPARE(view->refreshedLabel()->text(), refreshed);
}

void TestReviewDesk::accessibleNamesAndTabOrder()
{
    signIn(QStringLiteral("safeguarding-lead"));
    ReviewView* view = openReview();
    QVERIFY(view);
    for (QWidget* c : view->findChildren<QWidget*>()) {
        if (c->focusPolicy() == Qt::NoFocus || !c->isVisible() || c->parentWidget() == nullptr ||
            qobject_cast<QAbstractScrollArea*>(c->parentWidget()))
            continue;
        if (c->parent() != view)
            continue; // parts of a control (the table's headers, a combo's view)
        QVERIFY2(!c->accessibleName().isEmpty(), c->metaObject()->className());
    }
    QVERIFY(!view->refreshedLabel()->accessibleName().isEmpty());

    // The queue first: it is where the screen's focus goes and where Tab from the tab bar lands.
    const QList<QWidget*> order{view->queue(),      view->statusEdit(), view->noteEdit(),
                                view->saveButton(), view->filter(),     view->refreshButton(),
                                view->chart()};
    view->queue()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->queue()));
    for (int i = 1; i < order.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), order.at(i));
    }
}

void TestReviewDesk::onlyTheLeadSeesTheReview()
{
    signIn(QStringLiteral("school-nurse"));
    QVERIFY(!w().functionView(DeskFunction::Review));
    QVERIFY(!w().shownFunctions().contains(DeskFunction::Review));
}

void TestReviewDesk::lockDestroysTheView()
{
    signIn(QStringLiteral("safeguarding-lead"));
    QPointer<ReviewView> view = openReview();
    QVERIFY(view);
    QPointer<ui::ReviewQueueModel> model = view->model();
    w().lock();
    QVERIFY(view.isNull());
    QVERIFY(model.isNull());
    QVERIFY(!w().functionView(DeskFunction::Review));
    // What the lead decided stays in the encrypted store for the next sign-in.
    QVERIFY(m_desk->stack->reviewStore->items(QStringLiteral("RX1"))->size() > 10);
}

QTEST_MAIN(TestReviewDesk)
#include "tst_reviewdesk.moc"
