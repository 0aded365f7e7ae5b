// The lead's review screen fed from the audit hub, through the desk's own composition
// (app/desk) and a real PostgreSQL: a triage nurse's positive forwarded from one desk reaches
// the queue of a lead at another; a status set by one lead is seen by a second lead's desk
// after refresh; and the hub being down reads "Review unavailable since ...", never as an
// empty queue.
#include "app/desk/DeskComposition.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/store/MemoryKeyProvider.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/hub/HubRig.h"
#include "ui/lookup/TriageView.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewView.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>
#include <memory>

using namespace cpis;
using namespace cpis::testsupport;
using ui::ReviewView;

namespace {

const QByteArray kPassword = "hub-review-desk-pw-6120";

// One desk: its own store and keychain, the profile naming the hub as `role`, the real
// composition's window with the look-up and review screens.
struct HubDesk
{
    QTemporaryDir dir;
    SystemClock clock;
    MemoryKeyProvider keys;
    std::unique_ptr<DeskServices> services;
    std::unique_ptr<ui::MainWindow> window;

    HubDesk(HubRig& hub, sandbox::SandboxServer& sandbox, const QString& role)
    {
        ServiceProfile profile = ServiceProfile::training().withSandbox(sandbox.baseUrl());
        profile.auditHub = QUrl(hub.server.uri(role));
        profile.caBundle = hub.server.caFile();
        if (!keys.write(HubAddress::passwordEntry(profile.name), kPassword))
            qFatal("no keychain");
        auto config = DeskServices::defaultConfig(profile, dir.path(), QStringLiteral("test"));
        config.workstation = role;
        config.hub.retryFirst = std::chrono::milliseconds(50);
        config.hub.retryMax = std::chrono::milliseconds(200);
        auto d = DeskServices::create(config, &clock, keys);
        if (!d)
            qFatal("desk: %s", qPrintable(d.error().message));
        services = std::move(d.value());
        desk::RoleViewOptions roles;
        roles.functions = {DeskFunction::LookUp, DeskFunction::Review};
        roles.training = &sandbox;
        window = std::make_unique<ui::MainWindow>(desk::environment(profile, &sandbox),
                                                  desk::windowServices(*services, roles),
                                                  ui::DeskSettings{});
        window->show();
    }
    ~HubDesk()
    {
        window.reset();
        services.reset();
    }

    bool signIn(const QString& user)
    {
        window->signInAs(user);
        return QTest::qWaitFor([&] { return window->isSignedIn(); }, 10000);
    }

    // Opens the review tab (Alt+R) and waits for the refresh that opening it starts.
    ReviewView* openReview()
    {
        auto* view = qobject_cast<ReviewView*>(window->functionView(DeskFunction::Review));
        if (!view)
            return nullptr;
        QSignalSpy finished(view, &ReviewView::refreshFinished);
        QApplication::setActiveWindow(window.get());
        QTest::keyClick(window.get(), Qt::Key_R, Qt::AltModifier);
        if (window->functionTabs()->currentWidget() != view)
            return nullptr;
        if (finished.isEmpty() && !finished.wait(15000))
            return nullptr;
        return view;
    }

    int rowOf(ReviewView* view, const QString& nhsDisplay)
    {
        const auto* m = view->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->data(m->index(r, ui::ReviewQueueModel::NhsNumber)).toString() == nhsDisplay)
                return r;
        }
        return -1;
    }
};

QString cell(ReviewView* v, int row, int column)
{
    return v->model()->data(v->model()->index(row, column)).toString();
}

} // namespace

class TestHubReviewDesk : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void leadsQueueComesFromTheHub();
    void secondLeadSeesTheChangeAfterRefresh();
    void hubDownIsUnavailableNeverEmpty();

private:
    HubRig m_hub;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
};

