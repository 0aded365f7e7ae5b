#include "sandbox/world/AreaResidents.h"

#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/SyntheticNames.h"
#include "sandbox/world/SyntheticPopulation.h"

namespace cpis::sandbox {

namespace {
void name(SandboxPerson& p, SplitMix64& rng, bool female)
{
    p.gender = female ? QStringLiteral("female") : QStringLiteral("male");
    p.givenName = SyntheticNames::given(female, rng.below(SyntheticNames::givenCount(female)));
    p.familyName = SyntheticNames::family(rng.below(SyntheticNames::familyCount()));
}

// A plan held by authority `la`; it never starts before the day after the child's birth.
SandboxPlan planFrom(PlanType type, qint32 birth, qint32 start, std::optional<qint32> end, int la)
{
    SandboxPlan pl;
    pl.type = type;
    pl.start = QDate::fromJulianDay(qMax(start, birth + 1));
    if (end)
        pl.end = QDate::fromJulianDay(*end);
    pl.laIndex = la;
    return pl;
}
} // namespace

std::vector<SandboxPerson> AreaResidents::residents(int schoolId,
                                                    int visitingAreaId,
                                                    int la,
                                                    const std::vector<quint32>& bases) const
{
    std::vector<SandboxPerson> out;
    SplitMix64 rng = m_random.stream(SeededRandom::Stream::AreaResidents,
                                     quint64(schoolId) * 131 + quint64(visitingAreaId));
    const qint32 today = qint32(m_anchor.toJulianDay());
    for (size_t i = 0; i < bases.size(); ++i) {
        SandboxPerson p;
        p.nhsNumber = SyntheticPopulation::nhsNumberFromBase(bases[i]);
        const bool mother = visitingAreaId > 0 && i % 10 == 9; // a pregnant woman with a UCPP
        name(p, rng, mother || rng.below(2) == 0);
        const int ageDays = mother               ? 20 * 365 + rng.below(15 * 365)
                            : visitingAreaId > 0 ? 30 + rng.below(4 * 365)
                                                 : 4 * 365 + rng.below(12 * 365);
        const qint32 birth = today - ageDays;
        p.birthDate = QDate::fromJulianDay(birth);
        p.laIndex = la;
        p.schoolId = schoolId;
        p.healthVisitingAreaId = visitingAreaId;
        p.addressLine = QStringLiteral("%1 Area Road").arg(i + 1);
        p.city = m_authorities.at(la).name;
        p.postcode = QStringLiteral("ZZ%1 %2XY").arg(la % 99 + 1).arg(i % 10);
        p.phone = QStringLiteral("01632 97%1").arg(bases[i] % 10000, 4, 10, QLatin1Char('0'));
        // One in five of an area's plans is held by another authority.
        auto plan = [&](PlanType t, qint32 start, std::optional<qint32> end) {
            const int holder = rng.below(5) == 0 ? rng.below(m_authorities.size()) : la;
            p.plans.append(planFrom(t, birth, start, end, holder));
        };
        if (mother) {
            const qint32 start = today - 10 - rng.below(150);
            plan(PlanType::UnbornChildProtection, start, start + 200);
        } else {
            const int r = rng.below(10);
            const qint32 recent = today - 1 - rng.below(qMin(600, ageDays - 2));
            if (r < 5) {
                plan(PlanType::ChildProtection, recent, std::nullopt);
            } else if (r < 8) {
                plan(PlanType::LookedAfter, recent, std::nullopt);
            } else if (r < 9 && ageDays > 200) {
                const qint32 end = today - 1 - rng.below(qMin(300, ageDays - 100));
                plan(PlanType::ChildProtection, end - 90, end);
                plan(PlanType::LookedAfter, end + 1, std::nullopt);
            } else if (ageDays > 200) {
                const qint32 end = today - 1 - rng.below(qMin(300, ageDays - 100));
                plan(PlanType::ChildProtection, end - 90, end);
            } else {
                plan(PlanType::ChildProtection, recent, std::nullopt);
            }
        }
        out.push_back(p);
    }
    return out;
}

SandboxPerson AreaResidents::syntheticChild(int index, quint32 base, int laIndex) const
{
    SplitMix64 rng = m_random.stream(SeededRandom::Stream::SyntheticMembers,
                                     quint64(index) * 0x9E3779B97F4A7C15ull);
    SandboxPerson p;
    p.nhsNumber = SyntheticPopulation::nhsNumberFromBase(base);
    name(p, rng, rng.below(2) == 0);
    const qint32 today = qint32(m_anchor.toJulianDay());
    const int ageDays = 4 * 365 + rng.below(12 * 365);
    const qint32 birth = today - ageDays;
    p.birthDate = QDate::fromJulianDay(birth);
    p.laIndex = laIndex;
    const int la = rng.below(100) < 85 ? laIndex : rng.below(m_authorities.size());
    auto plan = [&](PlanType t, qint32 start, std::optional<qint32> end) {
        p.plans.append(planFrom(t, birth, start, end, la));
    };
    const int r = rng.below(100);
    if (r < 55) {
        plan(PlanType::ChildProtection, today - 1 - rng.below(700), std::nullopt);
    } else if (r < 85) {
        plan(PlanType::LookedAfter, today - 1 - rng.below(1500), std::nullopt);
    } else {
        const qint32 end = today - 1 - rng.below(300);
        plan(PlanType::ChildProtection, end - 90 - rng.below(400), end);
        if (r >= 95)
            plan(PlanType::LookedAfter, end + 1, std::nullopt);
    }
    return p;
}

} // namespace cpis::sandbox
