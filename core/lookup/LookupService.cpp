#include "core/lookup/LookupService.h"

#include "core/audit/AccessAuditor.h"
#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/domain/PlanType.h"
#include "core/lookup/AnswerCache.h"
#include "core/lookup/FhirCpisAdapter.h"
#include "core/lookup/LookupLogging.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QUuid>

namespace cpis {

struct LookupService::Run
{
    LookupResult result;
    UserSession session; // as it was when the look-up started
    NationalServiceClient::CallContext ctx;
    QPointer<QObject> context;
    Done done;
    bool unscheduled = false;
    NhsNumber queried; // the number CP-IS is asked about (the new one when superseded)
    QElapsedTimer elapsed;
};

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

void LookupService::lookup(const NhsNumber& nhs, QObject* context, Done done)
{
    auto run = std::make_shared<Run>();
    run->session = m_session;
    run->context = context;
    run->done = std::move(done);
    run->result.asked = nhs;
    run->queried = nhs;
    run->ctx.session = &run->session;
    run->ctx.correlationId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    run->ctx.traceId = run->ctx.correlationId;
    run->unscheduled = run->session.isUnscheduledAccess(m_settings.site);
    run->elapsed.start();
    qCDebug(lcLookup, "look-up %s started%s", run->ctx.correlationId.constData(),
            run->unscheduled ? " (unscheduled care)" : "");

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
    trace(run);
}

void LookupService::trace(std::shared_ptr<Run> run)
{
    m_client->tracePatient(
        run->result.asked, run->ctx, this,
        [this, run](const Result<Demographics, ServiceError>& r, const QByteArray& id) {
            run->result.requestId = id;
            if (!r) {
                failed(run, r.error());
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
            askCpis(run);
        });
}

void LookupService::askCpis(std::shared_ptr<Run> run)
{
    const CpisPort::Call call{&run->session, run->ctx.correlationId, run->ctx.traceId};
    m_cpis->ask(run->queried, run->unscheduled, call, this,
                [this, run](const Result<CpisAnswer, ServiceError>& r, const QByteArray& id) {
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
                    if (!r->noRecord && r->plans.isEmpty()) {
                        failed(run, ServiceError{ServiceError::Kind::BadResponse,
                                                 0,
                                                 {},
                                                 QStringLiteral("CP-IS gave neither plans nor "
                                                                "'no record'"),
                                                 -1});
                        return;
                    }
                    run->result.plans = r->plans;
                    run->result.state = r->noRecord ? LookupResult::State::NoRecord
                                                    : LookupResult::State::PlansFound;
                    run->result.answeredAtUtc = m_clock->nowUtc();
                    // The service notifies each local authority responsible for a returned plan;
                    // with no plan there is nobody to notify.
                    run->result.notificationSent =
                        run->unscheduled && !r->noRecord && !r->plans.isEmpty();
                    run->result.accessHistory = r->accessHistory;
                    run->result.historyUnavailable = r->historyUnavailable;
                    if (m_cache) {
                        // A cache that cannot be written costs only the offline fallback; the
                        // answer in hand is still correct.
                        (void)m_cache->save(run->result.asked, {run->result.toCachePayload(),
                                                                run->result.answeredAtUtc});
                    }
                    finish(run);
                });
}

void LookupService::failed(std::shared_ptr<Run> run, const ServiceError& error)
{
    run->result.state = LookupResult::State::CouldNotCheck;
    run->result.reason = LookupResult::reasonFor(error.kind);
    run->result.retryAfterSecs = error.retryAfterSecs;
    run->result.notificationSent = false;
    if (m_cache && cacheMayAnswer(error.kind)) {
        const auto cached = m_cache->load(run->result.asked);
        if (cached && cached.value()) {
            if (auto answer =
                    LookupResult::fromCachePayload(cached.value()->payload, run->result.asked)) {
                answer->reason = run->result.reason; // why the cache is speaking
                answer->requestId = run->result.requestId;
                answer->retryAfterSecs = run->result.retryAfterSecs;
                run->result = *answer;
            }
        }
    }
    finish(run);
}

void LookupService::finish(std::shared_ptr<Run> run)
{
    LookupResult& r = run->result;
    if (m_auditor) {
        AccessEvent event;
        event.action = AuditEntry::Action::LookUp;
        event.subject = r.asked;
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
        QStringList detail;
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
        event.outcomeDetail = detail.join(u' ');
        event.requestId = r.requestId;
        r.auditFailed = !m_auditor->record(run->session, event).ok();
    } else {
        r.auditFailed = true;
    }
    qCInfo(lcLookup, "look-up %s: %s %s%s%s after %lld ms", run->ctx.correlationId.constData(),
           qUtf8Printable(LookupResult::stateName(r.state)),
           qUtf8Printable(LookupResult::reasonName(r.reason)), r.fromCache ? " from the cache" : "",
           r.auditFailed ? " NOT AUDITED" : "", qint64(run->elapsed.elapsed()));
    if (run->context && run->done)
        run->done(r);
}

void LookupService::forgetSession()
{
    wipe(m_session);
}

} // namespace cpis
