#include "app/desk/DeskInstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace cpis::desk {

namespace {
const QByteArray kHello = "cpis-desk 1 ";

#ifdef Q_OS_UNIX
// The peer at the other end of a local socket is this user: another user's program cannot
// hand a number to this desk even if it reached the socket.
bool peerIsThisUser(qintptr fd)
{
#ifdef SO_PEERCRED
    struct ucred cred
    {};
    socklen_t len = sizeof cred;
    if (::getsockopt(int(fd), SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
        return false;
    return cred.uid == ::getuid();
#else
    uid_t uid = 0;
    gid_t gid = 0;
    return ::getpeereid(int(fd), &uid, &gid) == 0 && uid == ::getuid();
#endif
}
#endif
} // namespace

DeskInstance::DeskInstance(QString path, QObject* parent)
    : QObject(parent), m_path(path.isEmpty() ? defaultPath() : std::move(path))
{}

DeskInstance::~DeskInstance() = default;

QString DeskInstance::defaultPath()
{
#ifdef Q_OS_UNIX
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && ownedByThisUser(runtime))
        return QDir(runtime).filePath(QStringLiteral("cpis-desk.socket"));
    return QDir(QDir::tempPath())
        .filePath(QStringLiteral("cpis-desk-%1.socket").arg(quint64(::getuid())));
#else
    // A named pipe per user name; QLocalServer's UserAccessOption restricts it to the user.
    return QStringLiteral("cpis-desk-") + qEnvironmentVariable("USERNAME");
#endif
}

bool DeskInstance::ownedByThisUser(const QString& path)
{
#ifdef Q_OS_UNIX
    struct stat st
    {};
    // lstat: a link planted in a shared folder is not followed to someone else's socket.
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return st.st_uid == ::getuid();
#else
    Q_UNUSED(path);
    return true;
#endif
}

Result<std::optional<NhsNumber>, QString> DeskInstance::numberFrom(const QStringList& arguments)
{
    QString given;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == u"--nhs-number" && i + 1 < arguments.size()) {
            given = arguments.at(++i);
        } else if (a.startsWith(u"--nhs-number=")) {
            given = a.mid(13);
        } else if (a.startsWith(u"cpis:", Qt::CaseInsensitive)) {
            const QUrl url(a);
            const QString fromQuery =
                QUrlQuery(url.query()).queryItemValue(QStringLiteral("nhs-number"));
            given = !fromQuery.isEmpty() ? fromQuery : QUrl::fromPercentEncoding(a.mid(5).toUtf8());
            if (fromQuery.isEmpty()) {
                while (given.startsWith(u'/'))
                    given.remove(0, 1);
                if (given.endsWith(u'/'))
                    given.chop(1);
            }
            if (given.isEmpty())
                return tr("The cpis: link names no NHS number.");
        } else {
            continue;
        }
        if (given.size() > 20)
            return tr("That is not an NHS number.");
        const auto nhs = NhsNumber::parse(given);
        if (!nhs)
            return tr("That is not a valid NHS number: %1")
                .arg(NhsNumber::reasonText(nhs.error().reason));
        return std::optional<NhsNumber>(nhs.value());
    }
    return std::optional<NhsNumber>();
}

Result<DeskInstance::Reply, QString> DeskInstance::handOver(const Request& request,
                                                            int waitMs) const
{
    if (!QFileInfo::exists(m_path) && !m_path.startsWith(u"cpis-desk-"))
        return tr("No CP-IS Desk is running.");
    if (!ownedByThisUser(m_path))
        return tr("The desk's socket belongs to another user; it was not used.");
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(2000))
        return tr("No CP-IS Desk is running.");
    const QByteArray line = kHello +
                            (request.nhs.isNull() ? QByteArray("front")
                                                  : "look-up " + request.nhs.digits().toLatin1()) +
                            '\n';
    socket.write(line);
    socket.flush();
    Reply reply;
    QElapsedTimer elapsed;
    elapsed.start();
    QByteArray buffer;
    while (elapsed.elapsed() < waitMs) {
        if (socket.state() != QLocalSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        if (socket.bytesAvailable() == 0 &&
            !socket.waitForReadyRead(int(std::max<qint64>(1, waitMs - elapsed.elapsed()))))
            if (socket.state() != QLocalSocket::ConnectedState || socket.bytesAvailable() == 0)
                break;
        buffer += socket.readAll();
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            reply.lines.append(QString::fromLatin1(buffer.left(end)));
            buffer.remove(0, end + 1);
        }
        if (buffer.size() > kMaxLineBytes)
            break;
    }
    if (reply.lines.isEmpty())
        return tr("The running desk did not answer.");
    if (reply.lines.first() != u"accepted")
        return tr("The running desk refused the request.");
    return reply;
}

bool DeskInstance::listen(QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    delete m_server;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(4);
    if (!m_server->listen(m_path)) {
        if (m_server->serverError() != QAbstractSocket::AddressInUseError)
            return fail(m_server->errorString());
        // A socket is there: another desk of this user's, or one left by a desk that crashed.
        // Someone else's is never removed.
        if (!ownedByThisUser(m_path))
            return fail(tr("The desk's socket belongs to another user."));
        QLocalSocket probe;
        probe.connectToServer(m_path);
        if (probe.waitForConnected(500))
            return fail(tr("Another CP-IS Desk is running for this user."));
        QLocalServer::removeServer(m_path);
        if (!m_server->listen(m_path))
            return fail(m_server->errorString());
    }
    connect(m_server, &QLocalServer::newConnection, this, &DeskInstance::onConnection);
    return true;
}

bool DeskInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void DeskInstance::onConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
#ifdef Q_OS_UNIX
        if (!peerIsThisUser(socket->socketDescriptor())) {
            socket->abort();
            continue;
        }
#endif
        socket->setReadBufferSize(kMaxLineBytes + 1);
        // A client that says nothing, or never takes its answer, is not kept.
        QTimer::singleShot(kAnswerWithinMs, socket, [socket] { socket->abort(); });
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onLine(socket); });
    }
}

void DeskInstance::onLine(QLocalSocket* socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > kMaxLineBytes)
            socket->abort();
        return;
    }
    disconnect(socket, &QLocalSocket::readyRead, this, nullptr);
    const QByteArray line = socket->readLine(kMaxLineBytes + 1).trimmed();
    auto refuse = [socket](const QByteArray& why) {
        socket->write("refused " + why + '\n');
        socket->disconnectFromServer();
    };
    if (!line.startsWith(kHello))
        return refuse("unknown");
    const QByteArray what = line.mid(kHello.size());
    Request request;
    if (what.startsWith("look-up ")) {
        // Checked again here: whatever wrote to the socket, only a valid number goes on.
        const auto nhs = NhsNumber::parse(QString::fromLatin1(what.mid(8)));
        if (!nhs)
            return refuse("invalid-number");
        request.nhs = nhs.value();
    } else if (what != "front") {
        return refuse("unknown");
    }
    socket->write("accepted\n");
    socket->flush();
    if (!m_handler) {
        socket->disconnectFromServer();
        return;
    }
    QPointer<QLocalSocket> guard(socket);
    m_handler(request, [guard](const QByteArray& last) {
        if (!guard)
            return;
        guard->write(last + '\n');
        guard->disconnectFromServer();
    });
}

} // namespace cpis::desk
