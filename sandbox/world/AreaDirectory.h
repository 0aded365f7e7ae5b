#pragma once

#include "core/domain/Clock.h"
#include "sandbox/world/AreaResidents.h"
#include "sandbox/world/SandboxPerson.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace cpis::sandbox {

class LocalAuthorityDirectory;
class ScenarioCatalogue;
class SeededRandom;
class SyntheticPopulation;

// One person on an area list, with when CP-IS last changed their Patient and each CareTeam.
struct AreaMember
{
    SandboxPerson person;
    QDateTime patientUpdated;     // invalid: derived from the plans
    QList<QDateTime> planUpdated; // per plan; invalid: derived from its dates

    // A CareTeam changes when its plan starts and again the day after it ends (status becomes
    // inactive); recorded changes count too.
    QDateTime planLastUpdated(int planIndex, const QDate& today) const;
    // A Patient joins the list when its earliest listed plan starts.
    QDateTime patientLastUpdated(const QDate& today) const;
    bool listed(const QDate& today) const; // on at least one plan still shown
};

// The areas of the area lists (docs/api.md §11) and who is in each: three schools for the school
// nurse and three health-visiting areas for the health visitor, all in Sheffield, plus on request
// one large synthetic area whose members are made on demand.
class AreaDirectory
{
public:
    struct GroupInfo
    {
        QString id;
        QString name;
        QString userId; // the sandbox user who may export it
        int size = 0;   // people in the area (before the plan filter)
    };

    // `syntheticSize` > 0: one more area for the school nurse with this many children.
    AreaDirectory(SyntheticPopulation& population,
                  const ScenarioCatalogue& scenarios,
                  const LocalAuthorityDirectory& authorities,
                  const SeededRandom& random,
                  const Clock& clock,
                  int syntheticSize);

    QList<GroupInfo> groups() const;
    int indexOf(const QString& groupId) const; // -1 when unknown
    const GroupInfo& info(int area) const { return m_areas.at(area).info; }

    int memberCount(int area);                     // everyone in the area
    int listedCount(int area, const QDate& today); // those on a plan still shown
    AreaMember memberAt(int area, int index);

    // Test and demo hook: change one member of a (non-synthetic) area as if CP-IS had recorded
    // the change now. The resources that changed (the Patient, one or more CareTeams) get
    // meta.lastUpdated = the clock's now. False when the area or person is unknown.
    bool amendMember(const QString& groupId,
                     const QString& nhsNumber,
                     const std::function<void(SandboxPerson&)>& change);
    // Adds a person to an area; both their Patient and CareTeams are new now.
    bool addMember(const QString& groupId, const SandboxPerson& person);

    static constexpr int kResidentsPerArea = 30;
    static constexpr int kMaxPlansPerMember = 15; // an export job packs the plan index in 4 bits

private:
    struct Area
    {
        GroupInfo info;
        int schoolId = 0;
        int visitingAreaId = 0;
        int laIndex = 0;
        bool synthetic = false; // members generated on demand from their index
        bool loaded = false;
        QList<AreaMember> members;
    };

    void load(Area& a);

    SyntheticPopulation& m_population;
    const Clock& m_clock;
    AreaResidents m_residents;
    QList<Area> m_areas;
    QStringList m_scenarioNumbers;
    QStringList m_residentNumbers;
    std::vector<quint32> m_syntheticBases;
};

} // namespace cpis::sandbox
