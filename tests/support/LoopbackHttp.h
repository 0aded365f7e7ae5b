#pragma once

#include "tests/support/HttpAnswer.h"

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

// A one-answer-per-connection HTTP/1.1 server on loopback, for tests that must go through the
// desk's real transport (QNetworkAccessManager, FhirTransport) rather than a fake reply. It
// records every request path it was asked for, so a test can say what was never asked.
class LoopbackHttp : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/fhir+json";
    };
    using Route = std::function<Answer(const QByteArray& pathAndQuery)>;

    explicit LoopbackHttp(Route route) : m_route(std::move(route))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    const QList<QByteArray>& paths() const { return m_paths; }

private:
    void read(QTcpSocket* s)
    {
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(s);
        const QByteArray path = requestLine.value(1);
        m_paths.append(path);
        const Answer a = m_route(path);
        writeHttpAnswer(s, a.status, a.contentType, a.body);
    }

    Route m_route;
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QByteArray> m_paths;
};

} // namespace cpis::testsupport
