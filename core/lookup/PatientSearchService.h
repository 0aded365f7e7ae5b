#pragma once

#include "core/domain/PatientSearchCriteria.h"
#include "core/domain/UserSession.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/lookup/PatientSearchResult.h"

#include <QObject>

#include <functional>

namespace cpis {

class AccessAuditor;
class Clock;

// Finds the NHS number of someone nobody knows it for: a PDS demographic search, audited
// like a look-up. Every search writes exactly one audit entry, with the criteria searched on
// (the sealed log is where personal data may be kept; the logs never hold them), and the
// result is handed over only after that entry is durable. A picked candidate is then looked
// up by number like any other (LookupService), with its own audit entry.
class PatientSearchService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const PatientSearchResult&)>;

    PatientSearchService(NationalServiceClient* client,
                         AccessAuditor* auditor,
                         const Clock* clock,
                         QObject* parent = nullptr);

    void setSession(const UserSession& session) { m_session = session; }
    const UserSession& session() const { return m_session; }
    // On lock and sign-out: nothing that could act for the user stays behind.
    void forgetSession();

    // `done` runs exactly once, asynchronously, unless `context` is destroyed first (which is
    // how a screen cancels: the search is still audited when PDS answers).
    void search(const PatientSearchCriteria& criteria, QObject* context, Done done);

private:
    struct Run;
    void finish(const std::shared_ptr<Run>& run);

    NationalServiceClient* m_client;
    AccessAuditor* m_auditor;
    const Clock* m_clock;
    UserSession m_session;
};

} // namespace cpis
