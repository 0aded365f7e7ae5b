#pragma once
// The state of one look-up between its two steps, shared by LookupService and the
// TracedPerson handle it gives out. Internal to core/lookup.
#include "core/domain/UserSession.h"
#include "core/lookup/LookupResult.h"
#include "core/lookup/NationalServiceClient.h"

#include <QElapsedTimer>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace cpis {

struct LookupRun
{
    enum class Step
    {
        Tracing,              // PDS asked, no answer yet
        AwaitingConfirmation, // the banner is shown; CP-IS has not been asked
        Querying,             // confirmed: CP-IS asked (or the offline copy read)
        Done,                 // audited; nothing more happens
    };

    Step step = Step::Tracing;
    LookupResult result;
    UserSession session; // as it was when the look-up started
    NationalServiceClient::CallContext ctx;
    bool unscheduled = false;
    NhsNumber queried; // the number CP-IS is asked about (the new one when superseded)
    QElapsedTimer elapsed;
    // PDS could not be asked but the offline copy knows the number: its banner and answer.
    std::optional<LookupResult> cached;
    // Who hears each step; an answer for a context that is gone is audited, never delivered.
    QPointer<QObject> traceContext;
    std::function<void(const LookupResult& ended, const std::shared_ptr<LookupRun>& run)> traced;
    QPointer<QObject> context;
    std::function<void(const LookupResult&)> done;
    // The context of the PDS or CP-IS request in flight, null when none is: destroying it
    // aborts that request, whose callback then never runs.
    std::unique_ptr<QObject> net;
    bool aborted = false; // the caller went while a request was in flight; it was aborted
    // The access noted ahead of CP-IS's answer (AccessAuditor::notePending): the answer waits
    // for the note to be durable, and the entry with the outcome settles it.
    bool noting = false;
    bool finishWhenNoted = false;
    bool abandonWhenNoted = false; // aborted while noting: audited once the note can be settled
    qint64 noteId = 0;
};

} // namespace cpis
