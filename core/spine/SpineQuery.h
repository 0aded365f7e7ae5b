#pragma once

#include "core/domain/UserSession.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace cpis {

// Who asks CP-IS: a person signed in with a smartcard (COCT_TP145102GB01), or a system acting
// for its nominated person (COCT_TP145104GB01).
struct SpineAuthor
{
    enum class Kind
    {
        Person,
        System,
    };
    Kind kind = Kind::Person;
    QString sdsUserId;     // person: SDS user id
    QString roleProfileId; // person: the selected role profile (URID)
    QString jobRoleCode;   // the SDS job role code, e.g. R8000
    QString roleName;
    QString name;             // the person, or the system's nominated person
    QString organisationCode; // ODS code: the person's organisation, or the system's
    QString organisationName;
    QString systemAsid; // system: its ASID

    // The signed-in user as the query's person author.
    static SpineAuthor person(const UserSession& session);
    // The desk itself, acting for the signed-in user as its nominated person.
    static SpineAuthor system(const UserSession& session, const QString& asid);
};

// One CP-IS query (QUPC_IN000006GB01), everything the message carries.
struct SpineQuery
{
    QString nhsNumber; // ten digits
    // Whether the local authority is notified (an Access to Service Notification); set only
    // from UserSession::isUnscheduledAccess for the site, never by choice.
    bool unscheduled = true;
    QString messageId; // upper-case UUID: wsa:MessageID and the transmission id
    QString queryId;   // upper-case UUID: the query act's id
    QDateTime createdUtc;
    QUrl to;          // the CP-IS endpoint, as wsa:To
    QString deskAsid; // sender (communicationFunctionSnd, author1)
    QString deskPartyKey;
    QString cpisAsid; // receiver (communicationFunctionRcv)
    SpineAuthor author;
};

} // namespace cpis
