// Launch in context, with the shipped binary: a training cpis-desk runs on a private X
// display, signed in by a key press as a nurse would; then `cpis-desk --nhs-number N` (what an
// ED or PAS system runs) hands the number to it and exits. The running desk traces the person
// and shows the banner awaiting the nurse's confirmation; no second desk, no second window.
// Runs under tests/support/with-private-keyring.sh: the desk's store needs the keychain.
#include "tests/support/XvfbDisplay.h" // last: Xlib's macros

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using cpis::testsupport::XvfbDisplay;

namespace {
const QString kMainTitle = QStringLiteral("TRAINING");
const QString kSignInTitle = QStringLiteral("Sign in");
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
    QProcessEnvironment env() const;
    struct Ran
    {
        int exitCode = -1;
        QString out;
        QString err;
        qint64 pid = 0;
    };
    Ran run(const QStringList& arguments) const;

    QTemporaryDir m_dir;
    std::unique_ptr<XvfbDisplay> m_display;
    QProcess m_desk;
};

QProcessEnvironment TestDeskLaunch::env() const
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("DISPLAY"), m_display->name());
    e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    e.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
    e.insert(QStringLiteral("LANG"), QStringLiteral("en_GB.UTF-8"));
    return e;
}

TestDeskLaunch::Ran TestDeskLaunch::run(const QStringList& arguments) const
{
    QProcess p;
    cpis::testsupport::endWithParent(p);
    p.setProcessEnvironment(env());
    p.start(QStringLiteral(CPIS_DESK_EXE), arguments);
    Ran r;
    if (!p.waitForStarted(5000))
        return r;
    r.pid = p.processId();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestDeskLaunch::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CPIS_TEST_PRIVATE_KEYRING"))
        QSKIP("runs only inside tests/support/with-private-keyring.sh");
    m_display = XvfbDisplay::start();
    if (!m_display)
        QSKIP("no Xvfb: the shipped desk needs a display for this test");
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("run")));
    QVERIFY(QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    cpis::testsupport::endWithParent(m_desk);
    m_desk.setProcessEnvironment(env());
    m_desk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_desk.start(QStringLiteral(CPIS_DESK_EXE),
                 {QStringLiteral("--training"), QStringLiteral("--store"),
                  m_dir.filePath(QStringLiteral("store"))});
    QVERIFY(m_desk.waitForStarted(10000));
    // The desk opens on its sign-in dialog; Enter signs in the first test user (the triage
    // nurse), as the training dialog says.
    QVERIFY2(m_display->waitForWindows(kSignInTitle, 1, 30000), "no sign-in dialog appeared");
    QVERIFY(m_display->waitForWindows(kMainTitle, 1, 10000));
    m_display->press(m_display->windows(kSignInTitle).first(), XK_Return);
    QVERIFY2(m_display->waitForWindows(kSignInTitle, 0, 20000), "the sign-in did not finish");
    QCOMPARE(m_desk.state(), QProcess::Running);
}

void TestDeskLaunch::numberGoesToTheRunningDesk()
{
    const Ran r = run({QStringLiteral("--nhs-number"), QStringLiteral("9990000018")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // "accepted", then what the running desk made of it: the banner, awaiting confirmation.
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines, (QStringList{QStringLiteral("accepted"), QStringLiteral("banner-shown")}));
    // The same desk, still running, with its one window; nothing of the second process stayed.
    QCOMPARE(m_desk.state(), QProcess::Running);
    QCOMPARE(m_display->windows(kMainTitle).size(), 1);
    QCOMPARE(m_display->windows(kSignInTitle).size(), 0);
    QVERIFY(!QDir(QStringLiteral("/proc/%1").arg(r.pid)).exists());
}

void TestDeskLaunch::invalidNumberIsNotHandedOver()
{
    const Ran r = run({QStringLiteral("--nhs-number"), QStringLiteral("9990000019")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QStringLiteral("not a valid NHS number")), qPrintable(r.err));
    QCOMPARE(m_display->windows(kMainTitle).size(), 1);
}

void TestDeskLaunch::cpisLinkGoesToTheRunningDesk()
{
    const Ran r = run({QStringLiteral("cpis:999%20000%200026")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("banner-shown")), qPrintable(r.out));
    QCOMPARE(m_display->windows(kMainTitle).size(), 1);
}

void TestDeskLaunch::cleanupTestCase()
{
    if (m_desk.state() != QProcess::NotRunning) {
        m_desk.terminate();
        if (!m_desk.waitForFinished(10000))
            m_desk.kill();
        m_desk.waitForFinished(5000);
    }
    m_display.reset();
}

QTEST_GUILESS_MAIN(TestDeskLaunch)
#include "tst_desklaunch.moc"
