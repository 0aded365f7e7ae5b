// Hazard H01 (wrong patient), proven on the shipped binary: the cpis-desk a nurse starts, in
// training on a private X display, driven only by X key events. Nothing is read from inside
// the process: what the desk asked the service comes from the counters of its training
// sandbox, what it shows from the window's pixels (the confirmation bar's pale blue, the CP-IS
// section's red alert), and what it recorded from its audit log once it has ended. Any wiring
// in main or Desk that confirmed a banner on the nurse's behalf fails this test.
// Runs under tests/support/with-private-keyring.sh: the desk's store needs the keychain.
#include "core/audit/AuditEntry.h"
#include "core/audit/AuditLog.h"
#include "core/desk/SecureStore.h"
#include "core/domain/Clock.h"
#include "core/store/KeyStore.h"

#include <QTest>

// clang-format off: Xlib's macros (Bool, Status, None) must come after every Qt header
#include "tests/support/ShippedDesk.h"
// clang-format on

using cpis::testsupport::ShippedDesk;

namespace {
// TriageView's confirmation bar ("Check the banner…", Ctrl+Enter / Ctrl+Shift+N).
constexpr unsigned long kConfirmBarBlue = 0xd6e8f7;
// CpisResultView's header when plans are found, and a plan card's edge: the red alert.
constexpr unsigned long kAlertRed = 0xd5281b;
const QString kChildOnPlan = QStringLiteral("9990000018");      // CPP, Sheffield
const QString kOtherChildOnPlan = QStringLiteral("9990000026"); // LAC, Leeds
const QString kThirdChildOnPlan = QStringLiteral("9990000034"); // UCPP
const QString kFourthChildOnPlan = QStringLiteral("9990000042");
constexpr int kWait = 10000;
// A nurse takes seconds to check a banner against the person in front of her: for this long
// after it shows, nothing may ask CP-IS on her behalf (a wait for what must not happen).
constexpr int kNurseChecksMs = 3000;
} // namespace

class TestDeskBinary : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cpisWaitsForTheNursesConfirmation();
    void heldNumberIsOnlyForTheUserWhoLocked();
    void auditLogHasTheLookUpsAsDone();
    void cleanupTestCase();

private:
    // Once the desk has answered a second cpis-desk (which only brings it to the front), its
    // event loop has run past whatever a trace left queued: a confirmation made on the
    // nurse's behalf would have been sent by then.
    bool roundTrip() const
    {
        return m_desk->run({}).out.split(u'\n', Qt::SkipEmptyParts) ==
               QStringList{QStringLiteral("accepted"), QStringLiteral("front")};
    }
    // True if, for `ms`, CP-IS was asked nothing and no notice was raised.
    bool cpisStaysUnaskedFor(int ms)
    {
        const auto asked = [this] {
            return QList<int>{m_desk->counter(QStringLiteral("cpisQueries")),
                              m_desk->counter(QStringLiteral("notices"))};
        };
        const QList<int> before = asked();
        return !before.contains(-1) && !QTest::qWaitFor([&] { return asked() != before; }, ms);
    }
    int pixels(unsigned long rgb) const
    {
        return m_desk->display().pixelsOf(m_desk->mainWindow(), rgb);
    }
    void press(KeySym key, unsigned int state = 0)
    {
        m_desk->display().press(m_desk->mainWindow(), key, state);
    }

    std::unique_ptr<ShippedDesk> m_desk;
};

void TestDeskBinary::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CPIS_TEST_PRIVATE_KEYRING"))
        QSKIP("runs only inside tests/support/with-private-keyring.sh");
    m_desk = ShippedDesk::onNewDisplay(QStringLiteral(CPIS_DESK_EXE));
    if (!m_desk)
        QSKIP("no Xvfb: the shipped desk needs a display for this test");
    QString why;
    QVERIFY2(m_desk->start(&why), qPrintable(why));
    // Enter signs in the first test user, the triage nurse at an unscheduled-care site.
    QVERIFY2(m_desk->signIn(0, &why), qPrintable(why));
    QVERIFY(m_desk->mainWindow());
    QVERIFY2(m_desk->counters(), "the training sandbox's counters cannot be read");
}

