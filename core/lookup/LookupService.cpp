#include "core/lookup/LookupService.h"

#include "core/audit/AccessAuditor.h"
#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/domain/PlanType.h"
#include "core/lookup/AnswerCache.h"
#include "core/lookup/FhirCpisAdapter.h"
#include "core/lookup/LookupLogging.h"
#include "core/lookup/LookupRun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <QUuid>

namespace cpis {

namespace {

// Answers are kept in the cache after the answer is on screen: Qt posts a window's repaint at
// low priority, and this, posted at the same priority once the answer is handed over, comes
// behind it.
QEvent::Type saveAnswersEvent()
{
    static const auto registered = QEvent::Type(QEvent::registerEventType());
    return registered;
}

} // namespace

bool LookupService::event(QEvent* event)
{
    if (event->type() == saveAnswersEvent()) {
        saveAnswers();
        return true;
    }
    return QObject::event(event);
}

Result<std::optional<AnswerCache::Entry>, AnswerCache::Error>
LookupService::loadCached(const NhsNumber& nhs)
{
    // An answer shown a moment ago and not yet written is the cache's all the same: a look-up
    // that fails at once (a refused connection) must still find it.
    saveAnswers();
    return m_cache->load(nhs);
}

void LookupService::saveAnswers()
{
    // A cache that cannot be written costs only the offline fallback.
    for (const LookupResult& answer : std::as_const(m_unsaved))
        (void)m_cache->save(answer.asked, {answer.toCachePayload(), answer.answeredAtUtc});
    m_unsaved.clear();
}

LookupService::LookupService(NationalServiceClient* client,
                             CpisPort* cpis,
                             AnswerCache* cache,
                             AccessAuditor* auditor,
                             const Clock* clock,
                             Settings settings,
                             QObject* parent)
    : QObject(parent), m_client(client), m_cpis(cpis), m_cache(cache), m_auditor(auditor),
      m_clock(clock), m_settings(settings)
{}

LookupService::LookupService(NationalServiceClient* client,
                             AnswerCache* cache,
                             AccessAuditor* auditor,
                             const Clock* clock,
                             Settings settings,
                             QObject* parent)
    : LookupService(client, nullptr, cache, auditor, clock, settings, parent)
{
    m_ownCpis = std::make_unique<FhirCpisAdapter>(client);
    m_cpis = m_ownCpis.get();
}

LookupService::~LookupService() = default;

bool LookupService::cacheMayAnswer(ServiceError::Kind kind)
{
    using K = ServiceError::Kind;
    switch (kind) {
    case K::Offline:
    case K::Timeout:
    case K::ConnectionReset:
    case K::Tls:
    case K::RateLimited:
    case K::ServiceFailure:
    case K::BadResponse:
        return true;
    // The service answered and said no: an old answer must not override that, nor may it
    // let someone whose sign-in lapsed or whose role is refused see what they cannot now.
    case K::SignInExpired:
    case K::AccessDenied:
    case K::NotFound:
    case K::Invalidated:
    case K::NotRecognised: // a wrong address is to be put right, not hidden by an old answer
    case K::InvalidRequest:
    case K::Cancelled:
        return false;
    }
    return false;
}

std::shared_ptr<LookupRun> LookupService::start(const NhsNumber& nhs)
{
    auto run = std::make_shared<LookupRun>();
    run->session = m_session;
    run->result.asked = nhs;
    run->queried = nhs;
    run->ctx.session = &run->session;
    run->ctx.correlationId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    run->ctx.traceId = run->ctx.correlationId;
    run->unscheduled = run->session.isUnscheduledAccess(m_settings.site);
    run->elapsed.start();
    qCDebug(lcLookup, "look-up %s started%s", run->ctx.correlationId.constData(),
            run->unscheduled ? " (unscheduled care)" : "");
    return run;
}

void LookupService::trace(const NhsNumber& nhs, QObject* context, TraceDone done)
{
    auto run = start(nhs);
    run->traceContext = context;
    abortWith(context, run, int(LookupRun::Step::Tracing));
    run->traced = [done = std::move(done)](const LookupResult& ended,
                                           const std::shared_ptr<LookupRun>& r) {
        if (done)
            done(r ? TracedPerson(r) : TracedPerson(), ended);
    };

    if (run->session.isExpired(m_clock->nowUtc())) {
        run->result.reason = LookupResult::Reason::SignInExpired;
        // Asynchronous like every other outcome, so callers see one behaviour.
        QTimer::singleShot(0, this, [this, run] { finish(run); });
        return;
    }
    if (!run->session.canViewCpis()) {
        run->result.reason = LookupResult::Reason::NotPermitted;
        QTimer::singleShot(0, this, [this, run] { finish(run); });
        return;
    }
    askPds(run);
}

void LookupService::abortWith(QObject* context, const std::shared_ptr<LookupRun>& run, int step)
{
    if (!context)
        return;
    connect(context, &QObject::destroyed, this, [this, step, weak = std::weak_ptr(run)] {
        const auto r = weak.lock();
        if (!r || int(r->step) != step || !r->net)
            return; // nothing in flight: the answer, if any, is audited where it lands
        // Esc, an edit, the next number or a lock: the request is stopped, not left to finish
        // for nobody; the look-up is recorded as what it was.
        r->aborted = true;
        r->step = LookupRun::Step::Done;
        r->traced = nullptr;
        r->done = nullptr;
        r->net.reset(); // QNetworkReply::abort; the client's and the port's callbacks never run
        if (r->result.cpisAsked)
            r->result.requestId.clear(); // the trace's: the query's own id never came back
        qCInfo(lcLookup, "look-up %s: %s aborted after %lld ms", r->ctx.correlationId.constData(),
               r->result.cpisAsked ? "CP-IS query" : "PDS trace", qint64(r->elapsed.elapsed()));
        if (r->noting) {
            // The entry settles the access noted ahead, once that note has its id.
            r->abandonWhenNoted = true;
            return;
        }
        (void)audit(*r, QStringLiteral("abandoned"));
    });
}

QObject* LookupService::inFlight(LookupRun& run)
{
    run.net = std::make_unique<QObject>();
    return run.net.get();
}

void LookupService::landed(LookupRun& run)
{
    // Not deleted under the callback that came through it; from here the run is unstoppable.
    if (run.net)
        run.net.release()->deleteLater();
}

void LookupService::askPds(std::shared_ptr<LookupRun> run)
{
    m_client->tracePatient(
        run->result.asked, run->ctx, inFlight(*run),
        [this, run](const Result<Demographics, ServiceError>& r, const QByteArray& id) {
            landed(*run);
            run->result.requestId = id;
            if (!r) {
                traceFailed(run, r.error());
                return;
            }
            if (!r->nhsNumberVerified) {
                // CP-IS is keyed on the NHS number: asking about one PDS has not verified
                // could answer for somebody else. No cache either: it would answer the same.
                run->result.state = LookupResult::State::CouldNotCheck;
                run->result.reason = LookupResult::Reason::NumberNotVerified;
                finish(run);
                return;
            }
            run->result.patient = r.value();
            // A superseded number is followed: CP-IS is asked about the number PDS holds now.
            run->queried = r->nhsNumber;
            deliverTrace(run);
        });
}

void LookupService::traceFailed(std::shared_ptr<LookupRun> run, const ServiceError& error)
{
    run->result.state = LookupResult::State::CouldNotCheck;
    run->result.reason = LookupResult::reasonFor(error.kind);
    run->result.retryAfterSecs = error.retryAfterSecs;
    run->result.attempts = error.attempts;
    if (m_cache && cacheMayAnswer(error.kind)) {
        const auto cached = loadCached(run->result.asked);
        if (cached && cached.value()) {
            if (auto answer =
                    LookupResult::fromCachePayload(cached.value()->payload, run->result.asked);
                answer && answer->patient) {
                // The copy's banner, marked as the copy's, is checked like a live one; its
                // CP-IS answer is shown only once the user has confirmed it.
                answer->reason = run->result.reason; // why the cache is speaking
                answer->requestId = run->result.requestId;
                answer->retryAfterSecs = run->result.retryAfterSecs;
                run->cached = *answer;
                deliverTrace(run);
                return;
            }
        }
    }
    finish(run); // could not trace: CP-IS is not asked about someone nobody has identified
}

void LookupService::deliverTrace(std::shared_ptr<LookupRun> run)
{
    run->step = LookupRun::Step::AwaitingConfirmation;
    qCDebug(lcLookup, "look-up %s: traced%s after %lld ms, awaiting confirmation",
            run->ctx.correlationId.constData(), run->cached ? " from the cache" : "",
            qint64(run->elapsed.elapsed()));
    if (!run->traceContext) {
        abandon(TracedPerson(run)); // the screen that asked has gone
        return;
    }
    const auto traced = std::move(run->traced);
    run->traced = nullptr;
    traced(run->result, run);
}

bool LookupService::queryConfirmed(const TracedPerson& person, QObject* context, Done done)
{
    const std::shared_ptr<LookupRun>& run = person.m_run;
    if (!run || run->step != LookupRun::Step::AwaitingConfirmation)
        return false;
    run->step = LookupRun::Step::Querying;
    run->context = context;
    abortWith(context, run, int(LookupRun::Step::Querying));
    run->done = std::move(done);
    run->result.cpisAsked = true;
    if (run->cached) {
        // PDS could not be reached: the confirmed person's answer is the copy's.
        const bool asked = run->result.cpisAsked;
        run->result = *run->cached;
        run->result.cpisAsked = asked;
        QTimer::singleShot(0, this, [this, run] { finish(run); });
        return true;
    }
    if (run->session.isExpired(m_clock->nowUtc())) {
        run->result.state = LookupResult::State::CouldNotCheck;
        run->result.reason = LookupResult::Reason::SignInExpired;
        QTimer::singleShot(0, this, [this, run] { finish(run); });
        return true;
    }
    askCpis(run);
    return true;
}

bool LookupService::reject(const TracedPerson& person)
{
    const std::shared_ptr<LookupRun>& run = person.m_run;
    if (!run || run->step != LookupRun::Step::AwaitingConfirmation)
        return false;
    run->step = LookupRun::Step::Done;
    qCInfo(lcLookup, "look-up %s: the user said the banner is not the person",
           run->ctx.correlationId.constData());
    return audit(*run, QStringLiteral("identity-rejected"));
}

void LookupService::abandon(const TracedPerson& person)
{
    const std::shared_ptr<LookupRun>& run = person.m_run;
    if (!run || run->step != LookupRun::Step::AwaitingConfirmation)
        return;
    run->step = LookupRun::Step::Done;
    run->traced = nullptr;
    (void)audit(*run, QStringLiteral("abandoned"));
}

void LookupService::lookup(const NhsNumber& nhs, QObject* context, Done done)
{
    auto shared = std::make_shared<Done>(std::move(done));
    QPointer<QObject> alive(context);
    trace(nhs, context,
          [this, shared, alive](const TracedPerson& person, const LookupResult& ended) {
              if (!person.isValid()) {
                  (*shared)(ended);
                  return;
              }
              queryConfirmed(person, alive, [shared](const LookupResult& r) { (*shared)(r); });
          });
}

void LookupService::noteAccess(const std::shared_ptr<LookupRun>& run)
{
    if (!m_auditor)
        return;
    AccessEvent event;
    event.action = AuditEntry::Action::LookUp;
    event.subject = run->result.asked;
    run->noting = true;
    m_auditor->notePending(
        run->session, event, this, [this, run](const Result<qint64, AccessAuditor::Error>& id) {
            run->noting = false;
            if (id)
                run->noteId = id.value();
            else // the entry with the outcome is then flushed by itself
                qCWarning(lcLookup, "look-up %s: the access was not noted ahead: %s",
                          run->ctx.correlationId.constData(), qUtf8Printable(id.error().message));
            if (std::exchange(run->abandonWhenNoted, false))
                (void)audit(*run, QStringLiteral("abandoned"));
            else if (std::exchange(run->finishWhenNoted, false))
                finish(run);
        });
}

void LookupService::askCpis(std::shared_ptr<LookupRun> run)
{
    // Written to disk while the query is on the network: the answer waits for both.
    noteAccess(run);
    const CpisPort::Call call{&run->session, run->ctx.correlationId, run->ctx.traceId};
    m_cpis->ask(run->queried, run->unscheduled, call, inFlight(*run),
                [this, run](const Result<CpisAnswer, ServiceError>& r, const QByteArray& id) {
                    landed(*run);
                    run->result.requestId = id;
                    if (!r) {
                        ServiceError e = r.error();
                        // "Not found" is PDS's word about a person; from CP-IS it can only mean the
                        // request went somewhere that does not serve it.
                        if (e.kind == ServiceError::Kind::NotFound ||
                            e.kind == ServiceError::Kind::Invalidated)
                            e.kind = ServiceError::Kind::NotRecognised;
                        failed(run, e);
                        return;
                    }
                    // "No record" only when the adapter says so: plans that could not be read
                    // never arrive here as an empty list, and an answer that is neither is none.
                    if (!r->noRecord && r->plans.isEmpty() && r->undisplayable.isEmpty()) {
                        failed(run, ServiceError{ServiceError::Kind::BadResponse,
                                                 0,
                                                 {},
                                                 QStringLiteral("CP-IS gave neither plans nor "
                                                                "'no record'"),
                                                 -1});
                        return;
                    }
                    run->result.plans = r->plans;
                    run->result.undisplayable = r->undisplayable;
                    run->result.state = r->noRecord ? LookupResult::State::NoRecord
                                                    : LookupResult::State::PlansFound;
                    run->result.answeredAtUtc = m_clock->nowUtc();
                    // The service notifies each local authority responsible for a returned plan;
                    // with no plan there is nobody to notify.
                    run->result.notificationSent =
                        run->unscheduled && !r->noRecord &&
                        (!r->plans.isEmpty() || !r->undisplayable.isEmpty());
                    run->result.accessHistory = r->accessHistory;
                    run->result.historyUnavailable = r->historyUnavailable;
                    // Kept for when CP-IS cannot answer, once the answer is on screen: the
                    // nurse does not wait for the copy of an answer already in hand. Queued
                    // before the answer is handed over, written after (and at a lock).
                    if (m_cache)
                        m_unsaved.append(run->result);
                    finish(run);
                    if (m_cache)
                        QCoreApplication::postEvent(this, new QEvent(saveAnswersEvent()),
                                                    Qt::LowEventPriority);
                });
}

void LookupService::failed(std::shared_ptr<LookupRun> run, const ServiceError& error)
{
    run->result.state = LookupResult::State::CouldNotCheck;
    run->result.reason = LookupResult::reasonFor(error.kind);
    run->result.retryAfterSecs = error.retryAfterSecs;
    run->result.attempts = error.attempts;
    run->result.notificationSent = false;
    if (m_cache && cacheMayAnswer(error.kind)) {
        const auto cached = loadCached(run->result.asked);
        if (cached && cached.value()) {
            if (auto answer =
                    LookupResult::fromCachePayload(cached.value()->payload, run->result.asked)) {
                answer->reason = run->result.reason; // why the cache is speaking
                answer->requestId = run->result.requestId;
                answer->retryAfterSecs = run->result.retryAfterSecs;
                answer->cpisAsked = run->result.cpisAsked;
                // The banner the user confirmed is today's; only CP-IS's answer is the copy's.
                if (run->result.patient)
                    answer->patient = run->result.patient;
                run->result = *answer;
            }
        }
    }
    finish(run);
}

bool LookupService::audit(LookupRun& run, const QString& extraDetail)
{
    LookupResult& r = run.result;
    if (!m_auditor) {
        r.auditFailed = true;
        return false;
    }
    AccessEvent event;
    event.action = AuditEntry::Action::LookUp;
    event.subject = r.asked;
    QStringList detail;
    if (run.step == LookupRun::Step::Done && !r.cpisAsked) {
        // Rejected or abandoned at the banner: nothing was asked of CP-IS.
        event.outcome = AuditEntry::Outcome::Cancelled;
        if (run.cached)
            detail << QStringLiteral("from-cache");
    } else if (run.aborted) {
        // The query was sent and stopped before its answer: it may have reached CP-IS, and in
        // unscheduled care notified the local authority, without anyone seeing the answer.
        event.outcome = AuditEntry::Outcome::Cancelled;
        detail << QStringLiteral("cpis-query-aborted");
        if (run.unscheduled)
            detail << QStringLiteral("may-have-notified");
    } else {
        switch (r.state) {
        case LookupResult::State::PlansFound:
            event.outcome = AuditEntry::Outcome::PlansFound;
            break;
        case LookupResult::State::NoRecord:
            event.outcome = AuditEntry::Outcome::NoRecord;
            break;
        case LookupResult::State::CouldNotCheck:
            event.outcome = AuditEntry::Outcome::CouldNotCheck;
            break;
        }
        if (r.fromCache)
            detail << QStringLiteral("from-cache");
        if (r.reason != LookupResult::Reason::None)
            detail << LookupResult::reasonName(r.reason);
        if (r.notificationSent)
            detail << QStringLiteral("notified");
        // The plan types found, so that the safeguarding lead's review at the audit hub can be
        // filtered by them: recorded here, before sealing, the hash covers them like the rest.
        if (r.state == LookupResult::State::PlansFound && !r.plans.isEmpty()) {
            QStringList types;
            for (const CpisPlan& p : std::as_const(r.plans)) {
                const QString t = planTypeShortName(p.type);
                if (!types.contains(t))
                    types << t;
            }
            detail << QStringLiteral("plans:") + types.join(u',');
        }
        // CP-IS holds a record of a type this desk does not know: a positive all the same.
        if (!r.undisplayable.isEmpty())
            detail << QStringLiteral("undisplayable-record");
    }
    if (!extraDetail.isEmpty())
        detail << extraDetail;
    event.outcomeDetail = detail.join(u' ');
    event.requestId = r.requestId;
    event.settlesNote = run.noteId;
    r.auditFailed = !m_auditor->record(run.session, event).ok();
    return !r.auditFailed;
}

void LookupService::finish(std::shared_ptr<LookupRun> run)
{
    if (run->noting) {
        // Nothing is recorded or shown before the access is on disk.
        run->finishWhenNoted = true;
        return;
    }
    const bool atTrace = run->step == LookupRun::Step::Tracing;
    LookupResult& r = run->result;
    // An answer nobody will see is still recorded as what it was, and says so.
    const bool unheard = atTrace ? !run->traceContext : !run->context;
    audit(*run, unheard ? QStringLiteral("abandoned") : QString());
    run->step = LookupRun::Step::Done;
    qCInfo(lcLookup, "look-up %s: %s %s%s%s%s after %lld ms", run->ctx.correlationId.constData(),
           qUtf8Printable(LookupResult::stateName(r.state)),
           qUtf8Printable(LookupResult::reasonName(r.reason)), r.fromCache ? " from the cache" : "",
           r.auditFailed ? " NOT AUDITED" : "", unheard ? " (abandoned)" : "",
           qint64(run->elapsed.elapsed()));
    if (atTrace) {
        const auto traced = std::move(run->traced);
        run->traced = nullptr;
        if (run->traceContext && traced)
            traced(r, nullptr);
        return;
    }
    if (run->context && run->done)
        run->done(r);
}

void LookupService::forgetSession()
{
    // Before the store lets go of what it holds (a lock): a copy still to be written is written
    // now, not into the cache after the lock.
    if (m_cache)
        saveAnswers();
    wipe(m_session);
}

} // namespace cpis
