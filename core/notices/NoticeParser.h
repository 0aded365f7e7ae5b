#pragma once

#include "core/domain/Result.h"
#include "core/notices/AttendanceNotice.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cpis {

// Strict readers of the MESH-style notice mailbox (docs/api.md §10). A field the contract does
// not name, a missing one, a second value where one is expected or a code the desk does not
// know is an error: a notice that cannot be fully read must never be shortened into a
// different notice, or dropped so that the inbox looks emptier than it is.
class NoticeParser
{
public:
    struct Error
    {
        QString what; // technical; names the field, never its patient-data value
    };

    // {"messages": [ids...]}, oldest first.
    static Result<QStringList, Error> inbox(const QByteArray& body);
    // A message: a Bundle (collection) of AuditEvents, one notice each.
    static Result<QList<AttendanceNotice>, Error>
    message(const QByteArray& body, const QString& mailbox, const QString& messageId);
    // {"messageId": id} for the acknowledged message.
    static Status<Error> acknowledged(const QByteArray& body, const QString& messageId);

    static const QString kChildIdSystem;
};

} // namespace cpis
