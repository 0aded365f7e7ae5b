#include "sandbox/world/SyntheticPopulation.h"

#include "sandbox/world/SyntheticNames.h"

namespace cpis::sandbox {

namespace {

enum Flags : quint8
{
    kRestricted = 1,
};

// A fixed multiplier coprime with the range size walks every base exactly once.
constexpr quint32 kBaseRange = 999999999u - SyntheticPopulation::kFirstGeneratedBase + 1u;
constexpr quint64 kStride = 7919; // prime, not a factor of kBaseRange

} // namespace

int SyntheticPopulation::checkDigit(quint32 base)
{
    int sum = 0;
    for (int weight = 2; weight <= 10; ++weight) {
        sum += int(base % 10) * weight;
        base /= 10;
    }
    const int check = 11 - sum % 11;
    if (check == 11)
        return 0;
    return check == 10 ? -1 : check;
}

QString SyntheticPopulation::nhsNumberFromBase(quint32 base)
{
    return QString::number(base) + QString::number(checkDigit(base));
}

SyntheticPopulation::SyntheticPopulation(const LocalAuthorityDirectory& authorities,
                                         const SeededRandom& random,
                                         int size,
                                         QDate anchor)
    : m_authorities(authorities)
{
    size = qBound(0, size, kMaxPeople);
    m_people.reserve(size_t(size));
    m_plans.reserve(size_t(size) / 10);
    m_byBase.reserve(size);

    SplitMix64 rng = random.stream(SeededRandom::Stream::Population, 1);
    const quint64 offset = rng.next() % kBaseRange;
    quint64 walk = 0;
    auto nextBase = [&]() -> quint32 {
        for (;;) {
            const quint32 base =
                kFirstGeneratedBase + quint32((offset + walk++ * kStride) % kBaseRange);
            if (checkDigit(base) >= 0)
                return base;
        }
    };

    const qint32 today = qint32(anchor.toJulianDay());
    const int laCount = authorities.size();
    for (int i = 0; i < size; ++i) {
        PersonRecord p{};
        p.nhsBase = nextBase();
        const bool child = rng.below(100) < 60;
        const bool female = rng.below(2) == 0;
        const int ageDays = child ? rng.below(18 * 365) : 18 * 365 + rng.below(62 * 365);
        p.birthJd = today - ageDays;
        p.given = quint16(rng.below(SyntheticNames::givenCount(female)));
        p.family = quint16(rng.below(SyntheticNames::familyCount()));
        p.la = quint8(rng.below(laCount));
        p.house = quint16(1 + rng.below(180));
        p.flags = female ? 0 : 2; // bit 2: male
        if (rng.below(1000) < 5)
            p.flags |= kRestricted;
        if (child) {
            p.area = quint16(p.la * kAreasPerAuthority + rng.below(kAreasPerAuthority) + 1);
            if (ageDays >= 4 * 365)
                p.school =
                    quint16(p.la * kSchoolsPerAuthority + rng.below(kSchoolsPerAuthority) + 1);
        }
        p.firstPlan = quint32(m_plans.size());

        auto addPlan = [&](PlanType type, qint32 start, qint32 end) {
            m_plans.push_back(PlanRecord{start, end, quint8(type), p.la});
            ++p.planCount;
        };
        const int r = rng.below(1000);
        if (child) {
            const qint32 ageStart = p.birthJd + 1;
            auto startWithin = [&](int days) {
                return qMin(today, qMax(ageStart, today - 1 - rng.below(days)));
            };
            if (r < 15) {
                addPlan(PlanType::ChildProtection, startWithin(700), 0);
            } else if (r < 25) {
                // An ended plan must have started after birth; a baby gets an open one instead.
                const qint32 end = today - 1 - rng.below(500);
                if (end > ageStart + 30)
                    addPlan(PlanType::ChildProtection, qMax(ageStart, end - 90 - rng.below(600)),
                            end);
                else
                    addPlan(PlanType::ChildProtection, startWithin(700), 0);
            } else if (r < 40) {
                addPlan(PlanType::LookedAfter, startWithin(1500), 0);
            } else if (r < 45) {
                const qint32 end = today - 1 - rng.below(300);
                if (end > ageStart + 30) {
                    addPlan(PlanType::ChildProtection, qMax(ageStart, end - 200), end);
                    addPlan(PlanType::LookedAfter, end + 1, 0);
                } else {
                    addPlan(PlanType::LookedAfter, startWithin(300), 0);
                }
            }
        } else if (female && ageDays < 45 * 365 && r < 12) {
            const qint32 start = today - rng.below(240);
            addPlan(PlanType::UnbornChildProtection, start, start + 120 + rng.below(160));
        }
        m_byBase.insert(p.nhsBase, quint32(i));
        m_people.push_back(p);

        if (rng.below(1000) < 2)
            m_supersededGenerated.insert(nextBase(), quint32(i));
    }
    m_walkOffset = offset;
    m_walk = walk;
}

std::vector<quint32> SyntheticPopulation::takeUnusedBases(int n)
{
    std::vector<quint32> out;
    out.reserve(size_t(qMax(0, n)));
    while (int(out.size()) < n && m_walk < kBaseRange) {
        const quint32 base =
            kFirstGeneratedBase + quint32((m_walkOffset + m_walk++ * kStride) % kBaseRange);
        if (checkDigit(base) >= 0)
            out.push_back(base);
    }
    return out;
}

void SyntheticPopulation::addFixed(const SandboxPerson& person)
{
    m_fixed.insert(person.nhsNumber, person);
}

void SyntheticPopulation::addSupersededNumber(const QString& oldNumber, const QString& newNumber)
{
    m_supersededFixed.insert(oldNumber, newNumber);
}

std::optional<SyntheticPopulation::Lookup> SyntheticPopulation::find(const QString& nhs) const
{
    if (const auto f = m_fixed.constFind(nhs); f != m_fixed.constEnd())
        return Lookup{*f, false};
    if (const auto s = m_supersededFixed.constFind(nhs); s != m_supersededFixed.constEnd()) {
        if (const auto f = m_fixed.constFind(*s); f != m_fixed.constEnd())
            return Lookup{*f, true};
        return std::nullopt;
    }
    bool ok = false;
    const quint64 whole = nhs.toULongLong(&ok);
    if (!ok || nhs.size() != 10)
        return std::nullopt;
    const auto base = quint32(whole / 10);
    if (const auto it = m_byBase.constFind(base); it != m_byBase.constEnd())
        return Lookup{expand(m_people[*it]), false};
    if (const auto it = m_supersededGenerated.constFind(base);
        it != m_supersededGenerated.constEnd())
        return Lookup{expand(m_people[*it]), true};
    return std::nullopt;
}

SandboxPerson SyntheticPopulation::generatedAt(int index) const
{
    return expand(m_people.at(size_t(index)));
}

SyntheticPopulation::SearchFacts SyntheticPopulation::searchFactsAt(int index) const
{
    const PersonRecord& r = m_people.at(size_t(index));
    const bool male = r.flags & 2;
    return {QDate::fromJulianDay(r.birthJd), SyntheticNames::given(!male, r.given),
            SyntheticNames::family(r.family), !male};
}

SandboxPerson SyntheticPopulation::expand(const PersonRecord& r) const
{
    SandboxPerson p;
    p.nhsNumber = nhsNumberFromBase(r.nhsBase);
    const bool male = r.flags & 2;
    p.gender = male ? QStringLiteral("male") : QStringLiteral("female");
    p.givenName = SyntheticNames::given(!male, r.given);
    p.familyName = SyntheticNames::family(r.family);
    p.birthDate = QDate::fromJulianDay(r.birthJd);
    p.restricted = r.flags & kRestricted;
    p.laIndex = r.la;
    const QString place = m_authorities.at(r.la).name;
    p.addressLine =
        QString::number(r.house) + u' ' +
        SyntheticNames::street(int((r.nhsBase / 7) % quint32(SyntheticNames::streetCount())));
    p.city = place;
    p.postcode = QStringLiteral("ZZ%1 %2XY").arg(r.la % 99 + 1).arg(r.house % 10);
    p.phone = QStringLiteral("01632 96%1").arg(r.nhsBase % 10000, 4, 10, QLatin1Char('0'));
    p.schoolId = r.school;
    p.healthVisitingAreaId = r.area;
    for (quint32 i = 0; i < r.planCount; ++i) {
        const PlanRecord& pr = m_plans[r.firstPlan + i];
        SandboxPlan plan;
        plan.type = PlanType(pr.type);
        plan.start = QDate::fromJulianDay(pr.startJd);
        if (pr.endJd != 0)
            plan.end = QDate::fromJulianDay(pr.endJd);
        plan.laIndex = pr.la;
        p.plans.append(plan);
    }
    return p;
}

QString SyntheticPopulation::schoolName(int schoolId, const LocalAuthorityDirectory& authorities)
{
    if (schoolId <= 0)
        return {};
    const int la = (schoolId - 1) / kSchoolsPerAuthority;
    const int k = (schoolId - 1) % kSchoolsPerAuthority;
    return QStringLiteral("%1 %2 School")
               .arg(SyntheticNames::schoolWord(k), k < SyntheticNames::schoolWordCount()
                                                       ? QStringLiteral("Primary")
                                                       : QStringLiteral("Academy")) +
           QStringLiteral(" (") + authorities.at(la).name + u')';
}

QString SyntheticPopulation::healthVisitingAreaName(int areaId,
                                                    const LocalAuthorityDirectory& authorities)
{
    if (areaId <= 0)
        return {};
    const int la = (areaId - 1) / kAreasPerAuthority;
    return QStringLiteral("%1 health visiting area %2")
        .arg(authorities.at(la).name)
        .arg((areaId - 1) % kAreasPerAuthority + 1);
}

} // namespace cpis::sandbox
