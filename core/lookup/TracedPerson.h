#pragma once

#include "core/domain/Demographics.h"
#include "core/domain/NhsNumber.h"
#include "core/lookup/LookupResult.h"

#include <QDateTime>

#include <memory>

namespace cpis {

struct LookupRun;

// The person a look-up's first step found, whose banner the user must check before CP-IS is
// asked. Only LookupService makes one, and CP-IS is asked only through
// LookupService::queryConfirmed with it: a screen cannot reach CP-IS without the first step.
// A copy refers to the same look-up; once confirmed, rejected or abandoned it is spent.
class TracedPerson
{
public:
    TracedPerson() = default;

    bool isValid() const { return bool(m_run); }
    NhsNumber asked() const;
    Demographics patient() const;
    // PDS could not be asked; the banner comes from the offline copy fetched at cachedAtUtc().
    bool fromCache() const;
    QDateTime cachedAtUtc() const;
    LookupResult::Reason cacheReason() const; // why the copy speaks
    // Still waiting for the user: neither confirmed, rejected nor abandoned.
    bool awaitsConfirmation() const;

private:
    friend class LookupService;
    explicit TracedPerson(std::shared_ptr<LookupRun> run) : m_run(std::move(run)) {}
    std::shared_ptr<LookupRun> m_run;
};

} // namespace cpis
