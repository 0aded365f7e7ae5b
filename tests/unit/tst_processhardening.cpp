// The process hardening every binary applies first: no core file on a crash (a core of the
// command line once held the store's key, the audit MAC key, tokens and an NHS number), not
// dumpable, and the real `cpis` runs that way. Each check runs in a child, so the test's own
// limits stay as they were for the controls.
#include "core/crypto/ProcessHardening.h"
#include "core/crypto/SecretBytes.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <optional>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using cpis::ProcessHardening;

namespace {

constexpr uid_t kNobody = 65534;

// Runs `body` in a forked child and returns its wait status.
int inChild(const std::function<void()>& body)
{
    const pid_t pid = fork();
    if (pid == 0) {
        body();
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

void allowCores()
{
    const struct rlimit unlimited
    {
        RLIM_INFINITY, RLIM_INFINITY
    };
    setrlimit(RLIMIT_CORE, &unlimited);
}

int abortIn(const QString& dir, bool harden)
{
    const QByteArray path = QFile::encodeName(dir);
    return inChild([&] {
        if (chdir(path.constData()) != 0)
            _exit(2);
        allowCores(); // as a user's shell might: the hardening must win over it
        if (harden)
            ProcessHardening::apply();
        std::signal(SIGABRT, SIG_DFL); // the test library's crash handler is not the program's
        std::abort();
    });
}

QStringList coreFiles(const QString& dir)
{
    return QDir(dir).entryList({QStringLiteral("core*")}, QDir::Files);
}

struct AtExit
{
    bool reached = false;
    uid_t procOwner = 0; // of /proc/<pid>/status: root's when the process is not dumpable
    QByteArray limits;   // /proc/<pid>/limits
    QByteArray environ;  // /proc/<pid>/environ: what the program ran with at the end
};

// Runs `exe` as nobody under ptrace and looks at it the moment it exits, while /proc still
// shows it. The kernel hands the files of /proc/<pid> of a process that is not dumpable to root,
// whoever runs it: that is how a dumpable flag is seen from outside.
AtExit runToExit(const QByteArray& exe, const QList<QByteArray>& args)
{
    AtExit out;
    const pid_t pid = fork();
    if (pid == 0) {
        ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
        if (setgid(kNobody) != 0 || setuid(kNobody) != 0)
            _exit(120);
        std::vector<char*> argv{const_cast<char*>(exe.constData())};
        for (const QByteArray& a : args)
            argv.push_back(const_cast<char*>(a.constData()));
        argv.push_back(nullptr);
        execv(exe.constData(), argv.data());
        _exit(121);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) // the stop after exec
        return out;
    ptrace(PTRACE_SETOPTIONS, pid, nullptr, PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL);
    ptrace(PTRACE_CONT, pid, nullptr, nullptr);
    while (waitpid(pid, &status, 0) == pid) {
        if (WIFEXITED(status) || WIFSIGNALED(status))
            break;
        if (!WIFSTOPPED(status))
            continue;
        int deliver = 0;
        if ((status >> 8) == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
            const QByteArray proc = "/proc/" + QByteArray::number(pid);
            struct stat st
            {};
            // Files, not the directory: the kernel keeps /proc/<pid> itself the user's.
            const QByteArray statusFile = proc + "/status";
            if (stat(statusFile.constData(), &st) == 0) {
                out.reached = true;
                out.procOwner = st.st_uid;
            }
            QFile limits(QString::fromLatin1(proc + "/limits"));
            if (limits.open(QIODevice::ReadOnly))
                out.limits = limits.readAll();
            QFile environ(QString::fromLatin1(proc + "/environ"));
            if (environ.open(QIODevice::ReadOnly))
                out.environ = environ.readAll();
        } else if (WSTOPSIG(status) != SIGTRAP) {
            deliver = WSTOPSIG(status);
        }
        ptrace(PTRACE_CONT, pid, nullptr, reinterpret_cast<void*>(long(deliver)));
    }
    return out;
}

QByteArray coreLimitLine(const QByteArray& limits)
{
    for (const QByteArray& line : limits.split('\n'))
        if (line.startsWith("Max core file size"))
            return line.simplified();
    return {};
}

// The VmFlags of the mapping holding `address` in this process, or empty when none does.
QByteArray vmFlagsAt(const void* address)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    const auto at = quintptr(address);
    bool inside = false;
    for (const QByteArray& line : smaps.readAll().split('\n')) {
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        if (dash > 0 && space > dash && !line.startsWith("VmFlags")) {
            bool ok1 = false, ok2 = false;
            const quintptr from = line.left(dash).toULongLong(&ok1, 16);
            const quintptr to = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
            if (ok1 && ok2) {
                inside = at >= from && at < to;
                continue;
            }
        }
        if (inside && line.startsWith("VmFlags:"))
            return line.mid(8).simplified();
    }
    return {};
}

} // namespace

class TestProcessHardening : public QObject
{
    Q_OBJECT

private slots:
    void hardenedProcessIsNotDumpable()
    {
        // Control: a child as the test runs is dumpable.
        int status = inChild([] { _exit(ProcessHardening::isDumpable() ? 0 : 1); });
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);

