#pragma once

#include "core/domain/Result.h"
#include "core/notices/AttendanceNotice.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cpis {

// A strict reader of CP-IS's Access to Service Notification, HL7 V3 REPC_MT000004GB01
// (CP-ISAccessToServiceNotification, ../shared/domain.md §2.6), the payload of a MESH message
// to the local authority's mailbox. Each CP-ISRecordAccess names the authority's upload file
// (LAUFI) and holds one or more CP-ISNHSQuery: when, the query's id, who (a person's name, job
// role and organisation, or a system and the organisation maintaining it) and the child
// (person.id: NHS number and/or the authority's local person id). One AttendanceNotice per
// query. The XML is read by SpineXmlTree (no DTD, no entities, bounded size, depth and
// counts); an element or attribute value the reader does not know, a missing one or a second
// one where one is allowed is an error: a notice that cannot be wholly read is never shortened
// into a different one.
class NotificationReader
{
public:
    struct Notification
    {
        QString id;           // the notification's own id (a UUID)
        QDateTime createdUtc; // its effectiveTime
        int totalReturnedRecords = 0;
        QString recipientOds;            // the local authority it is for
        QList<AttendanceNotice> notices; // mailbox, message id and receipt left to the caller
    };
    struct Error
    {
        QString what; // technical; names the element and line, never a patient-data value
    };

    static constexpr qsizetype kMaxBytes = 2 * 1024 * 1024;

    static Result<Notification, Error> read(const QByteArray& xml);

    static constexpr char kNhsNumberRoot[] = "2.16.840.1.113883.2.1.4.1";
    static constexpr char kLocalPersonIdRoot[] = "2.16.840.1.113883.2.1.3.2.4.18.24";
};

} // namespace cpis
