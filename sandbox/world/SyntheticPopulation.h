#pragma once

#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/SandboxPerson.h"
#include "sandbox/world/SeededRandom.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace cpis::sandbox {

// Deterministic synthetic people for the sandbox: the same (seed, size, anchor date) always
// gives the same people. Stored as compact records indexed by NHS number so that 500,000
// people fit in a few tens of megabytes and generate in well under a second; a
// SandboxPerson value is built only when someone asks.
class SyntheticPopulation
{
public:
    struct Lookup
    {
        SandboxPerson person;
        bool superseded = false; // the number asked for was replaced by person.nhsNumber
    };

    SyntheticPopulation(const LocalAuthorityDirectory& authorities,
                        const SeededRandom& random,
                        int size,
                        QDate anchor);

    // Fixed people (scenarios) take precedence over generated ones.
    void addFixed(const SandboxPerson& person);
    void addSupersededNumber(const QString& oldNumber, const QString& newNumber);

    std::optional<Lookup> find(const QString& nhsNumber) const;

    int generatedCount() const { return int(m_people.size()); }
    SandboxPerson generatedAt(int index) const;
    int supersededCount() const { return int(m_supersededGenerated.size()); }

    // What the demographic search index needs of a generated person, read from the compact
    // record without building the whole person (500,000 of them at start-up).
    struct SearchFacts
    {
        QDate birthDate;
        QString givenName; // shared strings: one per name in SyntheticNames
        QString familyName;
        bool female = false;
    };
    SearchFacts searchFactsAt(int index) const;
    // The fixed (scenario) people, current numbers only.
    QList<SandboxPerson> fixedPeople() const { return m_fixed.values(); }

    // Each local authority has this many schools and health-visiting areas, numbered from 1
    // across the country (authority index * count + k).
    static constexpr int kSchoolsPerAuthority = 20;
    static constexpr int kAreasPerAuthority = 12;
    static QString schoolName(int schoolId, const LocalAuthorityDirectory& authorities);
    static QString healthVisitingAreaName(int areaId, const LocalAuthorityDirectory& authorities);

    // NHS-number bases (first nine digits) below this are kept for fixed scenarios.
    static constexpr quint32 kFirstGeneratedBase = 999000300;
    static int checkDigit(quint32 base); // -1 when it would be 10
    static QString nhsNumberFromBase(quint32 base);

    static constexpr int kMaxPeople = 850000; // about 909,000 valid 999-range numbers exist

    // Area lists (docs/api.md §11): NHS-number bases no generated person holds, continuing the
    // same walk, so list-only members never collide with PDS people. Each call hands out new ones.
    std::vector<quint32> takeUnusedBases(int n);

private:
    struct PlanRecord
    {
        qint32 startJd;
        qint32 endJd; // 0: no end
        quint8 type;
        quint8 la;
    };
    struct PersonRecord
    {
        quint32 nhsBase;
        qint32 birthJd;
        quint32 firstPlan;
        quint16 given;
        quint16 family;
        quint16 school;
        quint16 area;
        quint16 house;
        quint8 la;
        quint8 flags;
        quint8 planCount;
    };

    SandboxPerson expand(const PersonRecord& r) const;

    const LocalAuthorityDirectory& m_authorities;
    quint64 m_walkOffset = 0; // where the number walk started and how far it went
    quint64 m_walk = 0;
    std::vector<PersonRecord> m_people;
    std::vector<PlanRecord> m_plans;
    QHash<quint32, quint32> m_byBase;
    QHash<quint32, quint32> m_supersededGenerated; // old base -> person index
    QHash<QString, SandboxPerson> m_fixed;
    QHash<QString, QString> m_supersededFixed;
};

} // namespace cpis::sandbox
