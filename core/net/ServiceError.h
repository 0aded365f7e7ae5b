#pragma once

#include <QString>

namespace cpis {

// Why a national-service request did not produce a usable answer. Every kind here means
// "could not check"; none of them may ever be read as "no CP-IS record".
struct ServiceError
{
    enum class Kind
    {
        Offline,         // connection refused, host not found, network down
        Timeout,         // no answer within the stall or total time limit
        ConnectionReset, // the server dropped the connection mid-request
        Tls,             // certificate or handshake failure
        RateLimited,     // 429, after the retries that Retry-After allowed
        SignInExpired,   // 401
        AccessDenied,    // 403
        NotFound,        // 404 RESOURCE_NOT_FOUND (PDS: no such NHS number)
        Invalidated,     // 404 INVALIDATED_RESOURCE: the record was invalidated, not superseded
        NotRecognised,   // any other 404: a gateway or a wrong address, not the service's answer
        InvalidRequest,  // 400
        ServiceFailure,  // 408 from downstream, 5xx
        BadResponse,     // wrong content type, malformed or unexpected body
        Cancelled,
    };

    Kind kind = Kind::ServiceFailure;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString spineCode;  // OperationOutcome details code, e.g. RESOURCE_NOT_FOUND
    QString detail;     // technical detail for logs shown to support; never patient data
    int retryAfterSecs = -1;
    // How many times the transport sent the request before giving up (retries included); 0
    // when it was never sent or the count is not known. The user is told it, not only logs.
    int attempts = 0;

    static QString kindName(Kind kind); // stable ids for logs and tests
    // What to tell the user, in their language; retryAfterSecs is used for RateLimited.
    static QString userText(Kind kind, int retryAfterSecs = -1);
};

} // namespace cpis