void TestDeskBinary::cpisWaitsForTheNursesConfirmation()
{
    const int pds = m_desk->counter(QStringLiteral("pdsReads"));
    const int plans = m_desk->counter(QStringLiteral("planQueries"));
    const int queries = m_desk->counter(QStringLiteral("cpisQueries"));
    const int notices = m_desk->counter(QStringLiteral("notices"));
    QVERIFY(pds >= 0 && plans >= 0 && queries >= 0 && notices >= 0);
    QCOMPARE(pixels(kConfirmBarBlue), 0);
    QCOMPARE(pixels(kAlertRed), 0);

    // A child on a plan, typed into the NHS No. field (it has the focus after sign-in); Enter.
    m_desk->display().type(m_desk->mainWindow(), kChildOnPlan);
    press(XK_Return);
    // PDS traced the child and the banner waits for the nurse.
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->counter(QStringLiteral("pdsReads")), pds + 1, kWait);
    QTRY_VERIFY2_WITH_TIMEOUT(pixels(kConfirmBarBlue) > 0,
                              "no confirmation bar: was the banner confirmed for the nurse?",
                              kWait);
    QVERIFY(roundTrip());
    QVERIFY(cpisStaysUnaskedFor(kNurseChecksMs));
    // CP-IS has heard nothing, so Sheffield has not been notified; no CP-IS section shows.
    QCOMPARE(m_desk->counter(QStringLiteral("cpisQueries")), queries);
    QCOMPARE(m_desk->counter(QStringLiteral("notices")), notices);
    QCOMPARE(pixels(kAlertRed), 0);
    QVERIFY(pixels(kConfirmBarBlue) > 0);

    // Ctrl+Enter: the banner matches. One query for the child's plans (the desk reads the
    // access history with it), one notice, and the CP-IS section with its plan.
    press(XK_Return, ControlMask);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->counter(QStringLiteral("notices")), notices + 1, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(pixels(kAlertRed) > 0, kWait);
    QVERIFY(roundTrip());
    QCOMPARE(m_desk->counter(QStringLiteral("planQueries")), plans + 1);
    QCOMPARE(m_desk->counter(QStringLiteral("notices")), notices + 1);
    const int queriesAfter = m_desk->counter(QStringLiteral("cpisQueries"));
    QVERIFY(queriesAfter > queries);
    QCOMPARE(m_desk->counter(QStringLiteral("pdsReads")), pds + 1);
    QCOMPARE(pixels(kConfirmBarBlue), 0);

    // Esc clears; another child on a plan, and this time the banner is not the person here.
    press(XK_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(pixels(kAlertRed), 0, kWait);
    m_desk->display().type(m_desk->mainWindow(), kOtherChildOnPlan);
    press(XK_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->counter(QStringLiteral("pdsReads")), pds + 2, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(pixels(kConfirmBarBlue) > 0, kWait);
    QVERIFY(roundTrip());
    QVERIFY(cpisStaysUnaskedFor(kNurseChecksMs));
    QCOMPARE(m_desk->counter(QStringLiteral("cpisQueries")), queriesAfter);

    // Ctrl+Shift+N, "Not this person": the screen clears and CP-IS is never asked.
    press(XK_N, ControlMask | ShiftMask);
    QTRY_COMPARE_WITH_TIMEOUT(pixels(kConfirmBarBlue), 0, kWait);
    QVERIFY(roundTrip());
    QCOMPARE(m_desk->counter(QStringLiteral("cpisQueries")), queriesAfter);
    QCOMPARE(m_desk->counter(QStringLiteral("planQueries")), plans + 1);
    QCOMPARE(m_desk->counter(QStringLiteral("notices")), notices + 1);
    QCOMPARE(pixels(kAlertRed), 0);
    // Its one audit entry is read from the log once the desk has ended (last test).
}

// A number handed to a locked desk waits for the sign-in of the user whose session was
// locked; anyone else signing in starts afresh and never sees it looked up.
void TestDeskBinary::heldNumberIsOnlyForTheUserWhoLocked()
{
    const int pds = m_desk->counter(QStringLiteral("pdsReads"));
    const int plans = m_desk->counter(QStringLiteral("planQueries"));
    QVERIFY(pds >= 0 && plans >= 0);

    press(XK_l, ControlMask); // Ctrl+L
    ShippedDesk::Ran r = m_desk->run({QStringLiteral("--nhs-number"), kThirdChildOnPlan});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("accepted"), QStringLiteral("waiting-for-sign-in")}));
    QCOMPARE(m_desk->counter(QStringLiteral("pdsReads")), pds);
    // The same nurse unlocks (Enter on the lock screen's sign-in button, then Enter on the
    // user the dialog offers first: the one who locked): the number is traced for her.
    press(XK_Return);
    QString why;
    QVERIFY2(m_desk->signIn(0, &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->counter(QStringLiteral("pdsReads")), pds + 1, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(pixels(kConfirmBarBlue) > 0, kWait);

    // Locked again with a number handed over; the safeguarding lead (fourth test user) signs
    // in instead: the nurse's number is dropped.
    press(XK_l, ControlMask);
    QTRY_COMPARE_WITH_TIMEOUT(pixels(kConfirmBarBlue), 0, kWait);
    r = m_desk->run({QStringLiteral("--nhs-number"), kOtherChildOnPlan});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("waiting-for-sign-in")), qPrintable(r.out));
    press(XK_Return);
    QVERIFY2(m_desk->signIn(3, &why), qPrintable(why));
    // Her own look-up works, and is the only trace since she signed in.
    m_desk->display().type(m_desk->mainWindow(), kFourthChildOnPlan);
    press(XK_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->counter(QStringLiteral("pdsReads")), pds + 2, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(pixels(kConfirmBarBlue) > 0, kWait);
    QVERIFY(roundTrip());
    QCOMPARE(m_desk->counter(QStringLiteral("pdsReads")), pds + 2);
    // Neither banner was confirmed by anyone: CP-IS was not asked for either child.
    QCOMPARE(m_desk->counter(QStringLiteral("planQueries")), plans);
}

