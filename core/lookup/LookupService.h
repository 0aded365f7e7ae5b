#pragma once

#include "core/domain/NhsNumber.h"
#include "core/domain/UserSession.h"
#include "core/lookup/AnswerCache.h"
#include "core/lookup/CpisPort.h"
#include "core/lookup/LookupResult.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/lookup/TracedPerson.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace cpis {

class AccessAuditor;
class AnswerCache;
class Clock;
struct LookupRun;

// A look-up in two steps, so that CP-IS (and, in unscheduled care, the local authority) hears
// of nobody the user has not identified:
//   1. trace(): PDS only. Either a TracedPerson, whose banner the user checks, or the
//      look-up's end ("could not trace", not permitted...), audited.
//   2. queryConfirmed(): the user confirmed the banner; CP-IS is asked (the access notifies
//      the local authority when the rules say so), cache fall-back, audit, result.
//      reject(): the banner is not the person; recorded, nothing is sent.
// A failure that means the service could not be reached or understood falls back to the
// offline copy, labelled with its age; any other failure is "could not check" with its reason.
// Whether the access is unscheduled follows from the user's activity codes and the site type,
// never from a free choice. Every look-up writes exactly one audit entry, and a result is
// handed over only after the access is durable: the entry itself, or, for CP-IS, the access
// noted on disk while the query was on the network (AccessAuditor::notePending), which the
// entry then settles; an answer for a caller that has gone is audited as what it was, and not
// delivered.
class LookupService : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        SiteType site = SiteType::UnscheduledCare;
    };

    using Done = std::function<void(const LookupResult&)>;
    // `person` is valid when the trace found someone to confirm; otherwise `ended` is the
    // look-up's result (CP-IS was not asked).
    using TraceDone = std::function<void(const TracedPerson& person, const LookupResult& ended)>;

    // CP-IS is asked through `cpis`, whichever interface it speaks; PDS through `client`.
    LookupService(NationalServiceClient* client,
                  CpisPort* cpis,
                  AnswerCache* cache,
                  AccessAuditor* auditor,
                  const Clock* clock,
                  Settings settings,
                  QObject* parent = nullptr);
    // CP-IS over the FHIR draft through the same client.
    LookupService(NationalServiceClient* client,
                  AnswerCache* cache,
                  AccessAuditor* auditor,
                  const Clock* clock,
                  Settings settings,
                  QObject* parent = nullptr);
    ~LookupService() override;

    void setSession(const UserSession& session) { m_session = session; }
    const UserSession& session() const { return m_session; }
    // On lock and sign-out: nothing that could act for the user stays behind.
    void forgetSession();
    const Settings& settings() const { return m_settings; }

    // Step 1. `done` runs exactly once, asynchronously, unless `context` is destroyed first:
    // then the PDS request in flight is aborted, and the look-up audited as abandoned.
    void trace(const NhsNumber& nhs, QObject* context, TraceDone done);
    // Step 2, after the user confirmed `person`'s banner. False (nothing sent, `done` never
    // runs) when `person` was already confirmed, rejected or abandoned. `done` runs exactly
    // once, asynchronously, unless `context` is destroyed first: then the CP-IS request in
    // flight is aborted, and the query, which may have reached CP-IS, is still audited.
    bool queryConfirmed(const TracedPerson& person, QObject* context, Done done);
    // The banner is not the person: one audit entry, nothing sent to CP-IS. False when
    // `person` was not awaiting confirmation or the entry could not be written.
    bool reject(const TracedPerson& person);
    // The screen moved on before the user decided: one audit entry, nothing sent.
    void abandon(const TracedPerson& person);

    // Both steps at once, for callers whose identity check is their own: `cpis lookup
    // --confirmed-identity`, tests and benchmarks. Never used by a screen with a banner.
    void lookup(const NhsNumber& nhs, QObject* context, Done done);

    // Service failures for which an earlier answer from the cache is better than none.
    static bool cacheMayAnswer(ServiceError::Kind kind);

protected:
    bool event(QEvent* event) override;

private:
    void saveAnswers(); // the answers waiting to be kept in the cache
    Result<std::optional<AnswerCache::Entry>, AnswerCache::Error> loadCached(const NhsNumber& nhs);
    std::shared_ptr<LookupRun> start(const NhsNumber& nhs);
    // Aborts the run's request in flight when `context` goes during `step`, and records it.
    void abortWith(QObject* context, const std::shared_ptr<LookupRun>& run, int step);
    static QObject* inFlight(LookupRun& run);
    static void landed(LookupRun& run);
    void askPds(std::shared_ptr<LookupRun> run);
    void traceFailed(std::shared_ptr<LookupRun> run, const ServiceError& error);
    void deliverTrace(std::shared_ptr<LookupRun> run);
    void noteAccess(const std::shared_ptr<LookupRun>& run);
    void askCpis(std::shared_ptr<LookupRun> run);
    void failed(std::shared_ptr<LookupRun> run, const ServiceError& error);
    void finish(std::shared_ptr<LookupRun> run);
    bool audit(LookupRun& run, const QString& extraDetail = {});

    NationalServiceClient* m_client;
    std::unique_ptr<CpisPort> m_ownCpis; // the FHIR adapter, when none was given
    CpisPort* m_cpis;
    AnswerCache* m_cache;
    AccessAuditor* m_auditor;
    const Clock* m_clock;
    Settings m_settings;
    UserSession m_session;
    QList<LookupResult> m_unsaved; // answers shown, to be kept in the cache (saveAnswers())
};

} // namespace cpis
