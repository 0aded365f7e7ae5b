// The safeguarding lead's review screen through the main window in training without an audit
// hub: the review is kept at the hub (tests/hub/tst_hubreviewdesk), so here the screen says
// that review needs it rather than showing an empty queue; only the lead has the screen; the
// lock destroys it.
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
    void withoutAHubReviewSaysItNeedsOne();
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
    return view;
}

void TestReviewDesk::withoutAHubReviewSaysItNeedsOne()
{
    signIn(QStringLiteral("safeguarding-lead"));
    ReviewView* view = openReview();
    QVERIFY(view);
    QTRY_VERIFY(view->problemLabel()->isVisible());
    QVERIFY2(view->problemLabel()->text().startsWith(
                 QStringLiteral("Review needs the trust's audit hub")),
             qPrintable(view->problemLabel()->text()));
    QCOMPARE(view->problemLabel()->accessibleName(), view->problemLabel()->text());
    QCOMPARE(view->refreshedLabel()->text(), QStringLiteral("No audit hub"));
    // Not an empty queue: no queue at all, and nothing to save.
    QVERIFY(!view->queue()->isVisible());
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(!view->saveButton()->isEnabled());
    // Reading it again says the same.
    QSignalSpy finished(view, &ReviewView::refreshFinished);
    view->refresh();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(view->problemLabel()->text().startsWith(
        QStringLiteral("Review needs the trust's audit hub")));
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
}

QTEST_MAIN(TestReviewDesk)
#include "tst_reviewdesk.moc"
