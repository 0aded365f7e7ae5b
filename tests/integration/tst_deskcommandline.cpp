// The shipped cpis-desk's command line: what --help offers is what a user may pass. The
// screenshot scripting lives in tests/screenshots, never in the desk.
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

class TestDeskCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void helpListsNoDemoOrCaptureOption_data();
    void helpListsNoDemoOrCaptureOption();
};

void TestDeskCommandLine::helpListsNoDemoOrCaptureOption_data()
{
    QTest::addColumn<QString>("flag");
    QTest::newRow("--help") << QStringLiteral("--help");
    QTest::newRow("--help-all") << QStringLiteral("--help-all");
}

void TestDeskCommandLine::helpListsNoDemoOrCaptureOption()
{
    QFETCH(QString, flag);
    QProcess desk;
    // --help answers without a display; no platform plugin is needed.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("en_GB.UTF-8"));
    desk.setProcessEnvironment(env);
    desk.start(QStringLiteral(CPIS_DESK_EXE), {flag});
    QVERIFY(desk.waitForFinished(30000));
    QCOMPARE(desk.exitStatus(), QProcess::NormalExit);
    QCOMPARE(desk.exitCode(), 0);
    const QString help = QString::fromUtf8(desk.readAllStandardOutput());
    QVERIFY2(help.contains(QStringLiteral("--training")), qPrintable(help));

    // Every option the desk offers: the words after "-" or "--" at the start of a help line.
    static const QRegularExpression option(QStringLiteral("^\\s+(-{1,2}[\\w-]+.*?)(\\s{2,}|$)"),
                                           QRegularExpression::MultilineOption);
    QStringList options;
    for (auto it = option.globalMatch(help); it.hasNext();)
        options << it.next().captured(1);
    QVERIFY2(options.size() >= 4, qPrintable(help)); // help, version, training, store at least
    for (const QString& o : std::as_const(options))
        for (const char* banned : {"demo", "capture"})
            QVERIFY2(!o.contains(QLatin1String(banned), Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("cpis-desk offers %1").arg(o)));
}

QTEST_GUILESS_MAIN(TestDeskCommandLine)
#include "tst_deskcommandline.moc"
