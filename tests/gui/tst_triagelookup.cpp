// The triage look-up against the in-process sandbox over loopback HTTP, driven with key
// events as a nurse would: type a scenario number, Enter, confirm the banner (Ctrl+Enter),
// read the CP-IS section, Esc to start over; the cached answer when the service is gone, the
// training help panel, and the local directory on the plan cards. Sign-in, roles and locking
// are tst_deskshell.
#include "tests/gui/DeskSteps.h"
#include "ui/lookup/BusyPanel.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientBanner.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>

#include <memory>

using namespace cpis;
using namespace cpis::testsupport;
using cpis::ui::CpisResultView;
using Shown = CpisResultView::Shown;

namespace {

QImage iconFor(QWidget* w, QStyle::StandardPixmap p)
{
    return w->style()->standardIcon(p).pixmap(48, 48).toImage();
}

} // namespace

class TestTriageLookup : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_desk.reset(); }

    void scenarios_data();
    void scenarios();
    void fromCacheAfterTheServiceStops();
    void rejectedNumberClearsThePreviousChild();
    void waitingCountsSecondsWithCancel();
    void escCancelsASlowAnswerWhichNeverAppears();
    void lateAnswerWhileTypingChangesNothing();
    void notThisPersonClearsAndAsksNothing();
    void tabFromTheFieldReachesTheFirstAction();
    void helpPanelListsScenarios();
    void escClearsFieldAndPatient();
    void everyControlHasAnAccessibleName();
    void localDirectoryShowsOnPlanCards();

private:
    // Signs in as the triage nurse; the look-up screen then holds the focus.
    void signIn();
    // The born and died fields for the scenarios with a death or a partial birth date.
    void checkBannerDates(const QString& number);
    // Enter on `digits`, then the answer; false when none came.
    bool search(const QString& digits);
    ui::MainWindow& w() { return *m_desk->window; }
    ui::TriageView* t() { return m_desk->triage(); }
    std::unique_ptr<TrainingDesk> m_desk;
};

void TestTriageLookup::init()
{
    m_desk = std::make_unique<TrainingDesk>(ui::DeskSettings{}, quickTransport());
    w().show();
    QVERIFY(QTest::qWaitForWindowExposed(&w()));
    QApplication::setActiveWindow(&w());
}

void TestTriageLookup::signIn()
{
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
}

bool TestTriageLookup::search(const QString& digits)
{
    QSignalSpy answered(t(), &ui::TriageView::lookupAnswered);
    typeAndSearch(t(), digits);
    return !QTest::currentTestFailed() && answered.wait(10000);
}

void TestTriageLookup::checkBannerDates(const QString& number)
{
    auto* born = t()->banner()->findChild<QLabel*>(QStringLiteral("bannerBorn"));
    auto* died = t()->banner()->findChild<QLabel*>(QStringLiteral("bannerDied"));
    QVERIFY(born && died);
    // The sandbox's dates follow its clock: the shapes are what must hold.
    static const QRegularExpression day(QStringLiteral("^\\d{2}-[A-Z][a-z]{2}-\\d{4}$"));
    static const QRegularExpression month(QStringLiteral("^[A-Z][a-z]{2} \\d{4}$"));
    static const QRegularExpression year(QStringLiteral("^\\d{4}$"));
    static const QRegularExpression withAge(
        QStringLiteral("^\\d{2}-[A-Z][a-z]{2}-\\d{4} \\(\\d+[ywmd]\\)$"));
    if (number == u"9990002908") {
        QVERIFY2(day.match(born->text()).hasMatch(), qPrintable(born->text())); // no age
        QVERIFY(died->isVisible());
        QVERIFY2(day.match(died->text()).hasMatch(), qPrintable(died->text()));
        QVERIFY(t()->banner()->summaryText().contains(QStringLiteral(", died ")));
        return;
    }
    if (t()->banner()->isVisible())
        QVERIFY(!died->isVisible());
    if (number == u"9990002924")
        QVERIFY2(month.match(born->text()).hasMatch(), qPrintable(born->text()));
    else if (number == u"9990002932")
        QVERIFY2(year.match(born->text()).hasMatch(), qPrintable(born->text()));
    else if (number == u"9990000018")
        QVERIFY2(withAge.match(born->text()).hasMatch(), qPrintable(born->text()));
}

