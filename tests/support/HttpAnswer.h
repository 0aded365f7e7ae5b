#pragma once

#include <QByteArray>
#include <QTcpSocket>

namespace cpis::testsupport {

// A whole HTTP/1.1 answer on `s`, then the connection closed: what the loopback servers of the
// tests send once they have a request.
inline void
writeHttpAnswer(QTcpSocket* s, int status, const QByteArray& contentType, const QByteArray& body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Answer\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
           body;
    s->write(out);
    s->disconnectFromHost();
}

} // namespace cpis::testsupport