void TestHubReviewDesk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    CPIS_REQUIRE_POSTGRES();
    const QString up = m_hub.up();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    QVERIFY(m_hub.createDesk(QStringLiteral("desk_triage"), kPassword).isEmpty());
    // The leads' desks, as docs/hub.md has the DBA make them.
    for (const char* lead : {"desk_lead_one", "desk_lead_one_b", "desk_lead_two", "desk_lead_two_b",
                             "desk_lead_three"}) {
        QVERIFY(m_hub.owner
                    ->exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE "
                                          "cpis_hub_desk, cpis_hub_lead")
                               .arg(QLatin1String(lead), QString::fromLatin1(kPassword))
                               .toUtf8())
                    .ok());
        QVERIFY(m_hub.owner
                    ->exec("INSERT INTO hub.desk_sites (desk, site) VALUES ($1, 'RX1')",
                           {QByteArray(lead)})
                    .ok());
    }
    m_sandbox = std::make_unique<sandbox::SandboxServer>(sandbox::SandboxServer::Options{});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));

    // A triage nurse at the trust (RX1) finds a plan, and a no-record look-up raises nothing.
    HubDesk triage(m_hub, *m_sandbox, QStringLiteral("desk_triage"));
    QVERIFY(triage.signIn(QStringLiteral("triage-nurse")));
    auto* screen = qobject_cast<ui::TriageView*>(triage.window->functionView(DeskFunction::LookUp));
    QVERIFY(screen);
    for (const QString& nhs : {QStringLiteral("9990000018"), QStringLiteral("9990000069")}) {
        QSignalSpy answered(screen, &ui::TriageView::lookupAnswered);
        screen->lookUp(nhs);
        QVERIFY(answered.wait(10000));
        QSignalSpy shown(screen, &ui::TriageView::resultShown);
        screen->confirmBanner();
        QVERIFY(shown.wait(10000));
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_hub.count("SELECT count(*) FROM hub.entries WHERE desk = "
                                         "'desk_triage' AND action = 'look-up'") == 2,
                             15000);
    // Forwarding to the hub does not displace the desk's own anchor save: the keychain anchor
    // covers the look-ups within its delay, with the desk still open.
    QTRY_VERIFY_WITH_TIMEOUT(!triage.services->store().audit().anchorPending(), 5000);
}

void TestHubReviewDesk::leadsQueueComesFromTheHub()
{
    HubDesk lead(m_hub, *m_sandbox, QStringLiteral("desk_lead_one"));
    QVERIFY(lead.signIn(QStringLiteral("safeguarding-lead")));
    ReviewView* view = lead.openReview();
    QVERIFY(view);
    QVERIFY2(!view->problemLabel()->isVisible(), qPrintable(view->problemLabel()->text()));
    // Only what the hub holds: the one positive, not the no-record look-up.
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(cell(view, 0, ui::ReviewQueueModel::NhsNumber), QStringLiteral("999 000 0018"));
    QCOMPARE(cell(view, 0, ui::ReviewQueueModel::PlanTypes), QStringLiteral("CPP"));
    QCOMPARE(cell(view, 0, ui::ReviewQueueModel::Status), QStringLiteral("To review"));
    QVERIFY(view->refreshedLabel()->text().startsWith(QStringLiteral("Last refreshed")));
    QVERIFY(view->editingLabel()->text().contains(QStringLiteral("999 000 0018")));

    // By plan type: the positive found a CPP, no LAC.
    view->planFilter()->setCurrentIndex(view->planFilter()->findText(QStringLiteral("LAC")));
    QCOMPARE(view->model()->rowCount(), 0);
    view->planFilter()->setCurrentIndex(view->planFilter()->findText(QStringLiteral("CPP")));
    QCOMPARE(view->model()->rowCount(), 1);

    // The chart's y-axis: from 0, whole and evenly spaced ticks.
    QValueAxis* y = nullptr;
    for (QAbstractAxis* axis : view->chart()->chart()->axes(Qt::Vertical))
        y = qobject_cast<QValueAxis*>(axis);
    QVERIFY(y);
    QCOMPARE(y->min(), 0.0);
    QVERIFY(y->tickCount() >= 2);
    const double step = y->max() / (y->tickCount() - 1);
    QCOMPARE(step, std::floor(step));
    QVERIFY(step >= 1);
}

