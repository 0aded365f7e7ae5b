#pragma once

#include "core/domain/NhsNumber.h"
#include "core/domain/UserSession.h"
#include "core/lookup/CpisPort.h"
#include "core/lookup/LookupResult.h"
#include "core/lookup/NationalServiceClient.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace cpis {

class AccessAuditor;
class AnswerCache;
class Clock;

// NHS number -> PDS trace -> CP-IS (plans and access history) -> cache -> audit -> result.
//
// The result is always one of the LookupResult states. A failure that means the service
// could not be reached or understood falls back to the cache, labelled with its age; any
// other failure is "could not check" with its reason. Whether the access is unscheduled
// (and so notifies the local authority) follows from the user's activity codes and the
// site type, never from a free choice. Every look-up writes exactly one audit entry, and
// the result is handed over only after that entry is durable.
class LookupService : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        SiteType site = SiteType::UnscheduledCare;
    };

    using Done = std::function<void(const LookupResult&)>;

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

    // `done` runs exactly once, asynchronously, unless `context` is destroyed first.
    void lookup(const NhsNumber& nhs, QObject* context, Done done);

    // Service failures for which an earlier answer from the cache is better than none.
    static bool cacheMayAnswer(ServiceError::Kind kind);

private:
    struct Run;
    void trace(std::shared_ptr<Run> run);
    void askCpis(std::shared_ptr<Run> run);
    void failed(std::shared_ptr<Run> run, const ServiceError& error);
    void finish(std::shared_ptr<Run> run);

    NationalServiceClient* m_client;
    std::unique_ptr<CpisPort> m_ownCpis; // the FHIR adapter, when none was given
    CpisPort* m_cpis;
    AnswerCache* m_cache;
    AccessAuditor* m_auditor;
    const Clock* m_clock;
    Settings m_settings;
    UserSession m_session;
};

} // namespace cpis
