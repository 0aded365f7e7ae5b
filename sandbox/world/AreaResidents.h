#pragma once

#include "sandbox/world/SandboxPerson.h"
#include "sandbox/world/SeededRandom.h"

#include <QDate>

#include <vector>

namespace cpis::sandbox {

class LocalAuthorityDirectory;

// The synthetic children (and, in a health-visiting area, pregnant women) of an area list, made
// from the one random source and the one set of names. The same seed, anchor day and NHS-number
// bases always give the same people.
class AreaResidents
{
public:
    AreaResidents(const SeededRandom& random,
                  const LocalAuthorityDirectory& authorities,
                  QDate anchor)
        : m_random(random), m_authorities(authorities), m_anchor(anchor)
    {}

    // Residents of a school (schoolId > 0) or a health-visiting area, each on at least one plan,
    // one per base.
    std::vector<SandboxPerson>
    residents(int schoolId, int visitingAreaId, int la, const std::vector<quint32>& bases) const;

    // The index-th child of a synthetic area (made on demand, never stored).
    SandboxPerson syntheticChild(int index, quint32 base, int laIndex) const;

private:
    const SeededRandom& m_random;
    const LocalAuthorityDirectory& m_authorities;
    QDate m_anchor; // birth and plan dates are relative to the day the sandbox started
};

} // namespace cpis::sandbox
