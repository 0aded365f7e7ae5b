#include "core/mesh/MeshDownload.h"

#include "core/mesh/MeshClient.h"
#include "core/mesh/MeshLogging.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace cpis {

namespace {

// "k:n" of Mex-Chunk-Range, or {0, 0} when it is not one.
std::pair<int, int> chunkRange(const QByteArray& value)
{
    const QList<QByteArray> parts = value.trimmed().split(':');
    if (parts.size() != 2)
        return {0, 0};
    bool ok1 = false, ok2 = false;
    const int k = parts.at(0).toInt(&ok1);
    const int n = parts.at(1).toInt(&ok2);
    if (!ok1 || !ok2 || k < 1 || n < k || n > 100000)
        return {0, 0};
    return {k, n};
}

QString header(QNetworkReply* reply, const char* name)
{
    return QString::fromUtf8(reply->rawHeader(name)).trimmed();
}

} // namespace

MeshDownload::MeshDownload(MeshClient& client,
                           QString messageId,
                           MeshPayloadSink* sink,
                           QObject* parent)
    : QObject(parent), m_client(client), m_id(std::move(messageId)), m_sink(sink)
{}

void MeshDownload::start()
{
    if (m_done)
        return;
    if (!m_client.isConfigured()) {
        fail(MeshError{MeshError::Kind::NotConfigured, 0, QStringLiteral("no credentials")});
        return;
    }
    fetch(1);
}

void MeshDownload::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();
    else
        fail(MeshError{MeshError::Kind::Cancelled, 0, QStringLiteral("cancelled")});
}

