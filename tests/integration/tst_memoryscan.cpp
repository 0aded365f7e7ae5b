// After the lock and sign-out, the desk's memory holds neither the access token nor the NHS
// number last shown. The desk runs as a child (memscan_child) against a sandbox in a third
// process (the sandbox holds both by design); this test reads the child's memory through
// /proc/<pid>/maps and /proc/<pid>/mem, as root can even of a process that is not dumpable.
// Before the lock the same scan must find the token, or it could not fail.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

namespace {

const QString kPlanChild = QStringLiteral("9990000018");

struct Hit
{
    QByteArray what;
    QByteArray region;
    quint64 address = 0;
    QByteArray around; // printable bytes either side, to say which copy it was
};

// Every readable mapping of `pid`, searched for each needle.
QList<Hit> scan(qint64 pid, const QList<QPair<QByteArray, QByteArray>>& needles)
{
    QList<Hit> hits;
    QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
    if (!maps.open(QIODevice::ReadOnly))
        return {{"cannot read maps", {}, 0, {}}};
    const int mem =
        ::open(QByteArray("/proc/" + QByteArray::number(pid) + "/mem").constData(), O_RDONLY);
    if (mem < 0)
        return {{"cannot open mem", {}, 0, {}}};
    for (const QByteArray& line : maps.readAll().split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 2 || !f[1].startsWith('r') || line.contains("[vvar]") ||
            line.contains("[vsyscall]"))
            continue;
        const QList<QByteArray> range = f[0].split('-');
        const quint64 from = range.value(0).toULongLong(nullptr, 16);
        const quint64 to = range.value(1).toULongLong(nullptr, 16);
        QByteArray data(qsizetype(to - from), Qt::Uninitialized);
        const ssize_t n = pread(mem, data.data(), size_t(data.size()), off_t(from));
        if (n <= 0)
            continue;
        data.truncate(n);
        for (const auto& [name, needle] : needles) {
            for (qsizetype at = data.indexOf(needle); at >= 0;
                 at = data.indexOf(needle, at + needle.size())) {
                QByteArray around = data.mid(qMax<qsizetype>(0, at - 48), needle.size() + 96);
                for (char& c : around)
                    c = (c >= 32 && c < 127) ? c : '.';
                hits.append({name, f.size() > 5 ? f[5] : QByteArray("[anonymous]"),
                             from + quint64(at), around});
            }
        }
    }
    ::close(mem);
    return hits;
}

QByteArray utf16(const QString& s)
{
    return QByteArray(reinterpret_cast<const char*>(s.utf16()), s.size() * 2);
}

QString describe(const QList<Hit>& hits)
{
    QStringList out;
    for (const Hit& h : hits)
        out << QString::fromLatin1(h.what + " in " + h.region + " at 0x" +
                                   QByteArray::number(h.address, 16) + ": " + h.around);
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestMemoryScan : public QObject
{
    Q_OBJECT

private slots:
    void lockLeavesNoTokenOrNumberInMemory()
    {
        if (geteuid() != 0)
            QSKIP("reads another process's memory: run as root");
        // The desk first: it writes the public keys the sandbox is to trust, then waits for the
        // sandbox's address.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString jwks = dir.filePath(QStringLiteral("desk-keys.jwks"));
        QProcess desk;
        desk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        desk.start(QStringLiteral(MEMSCAN_CHILD_EXE),
                   {jwks, QString::fromLatin1(kPlanChild.toLatin1().toHex())});
        QVERIFY(desk.waitForStarted());
        QByteArray token;
        auto readUntil = [&](const QByteArray& ready) {
            for (;;) {
                if (!desk.canReadLine() && !desk.waitForReadyRead(30000))
                    return false;
                while (desk.canReadLine()) {
                    const QByteArray line = desk.readLine().trimmed();
                    if (line.startsWith("token "))
                        token = QByteArray::fromHex(line.mid(6));
                    if (line.startsWith("error"))
                        qWarning("%s", line.constData());
                    if (line == ready)
                        return true;
                }
            }
        };
        QVERIFY2(readUntil("jwks written"), "the desk wrote no keys for the sandbox");

        QProcess sandbox;
        sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        sandbox.start(
            QStringLiteral(CPIS_SANDBOX_EXE),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--client-jwks"), jwks});
        QVERIFY(sandbox.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.canReadLine(), 10000);
        const QString base = QString::fromUtf8(sandbox.readLine()).trimmed();
        desk.write(base.toUtf8() + '\n');

        QVERIFY2(readUntil("ready signed-in"), "the desk did not sign in and look up");
        QVERIFY(token.size() >= 16);

        const QString spaced = kPlanChild.left(3) + QLatin1Char(' ') + kPlanChild.mid(3, 3) +
                               QLatin1Char(' ') + kPlanChild.mid(6);
        const QList<QPair<QByteArray, QByteArray>> needles{
            {"access token", token},
            {"NHS number", kPlanChild.toLatin1()},
            {"NHS number (UTF-16)", utf16(kPlanChild)},
            {"NHS number as shown", spaced.toLatin1()},
            {"NHS number as shown (UTF-16)", utf16(spaced)},
        };

        // Control: signed in, the token is there to be found.
        const QList<Hit> before = scan(desk.processId(), needles);
        bool tokenFound = false;
        for (const Hit& h : before)
            tokenFound = tokenFound || h.what == "access token";
        QVERIFY2(tokenFound,
                 qPrintable(QStringLiteral("the scan found no token while signed in: ") +
                            describe(before)));

        desk.write("lock\n");
        QVERIFY2(readUntil("ready locked"), "the desk did not lock");
        const QList<Hit> after = scan(desk.processId(), needles);
        desk.write("quit\n");
        desk.waitForFinished(10000);
        sandbox.terminate();
        sandbox.waitForFinished(10000);
        QList<Hit> tokens, numbers;
        for (const Hit& h : after)
            (h.what == "access token" ? tokens : numbers).append(h);
        QVERIFY2(tokens.isEmpty(), qPrintable(describe(tokens)));
        // The answer cache's connection is reopened on lock (SQLite keeps the last row it wrote
        // until then) and glibc's thread cache is off (its chunks skip M_PERTURB's fill).
        QVERIFY2(numbers.isEmpty(), qPrintable(describe(numbers)));
    }
};

QTEST_GUILESS_MAIN(TestMemoryScan)
#include "tst_memoryscan.moc"
