#pragma once
// The shipped cpis-desk, run as a user runs it: in training, on a private X display
// (XvfbDisplay), with a throwaway store, signed in by key presses. What the test learns of it
// comes from outside the process only: its windows and their pixels (the X server), a second
// `cpis-desk` it hands a number to, the counters of the sandbox the desk runs in training
// (found among the desk's own listening sockets in /proc, read over HTTP; counts only), and,
// once the desk has ended, its audit log opened from the store folder with the keychain.
// Needs the private keyring of tests/support/with-private-keyring.sh.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <optional>
#include <unistd.h>

// clang-format off: Xlib's macros (Bool, Status, None) must come after every Qt header
#include "tests/support/XvfbDisplay.h"
// clang-format on

namespace cpis::testsupport {

class ShippedDesk
{
public:
    inline static const QString kMainTitle = QStringLiteral("TRAINING");
    inline static const QString kSignInTitle = QStringLiteral("Sign in");

    // A display and a store for `exe` (the cpis-desk binary); nullptr when Xvfb cannot start.
    static std::unique_ptr<ShippedDesk> onNewDisplay(const QString& exe)
    {
        std::unique_ptr<ShippedDesk> d(new ShippedDesk(exe));
        d->m_display = XvfbDisplay::start();
        if (!d->m_display || !d->m_dir.isValid() ||
            !QDir(d->m_dir.path()).mkdir(QStringLiteral("run")) ||
            !QFile::setPermissions(d->m_dir.filePath(QStringLiteral("run")),
                                   QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return nullptr;
        return d;
    }

    ~ShippedDesk() { stop(); }

    XvfbDisplay& display() { return *m_display; }
    QProcess& process() { return m_desk; }
    QString storeDirectory() const { return m_dir.filePath(QStringLiteral("store")); }

    // The environment of every cpis-desk the test starts: this display, a private runtime
    // folder (the one-desk socket lives there), British English.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("DISPLAY"), m_display->name());
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        e.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
        e.insert(QStringLiteral("LANG"), QStringLiteral("en_GB.UTF-8"));
        return e;
    }

    // Starts `cpis-desk --training --store DIR` and waits for its window and sign-in dialog.
    bool start(QString* why)
    {
        endWithParent(m_desk);
        m_desk.setProcessEnvironment(environment());
        m_desk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_desk.start(m_exe,
                     {QStringLiteral("--training"), QStringLiteral("--store"), storeDirectory()});
        if (!m_desk.waitForStarted(10000))
            return fail(why, QStringLiteral("cpis-desk did not start"));
        if (!m_display->waitForWindows(kSignInTitle, 1, 30000))
            return fail(why, QStringLiteral("no sign-in dialog appeared"));
        if (!m_display->waitForWindows(kMainTitle, 1, 10000))
            return fail(why, QStringLiteral("no main window appeared"));
        return true;
    }

    // In the open sign-in dialog, Down `downs` times in the test-user list (0: the user it
    // offers first), then Enter; waits until the dialog has gone.
    bool signIn(int downs, QString* why)
    {
        if (!m_display->waitForWindows(kSignInTitle, 1, 20000))
            return fail(why, QStringLiteral("no sign-in dialog"));
        const Window dialog = m_display->windows(kSignInTitle).first();
        for (int i = 0; i < downs; ++i)
            m_display->press(dialog, XK_Down);
        m_display->press(dialog, XK_Return);
        if (!m_display->waitForWindows(kSignInTitle, 0, 20000))
            return fail(why, QStringLiteral("the sign-in did not finish"));
        return true;
    }

    Window mainWindow() const { return m_display->windows(kMainTitle).value(0, 0); }

    struct Ran
    {
        int exitCode = -1;
        QString out;
        QString err;
        qint64 pid = 0;
    };

    // A second cpis-desk with `arguments` (what an ED system or a link runs), to its end.
    Ran run(const QStringList& arguments) const
    {
        QProcess p;
        endWithParent(p);
        p.setProcessEnvironment(environment());
        p.start(m_exe, arguments);
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

    // The counters of the training sandbox inside the running desk (GET /_sandbox/counters:
    // counts only); nullopt when it cannot be read.
    std::optional<QJsonObject> counters()
    {
        if (m_sandboxPort == 0)
            m_sandboxPort = findSandboxPort();
        if (m_sandboxPort == 0)
            return std::nullopt;
        return countersAt(m_sandboxPort);
    }

    // One counter (pdsReads, cpisQueries, notices...), -1 when the counters cannot be read.
    int counter(const QString& name)
    {
        const auto c = counters();
        return c ? c->value(name).toInt(-1) : -1;
    }

    // Closes the main window as a window manager would (WM_DELETE_WINDOW), so the desk ends
    // as when its user closes it; killed if it does not end.
    bool close()
    {
        if (m_desk.state() == QProcess::NotRunning)
            return true;
        if (const Window w = mainWindow())
            m_display->requestClose(w);
        if (m_desk.waitForFinished(20000))
            return m_desk.exitStatus() == QProcess::NormalExit;
        stop();
        return false;
    }

    void stop()
    {
        if (m_desk.state() != QProcess::NotRunning) {
            m_desk.terminate();
            if (!m_desk.waitForFinished(10000))
                m_desk.kill();
            m_desk.waitForFinished(5000);
        }
    }

private:
    explicit ShippedDesk(QString exe) : m_exe(std::move(exe)) {}

    static bool fail(QString* why, const QString& what)
    {
        if (why)
            *why = what;
        return false;
    }

    // The TCP ports the desk process listens on (its own sockets only, from /proc): in
    // training, the sandbox's. The one that answers as the sandbox does.
    quint16 findSandboxPort()
    {
        const qint64 pid = m_desk.processId();
        QSet<QByteArray> inodes;
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        for (const QString& fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
            char target[128] = {};
            const QByteArray path = fds.filePath(fd).toLocal8Bit();
            const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
            const QByteArray link(target, n > 0 ? int(n) : 0);
            if (link.startsWith("socket:["))
                inodes.insert(link.mid(8, link.size() - 9));
        }
        for (const char* table : {"tcp", "tcp6"}) {
            QFile f(QStringLiteral("/proc/%1/net/%2").arg(pid).arg(QLatin1String(table)));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            f.readLine(); // the heading
            while (!f.atEnd()) {
                const QList<QByteArray> cols = f.readLine().simplified().split(' ');
                // sl local rem st queues timer retransmits uid timeout inode
                if (cols.size() < 10 || cols.at(3) != "0A" || !inodes.contains(cols.at(9)))
                    continue;
                const quint16 port = quint16(cols.at(1).split(':').last().toUInt(nullptr, 16));
                if (countersAt(port))
                    return port;
            }
        }
        return 0;
    }

    static std::optional<QJsonObject> countersAt(quint16 port)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/_sandbox/counters").arg(port)));
        request.setTransferTimeout(5000);
        QNetworkReply* reply = nam.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000)) {
            delete reply;
            return std::nullopt;
        }
        const QByteArray body = reply->readAll();
        const bool ok = reply->error() == QNetworkReply::NoError;
        delete reply;
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (!ok || !doc.isObject() || !doc.object().contains(QStringLiteral("cpisQueries")))
            return std::nullopt;
        return doc.object();
    }

    QString m_exe;
    QTemporaryDir m_dir;
    std::unique_ptr<XvfbDisplay> m_display;
    QProcess m_desk;
    quint16 m_sandboxPort = 0;
};

} // namespace cpis::testsupport
