#include "core/audit/AuditExport.h"

#include "core/audit/AuditEntry.h"
#include "core/audit/AuditLog.h"
#include "core/store/CsvWriter.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace cpis {

namespace {

QJsonObject coding(const QString& system, const QString& code, const QString& display = {})
{
    QJsonObject c{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
    if (!display.isEmpty())
        c.insert(QStringLiteral("display"), display);
    return c;
}

// FHIR AuditEvent.action: C R U D E.
QString fhirAction(AuditEntry::Action a)
{
    switch (a) {
    case AuditEntry::Action::LookUp:
    case AuditEntry::Action::View:
        return QStringLiteral("R");
    case AuditEntry::Action::Search:
        return QStringLiteral("E"); // a query (FHIR: execute), not a read of one record
    case AuditEntry::Action::NoticeAcknowledged:
    case AuditEntry::Action::ListSync:
    case AuditEntry::Action::ReviewUpdated:
        return QStringLiteral("U");
    default:
        return QStringLiteral("E");
    }
}

// FHIR AuditEvent.outcome: 0 success, 4 minor failure (the action did not complete; nothing
// was harmed), 8 serious failure, 12 major failure.
QString fhirOutcome(AuditEntry::Outcome o)
{
    switch (o) {
    case AuditEntry::Outcome::Success:
    case AuditEntry::Outcome::PlansFound:
    case AuditEntry::Outcome::NoRecord:
    case AuditEntry::Outcome::Requested:
    case AuditEntry::Outcome::NotAtService:
        return QStringLiteral("0");
    case AuditEntry::Outcome::CouldNotCheck:
    case AuditEntry::Outcome::Failed:
    case AuditEntry::Outcome::Cancelled:
        return QStringLiteral("4");
    }
    return QStringLiteral("8");
}

} // namespace

QJsonObject AuditExport::toFhirAuditEvent(const AuditEntry& e)
{
    QJsonObject user{
        {QStringLiteral("who"),
         QJsonObject{{QStringLiteral("identifier"),
                      QJsonObject{{QStringLiteral("system"),
                                   QStringLiteral("https://fhir.nhs.uk/Id/sds-user-id")},
                                  {QStringLiteral("value"), e.userId}}},
                     {QStringLiteral("display"), e.userName}}},
        {QStringLiteral("role"), QJsonArray{QJsonObject{{QStringLiteral("text"), e.role}}}},
        {QStringLiteral("requestor"), true},
        {QStringLiteral("location"), QJsonObject{{QStringLiteral("display"), e.workstation}}},
    };
    if (!e.reason.isEmpty())
        user.insert(QStringLiteral("purposeOfUse"),
                    QJsonArray{QJsonObject{{QStringLiteral("text"), e.reason}}});
    const QJsonObject org{
        {QStringLiteral("who"),
         QJsonObject{{QStringLiteral("identifier"),
                      QJsonObject{{QStringLiteral("system"),
                                   QStringLiteral("https://fhir.nhs.uk/Id/ods-organization-code")},
                                  {QStringLiteral("value"), e.organisation}}}}},
        {QStringLiteral("requestor"), false},
    };
    QJsonArray entities;
    if (!e.nhsNumber.isEmpty())
        entities.append(QJsonObject{
            {QStringLiteral("what"),
             QJsonObject{{QStringLiteral("identifier"),
                          QJsonObject{{QStringLiteral("system"),
                                       QStringLiteral("https://fhir.nhs.uk/Id/nhs-number")},
                                      {QStringLiteral("value"), e.nhsNumber}}}}},
            {QStringLiteral("type"),
             coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/audit-entity-type"),
                    QStringLiteral("1"), QStringLiteral("Person"))}});
    entities.append(QJsonObject{
        {QStringLiteral("name"), QStringLiteral("cpis-desk-audit-seal")},
        {QStringLiteral("detail"),
         QJsonArray{
             QJsonObject{{QStringLiteral("type"), QStringLiteral("seq")},
                         {QStringLiteral("valueString"), QString::number(e.seq)}},
             QJsonObject{{QStringLiteral("type"), QStringLiteral("sha256")},
                         {QStringLiteral("valueString"), QString::fromLatin1(e.hash.toHex())}}}}});

