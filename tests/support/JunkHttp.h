#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace cpis::testsupport {

// A loopback HTTP server whose one answer is a huge body, made as it is sent: a fixed piece
// written again whenever the socket's queue runs low, so the server never holds more than a
// few hundred kilobytes whatever it sends. It stops when the client hangs up or `total` bytes
// went out. For tests that a client cuts such an answer off, in time and memory.
class JunkHttp : public QObject
{
public:
    struct Answer
    {
        qint64 total = 0;          // body bytes to send
        bool declareLength = true; // Content-Length up front, or a body ended by the close
        QByteArray contentType = "application/fhir+json";
        QByteArray piece; // repeated; a NDJSON test sends one endless line of it
    };

    explicit JunkHttp(Answer answer) : m_answer(std::move(answer))
    {
        if (m_answer.piece.isEmpty())
            m_answer.piece = QByteArray(64 * 1024, 'x');
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRequest(s); });
                connect(s, &QTcpSocket::bytesWritten, this, [this, s] { pump(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url(const QString& path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    qint64 sent() const { return m_sent; } // body bytes written to the socket

private:
    void onRequest(QTcpSocket* s)
    {
        m_request += s->readAll();
        if (m_started || !m_request.contains("\r\n\r\n"))
            return;
        m_started = true;
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: " + m_answer.contentType + "\r\n";
        if (m_answer.declareLength)
            head += "Content-Length: " + QByteArray::number(m_answer.total) + "\r\n";
        head += "Connection: close\r\n\r\n";
        s->write(head);
        pump(s);
    }

    void pump(QTcpSocket* s)
    {
        if (!m_started || s->state() != QAbstractSocket::ConnectedState)
            return;
        while (s->bytesToWrite() < 256 * 1024 && m_sent < m_answer.total) {
            const qint64 n = qMin<qint64>(m_answer.piece.size(), m_answer.total - m_sent);
            s->write(m_answer.piece.constData(), n);
            m_sent += n;
        }
        if (m_sent >= m_answer.total && s->bytesToWrite() == 0)
            s->disconnectFromHost();
    }

    Answer m_answer;
    QTcpServer m_server;
    QByteArray m_request;
    bool m_started = false;
    qint64 m_sent = 0;
};

} // namespace cpis::testsupport
