#pragma once

#include "core/domain/Demographics.h"

namespace cpis {

// One person a demographic search matched, with how closely: PDS's score, 1.0 an exact
// match, lower a partial one.
struct PatientCandidate
{
    Demographics patient;
    double score = 0.0;
};

} // namespace cpis