void TestTriageLookup::scenarios_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("cards");
    QTest::addColumn<QStringList>("mustSay"); // in the CP-IS section or the banner
    using L = QStringList;
    QTest::newRow("plans found") << "9990000018" << int(Shown::PlansFound) << 1
                                 << L{"CP-IS ALERT", "Child Protection Plan", "Ongoing"};
    QTest::newRow("looked after") << "9990000026" << int(Shown::PlansFound) << 1
                                  << L{"Looked After Child"};
    QTest::newRow("UCPP") << "9990000034" << int(Shown::PlansFound) << 1
                          << L{"Unborn Child Protection Plan", "Ends",
                               "the unborn child of SCENARIO-UCPP"};
    QTest::newRow("several plans") << "9990000042" << int(Shown::PlansFound) << 2
                                   << L{"2 plan", "ENDED", "Looked After Child"};
    QTest::newRow("ended plan") << "9990000050" << int(Shown::PlansFound) << 1
                                << L{"ENDED", "plan ended", "none current"};
    QTest::newRow("no record") << "9990000069" << int(Shown::NoRecord) << 0
                               << L{"No CP-IS record found", "was checked for NHS No. 999 000 0069",
                                    "does not mean the child is safe"};
    QTest::newRow("restricted") << "9990000077" << int(Shown::PlansFound) << 1
                                << L{"Restricted record"};
    QTest::newRow("superseded") << "9990000085" << int(Shown::PlansFound) << 1
                                << L{"999 000 0085 has been replaced by 999 000 0093"};
    // A plan type this desk does not know, over the FHIR API (docs/sandbox.md): a record.
    QTest::newRow("unknown plan type")
        << "9990000247" << int(Shown::RecordNotDisplayable) << 1
        << L{"CP-IS holds a record this desk cannot display", "Record this desk cannot display"};
    QTest::newRow("http-503") << "9990000190" << int(Shown::CouldNotCheck) << 0
                              << L{"COULD NOT BE CHECKED", "Follow local safeguarding procedure"};
    QTest::newRow("malformed") << "9990000212" << int(Shown::CouldNotCheck) << 0
                               << L{"COULD NOT BE CHECKED", "Follow local safeguarding procedure"};
    QTest::newRow("no person") << "9990000263" << int(Shown::CouldNotCheck) << 0
                               << L{"COULD NOT TRACE", "CP-IS was not asked",
                                    "Follow local safeguarding procedure"};
    // PDS records as NHS England publishes them (docs/sandbox.md).
    QTest::newRow("deceased") << "9990002908" << int(Shown::NoRecord) << 0 << L{"Died"};
    QTest::newRow("very restricted")
        << "9990002916" << int(Shown::PlansFound) << 1 << L{"Very restricted record"};
    QTest::newRow("born yyyy-mm") << "9990002924" << int(Shown::PlansFound) << 1 << L{};
    QTest::newRow("born yyyy") << "9990002932" << int(Shown::PlansFound) << 1 << L{};
    QTest::newRow("unverified") << "9990002940" << int(Shown::CouldNotCheck) << 0
                                << L{"COULD NOT TRACE", "NHS number not verified on PDS",
                                     "Follow local safeguarding procedure"};
    QTest::newRow("temporary address")
        << "9990002959" << int(Shown::NoRecord) << 0 << L{"Temporary address", "College Road"};
    QTest::newRow("invalidated") << "9990002967" << int(Shown::CouldNotCheck) << 0
                                 << L{"COULD NOT TRACE", "invalidated",
                                      "Follow local safeguarding procedure"};
}

