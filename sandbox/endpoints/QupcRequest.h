#pragma once

#include <QString>

#include <optional>

namespace cpis::sandbox {

// Who asked, as the query's cP-ISNHSQuery/author carries it: a smartcard user
// (COCT_TP145102GB01.AssignedAuthor) or a system acting for a nominated person
// (COCT_TP145104GB01.System).
struct QupcAuthor
{
    bool isSystem = false;
    QString sdsUserId;     // person: id[@root=...0.65]
    QString roleProfileId; // person: id[@root=...0.67] (optional in the template)
    QString systemId;      // system: id[@root=...0.107] (an ASID)
    QString jobRoleCode;   // person: code; system: the responsible person's code
    QString jobRoleName;
    QString personName; // "Given Family" (person, or the system's responsible person)
    QString orgCode;    // representedOrganization or maintainingOrganization
    QString orgName;
};

// One CP-IS query (QUPC_IN000006GB01 in a SOAP 1.1 envelope) as the sandbox reads it.
struct QupcRequest
{
    QString messageId;    // wsa:MessageID as sent ("uuid:..."), echoed in wsa:RelatesTo
    QString hl7MessageId; // QUPC_IN000006GB01/id/@root
    QString senderAsid;   // communicationFunctionSnd
    QString receiverAsid; // communicationFunctionRcv
    QString queryId;      // cP-ISNHSQuery/id/@root
    QString nhsNumber;    // queryByParameter/person.NHSnumber/value/@extension
    QupcAuthor author;
    // The DMS RC5 Patch D marker, queryByParameter/accessEventType/value/@value; absent means
    // unscheduled (the 2022 schema has no such element, so a query that leaves it out is an
    // ordinary, notifying access).
    std::optional<bool> accessEventType;
    bool unscheduled() const { return accessEventType.value_or(true); }
};

} // namespace cpis::sandbox