        status = inChild([] {
            allowCores();
            const ProcessHardening::Report r = ProcessHardening::apply();
            const bool ok = r.coreLimitZero && r.notDumpable && r.freedMemoryWiped &&
                            r.problem.isEmpty() && !ProcessHardening::isDumpable() &&
                            ProcessHardening::coreLimit() == 0 &&
                            prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
            _exit(ok ? 0 : 1);
        });
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void abortWritesNoCore()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Control: without the hardening this machine does write a core, so the check below
        // can fail.
        int status = abortIn(dir.path(), false);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGABRT);
        if (!WCOREDUMP(status))
            QSKIP("this machine writes no core file even when allowed: nothing to compare");
        for (const QString& f : coreFiles(dir.path()))
            QFile::remove(dir.filePath(f));

        status = abortIn(dir.path(), true);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGABRT);
        QVERIFY2(!WCOREDUMP(status), "the kernel wrote a core of a hardened process");
        QVERIFY2(coreFiles(dir.path()).isEmpty(), qPrintable(coreFiles(dir.path()).join(' ')));
    }

    void secretBytesStayOutOfDumpsAndSwap()
    {
        const QByteArray key(32, 'K');
        cpis::SecretBytes secret(key);
        QCOMPARE(secret.view(), QByteArrayView(key));
        const QList<QByteArray> flags = vmFlagsAt(secret.view().data()).split(' ');
        QVERIFY2(flags.contains("dd"), "the key's pages would go into a core dump");
        if (secret.isLocked())
            QVERIFY(flags.contains("lo"));
        // Control: ordinary heap memory is dumped.
        QVERIFY(!vmFlagsAt(key.constData()).split(' ').contains("dd"));

        cpis::SecretBytes moved(std::move(secret));
        QVERIFY(secret.isEmpty());
        QCOMPARE(moved.view(), QByteArrayView(key));
        const void* where = moved.view().data();
        moved.clear();
        QVERIFY(moved.isEmpty());
        QVERIFY2(vmFlagsAt(where).isEmpty() || !vmFlagsAt(where).split(' ').contains("dd"),
                 "the key's pages outlived it");
    }

    // wipe() overwrites a buffer only through its last holder: another holder still reads it.
    void wipeSparesASharedBuffer()
    {
        QByteArray token(40, 't');
        QByteArray copy = token;
        cpis::wipe(copy);
        QVERIFY(copy.isEmpty());
        QCOMPARE(token, QByteArray(40, 't'));

        cpis::UserSession session;
        session.accessToken = token;
        session.userId = QStringLiteral("u1");
        cpis::wipe(session);
        QVERIFY(!session.isValid());
        QVERIFY(session.userId.isEmpty());
        QCOMPARE(token, QByteArray(40, 't'));
    }

    // The real command line, not just the function: cpis applies it before anything else.
    void cpisRunsHardened()
    {
        if (geteuid() != 0)
            QSKIP("runs cpis as another user to see its dumpable flag: run as root");
        const QByteArray cpis = CPIS_CLI_EXE;
        if (access(cpis.constData(), R_OK | X_OK) != 0)
            QSKIP("cpis is not built");
        // Control: the same look at a program that does not harden itself finds it dumpable
        // (its /proc belongs to the user running it) with the core limit it inherited.
        const AtExit plain = runToExit("/bin/true", {});
        QVERIFY(plain.reached);
        QCOMPARE(plain.procOwner, kNobody);

        const AtExit run = runToExit(cpis, {"--version"});
        QVERIFY2(run.reached, "cpis did not run to its exit under the test");
        QVERIFY2(run.procOwner == 0, "cpis stayed dumpable");
        QCOMPARE(coreLimitLine(run.limits), QByteArray("Max core file size 0 0 bytes"));
        // Started again with glibc's thread cache off; the control ran with what the test has.
        QVERIFY2(!plain.environ.split('\0').contains("GLIBC_TUNABLES=glibc.malloc.tcache_count=0"),
                 "the test itself runs without the thread cache: nothing to compare");
        QVERIFY2(run.environ.split('\0').contains("GLIBC_TUNABLES=glibc.malloc.tcache_count=0"),
                 QByteArray(run.environ).replace('\0', ' ').constData());
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_processhardening.moc"
