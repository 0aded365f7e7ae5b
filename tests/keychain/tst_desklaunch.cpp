// Launch in context, with the shipped binary: a training cpis-desk runs on a private X
// display, signed in by a key press as a nurse would; then `cpis-desk --nhs-number N` (what an
// ED or PAS system runs) hands the number to it and exits. The running desk traces the person
// and shows the banner awaiting the nurse's confirmation; no second desk, no second window.
// Runs under tests/support/with-private-keyring.sh: the desk's store needs the keychain.
#include <QDir>
#include <QTest>

// clang-format off: Xlib's macros (Bool, Status, None) must come after every Qt header
#include "tests/support/ShippedDesk.h"
// clang-format on

using cpis::testsupport::ShippedDesk;

namespace {
const QString& kMainTitle = ShippedDesk::kMainTitle;
const QString& kSignInTitle = ShippedDesk::kSignInTitle;
} // namespace

class TestDeskLaunch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void numberGoesToTheRunningDesk();
    void invalidNumberIsNotHandedOver();
    void cpisLinkGoesToTheRunningDesk();
    void cleanupTestCase();

private:
    using Ran = ShippedDesk::Ran;
    Ran run(const QStringList& arguments) const { return m_desk->run(arguments); }

    std::unique_ptr<ShippedDesk> m_desk;
};

void TestDeskLaunch::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CPIS_TEST_PRIVATE_KEYRING"))
        QSKIP("runs only inside tests/support/with-private-keyring.sh");
    m_desk = ShippedDesk::onNewDisplay(QStringLiteral(CPIS_DESK_EXE));
    if (!m_desk)
        QSKIP("no Xvfb: the shipped desk needs a display for this test");
    // The desk opens on its sign-in dialog; Enter signs in the first test user (the triage
    // nurse), as the training dialog says.
    QString why;
    QVERIFY2(m_desk->start(&why), qPrintable(why));
    QVERIFY2(m_desk->signIn(0, &why), qPrintable(why));
    QCOMPARE(m_desk->process().state(), QProcess::Running);
}

void TestDeskLaunch::numberGoesToTheRunningDesk()
{
    const Ran r = run({QStringLiteral("--nhs-number"), QStringLiteral("9990000018")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // "accepted", then what the running desk made of it: the banner, awaiting confirmation.
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines, (QStringList{QStringLiteral("accepted"), QStringLiteral("banner-shown")}));
    // The same desk, still running, with its one window; nothing of the second process stayed.
    QCOMPARE(m_desk->process().state(), QProcess::Running);
    QCOMPARE(m_desk->display().windows(kMainTitle).size(), 1);
    QCOMPARE(m_desk->display().windows(kSignInTitle).size(), 0);
    QVERIFY(!QDir(QStringLiteral("/proc/%1").arg(r.pid)).exists());
}

void TestDeskLaunch::invalidNumberIsNotHandedOver()
{
    const Ran r = run({QStringLiteral("--nhs-number"), QStringLiteral("9990000019")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QStringLiteral("not a valid NHS number")), qPrintable(r.err));
    QCOMPARE(m_desk->display().windows(kMainTitle).size(), 1);
}

void TestDeskLaunch::cpisLinkGoesToTheRunningDesk()
{
    const Ran r = run({QStringLiteral("cpis:999%20000%200026")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("banner-shown")), qPrintable(r.out));
    QCOMPARE(m_desk->display().windows(kMainTitle).size(), 1);
}

void TestDeskLaunch::cleanupTestCase()
{
    m_desk.reset();
}

QTEST_GUILESS_MAIN(TestDeskLaunch)
#include "tst_desklaunch.moc"
