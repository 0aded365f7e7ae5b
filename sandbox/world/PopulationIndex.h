#pragma once

#include "sandbox/world/SandboxPerson.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace cpis::sandbox {

class SyntheticPopulation;

// The demographic search's index over the synthetic population (docs/api.md, PDS search),
// built once at start-up so that a search never walks all 500,000 people: everyone sorted by
// birth date, and the same rows bucketed by the Soundex code of the family name, each bucket
// sorted by birth date. A search asks for the rows born in a few windows of days (a date, its
// day and month swapped, a range), of one family-name sound or of any. Names are interned:
// the generated people share a few hundred, so a row is small and a name is compared once
// per search, not once per person.
class PopulationIndex
{
public:
    struct Row
    {
        qint32 birthJd;
        qint32 ref; // >= 0: generated person at that index; < 0: fixed person -1 - ref
        quint16 given;
        quint16 family;
        bool female;
    };
    struct Name
    {
        QString text;
        QString folded;  // upper-case letters only: how names are compared
        QString soundex; // Soundex code of `folded`
    };

    explicit PopulationIndex(const SyntheticPopulation& population);

    // Rows born between `fromJd` and `toJd` inclusive, appended to `out`; with a Soundex
    // code, only the rows whose family name has it.
    void bornBetween(qint32 fromJd, qint32 toJd, std::vector<Row>& out) const;
    void familyBornBetween(const QString& soundex,
                           qint32 fromJd,
                           qint32 toJd,
                           std::vector<Row>& out) const;
    // How many rows bornBetween would give, without copying them.
    qint64 countBornBetween(qint32 fromJd, qint32 toJd) const;

    const Name& name(quint16 id) const { return m_names[id]; }
    SandboxPerson person(const Row& row) const;
    int size() const { return int(m_byBirth.size()); }

    static Name nameFor(const QString& text);

private:
    quint16 intern(const QString& text);
    static void
    slice(const std::vector<Row>& sorted, qint32 fromJd, qint32 toJd, std::vector<Row>& out);

    const SyntheticPopulation& m_population;
    QList<SandboxPerson> m_fixed;
    std::vector<Name> m_names;
    QHash<QString, quint16> m_nameIds;
    std::vector<Row> m_byBirth;
    QHash<QString, std::vector<Row>> m_byFamilySound;
};

} // namespace cpis::sandbox
