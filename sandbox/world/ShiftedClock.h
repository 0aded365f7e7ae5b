#pragma once

#include "core/domain/Clock.h"

#include <QElapsedTimer>

namespace cpis::sandbox {

// Real time, started from a chosen moment: `cpis-sandbox --now` pins the scenario dates
// (docs examples) while tokens still expire as time passes.
class ShiftedClock final : public Clock
{
public:
    explicit ShiftedClock(QDateTime start) : m_start(start.toUTC()) { m_elapsed.start(); }
    QDateTime nowUtc() const override { return m_start.addMSecs(m_elapsed.elapsed()); }

private:
    QDateTime m_start;
    QElapsedTimer m_elapsed;
};

} // namespace cpis::sandbox
