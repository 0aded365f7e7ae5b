#include "sandbox/world/AreaDirectory.h"

#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <algorithm>

namespace cpis::sandbox {

namespace {
QDateTime startOfDay(const QDate& d)
{
    return QDateTime(d, QTime(0, 0), Qt::UTC);
}
} // namespace

QDateTime AreaMember::planLastUpdated(int planIndex, const QDate& today) const
{
    const SandboxPlan& plan = person.plans.at(planIndex);
    QDate d = plan.start;
    if (plan.end && plan.end->addDays(1) <= today)
        d = plan.end->addDays(1);
    const QDateTime derived = startOfDay(d);
    const QDateTime hooked = planUpdated.value(planIndex);
    return hooked.isValid() && hooked > derived ? hooked : derived;
}

QDateTime AreaMember::patientLastUpdated(const QDate& today) const
{
    QDate first;
    for (const SandboxPlan& p : person.plans)
        if (stillShown(p, today) && (!first.isValid() || p.start < first))
            first = p.start;
    const QDateTime derived = startOfDay(first.isValid() ? first : today);
    return patientUpdated.isValid() && patientUpdated > derived ? patientUpdated : derived;
}

bool AreaMember::listed(const QDate& today) const
{
    return std::any_of(person.plans.cbegin(), person.plans.cend(),
                       [&](const SandboxPlan& p) { return stillShown(p, today); });
}

AreaDirectory::AreaDirectory(SyntheticPopulation& population,
                             const ScenarioCatalogue& scenarios,
                             const LocalAuthorityDirectory& authorities,
                             const SeededRandom& random,
                             const Clock& clock,
                             int syntheticSize)
    : m_population(population), m_clock(clock),
      m_residents(random, authorities, clock.nowUtc().date())
{
    const int sheffield = qMax(0, authorities.indexOf(QStringLiteral("SHE1")));
    for (const auto& s : scenarios.scenarios())
        if (s.fault == Fault::None)
            m_scenarioNumbers.append(s.nhsNumber);

    // Each area gets residents of its own on plans, so a list has content even with a small
    // population; they are PDS people too.
    for (int k = 1; k <= 3; ++k) {
        Area a;
        a.schoolId = sheffield * SyntheticPopulation::kSchoolsPerAuthority + k;
        a.laIndex = sheffield;
        a.info = {QStringLiteral("school-%1").arg(a.schoolId),
                  SyntheticPopulation::schoolName(a.schoolId, authorities),
                  QStringLiteral("school-nurse"), 0};
        m_areas.append(a);
    }
    for (int k = 1; k <= 3; ++k) {
        Area a;
        a.visitingAreaId = sheffield * SyntheticPopulation::kAreasPerAuthority + k;
        a.laIndex = sheffield;
        a.info = {QStringLiteral("hva-%1").arg(a.visitingAreaId),
                  SyntheticPopulation::healthVisitingAreaName(a.visitingAreaId, authorities),
                  QStringLiteral("health-visitor"), 0};
        m_areas.append(a);
    }
    for (Area& a : m_areas) {
        const std::vector<quint32> bases = m_population.takeUnusedBases(kResidentsPerArea);
        for (const SandboxPerson& p :
             m_residents.residents(a.schoolId, a.visitingAreaId, a.laIndex, bases)) {
            m_population.addFixed(p);
            m_residentNumbers.append(p.nhsNumber);
        }
    }

    if (syntheticSize > 0) {
        Area a;
        a.synthetic = true;
        a.laIndex = sheffield;
        a.loaded = true;
        m_syntheticBases = m_population.takeUnusedBases(syntheticSize);
        a.info = {QStringLiteral("school-trust"),
                  QStringLiteral("Sandbox Academy Trust (all schools, synthetic)"),
                  QStringLiteral("school-nurse"), int(m_syntheticBases.size())};
        m_areas.append(a);
    }
}

QList<AreaDirectory::GroupInfo> AreaDirectory::groups() const
{
    QList<GroupInfo> out;
    for (const Area& a : m_areas)
        out.append(a.info);
    return out;
}

int AreaDirectory::indexOf(const QString& groupId) const
{
    for (int i = 0; i < m_areas.size(); ++i)
        if (m_areas.at(i).info.id == groupId)
            return i;
    return -1;
}

void AreaDirectory::load(Area& a)
{
    if (a.loaded)
        return;
    a.loaded = true;
    auto belongs = [&a](const SandboxPerson& p) {
        if (a.schoolId > 0)
            return p.schoolId == a.schoolId;
        // A pregnant woman has no health-visiting area of her own: she is on her local
        // authority's first area's list.
        if (p.healthVisitingAreaId == 0)
            return p.laIndex * SyntheticPopulation::kAreasPerAuthority + 1 == a.visitingAreaId &&
                   std::any_of(p.plans.cbegin(), p.plans.cend(), [](const SandboxPlan& pl) {
                       return pl.type == PlanType::UnbornChildProtection;
                   });
        return p.healthVisitingAreaId == a.visitingAreaId;
    };
    QStringList seen;
    auto take = [&](const SandboxPerson& p) {
        if (p.plans.isEmpty() || !belongs(p) || seen.contains(p.nhsNumber))
            return;
        seen.append(p.nhsNumber);
        a.members.append(AreaMember{p, {}, QList<QDateTime>(p.plans.size())});
    };
    for (const QString& n : std::as_const(m_scenarioNumbers))
        if (const auto f = m_population.find(n); f && !f->superseded)
            take(f->person);
    for (int i = 0; i < m_population.generatedCount(); ++i)
        take(m_population.generatedAt(i));
    for (const QString& n : std::as_const(m_residentNumbers))
        if (const auto f = m_population.find(n); f && !f->superseded)
            take(f->person);
}

int AreaDirectory::memberCount(int area)
{
    Area& a = m_areas[area];
    load(a);
    return a.synthetic ? int(m_syntheticBases.size()) : int(a.members.size());
}

int AreaDirectory::listedCount(int area, const QDate& today)
{
    Area& a = m_areas[area];
    if (a.synthetic)
        return memberCount(area); // every synthetic child is on an open or recent plan
    load(a);
    return int(std::count_if(a.members.cbegin(), a.members.cend(),
                             [&](const AreaMember& m) { return m.listed(today); }));
}

AreaMember AreaDirectory::memberAt(int area, int index)
{
    Area& a = m_areas[area];
    if (a.synthetic) {
        const SandboxPerson p =
            m_residents.syntheticChild(index, m_syntheticBases[size_t(index)], a.laIndex);
        return AreaMember{p, {}, QList<QDateTime>(p.plans.size())};
    }
    load(a);
    return a.members.at(index);
}

bool AreaDirectory::amendMember(const QString& groupId,
                                const QString& nhsNumber,
                                const std::function<void(SandboxPerson&)>& change)
{
    const int i = indexOf(groupId);
    if (i < 0 || m_areas.at(i).synthetic)
        return false;
    Area& a = m_areas[i];
    load(a);
    for (AreaMember& m : a.members) {
        if (m.person.nhsNumber != nhsNumber)
            continue;
        const SandboxPerson before = m.person;
        change(m.person);
        m.person.nhsNumber = nhsNumber;
        const QDateTime now = m_clock.nowUtc();
        if (before.givenName != m.person.givenName || before.familyName != m.person.familyName ||
            before.birthDate != m.person.birthDate || before.gender != m.person.gender)
            m.patientUpdated = now;
        m.planUpdated.resize(m.person.plans.size());
        for (int k = 0; k < m.person.plans.size(); ++k) {
            const SandboxPlan& p = m.person.plans.at(k);
            const bool same = k < before.plans.size() && before.plans.at(k).type == p.type &&
                              before.plans.at(k).start == p.start &&
                              before.plans.at(k).end == p.end &&
                              before.plans.at(k).laIndex == p.laIndex;
            if (!same)
                m.planUpdated[k] = now;
        }
        return true;
    }
    return false;
}

bool AreaDirectory::addMember(const QString& groupId, const SandboxPerson& person)
{
    const int i = indexOf(groupId);
    if (i < 0 || m_areas.at(i).synthetic || person.plans.isEmpty() ||
        person.plans.size() > kMaxPlansPerMember)
        return false;
    Area& a = m_areas[i];
    load(a);
    const QDateTime now = m_clock.nowUtc();
    a.members.append(AreaMember{person, now, QList<QDateTime>(person.plans.size(), now)});
    return true;
}

} // namespace cpis::sandbox
