#include "core/lookup/PatientSearchService.h"

#include "core/audit/AccessAuditor.h"
#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/lookup/LookupLogging.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace cpis {

struct PatientSearchService::Run
{
    PatientSearchCriteria criteria;
    PatientSearchResult result;
    UserSession session; // as it was when the search started
    NationalServiceClient::CallContext ctx;
    QPointer<QObject> context;
    Done done;
    QElapsedTimer elapsed;
};

PatientSearchService::PatientSearchService(NationalServiceClient* client,
                                           AccessAuditor* auditor,
                                           const Clock* clock,
                                           QObject* parent)
    : QObject(parent), m_client(client), m_auditor(auditor), m_clock(clock)
{}

void PatientSearchService::search(const PatientSearchCriteria& criteria,
                                  QObject* context,
                                  Done done)
{
    auto run = std::make_shared<Run>();
    run->criteria = criteria;
    run->session = m_session;
    run->context = context;
    run->done = std::move(done);
    run->ctx.session = &run->session;
    run->ctx.correlationId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    run->ctx.traceId = run->ctx.correlationId;
    run->elapsed.start();
    qCDebug(lcLookup, "search %s started", run->ctx.correlationId.constData());

    auto refuse = [this, run](ServiceError::Kind kind) {
        run->result.state = PatientSearchResult::State::CouldNotSearch;
        run->result.errorKind = kind;
        // Asynchronous like every other outcome, so callers see one behaviour.
        QTimer::singleShot(0, this, [this, run] { finish(run); });
    };
    if (run->session.isExpired(m_clock->nowUtc()))
        return refuse(ServiceError::Kind::SignInExpired);
    if (!run->session.canViewCpis())
        return refuse(ServiceError::Kind::AccessDenied);

    m_client->searchPatients(
        criteria, run->ctx, this,
        [this, run](const Result<PatientMatches, ServiceError>& r, const QByteArray& id) {
            run->result.requestId = id;
            if (!r) {
                run->result.state = PatientSearchResult::State::CouldNotSearch;
                run->result.errorKind = r.error().kind;
                run->result.spineCode = r.error().spineCode;
                run->result.retryAfterSecs = r.error().retryAfterSecs;
            } else if (r->tooManyMatches) {
                run->result.state = PatientSearchResult::State::TooManyMatches;
            } else {
                run->result.state = PatientSearchResult::State::Candidates;
                run->result.candidates = r->candidates;
            }
            finish(run);
        });
}

void PatientSearchService::finish(const std::shared_ptr<Run>& run)
{
    PatientSearchResult& r = run->result;
    QString detail;
    switch (r.state) {
    case PatientSearchResult::State::Candidates:
        detail = QStringLiteral("candidates %1").arg(r.candidates.size());
        break;
    case PatientSearchResult::State::TooManyMatches:
        detail = QStringLiteral("too-many-matches");
        break;
    case PatientSearchResult::State::CouldNotSearch:
        detail = ServiceError::kindName(r.errorKind);
        if (!r.spineCode.isEmpty())
            detail += u' ' + r.spineCode;
        break;
    }
    if (m_auditor) {
        AccessEvent event;
        event.action = AuditEntry::Action::Search;
        event.outcome = r.state == PatientSearchResult::State::CouldNotSearch
                            ? AuditEntry::Outcome::CouldNotCheck
                            : AuditEntry::Outcome::Success;
        event.outcomeDetail = detail;
        event.reason = run->criteria.auditText();
        event.requestId = r.requestId;
        r.auditFailed = !m_auditor->record(run->session, event).ok();
    } else {
        r.auditFailed = true;
    }
    // Counts and kinds only: the criteria and the candidates are personal data.
    qCInfo(lcLookup, "search %s: %s after %lld ms%s", run->ctx.correlationId.constData(),
           qUtf8Printable(detail), qint64(run->elapsed.elapsed()),
           r.auditFailed ? " NOT AUDITED" : "");
    if (run->context && run->done)
        run->done(r);
}

void PatientSearchService::forgetSession()
{
    wipe(m_session);
}

} // namespace cpis