// The desk closed as its user closes it; its audit log then says what the look-ups were: the
// confirmed one once, and "Not this person" as one entry of its own, nothing between.
void TestDeskBinary::auditLogHasTheLookUpsAsDone()
{
    QVERIFY(m_desk->close());
    cpis::KeyStore keys(QStringLiteral("cpis-desk"));
    cpis::SystemClock clock;
    auto store = cpis::SecureStore::open(m_desk->storeDirectory(), keys, clock, {});
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    QList<cpis::AuditEntry> all;
    const auto read = store.value()->audit().forEach([&](const cpis::AuditEntry& e) {
        all.append(e);
        return true;
    });
    QVERIFY(read.ok());
    const auto indexOf = [&](const QString& nhs) {
        QList<int> at;
        for (int i = 0; i < all.size(); ++i)
            if (all.at(i).action == cpis::AuditEntry::Action::LookUp && all.at(i).nhsNumber == nhs)
                at.append(i);
        return at;
    };
    const QList<int> confirmed = indexOf(kChildOnPlan);
    QCOMPARE(confirmed.size(), 1);
    QCOMPARE(all.at(confirmed.first()).outcome, cpis::AuditEntry::Outcome::PlansFound);
    // The rejection: the entry right after the confirmed look-up, and the next is the lock.
    const int rejected = confirmed.first() + 1;
    QVERIFY(rejected + 1 < all.size());
    QCOMPARE(all.at(rejected).action, cpis::AuditEntry::Action::LookUp);
    QCOMPARE(all.at(rejected).nhsNumber, kOtherChildOnPlan);
    QCOMPARE(all.at(rejected).outcome, cpis::AuditEntry::Outcome::Cancelled);
    QCOMPARE(all.at(rejected).outcomeDetail, QStringLiteral("identity-rejected"));
    QCOMPARE(all.at(rejected + 1).action, cpis::AuditEntry::Action::Lock);
    // The number dropped at the other user's sign-in was never looked up again; the banners
    // left waiting at a lock and at the close were abandoned, never confirmed.
    QCOMPARE(indexOf(kOtherChildOnPlan), QList<int>{rejected});
    for (const QString& nhs : {kThirdChildOnPlan, kFourthChildOnPlan}) {
        const QList<int> at = indexOf(nhs);
        QCOMPARE(at.size(), 1);
        QCOMPARE(all.at(at.first()).outcome, cpis::AuditEntry::Outcome::Cancelled);
        QCOMPARE(all.at(at.first()).outcomeDetail, QStringLiteral("abandoned"));
    }
    const auto verdict = store.value()->audit().verify();
    QVERIFY(verdict.ok() && verdict->ok());
}

void TestDeskBinary::cleanupTestCase()
{
    m_desk.reset();
}

QTEST_GUILESS_MAIN(TestDeskBinary)
#include "tst_deskbinary.moc"
