#pragma once

#include "tests/support/HttpAnswer.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

namespace cpis::testsupport {

// A one-answer-per-connection HTTP/1.1 server on loopback that, unlike LoopbackHttp, waits for
// the whole request body: a SOAP service answers what was posted (its wsa:MessageID, its
// query). It keeps every request, headers and body, so a test can say what was sent.
class SoapLoopback : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QList<std::pair<QByteArray, QByteArray>> headers; // names in lower case
        QByteArray body;

        QByteArray header(const QByteArray& name) const
        {
            for (const auto& [k, v] : headers)
                if (k == name)
                    return v;
            return {};
        }
    };
    struct Answer
    {
        int status = 200; // 0: hold the answer back, the connection open, until the client goes
        QByteArray body;
        QByteArray contentType = "text/xml; charset=utf-8";
    };
    using Route = std::function<Answer(const Request&)>;

    explicit SoapLoopback(Route route) : m_route(std::move(route))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
                connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    if (m_held.remove(s))
                        ++m_closedUnanswered;
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url(const QString& path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    const QList<Request>& requests() const { return m_requests; }
    // Connections the client closed while their answer was held back.
    int closedUnanswered() const { return m_closedUnanswered; }

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
        r.path = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            r.headers.append({name, value});
            if (name == "content-length")
                length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return; // the rest of the body is still on its way
        r.body = buffer.mid(end + 4, length);
        m_buffers.remove(s);
        m_requests.append(r);
        const Answer a = m_route(r);
        if (a.status == 0) {
            m_held.insert(s);
            return;
        }
        writeHttpAnswer(s, a.status, a.contentType, a.body);
    }

    Route m_route;
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
    QSet<QTcpSocket*> m_held;
    int m_closedUnanswered = 0;
};

} // namespace cpis::testsupport
