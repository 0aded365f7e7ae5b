#include "sandbox/world/PopulationIndex.h"

#include "sandbox/world/Soundex.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <algorithm>

namespace cpis::sandbox {

namespace {
bool earlier(const PopulationIndex::Row& a, const PopulationIndex::Row& b)
{
    return a.birthJd != b.birthJd ? a.birthJd < b.birthJd : a.ref < b.ref;
}
} // namespace

PopulationIndex::Name PopulationIndex::nameFor(const QString& text)
{
    Name n;
    n.text = text;
    n.folded.reserve(text.size());
    for (const QChar c : text) {
        const QChar u = c.toUpper();
        if (u >= u'A' && u <= u'Z')
            n.folded.append(u);
    }
    n.soundex = Soundex::code(n.folded);
    return n;
}

quint16 PopulationIndex::intern(const QString& text)
{
    if (const auto it = m_nameIds.constFind(text); it != m_nameIds.constEnd())
        return *it;
    const auto id = quint16(m_names.size());
    m_names.push_back(nameFor(text));
    m_nameIds.insert(text, id);
    return id;
}

PopulationIndex::PopulationIndex(const SyntheticPopulation& population)
    : m_population(population), m_fixed(population.fixedPeople())
{
    const int generated = population.generatedCount();
    m_byBirth.reserve(size_t(generated + m_fixed.size()));
    for (int i = 0; i < generated; ++i) {
        const SyntheticPopulation::SearchFacts f = population.searchFactsAt(i);
        m_byBirth.push_back(Row{qint32(f.birthDate.toJulianDay()), qint32(i), intern(f.givenName),
                                intern(f.familyName), f.female});
    }
    for (qsizetype k = 0; k < m_fixed.size(); ++k) {
        const SandboxPerson& p = m_fixed.at(k);
        if (!p.birthDate.isValid())
            continue; // a search always names a birth date; nobody without one can match
        m_byBirth.push_back(Row{qint32(p.birthDate.toJulianDay()), qint32(-1 - k),
                                intern(p.givenName), intern(p.familyName), p.gender == u"female"});
    }
    std::sort(m_byBirth.begin(), m_byBirth.end(), earlier);
    for (const Row& r : m_byBirth)
        m_byFamilySound[m_names[r.family].soundex].push_back(r); // stays in birth order
}

void PopulationIndex::slice(const std::vector<Row>& sorted,
                            qint32 fromJd,
                            qint32 toJd,
                            std::vector<Row>& out)
{
    if (fromJd > toJd)
        return;
    const auto first = std::lower_bound(sorted.begin(), sorted.end(), fromJd,
                                        [](const Row& r, qint32 jd) { return r.birthJd < jd; });
    const auto last = std::upper_bound(first, sorted.end(), toJd,
                                       [](qint32 jd, const Row& r) { return jd < r.birthJd; });
    out.insert(out.end(), first, last);
}

void PopulationIndex::bornBetween(qint32 fromJd, qint32 toJd, std::vector<Row>& out) const
{
    slice(m_byBirth, fromJd, toJd, out);
}

void PopulationIndex::familyBornBetween(const QString& soundex,
                                        qint32 fromJd,
                                        qint32 toJd,
                                        std::vector<Row>& out) const
{
    if (const auto it = m_byFamilySound.constFind(soundex); it != m_byFamilySound.constEnd())
        slice(*it, fromJd, toJd, out);
}

qint64 PopulationIndex::countBornBetween(qint32 fromJd, qint32 toJd) const
{
    if (fromJd > toJd)
        return 0;
    const auto first = std::lower_bound(m_byBirth.begin(), m_byBirth.end(), fromJd,
                                        [](const Row& r, qint32 jd) { return r.birthJd < jd; });
    const auto last = std::upper_bound(first, m_byBirth.end(), toJd,
                                       [](qint32 jd, const Row& r) { return jd < r.birthJd; });
    return qint64(last - first);
}

SandboxPerson PopulationIndex::person(const Row& row) const
{
    return row.ref >= 0 ? m_population.generatedAt(row.ref) : m_fixed.at(-1 - row.ref);
}

} // namespace cpis::sandbox
