#pragma once

#include <QString>

namespace cpis {

// Why a MESH request did not give a usable answer. None of these may read as "no notices":
// the inbox is then unknown, and the desk says why.
struct MeshError
{
    enum class Kind
    {
        NotConfigured,        // no mailbox id, password or shared key set up
        Offline,              // connection refused, host not found, network down
        Timeout,              // no bytes within the stall limit, or the whole call too long
        Tls,                  // the server's certificate or the handshake failed
        ClientCertificate,    // the server refused the connection without our certificate
        AuthenticationFailed, // 403: password, shared key, reused token or clock
        NotFound,             // 404: the message is not (or no longer) in the inbox
        Gone,                 // 410: the message expired
        Refused,              // 400: the server said the request was invalid
        ServiceFailure,       // 5xx, or a dropped connection
        BadResponse,          // status, headers or body not as the specification says
        Cancelled,
        Storage, // the desk could not keep what it downloaded
    };

    Kind kind = Kind::ServiceFailure;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString detail;     // technical, for support; never a secret or patient data
    // When the server's Date header was read on a refusal: its clock minus ours, in seconds.
    qint64 serverClockAheadSecs = 0;
    bool serverClockKnown = false;

    static QString kindName(Kind kind); // stable ids for logs and tests
    // What to tell a social worker or the administrator, in their language.
    QString userText() const;
};

} // namespace cpis
