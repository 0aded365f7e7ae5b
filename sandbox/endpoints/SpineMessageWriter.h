#pragma once

#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/SandboxPerson.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cpis::sandbox {

// One CP-IS record as REPC_MT000007GB01 carries it: the responsible local authority and up to
// three of its plans for the child.
struct SpineRecord
{
    LocalAuthorityEntry authority;
    QList<SandboxPlan> plans; // 1..3
};

// The one writer of the V3 messages the sandbox's CP-IS sends: each a SOAP 1.1 envelope with
// WS-Addressing headers as Spine's transforms write them (CPIS_Query_Response_syncAsync.xsl,
// CPIS_GenerateHL7MCCIDetectedIssue.xsl), the HL7 interaction the only child of the Body.
class SpineMessageWriter
{
public:
    // What every answer repeats of the request it answers.
    struct Reply
    {
        QString relatesTo;    // wsa:RelatesTo: the request's wsa:MessageID as sent
        QString requestHl7Id; // the request's HL7 id (acknowledgement/messageRef)
        QString messageId;    // this answer's id (a UUID, upper case)
        QDateTime now;
    };

    // REPC_IN000007GB01: the records (one pertinentInformation14 each) and the access history
    // (one pertinentInformation13 each, newest first).
    static QByteArray queryResponse(const Reply& reply,
                                    const SandboxPerson& child,
                                    const QString& nhsNumber,
                                    const QList<SpineRecord>& records,
                                    const QList<AccessEvent>& history);
    // QUQI_IN010000UK14 with queryResponseCode NF: "No Records Found".
    static QByteArray noRecordsFound(const Reply& reply);
    // MCCI_IN010000UK13: an application error with one Spine error code.
    static QByteArray
    applicationError(const Reply& reply, const QString& code, const QString& text);
    // A SOAP 1.1 Fault with Spine's errorList detail.
    static QByteArray
    soapFault(const QString& faultCode, const QString& errorCode, const QString& text);

    // An Access to Service Notification (REPC_MT000004GB01) as CP-IS drops it into the
    // responsible local authority's MESH mailbox: one CP-ISRecordAccess for the authority's
    // upload file, its queries (who, when, the child by NHS number and/or the authority's own
    // person id), the authority as recipient. The bare message, no wrapper.
    struct Notification
    {
        struct Query
        {
            QString id; // UUID, upper case
            QDateTime when;
            TestUser viewer;  // a person, or for a system its responsible person
            QString systemId; // set: a system looked
            QString nhsNumber;
            QString localPersonId;
        };
        QString id; // UUID, upper case
        QDateTime created;
        QString laOdsCode;
        QString laName;
        QString fileId;
        QList<Query> queries;
    };
    static QByteArray accessNotification(const Notification& notification);

    // The V3 telecom use codes for the two local-authority numbers (docs/api.md: an
    // assumption until NHS England confirms them).
    static constexpr char kOfficeHoursUse[] = "WP";
    static constexpr char kEmergencyDutyUse[] = "MC";
    // The identity the sandbox gives an AccessEvent whose author was a system, not a person.
    static constexpr char kSystemViewerId[] = "v3-system";
};

} // namespace cpis::sandbox