void TestTriageLookup::scenarios()
{
    QFETCH(QString, number);
    QFETCH(int, shown);
    QFETCH(int, cards);
    QFETCH(QStringList, mustSay);

    signIn();
    QVERIFY(search(number));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(t()->nhsField()));

    CpisResultView* view = t()->resultView();
    // No banner for a number PDS does not know, has invalidated or has not verified.
    const bool traced =
        number != u"9990000263" && number != u"9990002940" && number != u"9990002967";
    if (traced) {
        // The banner first; the CP-IS section stays shut until the nurse confirms it.
        QVERIFY(t()->banner()->isVisible());
        QVERIFY(t()->awaitsConfirmation());
        QCOMPARE(view->shown(), Shown::Nothing);
        QVERIFY(!view->isVisible());
        confirmByKeyboard(t());
    }
    QCOMPARE(int(view->shown()), shown);
    QVERIFY(view->isVisible());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(t()->nhsField()));

    const QList<QWidget*> planCards = view->findChildren<QWidget*>(QStringLiteral("planCard"));
    QCOMPARE(int(planCards.size()), cards);

    const QStringList texts = visibleText(&w());
    for (const QString& s : mustSay)
        QVERIFY2(anyContains(texts, s), qPrintable(number + QStringLiteral(": no '") + s + u'\''));
    if (shown == int(Shown::NoRecord))
        QVERIFY(!anyContains(texts, QStringLiteral("child is safe.")));
    checkBannerDates(number);

    // The first line says what the answer is and when; the state's title follows it.
    const QString title = label(view, "cpisStateTitle")->text();
    const QString first = view->provenanceText();
    QVERIFY(!first.isEmpty());
    QVERIFY(view->accessibleName().startsWith(first));
    QVERIFY(view->accessibleName().contains(title));
    if (shown == int(Shown::CouldNotCheck))
        QVERIFY2(first.startsWith(QStringLiteral("Could not")), qPrintable(first));
    else
        QVERIFY2(first.startsWith(QStringLiteral("Live answer from CP-IS, checked ")),
                 qPrintable(first));
    // A request that went out and failed says how often the desk sent it (the sandbox's 503s
    // are retried; the malformed answer came at the first try).
    static const QRegularExpression tried(QStringLiteral(" at \\d{2}:\\d{2} \\(tried (\\d) time"));
    if (number == u"9990000190")
        QCOMPARE(tried.match(first).captured(1), QStringLiteral("3"));
    if (number == u"9990000212")
        QCOMPARE(tried.match(first).captured(1), QStringLiteral("1"));
    const QImage icon = label(view, "cpisStateIcon")->pixmap().toImage();
    const QStyle::StandardPixmap expected =
        shown == int(Shown::PlansFound) || shown == int(Shown::RecordNotDisplayable)
            ? QStyle::SP_MessageBoxWarning
        : shown == int(Shown::NoRecord) ? QStyle::SP_MessageBoxInformation
                                        : QStyle::SP_MessageBoxCritical;
    QCOMPARE(icon, iconFor(view, expected));

    if (shown != int(Shown::CouldNotCheck)) {
        auto* history = view->findChild<QTableView*>(QStringLiteral("accessHistoryView"));
        QVERIFY(history && history->isVisible());
        QAbstractItemModelTester tester(history->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(history->model()->rowCount() <= 25);
        // Plan scenarios come with earlier looks (docs/sandbox.md); fault numbers do not.
        if (shown == int(Shown::PlansFound) && cards > 0)
            QVERIFY(history->model()->rowCount() >= 3);
    }
    if (cards > 0) {
        // Each plan carries its authority's numbers, each with a copy button.
        const auto copies =
            view->findChildren<QAbstractButton*>(QStringLiteral("emergencyDutyPhoneCopy"));
        QCOMPARE(int(copies.size()), cards);
        copies.first()->click();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY(copied.startsWith(QStringLiteral("07700 900")));
    }
}

