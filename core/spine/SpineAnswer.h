#pragma once

#include "core/domain/AccessRecord.h"
#include "core/domain/CpisPlan.h"

#include <QList>

namespace cpis {

// What Spine answered to one CP-IS query, once read: either the child's records (plans with
// their local authority, and the previous queries), or CP-IS's own "no record found". Nothing
// else is an answer: every other message is an error.
struct SpineAnswer
{
    bool noRecord = false; // QUQI_IN010000UK14 with queryResponseCode NF, and only that
    QList<CpisPlan> plans;
    QList<UndisplayableRecord> undisplayable; // under a plan template this desk does not know
    QList<AccessRecord> accessHistory;
    int totalAccessRecords = 0; // TRAR, as the response counts them
    int totalChildRecords = 0;  // TRCR
};

} // namespace cpis
