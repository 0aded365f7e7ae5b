#pragma once

#include "sandbox/faults/FaultInjector.h"
#include "sandbox/faults/SpineFault.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/SandboxPerson.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace cpis::sandbox {

class SyntheticPopulation;

// The fixed scenario NHS numbers of docs/sandbox.md. Plan dates are relative to the day the
// sandbox starts (its clock), so "ended 100 days ago" stays true whenever it runs.
class ScenarioCatalogue
{
public:
    struct Scenario
    {
        QString nhsNumber;
        QString title;
        Fault fault = Fault::None;
    };

    ScenarioCatalogue(const LocalAuthorityDirectory& authorities, QDate today);

    // Numbers that only the V3 exchange treats differently (docs/sandbox.md, "V3 faults"):
    // over FHIR each is a child with an open CPP. Kept apart from scenarios() so that the
    // FHIR side's lists stay as they are.
    struct SpineScenario
    {
        QString nhsNumber;
        QString title;
        SpineFault fault = SpineFault::None;
    };

    const QList<Scenario>& scenarios() const { return m_scenarios; }
    const QList<SpineScenario>& spineScenarios() const { return m_spineScenarios; }
    SpineFault spineFaultFor(const QString& nhsNumber) const
    {
        for (const SpineScenario& s : m_spineScenarios)
            if (s.nhsNumber == nhsNumber)
                return s.fault;
        return SpineFault::None;
    }
    void addTo(SyntheticPopulation& population) const;
    Fault faultFor(const QString& nhsNumber) const
    {
        return m_faults.value(nhsNumber, Fault::None);
    }
    QString numberFor(const QString& title) const;

    // Valid numbers that are never a person, and an invalid one (wrong check digit).
    static QString unknownNumber() { return QStringLiteral("9990000263"); }
    static QString invalidNumber() { return QStringLiteral("9990000019"); }

private:
    QList<Scenario> m_scenarios;
    QList<SpineScenario> m_spineScenarios;
    QList<SandboxPerson> m_people;
    QHash<QString, QString> m_superseded;
    QHash<QString, Fault> m_faults;
};

} // namespace cpis::sandbox
