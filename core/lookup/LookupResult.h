#pragma once

#include "core/domain/AccessRecord.h"
#include "core/domain/CpisPlan.h"
#include "core/domain/Demographics.h"
#include "core/domain/NhsNumber.h"
#include "core/net/ServiceError.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <optional>

namespace cpis {

// The answer to one look-up. The three states can never be confused: a failure is
// CouldNotCheck with its reason, and only a Bundle the service really sent with total 0
// becomes NoRecord. An answer from the cache carries the time it was fetched.
struct LookupResult
{
    enum class State
    {
        PlansFound,
        NoRecord,
        CouldNotCheck,
    };
    enum class Reason
    {
        None,
        Offline,
        Timeout,
        ServiceError,
        SignInExpired,
        RateLimited,
        BadResponse,
        AccessDenied,
        PatientNotTraced,     // PDS does not know the number: the person must be traced first
        NotPermitted,         // the user's role has no CP-IS activity code
        RecordInvalidated,    // PDS invalidated the record and names no number in its place
        NumberNotVerified,    // PDS does not mark the number verified: CP-IS is not asked
        RequestNotRecognised, // a 404 that is not the service's "no such record"
        SecureConnection,     // TLS failed: a certificate was refused or not trusted
    };

    State state = State::CouldNotCheck;
    Reason reason = Reason::None; // why CouldNotCheck, or why the cache was used
    NhsNumber asked;
    std::optional<Demographics> patient;
    QList<CpisPlan> plans;
    // PlansFound: records CP-IS holds under a plan type this desk does not know (with or
    // without plans it knows); shown as such, never as "no record" or "could not check".
    QList<UndisplayableRecord> undisplayable;
    QList<AccessRecord> accessHistory;
    bool historyUnavailable = false; // plans are answered, the history could not be read

    QDateTime answeredAtUtc;       // when the national service gave this answer
    bool fromCache = false;        // true: answeredAtUtc is when the cached answer was fetched
    int retryAfterSecs = -1;       // RateLimited: how long the service asked us to wait
    int attempts = 0;              // CouldNotCheck: how often the failed request was sent
    bool notificationSent = false; // an unscheduled access that notifies the local authority
    QByteArray requestId;          // of the CP-IS query (or the call that failed)
    bool auditFailed = false;      // the look-up could not be recorded in the audit log
    // The user confirmed the banner and CP-IS was asked (or its offline copy read). False: the
    // look-up ended at the PDS trace, and nothing here is an answer from CP-IS.
    bool cpisAsked = false;

    static Reason reasonFor(ServiceError::Kind kind);
    static QString stateName(State s);   // stable ids for JSON and tests
    static QString reasonName(Reason r); // stable ids for JSON and tests
    // What to tell the user; retryAfterSecs is used for RateLimited.
    static QString reasonText(Reason r, int retryAfterSecs = -1);

    // The cache stores answers, never failures, in this form.
    QByteArray toCachePayload() const;
    static std::optional<LookupResult> fromCachePayload(const QByteArray& payload,
                                                        const NhsNumber& asked);
};

} // namespace cpis
