#include "sandbox/server/ChunkedStream.h"

#include "sandbox/endpoints/NdjsonExportFile.h"

#include <QTcpSocket>
#include <QTimer>

namespace cpis::sandbox {

ChunkedStream::ChunkedStream(std::unique_ptr<NdjsonExportFile> file, bool close, QTcpSocket* socket)
    : QObject(socket), m_file(std::move(file)), m_close(close), m_socket(socket)
{
    connect(socket, &QTcpSocket::bytesWritten, this, &ChunkedStream::pump);
    QTimer::singleShot(0, this, &ChunkedStream::pump);
}

ChunkedStream::~ChunkedStream() = default;

void ChunkedStream::pump()
{
    if (m_finished)
        return;
    if (m_file->cancelled()) {
        m_finished = true;
        m_socket->abort();
        return;
    }
    while (!m_file->atEnd() && m_socket->bytesToWrite() < kSocketHighWater) {
        const QByteArray chunk = m_file->next(kLinesPerChunk);
        m_socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    }
    if (m_file->atEnd()) {
        m_finished = true;
        m_socket->write("0\r\n\r\n");
        if (m_close)
            m_socket->disconnectFromHost();
        deleteLater();
    }
}

} // namespace cpis::sandbox
