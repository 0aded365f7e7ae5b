#include "core/lookup/TracedPerson.h"

#include "core/lookup/LookupRun.h"

namespace cpis {

NhsNumber TracedPerson::asked() const
{
    return m_run ? m_run->result.asked : NhsNumber{};
}

Demographics TracedPerson::patient() const
{
    if (!m_run)
        return {};
    if (m_run->cached && m_run->cached->patient)
        return *m_run->cached->patient;
    return m_run->result.patient.value_or(Demographics{});
}

bool TracedPerson::fromCache() const
{
    return m_run && m_run->cached.has_value();
}

QDateTime TracedPerson::cachedAtUtc() const
{
    return fromCache() ? m_run->cached->answeredAtUtc : QDateTime();
}

LookupResult::Reason TracedPerson::cacheReason() const
{
    return fromCache() ? m_run->cached->reason : LookupResult::Reason::None;
}

bool TracedPerson::awaitsConfirmation() const
{
    return m_run && m_run->step == LookupRun::Step::AwaitingConfirmation;
}

} // namespace cpis
