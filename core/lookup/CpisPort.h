#pragma once

#include "core/domain/AccessRecord.h"
#include "core/domain/CpisPlan.h"
#include "core/domain/NhsNumber.h"
#include "core/domain/Result.h"
#include "core/domain/UserSession.h"
#include "core/net/ServiceError.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>

namespace cpis {

// What CP-IS said about one NHS number: the plans and the access history, or that it holds no
// record. `noRecord` is said explicitly by the adapter, never inferred from an empty list by
// the caller: over HL7 V3 only CP-IS's "no record found" (QUQI NF) says it.
struct CpisAnswer
{
    bool noRecord = false;
    QList<CpisPlan> plans;
    // Records under a plan type this desk does not know: CP-IS holds them, so never "no record"
    QList<UndisplayableRecord> undisplayable;
    QList<AccessRecord> accessHistory;
    bool historyUnavailable = false; // the plans stand; the history could not be had
};

// The one question the look-up asks CP-IS, whichever interface the profile names: the FHIR
// draft (FhirCpisAdapter) or HL7 V3 over Spine (SpineCpisAdapter).
class CpisPort
{
public:
    struct Call
    {
        const UserSession* session = nullptr; // outlives the call
        QByteArray correlationId;             // one per look-up
        QByteArray traceId;
    };
    using Done =
        std::function<void(const Result<CpisAnswer, ServiceError>&, const QByteArray& requestId)>;

    virtual ~CpisPort() = default;

    // `unscheduled` follows from the user's activity codes and the site type. `done` runs
    // exactly once, asynchronously, unless `receiver` is destroyed first, which aborts the
    // request in flight.
    virtual void
    ask(const NhsNumber& nhs, bool unscheduled, const Call& call, QObject* receiver, Done done) = 0;
};

} // namespace cpis
