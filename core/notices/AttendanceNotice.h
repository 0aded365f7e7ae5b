#pragma once

#include "core/domain/NhsNumber.h"
#include "core/domain/PlanType.h"

#include <QDateTime>
#include <QString>

namespace cpis {

// One attendance notice: CP-IS telling a local authority that someone at a health site looked
// at a child on one of its plans in unscheduled care (docs/api.md §10). One AuditEvent of a
// MESH message; acknowledging is per message.
struct AttendanceNotice
{
    QString mailbox;   // the local authority's ODS code
    QString messageId; // MESH message id
    QString eventId;   // AuditEvent.id within the message
    QDateTime whenUtc; // when the child was looked up
    QString viewerName;
    QString viewerRole;
    QString organisationCode; // where: the site's ODS code
    QString organisationName;
    NhsNumber nhsNumber;
    QString localChildId; // the local authority's own id for the child
    PlanType planType = PlanType::ChildProtection;

    // Kept by the desk, not sent by the service.
    QDateTime receivedUtc;
    QDateTime acknowledgedUtc; // null while the notice is new
    QString acknowledgedBy;    // the user's name and SDS user id

    bool isAcknowledged() const { return acknowledgedUtc.isValid(); }

    friend bool operator==(const AttendanceNotice& a, const AttendanceNotice& b)
    {
        return a.mailbox == b.mailbox && a.messageId == b.messageId && a.eventId == b.eventId &&
               a.whenUtc == b.whenUtc && a.viewerName == b.viewerName &&
               a.viewerRole == b.viewerRole && a.organisationCode == b.organisationCode &&
               a.organisationName == b.organisationName && a.nhsNumber == b.nhsNumber &&
               a.localChildId == b.localChildId && a.planType == b.planType &&
               a.receivedUtc == b.receivedUtc && a.acknowledgedUtc == b.acknowledgedUtc &&
               a.acknowledgedBy == b.acknowledgedBy;
    }
};

} // namespace cpis
