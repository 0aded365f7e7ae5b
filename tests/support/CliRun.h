#pragma once
// Runs the `cpis` command line as a user would, in a process of its own, for the keychain tests
// of the command line (tst_cli, tst_cliprofile, tst_clisession): never with the machine's own
// administrator's file.
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <unistd.h>

namespace clirun {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The administrator's file the runs see when a test names none: one that does not exist (only
// the training profile is allowed), never the machine's own /etc/cpis-desk/desk.conf. Each test
// program sets it in initTestCase to a path in its own temporary folder.
inline QString& noAdminFile()
{
    static QString path;
    return path;
}

// `cpis` with exactly these arguments and this environment; exit code -1 when it crashed or
// did not finish within `timeoutMs` (it is then killed).
inline Run runCpis(const QStringList& args, const QProcessEnvironment& env, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CPIS_CLI_EXE), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline Run cpisExactly(const QStringList& args,
                       const QString& adminFile = {},
                       const QList<std::pair<QString, QString>>& extraEnv = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& [name, value] : extraEnv)
        env.insert(name, value);
    env.insert(QStringLiteral("CPIS_DESK_ADMIN_FILE"),
               adminFile.isEmpty() ? noAdminFile() : adminFile);
    return runCpis(args, env, 60000);
}

// Most runs are training runs: the profile every user has to name. With no administrator's
// file the site is unscheduled care, where a look-up must say the identity was checked.
inline Run cpis(const QStringList& args)
{
    QStringList all = QStringList{QStringLiteral("--profile"), QStringLiteral("training")} + args;
    if (args.contains(QStringLiteral("lookup")))
        all << QStringLiteral("--confirmed-identity");
    return cpisExactly(all);
}

// An administrator's file as root writes it: owned by root, writable by root only. The desk
// refuses any other, so the tests that write one run as root (CI does).
#define REQUIRE_ROOT()                                                                             \
    do {                                                                                           \
        if (::geteuid() != 0)                                                                      \
            QSKIP("writes an administrator's file, which must be owned by root: run as root");     \
    } while (false)

inline QString writeAdminFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
        return {};
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                     QFileDevice::ReadOther);
    return path;
}

// The text lines of a CSV audit export, by action.
inline QList<QByteArray> exportedRows(const QString& csvPath, const QByteArray& action)
{
    QFile f(csvPath);
    QList<QByteArray> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.contains(QByteArray(',' + action + ',')))
            rows << line;
    return rows;
}

} // namespace clirun
