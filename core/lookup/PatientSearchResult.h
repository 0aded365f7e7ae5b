#pragma once

#include "core/domain/PatientCandidate.h"
#include "core/net/ServiceError.h"

#include <QByteArray>
#include <QList>

namespace cpis {

// How a demographic search ended, for the triage screen: candidates (possibly none), too
// many matches (add details), or could not search, with why. "Could not search" is never
// shown as "no match".
struct PatientSearchResult
{
    enum class State
    {
        Candidates,
        TooManyMatches,
        CouldNotSearch,
    };

    State state = State::CouldNotSearch;
    QList<PatientCandidate> candidates;                                // best first
    ServiceError::Kind errorKind = ServiceError::Kind::ServiceFailure; // CouldNotSearch
    QString spineCode;                                                 // when PDS said why
    int retryAfterSecs = -1;
    QByteArray requestId;
    bool auditFailed = false;
};

} // namespace cpis