void MeshDownload::fetch(int chunk)
{
    m_chunk = chunk;
    m_headRead = false;
    QStringList path{QStringLiteral("inbox"), m_id};
    if (chunk > 1)
        path.append(QString::number(chunk));
    QNetworkReply* reply =
        m_client.send("GET", m_client.url(path),
                      MeshClient::kV2Json + QByteArray(", ") + MeshClient::kOctetStream);
    reply->setReadBufferSize(kReadBufferBytes);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { drain(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

bool MeshDownload::readHead(QNetworkReply* reply, int status)
{
    const auto bad = [this](const QString& why) {
        m_problem = why;
        return false;
    };
    const QString id = header(reply, "Mex-MessageID");
    if (id != m_id)
        return bad(QStringLiteral("Mex-MessageID does not name the message asked for"));
    if (header(reply, "Mex-To").compare(m_client.mailboxId(), Qt::CaseInsensitive) != 0)
        return bad(QStringLiteral("Mex-To is not this mailbox"));
    const auto [k, n] = chunkRange(reply->rawHeader("Mex-Chunk-Range"));
    const bool chunkedHeader = reply->hasRawHeader("Mex-Chunk-Range");
    if (chunkedHeader && k == 0)
        return bad(QStringLiteral("Mex-Chunk-Range is not k:n"));
    if (m_chunk == 1) {
        MeshMessageHead h;
        h.messageId = id;
        const QString type = header(reply, "Mex-MessageType").toUpper();
        if (type == u"DATA")
            h.type = MeshMessageHead::Type::Data;
        else if (type == u"REPORT")
            h.type = MeshMessageHead::Type::Report;
        else
            return bad(QStringLiteral("Mex-MessageType is neither DATA nor REPORT"));
        h.from = header(reply, "Mex-From");
        h.to = header(reply, "Mex-To");
        h.workflowId = header(reply, "Mex-WorkflowID");
        h.localId = header(reply, "Mex-LocalID");
        h.subject = header(reply, "Mex-Subject");
        h.fileName = header(reply, "Mex-FileName");
        const QString compressed = header(reply, "Mex-Content-Compressed").toUpper();
        if (!compressed.isEmpty() && compressed != u"Y" && compressed != u"N")
            return bad(QStringLiteral("Mex-Content-Compressed is neither Y nor N"));
        h.compressed = compressed == u"Y";
        h.statusCode = header(reply, "Mex-StatusCode");
        h.statusEvent = header(reply, "Mex-StatusEvent");
        h.statusDescription = header(reply, "Mex-StatusDescription");
        h.linkedMessageId = header(reply, "Mex-LinkedMsgID");
        // 206 is the first of n > 1 chunks, 200 the whole message.
        if (status == 206) {
            if (k != 1 || n < 2)
                return bad(QStringLiteral("206 without Mex-Chunk-Range 1:n"));
            h.chunks = n;
        } else if (chunkedHeader && (k != 1 || n != 1)) {
            return bad(QStringLiteral("200 with Mex-Chunk-Range other than 1:1"));
        }
        if (h.type == MeshMessageHead::Type::Report && h.chunks != 1)
            return bad(QStringLiteral("a REPORT in chunks"));
        m_head = h;
        if (const QString e = m_sink->begin(m_head); !e.isEmpty()) {
            m_problem = e;
            m_storageProblem = true;
            return false;
        }
        m_begun = true;
    } else {
        // Chunk k of n: 206 until the last, which is 200.
        if (k != m_chunk || n != m_head.chunks)
            return bad(QStringLiteral("Mex-Chunk-Range does not match chunk %1 of %2")
                           .arg(m_chunk)
                           .arg(m_head.chunks));
        if ((m_chunk < m_head.chunks) != (status == 206))
            return bad(QStringLiteral("chunk %1 of %2 answered %3")
                           .arg(m_chunk)
                           .arg(m_head.chunks)
                           .arg(status));
    }
    const QByteArray type =
        reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().split(';').first();
    // A REPORT has no body, so its type says nothing; a DATA message is octet-stream.
    if (m_head.type == MeshMessageHead::Type::Data &&
        type.trimmed().toLower() != "application/octet-stream")
        return bad(QStringLiteral("a message body that is not application/octet-stream"));
    return true;
}

void MeshDownload::drain(QNetworkReply* reply)
{
    if (!m_problem.isEmpty() || m_done)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206)
        return; // an error's body: read in onFinished
    if (!m_headRead) {
        m_headRead = true;
        if (!readHead(reply, status)) {
            reply->abort();
            return;
        }
    }
    // Read into one buffer kept for the whole download, so that a large message makes no
    // allocation per read.
    if (m_readBuffer.isEmpty())
        m_readBuffer.resize(kReadPieceBytes);
    qint64 read = 0;
    while (reply->bytesAvailable() > 0) {
        const qint64 n = reply->read(m_readBuffer.data(), m_readBuffer.size());
        if (n <= 0)
            break;
        if (m_head.type == MeshMessageHead::Type::Report) {
            m_problem = QStringLiteral("a REPORT with a body");
            reply->abort();
            return;
        }
        if (const QString e =
                m_sink->write(QByteArray::fromRawData(m_readBuffer.constData(), qsizetype(n)));
            !e.isEmpty()) {
            m_problem = e;
            m_storageProblem = true;
            reply->abort();
            return;
        }
        read += n;
    }
    if (read == 0)
        return;
    m_bytes += read;
    emit progress(m_bytes, m_chunk, m_head.chunks);
}

void MeshDownload::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    m_reply.clear();
    if (m_done)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_cancelled) {
        fail(MeshError{MeshError::Kind::Cancelled, status, QStringLiteral("cancelled")});
        return;
    }
    if (reply->error() == QNetworkReply::NoError && (status == 200 || status == 206))
        drain(reply); // what readyRead had not yet handed over (or an empty REPORT)
    if (!m_problem.isEmpty()) {
        fail(MeshError{m_storageProblem ? MeshError::Kind::Storage : MeshError::Kind::BadResponse,
                       status, m_problem});
        return;
    }
    if (reply->error() != QNetworkReply::NoError || (status != 200 && status != 206)) {
        MeshError e = m_client.errorOf(reply, false);
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300)
            e = MeshError{MeshError::Kind::BadResponse, status,
                          QStringLiteral("download answered %1").arg(status)};
        fail(e);
        return;
    }
    if (status == 206) {
        qCDebug(lcMesh, "chunk %d of %d downloaded", m_chunk, m_head.chunks);
        fetch(m_chunk + 1);
        return;
    }
    if (const QString e = m_sink->finish(); !e.isEmpty()) {
        fail(MeshError{MeshError::Kind::Storage, status, e});
        return;
    }
    m_done = true;
    qCInfo(lcMesh, "message downloaded: %lld bytes in %d chunks", m_bytes, m_head.chunks);
    emit finished(m_head);
    deleteLater();
}

void MeshDownload::fail(const MeshError& e)
{
    if (m_done)
        return;
    m_done = true;
    if (m_begun)
        m_sink->discard();
    qCInfo(lcMesh, "download failed: %s", qUtf8Printable(MeshError::kindName(e.kind)));
    emit finished(e);
    deleteLater();
}

} // namespace cpis
