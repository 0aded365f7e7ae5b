#pragma once

#include "core/store/StoreError.h"

#include <QJsonObject>

class QIODevice;

namespace cpis {

class AuditLog;
struct AuditEntry;

// Audit log exports for the information-governance team: FHIR R4 AuditEvent, one
// resource per line (NDJSON), and CSV. Both carry seq and hash so that an exported copy
// can be matched to the sealed log.
class AuditExport
{
public:
    static QJsonObject toFhirAuditEvent(const AuditEntry& e);
    static QByteArray csvHeader();
    static QByteArray toCsvRow(const AuditEntry& e);

    static StoreResult<qint64> writeFhirNdjson(AuditLog& log, QIODevice& out);
    static StoreResult<qint64> writeCsv(AuditLog& log, QIODevice& out);
};

} // namespace cpis