void TestTriageLookup::fromCacheAfterTheServiceStops()
{
    signIn();
    QVERIFY(search(QStringLiteral("9990000018")));
    confirmByKeyboard(t());
    QVERIFY(!t()->resultView()->showsCachedAnswer());
    QVERIFY(!t()->banner()->isFromCopy());

    m_desk->sandbox.reset(); // the national service goes away
    QVERIFY(search(QStringLiteral("9990000018")));
    // The banner comes from the copy, and says so before the nurse confirms it.
    QVERIFY(t()->awaitsConfirmation());
    QVERIFY(t()->banner()->isFromCopy());
    QVERIFY(label(t()->banner(), "bannerFromCopy")->isVisible());
    QVERIFY(t()->banner()->accessibleDescription().contains(QStringLiteral("OFFLINE COPY")));
    confirmByKeyboard(t());
    CpisResultView* view = t()->resultView();
    QCOMPARE(view->shown(), Shown::PlansFound);
    QVERIFY(view->showsCachedAnswer());
    // The section's first line: an offline copy, from when, and how old.
    const QString first = view->provenanceText();
    static const QRegularExpression copyLine(
        QStringLiteral("^OFFLINE COPY from \\d{2}-[A-Z][a-z]{2}-\\d{4} \\d{2}:\\d{2} "
                       "\\(\\d+ min old\\), not a live answer"));
    QVERIFY2(copyLine.match(first).hasMatch(), qPrintable(first));
    QVERIFY(label(view, "cpisProvenance")->isVisible());
    QVERIFY(view->accessibleName().startsWith(QStringLiteral("OFFLINE COPY")));
    // The live headline is not what leads.
    QVERIFY(!label(view, "cpisStateDetail")->text().contains(QStringLiteral("CP-IS was checked")));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(t()->nhsField()));
}

void TestTriageLookup::rejectedNumberClearsThePreviousChild()
{
    signIn();
    QVERIFY(search(QStringLiteral("9990000018")));
    confirmByKeyboard(t());
    QCOMPARE(t()->resultView()->shown(), Shown::PlansFound);
    QVERIFY(t()->banner()->isVisible());

    // A new number with a wrong check digit: what the field holds is no longer that child.
    ui::NhsNumberEdit* field = t()->nhsField();
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("999000001"));
    QVERIFY(!t()->banner()->isVisible()); // cleared at the first edit, not at Enter
    QCOMPARE(t()->resultView()->shown(), Shown::Nothing);
    QTest::keyClicks(field, QStringLiteral("9"));
    // The wrong check digit shows as soon as the tenth digit is in.
    QVERIFY(field->property("invalidNumber").toBool());
    QVERIFY(anyContains(visibleText(&w()), QStringLiteral("Not a valid NHS number")));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(anyContains(visibleText(&w()), QStringLiteral("Not searched")));
    QVERIFY(!t()->banner()->isVisible());
    QVERIFY(!t()->resultView()->isVisible());
    QCOMPARE(t()->resultView()->shown(), Shown::Nothing);
    QVERIFY(!anyContains(visibleText(&w()), QStringLiteral("Scenario-Cpp")));
}

// The answer of an abandoned look-up, once the service has audited it.
static bool abandonedAnswerAudited(const TrainingDesk& desk, int before)
{
    const QList<AuditEntry> entries = desk.audit();
    for (int i = before; i < entries.size(); ++i)
        if (entries.at(i).action == AuditEntry::Action::LookUp &&
            entries.at(i).outcomeDetail.contains(QStringLiteral("abandoned")))
            return true;
    return false;
}

