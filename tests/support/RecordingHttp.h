#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

namespace cpis::testsupport {

// An HTTP/1.1 server on loopback that keeps every request whole (method, target, headers,
// body) and answers each through a route that may set any header (Location for redirects).
// For tests that must see exactly what the desk sent, through its real transport.
class RecordingHttp : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;                     // path and query
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
        QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    };
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    using Route = std::function<Answer(const Request&)>;

    explicit RecordingHttp(Route route = {}) : m_route(std::move(route))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    void setRoute(Route route) { m_route = std::move(route); }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    const QList<Request>& requests() const { return m_requests; }

private:
    void read(QTcpSocket* s)
    {
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request r;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        r.method = requestLine.value(0);
        r.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                r.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                 lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = r.header("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length);
        m_buffers.remove(s);
        m_requests.append(r);
        const Answer a = m_route ? m_route(r) : Answer{404, {}, {}, {}};
        QByteArray out = "HTTP/1.1 " + QByteArray::number(a.status) + " Answer\r\n";
        if (!a.contentType.isEmpty())
            out += "Content-Type: " + a.contentType + "\r\n";
        for (const auto& [name, value] : a.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(a.body.size()) +
               "\r\nConnection: close\r\n\r\n" + a.body;
        s->write(out);
        s->disconnectFromHost();
    }

    Route m_route;
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
};

} // namespace cpis::testsupport
