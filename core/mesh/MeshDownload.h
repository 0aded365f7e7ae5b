#pragma once

#include "core/domain/Result.h"
#include "core/mesh/MeshError.h"
#include "core/mesh/MeshMessage.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkReply;

namespace cpis {

class MeshClient;

// One message downloading: "Get Message", then for a chunked message (206 with
// Mex-Chunk-Range 1:n) "Get Message chunk" 2..n, every body handed to the sink as it arrives
// so that memory stays bounded whatever the size. Made by MeshClient::download(); deletes
// itself after finished().
class MeshDownload : public QObject
{
    Q_OBJECT
public:
    MeshDownload(MeshClient& client, QString messageId, MeshPayloadSink* sink, QObject* parent);

    QString messageId() const { return m_id; }
    qint64 bytes() const { return m_bytes; }
    // Stops the download; finished() follows with Cancelled, and the sink discards.
    void cancel();
    void start();

    // How much of a reply's body is read at once.
    static constexpr qint64 kReadBufferBytes = 1024 * 1024;
    static constexpr qsizetype kReadPieceBytes = 256 * 1024;

signals:
    void progress(qint64 bytesSoFar, int chunk, int chunks);
    void finished(const cpis::Result<cpis::MeshMessageHead, cpis::MeshError>& result);

private:
    void fetch(int chunk);
    bool readHead(QNetworkReply* reply, int status);
    void drain(QNetworkReply* reply);
    void onFinished(QNetworkReply* reply);
    void fail(const MeshError& e);

    MeshClient& m_client;
    QString m_id;
    MeshPayloadSink* m_sink;
    MeshMessageHead m_head;
    QPointer<QNetworkReply> m_reply;
    int m_chunk = 0;
    bool m_headRead = false; // of the current reply
    bool m_begun = false;
    bool m_cancelled = false;
    bool m_done = false;
    QString m_problem;             // set while reading, ends the reply
    bool m_storageProblem = false; // the sink's, not the server's
    qint64 m_bytes = 0;
    QByteArray m_readBuffer;
};

} // namespace cpis
