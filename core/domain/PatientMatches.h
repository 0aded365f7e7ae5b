#pragma once

#include "core/domain/PatientCandidate.h"

#include <QList>

namespace cpis {

// PDS's answer to a demographic search: the candidates, best first (possibly none), or that
// more people matched than the search may return, which asks for more details rather than
// reading as "nobody".
struct PatientMatches
{
    bool tooManyMatches = false;
    QList<PatientCandidate> candidates;
};

} // namespace cpis