void TestHubReviewDesk::secondLeadSeesTheChangeAfterRefresh()
{
    HubDesk two(m_hub, *m_sandbox, QStringLiteral("desk_lead_two"));
    QVERIFY(two.signIn(QStringLiteral("safeguarding-lead")));
    ReviewView* second = two.openReview();
    QVERIFY(second);
    second->filter()->setCurrentIndex(second->filter()->findText(QStringLiteral("All")));
    const int row = two.rowOf(second, QStringLiteral("999 000 0018"));
    QVERIFY(row >= 0);
    QCOMPARE(cell(second, row, ui::ReviewQueueModel::Status), QStringLiteral("To review"));

    {
        HubDesk one(m_hub, *m_sandbox, QStringLiteral("desk_lead_one_b"));
        QVERIFY(one.signIn(QStringLiteral("safeguarding-lead")));
        ReviewView* first = one.openReview();
        QVERIFY(first);
        QCOMPARE(first->model()->rowCount(), 1);
        first->queue()->setFocus();
        first->queue()->selectRow(0);
        first->statusEdit()->setFocus();
        QTest::keyClick(first->statusEdit(), Qt::Key_Down);
        QCOMPARE(first->statusEdit()->currentText(), QStringLiteral("Referred"));
        first->noteEdit()->setFocus();
        QTest::keyClicks(first->noteEdit(), QStringLiteral("Rang the duty team"));
        QSignalSpy saved(first, &ReviewView::saved);
        QTest::keyClick(first->noteEdit(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(saved.wait(15000));
        QCOMPARE(saved.first().first().toBool(), true);
        QCOMPARE(first->savedLabel()->text(), QStringLiteral("Saved: 999 000 0018 → Referred"));
        QVERIFY(first->savedLabel()->isVisible());
        // The decision is in the lead's own audit log too, with the child and the note.
        QList<AuditEntry> changes;
        QVERIFY(one.services->store()
                    .audit()
                    .forEach([&](const AuditEntry& e) {
                        if (e.action == AuditEntry::Action::ReviewUpdated)
                            changes << e;
                        return true;
                    })
                    .ok());
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().nhsNumber, QStringLiteral("9990000018"));
        QCOMPARE(changes.first().outcomeDetail, QStringLiteral("referred"));
        QCOMPARE(changes.first().reason, QStringLiteral("Rang the duty team"));
    }
    QCOMPARE(m_hub.count("SELECT count(*) FROM hub.reviews WHERE reviewer_desk = "
                         "'desk_lead_one_b' AND status = 'referred'"),
             qint64(1));

    // The second lead's desk sees it once it reads the queue again (F5).
    QSignalSpy finished(second, &ReviewView::refreshFinished);
    QApplication::setActiveWindow(two.window.get());
    second->queue()->setFocus();
    QTest::keyClick(second->queue(), Qt::Key_F5);
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().toBool(), true);
    const int after = two.rowOf(second, QStringLiteral("999 000 0018"));
    QVERIFY(after >= 0);
    QCOMPARE(cell(second, after, ui::ReviewQueueModel::Status), QStringLiteral("Referred"));
    QCOMPARE(cell(second, after, ui::ReviewQueueModel::Note), QStringLiteral("Rang the duty team"));
}

void TestHubReviewDesk::hubDownIsUnavailableNeverEmpty()
{
    HubDesk two(m_hub, *m_sandbox, QStringLiteral("desk_lead_two_b"));
    QVERIFY(two.signIn(QStringLiteral("safeguarding-lead")));
    ReviewView* view = two.openReview();
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 0); // "To review": the one positive was referred
    view->filter()->setCurrentIndex(view->filter()->findText(QStringLiteral("All")));
    QCOMPARE(view->model()->rowCount(), 1);

    QVERIFY(m_hub.server.stop());
    QSignalSpy finished(view, &ReviewView::refreshFinished);
    view->queue()->setFocus();
    QTest::keyClick(view->queue(), Qt::Key_F5);
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(view->problemLabel()->isVisible());
    QVERIFY2(view->problemLabel()->text().startsWith(QStringLiteral("Review unavailable since ")),
             qPrintable(view->problemLabel()->text()));
    QCOMPARE(view->model()->rowCount(), 1); // the last good queue, said to be as of its time

    // A desk that has never read the queue shows no queue at all, and says why.
    HubDesk three(m_hub, *m_sandbox, QStringLiteral("desk_lead_three"));
    QVERIFY(three.signIn(QStringLiteral("safeguarding-lead")));
    ReviewView* fresh = three.openReview();
    QVERIFY(fresh);
    QVERIFY(fresh->problemLabel()->isVisible());
    QVERIFY2(fresh->problemLabel()->text().startsWith(QStringLiteral("Review unavailable since ")),
             qPrintable(fresh->problemLabel()->text()));
    QVERIFY(fresh->problemLabel()->text().contains(QStringLiteral("not an empty queue")));
    QVERIFY(!fresh->queue()->isVisible());
}

QTEST_MAIN(TestHubReviewDesk)
#include "tst_hubreviewdesk.moc"
