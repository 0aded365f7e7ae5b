#pragma once

#include <QString>

namespace cpis {

// What the MESH headers of a downloaded message say about it (mesh-api.yaml, "Get Message").
struct MeshMessageHead
{
    enum class Type
    {
        Data,   // an organisation's message
        Report, // an error report: the body is empty, the status headers say what failed
    };

    QString messageId; // Mex-MessageID
    Type type = Type::Data;
    QString from;            // Mex-From
    QString to;              // Mex-To
    QString workflowId;      // Mex-WorkflowID
    QString localId;         // Mex-LocalID
    QString subject;         // Mex-Subject
    QString fileName;        // Mex-FileName
    bool compressed = false; // Mex-Content-Compressed: Y (gzip)
    int chunks = 1;          // n of Mex-Chunk-Range 1:n
    // A REPORT's status: what failed, and the message it is about.
    QString statusCode;        // Mex-StatusCode, "00" is success
    QString statusEvent;       // Mex-StatusEvent
    QString statusDescription; // Mex-StatusDescription
    QString linkedMessageId;   // Mex-LinkedMsgID
};

// Where a download's bytes go as they arrive, chunk after chunk, so that a large message is
// never whole in memory. Each call returns an error text, or an empty string to go on.
class MeshPayloadSink
{
public:
    virtual ~MeshPayloadSink() = default;
    virtual QString begin(const MeshMessageHead& head) = 0;
    virtual QString write(const QByteArray& bytes) = 0;
    virtual QString finish() = 0; // every chunk arrived
    virtual void discard() = 0;   // failed or cancelled: drop what was written
};

} // namespace cpis
