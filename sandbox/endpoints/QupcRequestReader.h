#pragma once

#include "core/domain/Result.h"
#include "sandbox/endpoints/QupcRequest.h"

#include <QByteArray>
#include <QString>

namespace cpis::sandbox {

// Why a query was refused. A SOAP-level problem (not XML, wrong envelope, wrong Action, no
// MessageID) is answered with a SOAP fault; an HL7-level problem inside a readable envelope
// with an MCCI_IN010000UK13 error, as Spine's transforms do (CPIS_Query.xsl reports
// ErrorBase1712/1732 codes against the HL7 content).
struct QupcRefusal
{
    enum class Level
    {
        Soap,
        Hl7
    };
    Level level = Level::Hl7;
    QString code; // e.g. INVALID_ID, MANDATORY_DATA_MISSING
    QString text;
    QString messageId; // wsa:MessageID when it was read (for RelatesTo)
    QString hl7MessageId;
};

// A strict reader of one QUPC_IN000006GB01 request: a size limit, no DTD, no entity
// references, every element checked by namespace and name. The sandbox's own reader, so
// that a misreading in the desk's writer cannot be mirrored here.
class QupcRequestReader
{
public:
    static constexpr qsizetype kMaxBytes = 64 * 1024;
    static Result<QupcRequest, QupcRefusal> read(const QByteArray& body);
};

} // namespace cpis::sandbox