    QJsonObject ev{
        {QStringLiteral("resourceType"), QStringLiteral("AuditEvent")},
        {QStringLiteral("id"), QStringLiteral("cpis-desk-%1").arg(e.seq)},
        {QStringLiteral("type"),
         coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/audit-event-type"),
                QStringLiteral("rest"), QStringLiteral("RESTful Operation"))},
        {QStringLiteral("subtype"),
         QJsonArray{coding(QStringLiteral("https://cpis-desk.local/audit-action"),
                           AuditEntry::actionName(e.action))}},
        {QStringLiteral("action"), fhirAction(e.action)},
        {QStringLiteral("recorded"), e.atUtc.toString(Qt::ISODateWithMs)},
        {QStringLiteral("outcome"), fhirOutcome(e.outcome)},
        {QStringLiteral("outcomeDesc"), AuditEntry::outcomeCode(e.outcome)},
        {QStringLiteral("agent"), QJsonArray{user, org}},
        {QStringLiteral("source"),
         QJsonObject{{QStringLiteral("site"), e.workstation},
                     {QStringLiteral("observer"),
                      QJsonObject{{QStringLiteral("display"), QStringLiteral("CP-IS Desk")}}}}},
        {QStringLiteral("entity"), entities},
    };
    QJsonArray extensions;
    if (!e.requestId.isEmpty())
        extensions.append(QJsonObject{
            {QStringLiteral("url"), QStringLiteral("https://cpis-desk.local/request-id")},
            {QStringLiteral("valueString"), e.requestId}});
    if (!e.outcomeDetail.isEmpty())
        extensions.append(QJsonObject{
            {QStringLiteral("url"), QStringLiteral("https://cpis-desk.local/audit-outcome-detail")},
            {QStringLiteral("valueString"), e.outcomeDetail}});
    if (!e.environment.isEmpty())
        extensions.append(QJsonObject{
            {QStringLiteral("url"), QStringLiteral("https://cpis-desk.local/service-environment")},
            {QStringLiteral("valueString"), e.environment}});
    if (!extensions.isEmpty())
        ev.insert(QStringLiteral("extension"), extensions);
    return ev;
}

QByteArray AuditExport::csvHeader()
{
    return QByteArrayLiteral("seq,recorded_utc,user_id,user_name,role,organisation,action,"
                             "nhs_number,outcome,outcome_detail,workstation,environment,reason,"
                             "request_id,sha256\r\n");
}

QByteArray AuditExport::toCsvRow(const AuditEntry& e)
{
    const QStringList fields = {QString::number(e.seq),
                                e.atUtc.toString(Qt::ISODateWithMs),
                                e.userId,
                                e.userName,
                                e.role,
                                e.organisation,
                                AuditEntry::actionName(e.action),
                                e.nhsNumber,
                                AuditEntry::outcomeCode(e.outcome),
                                e.outcomeDetail,
                                e.workstation,
                                e.environment,
                                e.reason,
                                e.requestId,
                                QString::fromLatin1(e.hash.toHex())};
    return CsvWriter::row(fields);
}

namespace {

StoreError exportFailed(const QIODevice& out)
{
    return StoreError{StoreError::Code::Io,
                      QStringLiteral("writing the audit export failed: %1").arg(out.errorString())};
}

// Writes `header`, then one line per entry in log order; the number of entries written.
StoreResult<qint64> writeLines(AuditLog& log,
                               QIODevice& out,
                               const QByteArray& header,
                               const std::function<QByteArray(const AuditEntry&)>& line)
{
    if (!header.isEmpty() && out.write(header) != header.size())
        return exportFailed(out);
    qint64 n = 0;
    bool writeOk = true;
    auto s = log.forEach([&](const AuditEntry& e) {
        const QByteArray bytes = line(e);
        writeOk = out.write(bytes) == bytes.size();
        n += writeOk;
        return writeOk;
    });
    if (!s)
        return s.error();
    if (!writeOk)
        return exportFailed(out);
    return n;
}

} // namespace

StoreResult<qint64> AuditExport::writeFhirNdjson(AuditLog& log, QIODevice& out)
{
    return writeLines(log, out, {}, [](const AuditEntry& e) -> QByteArray {
        return QJsonDocument(toFhirAuditEvent(e)).toJson(QJsonDocument::Compact) + '\n';
    });
}

StoreResult<qint64> AuditExport::writeCsv(AuditLog& log, QIODevice& out)
{
    return writeLines(log, out, csvHeader(), &AuditExport::toCsvRow);
}

} // namespace cpis