void TestTriageLookup::waitingCountsSecondsWithCancel()
{
    signIn();
    // 999 000 0158: PDS traces at once, CP-IS never answers (docs/sandbox.md).
    QVERIFY(search(QStringLiteral("9990000158")));
    QTest::keyClick(t()->nhsField(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(t()->isBusy());
    QVERIFY(t()->busyPanel()->isVisible());
    QVERIFY(!t()->busyPanel()->text().contains(QStringLiteral("second"))); // not at once
    // After a second the wait counts its seconds, with its Cancel (Esc).
    QTRY_VERIFY_WITH_TIMEOUT(t()->busyPanel()->text().contains(QStringLiteral("second")), 4000);
    QVERIFY(t()->isBusy());
    QVERIFY(t()->busyPanel()->cancelButton()->isVisible());
    QVERIFY(t()->busyPanel()->cancelButton()->text().contains(QStringLiteral("Esc")));
    QTest::mouseClick(t()->busyPanel()->cancelButton(), Qt::LeftButton);
    QVERIFY(!t()->isBusy());
    QVERIFY(!t()->banner()->isVisible());
    QVERIFY(t()->nhsField()->text().isEmpty());
}

void TestTriageLookup::escCancelsASlowAnswerWhichNeverAppears()
{
    signIn();
    // 999 000 0131: PDS traces at once, CP-IS answers after 1.5 s (docs/sandbox.md).
    QVERIFY(search(QStringLiteral("9990000131")));
    QVERIFY(t()->awaitsConfirmation());
    const int before = int(m_desk->audit().size());
    QTest::keyClick(t()->nhsField(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(t()->isBusy());
    QVERIFY(t()->busyPanel()->isVisible());

    // The CP-IS query on the wire to the sandbox, watched for how it ends.
    QList<QPointer<QNetworkReply>> inFlight;
    int aborted = 0;
    for (QNetworkReply* r : m_desk->stack->services->network().findChildren<QNetworkReply*>()) {
        if (r->isFinished() || !r->url().path().contains(QStringLiteral("/cpis/")))
            continue;
        inFlight.append(r);
        connect(r, &QNetworkReply::finished, r, [&aborted, r] {
            aborted += r->error() == QNetworkReply::OperationCanceledError ? 1 : 0;
        });
    }
    QCOMPARE(inFlight.size(), 1);

    QSignalSpy shown(t(), &ui::TriageView::resultShown);
    QTest::keyClick(t()->nhsField(), Qt::Key_Escape);
    QVERIFY(!t()->isBusy());
    QVERIFY(!t()->busyPanel()->isVisible());
    QVERIFY(!t()->banner()->isVisible());
    QVERIFY(!t()->resultView()->isVisible());
    QVERIFY(anyContains(visibleText(&w()), QStringLiteral("cancelled")));

    // Esc aborted the request itself (the connection is closed, not left to run 1.5 s for
    // nobody), and the query, which may have reached CP-IS, is recorded as what it was as soon
    // as the access noted ahead of it is on disk.
    QCOMPARE(aborted, 1);
    QTRY_VERIFY(abandonedAnswerAudited(*m_desk, before));
    const AuditEntry last = m_desk->audit().last();
    QCOMPARE(last.outcome, AuditEntry::Outcome::Cancelled);
    QVERIFY2(last.outcomeDetail.contains(QStringLiteral("cpis-query-aborted")),
             qPrintable(last.outcomeDetail));
    // Nothing comes after the sandbox's delay: no answer, no second entry.
    QTest::qWait(2000);
    QCOMPARE(int(m_desk->audit().size()), before + 1);
    QCoreApplication::processEvents();
    QCOMPARE(shown.count(), 0);
    QCOMPARE(t()->resultView()->shown(), Shown::Nothing);
    QVERIFY(!t()->resultView()->isVisible());
    QVERIFY(!t()->banner()->isVisible());
    QVERIFY(t()->nhsField()->text().isEmpty());
}

void TestTriageLookup::lateAnswerWhileTypingChangesNothing()
{
    signIn();
    QVERIFY(search(QStringLiteral("9990000131")));
    const int before = int(m_desk->audit().size());
    QTest::keyClick(t()->nhsField(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(t()->isBusy());

    // The nurse moves on to the next person while CP-IS is still answering.
    ui::NhsNumberEdit* field = t()->nhsField();
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("99900"));
    QVERIFY(!t()->isBusy());
    QVERIFY(!t()->banner()->isVisible());
    QString typed = field->text();
    QCOMPARE(typed.remove(u' '), QStringLiteral("99900"));

    QSignalSpy shown(t(), &ui::TriageView::resultShown);
    QTRY_VERIFY_WITH_TIMEOUT(abandonedAnswerAudited(*m_desk, before), 10000);
    QCoreApplication::processEvents();
    // Nothing moved: the digits, the cursor, no selection, nothing shown.
    QCOMPARE(shown.count(), 0);
    QCOMPARE(field->text().remove(u' '), QStringLiteral("99900"));
    QVERIFY(!field->hasSelectedText());
    QCOMPARE(field->cursorPosition(), int(field->text().size()));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(field));
    QCOMPARE(t()->resultView()->shown(), Shown::Nothing);
    QVERIFY(!t()->banner()->isVisible());
    // And the nurse types on into the same field.
    QTest::keyClicks(field, QStringLiteral("00018"));
    QCOMPARE(field->text(), QStringLiteral("999 000 0018"));
}

void TestTriageLookup::notThisPersonClearsAndAsksNothing()
{
    signIn();
    QVERIFY(search(QStringLiteral("9990000018")));
    QVERIFY(t()->awaitsConfirmation());
    const int before = int(m_desk->audit().size());
    QSignalSpy rejected(t(), &ui::TriageView::rejected);
    QTest::keyClick(t()->nhsField(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!t()->banner()->isVisible());
    QVERIFY(!t()->resultView()->isVisible());
    QVERIFY(t()->nhsField()->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(t()->nhsField()));
    QVERIFY(anyContains(visibleText(&w()), QStringLiteral("Not this person")));
    const QList<AuditEntry> after = m_desk->audit();
    QCOMPARE(int(after.size()), before + 1);
    QCOMPARE(after.last().outcome, AuditEntry::Outcome::Cancelled);
    QCOMPARE(after.last().outcomeDetail, QStringLiteral("identity-rejected"));
}

void TestTriageLookup::tabFromTheFieldReachesTheFirstAction()
{
    signIn();
    QVERIFY(search(QStringLiteral("9990000018")));
    confirmByKeyboard(t());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(t()->nhsField()));
    QTest::keyClick(t()->nhsField(), Qt::Key_Tab);
    QWidget* now = QApplication::focusWidget();
    QVERIFY(now);
    QCOMPARE(now->objectName(), QStringLiteral("officeHoursPhoneCopy"));
    // Copy says that it copied.
    QTest::keyClick(now, Qt::Key_Space);
    QCOMPARE(qobject_cast<QPushButton*>(now)->text(), QStringLiteral("Copied"));
}

void TestTriageLookup::helpPanelListsScenarios()
{
    signIn();
    auto* list = w().findChild<QListWidget*>(QStringLiteral("scenarioList"));
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->count(), int(m_desk->sandbox->scenarios().scenarios().size()));
    QVERIFY(anyContains(visibleText(list), QStringLiteral("999 000 0018")));
    // Enter on a line puts its number in the field, ready to search.
    list->setFocus();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(t()->nhsField()));
    QCOMPARE(t()->nhsField()->text().remove(u' '), list->item(0)->data(Qt::UserRole).toString());
}

void TestTriageLookup::escClearsFieldAndPatient()
{
    signIn();
    QVERIFY(search(QStringLiteral("9990000018")));
    confirmByKeyboard(t());
    QVERIFY(t()->resultView()->isVisible());
    QTest::keyClick(t()->nhsField(), Qt::Key_Escape);
    QVERIFY(t()->nhsField()->text().isEmpty());
    QVERIFY(!t()->banner()->isVisible());
    QCOMPARE(t()->resultView()->shown(), Shown::Nothing);
}

void TestTriageLookup::everyControlHasAnAccessibleName()
{
    signIn();
    QVERIFY(search(QStringLiteral("9990000042"))); // two plan cards, copy buttons, history
    confirmByKeyboard(t());
    QStringList unnamed;
    for (QWidget* c : w().findChildren<QWidget*>()) {
        if (!c->isVisible() || c->focusPolicy() == Qt::NoFocus)
            continue;
        // Qt names a button or a (selectable) label by its text unless told otherwise.
        const auto* button = qobject_cast<QAbstractButton*>(c);
        const auto* text = qobject_cast<QLabel*>(c);
        if (c->accessibleName().isEmpty() && !(button && !button->text().isEmpty()) &&
            !(text && !text->text().isEmpty()))
            unnamed << QString::fromLatin1(c->metaObject()->className()) + u' ' + c->objectName();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestTriageLookup::localDirectoryShowsOnPlanCards()
{
    signIn();
    ui::LocalDirectoryDialog* dir = openDirectory(w());
    QVERIFY(dir);
    QAbstractItemModelTester tester(dir->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const DirectoryEntry she{QStringLiteral("SHE1"), QStringLiteral("mash@sheffield.example"),
                             QStringLiteral("Secure email only; ask for the duty worker")};
    // Typed in lower case: the directory keys on the code as the national record spells it.
    addEntry(dir, {QStringLiteral("she1"), she.email, she.notes});
    QCOMPARE(dir->model()->rowCount(), 1);
    QCOMPARE(dir->model()->entry(0), she);
    auto stored = m_desk->stack->directory->find(QStringLiteral("SHE1"));
    QVERIFY(stored && stored.value());
    QCOMPARE(*stored.value(), she);
    QTest::keyClick(dir->view(), Qt::Key_Escape);
    QTRY_VERIFY(!w().findChild<ui::LocalDirectoryDialog*>());
    QApplication::setActiveWindow(&w());

    // Sheffield (SHE1) holds the plan of 999 000 0018: its card carries the entry.
    QVERIFY(search(QStringLiteral("9990000018")));
    confirmByKeyboard(t());
    CpisResultView* view = t()->resultView();
    QCOMPARE(view->shown(), Shown::PlansFound);
    auto* card = view->findChild<QWidget*>(QStringLiteral("planCard"));
    QVERIFY(card);
    QLabel* email = label(card, "localEmail");
    QLabel* notes = label(card, "localNotes");
    QVERIFY(email && email->isVisible());
    QVERIFY(notes && notes->isVisible());
    QCOMPARE(email->text(), she.email);
    QCOMPARE(notes->text(), she.notes);
    QVERIFY(anyContains(visibleText(card), QStringLiteral("local directory")));
    QVERIFY(card->accessibleDescription().contains(she.email));
    // Under the LA's phone numbers, not mixed in with them.
    auto* grid = qobject_cast<QGridLayout*>(card->layout());
    QVERIFY(grid);
    int phoneRow = -1, emailRow = -1, rs = 0, c = 0, cs = 0;
    grid->getItemPosition(grid->indexOf(label(card, "emergencyDutyPhone")), &phoneRow, &c, &rs,
                          &cs);
    grid->getItemPosition(grid->indexOf(email), &emailRow, &c, &rs, &cs);
    QVERIFY2(emailRow > phoneRow, qPrintable(QStringLiteral("%1 %2").arg(emailRow).arg(phoneRow)));
    auto* copy = card->findChild<QAbstractButton*>(QStringLiteral("localEmailCopy"));
    QVERIFY(copy && copy->isVisible());
    QVERIFY(!copy->accessibleName().isEmpty());
    QApplication::clipboard()->clear();
    copy->click();
    QCOMPARE(QApplication::clipboard()->text(), she.email);

    // Leeds (LEE1) has no entry: that card shows nothing from the directory.
    QVERIFY(search(QStringLiteral("9990000026")));
    confirmByKeyboard(t());
    QCOMPARE(view->shown(), Shown::PlansFound);
    card = view->findChild<QWidget*>(QStringLiteral("planCard"));
    QVERIFY(card);
    QVERIFY(!label(card, "localEmail"));
    QVERIFY(!label(card, "localNotes"));
    QVERIFY(!card->findChild<QAbstractButton*>(QStringLiteral("localEmailCopy")));
    QVERIFY(!anyContains(visibleText(&w()), QStringLiteral("local directory")));
    QVERIFY(!anyContains(visibleText(&w()), she.email));
}

QTEST_MAIN(TestTriageLookup)
#include "tst_triagelookup.moc"
