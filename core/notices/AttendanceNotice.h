#pragma once

#include "core/domain/NhsNumber.h"
#include "core/domain/PlanType.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace cpis {

// One row of the local authority's notices. Mostly an attendance notice: CP-IS telling the
// authority that someone looked at a child on one of its plans in unscheduled care, one
// CP-ISNHSQuery of an Access to Service Notification (REPC_MT000004GB01) that came through the
// authority's MESH mailbox (docs/api.md §10). Also, one row per MESH message, what is not a
// notice but must not pass unseen: a message that could not be read (kept, not
// acknowledged) and a MESH error report (a delivery error). Acknowledging is per message.
struct AttendanceNotice
{
    enum class Kind
    {
        Access,        // someone looked at the child
        Unreadable,    // "a notice could not be read": kept with its MESH message id
        DeliveryError, // a MESH REPORT: a message to or from this mailbox failed
    };

    Kind kind = Kind::Access;
    QString mailbox;          // the local authority's MESH mailbox id
    QString messageId;        // MESH message id
    QString eventId;          // the query's id within the message (empty for a message-level row)
    QDateTime whenUtc;        // when the child was looked up (a message-level row: when received)
    QString viewerName;       // a person, or a system's name
    QString viewerRole;       // the person's job role, or for a system its responsible person's
    QString systemId;         // the system's ASID when a system looked, else empty
    QString organisationCode; // where: the site's ODS code
    QString organisationName;
    NhsNumber nhsNumber;              // may be empty when only the authority's own id is given
    QString localChildId;             // the local authority's own person id for the child
    QString fileId;                   // the authority's upload file the record came from (LAUFI)
    std::optional<PlanType> planType; // not in the V3 notification; kept for older rows
    QString problem; // Unreadable: why; DeliveryError: the report's status and description

    // Kept by the desk, not sent by the service.
    QDateTime receivedUtc;
    QDateTime acknowledgedUtc; // null while the notice is new
    QString acknowledgedBy;    // the user's name and SDS user id

    bool isAcknowledged() const { return acknowledgedUtc.isValid(); }
    bool isNotice() const { return kind == Kind::Access; }

    friend bool operator==(const AttendanceNotice& a, const AttendanceNotice& b)
    {
        return a.kind == b.kind && a.mailbox == b.mailbox && a.messageId == b.messageId &&
               a.eventId == b.eventId && a.whenUtc == b.whenUtc && a.viewerName == b.viewerName &&
               a.viewerRole == b.viewerRole && a.systemId == b.systemId &&
               a.organisationCode == b.organisationCode &&
               a.organisationName == b.organisationName && a.nhsNumber == b.nhsNumber &&
               a.localChildId == b.localChildId && a.fileId == b.fileId &&
               a.planType == b.planType && a.problem == b.problem &&
               a.receivedUtc == b.receivedUtc && a.acknowledgedUtc == b.acknowledgedUtc &&
               a.acknowledgedBy == b.acknowledgedBy;
    }
};

} // namespace cpis
