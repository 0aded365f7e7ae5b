#pragma once

#include <QObject>

#include <memory>

class QTcpSocket;

namespace cpis::sandbox {

class NdjsonExportFile;

// Sends an export file as the body of a chunked answer, a few hundred lines per chunk, as fast
// as the client takes them (at most about a megabyte waits in the socket). A cancelled job
// resets the connection. Lives as the socket's child; deletes itself when done.
class ChunkedStream : public QObject
{
public:
    ChunkedStream(std::unique_ptr<NdjsonExportFile> file, bool close, QTcpSocket* socket);
    ~ChunkedStream() override;

    static constexpr qint64 kSocketHighWater = 1 << 20;
    static constexpr int kLinesPerChunk = 400;

private:
    void pump();

    std::unique_ptr<NdjsonExportFile> m_file;
    bool m_close;
    QTcpSocket* m_socket;
    bool m_finished = false;
};

} // namespace cpis::sandbox
