// A locked or signed-out desk keeps nothing that could act for its user or show who was
// looked at: the long-lived services drop the session and its tokens, and the clipboard gives
// up a number the desk put there (and only that).
#include "core/audit/KeychainAnchorStore.h"
#include "sandbox/endpoints/Cis2Realm.h"
#include "tests/support/TrainingDesk.h"
#include "ui/widgets/DeskClipboard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QTest>

#include <memory>

using namespace cpis;
using testsupport::TrainingDesk;

class TestLockForgets : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TrainingDesk> m_desk;

    // Signs in, looks up a child on a plan and copies the authority's number from the card.
    void lookUpAndCopy()
    {
        QVERIFY(m_desk->signIn());
        QVERIFY(m_desk->lookUp(QStringLiteral("9990000018"), true));
        const auto copies = m_desk->triage()->findChildren<QAbstractButton*>(
            QStringLiteral("emergencyDutyPhoneCopy"));
        QVERIFY(!copies.isEmpty());
        copies.first()->click();
        QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("07700 900")));
        QVERIFY(ui::DeskClipboard::holdsDeskCopy());
    }

    // The anchor as the keychain side holds it: the desk's own KeychainAnchorStore entry, in
    // the in-memory key provider that stands for the keychain here.
    qint64 keychainAnchorSeq() const
    {
        DeskServices& s = *m_desk->stack->services;
        const auto anchor = KeychainAnchorStore::read(
            s.keys(), KeychainAnchorStore::entryNameFor(s.store().storeId()));
        return anchor && anchor.value() ? anchor.value()->seq : 0;
    }

    // After a look-up, leaving (lock or sign-out) saves the anchor at once, naming the last
    // entry: the lock's or sign-out's own, made in the same call, so no timer could have.
    void leavingSavesTheAnchor(void (ui::MainWindow::*leave)(), AuditEntry::Action recorded)
    {
        QVERIFY(m_desk->signIn());
        QVERIFY(m_desk->lookUp(QStringLiteral("9990000018"), true));
        AuditLog& log = m_desk->stack->services->store().audit();
        const qint64 before = log.lastSeq();
        // Control: what the keychain holds does not yet name an entry still to be made.
        QVERIFY(keychainAnchorSeq() <= before);

        (m_desk->window.get()->*leave)();
        QVERIFY(log.lastSeq() > before);
        QCOMPARE(m_desk->audit().last().action, recorded);
        QCOMPARE(keychainAnchorSeq(), log.lastSeq());
        QVERIFY(!log.anchorPending());
    }

    bool servicesHoldASession() const
    {
        DeskServices& s = *m_desk->stack->services;
        return s.lookups().session().isValid() || s.patientSearch().session().isValid() ||
               !s.lookups().session().refreshToken.isEmpty() ||
               !s.lookups().session().userId.isEmpty();
    }

private slots:
    void init()
    {
        QApplication::clipboard()->clear();
        m_desk = std::make_unique<TrainingDesk>();
    }
    void cleanup() { m_desk.reset(); }

    void lockDropsTokensAndTheCopiedNumber()
    {
        lookUpAndCopy();
        // Control: while signed in, the services do hold the session.
        QVERIFY(servicesHoldASession());

        m_desk->window->lock();
        QVERIFY(m_desk->window->isLocked());
        QVERIFY2(!servicesHoldASession(), "a service kept the session after the lock");
        QVERIFY(QApplication::clipboard()->text().isEmpty());
        QVERIFY(!ui::DeskClipboard::holdsDeskCopy());
    }

    void signOutDropsTokensAndTheCopiedNumber()
    {
        lookUpAndCopy();
        QVERIFY(servicesHoldASession());
        m_desk->window->signOut();
        QVERIFY(!m_desk->window->isSignedIn());
        QVERIFY(!servicesHoldASession());
        QVERIFY(QApplication::clipboard()->text().isEmpty());
    }

    // Signing out ends the session at the sandbox's CIS2 and revokes its access token and the
    // platform's refresh token, not only the desk's copies.
    void signOutEndsTheSessionAtTheProvider()
    {
        QVERIFY(m_desk->signIn());
        const auto& cis2 = m_desk->sandbox->cis2();
        const auto before = cis2.signOuts();
        m_desk->window->signOut();
        QTRY_COMPARE(cis2.signOuts().endedSessions.size(), before.endedSessions.size() + 1);
        QCOMPARE(cis2.signOuts().endedSessions.last(), QStringLiteral("555000000001"));
        QTRY_COMPARE(cis2.signOuts().cis2Revocations, before.cis2Revocations + 1);
        QTRY_COMPARE(cis2.signOuts().platformRevocations, before.platformRevocations + 1);
        const auto* gate = m_desk->window->findChild<QLabel*>(QStringLiteral("gateText"));
        QVERIFY(gate);
        QVERIFY2(!gate->text().contains(u"could not be told"), qPrintable(gate->text()));
    }

    // What the user copied from elsewhere afterwards is theirs: the lock leaves it.
    void lockLeavesWhatTheUserCopiedElsewhere()
    {
        lookUpAndCopy();
        QApplication::clipboard()->setText(QStringLiteral("minutes of the meeting"));
        m_desk->window->lock();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("minutes of the meeting"));
    }

    void lockSavesTheAuditAnchor()
    {
        leavingSavesTheAnchor(&ui::MainWindow::lock, AuditEntry::Action::Lock);
    }

    void signOutSavesTheAuditAnchor()
    {
        leavingSavesTheAnchor(&ui::MainWindow::signOut, AuditEntry::Action::SignOut);
    }

    // The next user signs in to working services: the lock dropped the session, not the
    // service.
    void signInAfterLockWorksAgain()
    {
        lookUpAndCopy();
        m_desk->window->lock();
        QVERIFY(m_desk->signIn());
        QVERIFY(servicesHoldASession());
        QVERIFY(m_desk->lookUp(QStringLiteral("9990000018"), true));
    }
};

QTEST_MAIN(TestLockForgets)
#include "tst_lockforgets.moc"
