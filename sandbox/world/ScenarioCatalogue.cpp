#include "sandbox/world/ScenarioCatalogue.h"

#include "sandbox/world/SyntheticPopulation.h"

#include <tuple>

namespace cpis::sandbox {

namespace {
SandboxPerson person(const QString& nhs,
                     const QString& given,
                     const QString& family,
                     QDate birth,
                     const QString& gender,
                     int la)
{
    SandboxPerson p;
    p.nhsNumber = nhs;
    p.givenName = given;
    p.familyName = family;
    p.birthDate = birth;
    p.gender = gender;
    p.laIndex = la;
    p.addressLine = QStringLiteral("1 Scenario Street");
    p.city = QStringLiteral("Sheffield");
    p.postcode = QStringLiteral("ZZ52 1XY");
    p.phone = QStringLiteral("01632 960999");
    p.healthVisitingAreaId = la * 12 + 1;
    return p;
}

SandboxPlan plan(PlanType type, QDate start, std::optional<QDate> end, int la)
{
    SandboxPlan p;
    p.type = type;
    p.start = start;
    p.end = end;
    p.laIndex = la;
    return p;
}
} // namespace

ScenarioCatalogue::ScenarioCatalogue(const LocalAuthorityDirectory& authorities, QDate t)
{
    const int sheffield = qMax(0, authorities.indexOf(QStringLiteral("SHE1")));
    const int leeds = qMax(0, authorities.indexOf(QStringLiteral("LEE1")));
    const QString f = QStringLiteral("female");
    const QString m = QStringLiteral("male");
    using PT = PlanType;

    auto add = [&](const QString& title, SandboxPerson p) {
        m_scenarios.append({p.nhsNumber, title, Fault::None});
        m_people.append(p);
    };

    SandboxPerson p = person(QStringLiteral("9990000018"), QStringLiteral("Lily"),
                             QStringLiteral("Scenario-Cpp"), t.addYears(-7), f, sheffield);
    p.schoolId = sheffield * 20 + 1;
    p.plans = {plan(PT::ChildProtection, t.addDays(-120), std::nullopt, sheffield)};
    add(QStringLiteral("Child Protection Plan (open)"), p);

    p = person(QStringLiteral("9990000026"), QStringLiteral("Oscar"),
               QStringLiteral("Scenario-Lac"), t.addYears(-12), m, leeds);
    p.plans = {plan(PT::LookedAfter, t.addDays(-400), std::nullopt, leeds)};
    add(QStringLiteral("Looked After Child (open)"), p);

    p = person(QStringLiteral("9990000034"), QStringLiteral("Grace"),
               QStringLiteral("Scenario-Ucpp"), t.addYears(-24), f, sheffield);
    p.healthVisitingAreaId = 0;
    p.plans = {plan(PT::UnbornChildProtection, t.addDays(-30), t.addDays(150), sheffield)};
    add(QStringLiteral("Unborn Child Protection Plan (pregnant woman)"), p);

    p = person(QStringLiteral("9990000042"), QStringLiteral("Noah"),
               QStringLiteral("Scenario-Several"), t.addYears(-9), m, sheffield);
    p.plans = {plan(PT::ChildProtection, t.addDays(-500), t.addDays(-200), sheffield),
               plan(PT::LookedAfter, t.addDays(-199), std::nullopt, leeds)};
    add(QStringLiteral("Several plans (ended CPP, open LAC with another LA)"), p);

    p = person(QStringLiteral("9990000050"), QStringLiteral("Ava"),
               QStringLiteral("Scenario-Ended"), t.addYears(-5), f, sheffield);
    p.plans = {plan(PT::ChildProtection, t.addDays(-400), t.addDays(-100), sheffield)};
    add(QStringLiteral("Ended plan (CPP ended 100 days ago, still returned)"), p);

    p = person(QStringLiteral("9990000069"), QStringLiteral("Jack"),
               QStringLiteral("Scenario-NoRecord"), t.addYears(-6), m, sheffield);
    add(QStringLiteral("No CP-IS record (total 0)"), p);

    p = person(QStringLiteral("9990000077"), QStringLiteral("Ruby"),
               QStringLiteral("Scenario-Restricted"), t.addYears(-10), f, sheffield);
    p.restricted = true;
    p.plans = {plan(PT::ChildProtection, t.addDays(-60), std::nullopt, sheffield)};
    add(QStringLiteral("Restricted record (meta.security R, no address or telecom)"), p);

    // The guide's Bundle.total counts records, and one record carries up to three plans. After
    // 0077, so that the seeded notices stay with 0018, 0034 and 0077.
    p = person(QStringLiteral("9990000271"), QStringLiteral("Mia"),
               QStringLiteral("Scenario-OneRecord"), t.addYears(-10), f, sheffield);
    p.plans = {plan(PT::ChildProtection, t.addDays(-90), std::nullopt, sheffield),
               plan(PT::LookedAfter, t.addDays(-61), std::nullopt, sheffield)};
    add(QStringLiteral("Two plans in one record (open CPP and LAC, Sheffield; total 1)"), p);

    // Superseded: asking for 9990000085 answers with the record of 9990000093.
    p = person(QStringLiteral("9990000093"), QStringLiteral("Leo"),
               QStringLiteral("Scenario-Superseded"), t.addYears(-3), m, sheffield);
    p.plans = {plan(PT::ChildProtection, t.addDays(-45), std::nullopt, sheffield)};
    m_people.append(p);
    m_superseded.insert(QStringLiteral("9990000085"), p.nhsNumber);
    m_scenarios.append({QStringLiteral("9990000085"),
                        QStringLiteral("Superseded number (PDS answers with 9990000093)"),
                        Fault::None});
    m_scenarios.append(
        {p.nhsNumber, QStringLiteral("The record that replaced 9990000085 (CPP)"), Fault::None});

    p = person(QStringLiteral("9990000107"), QStringLiteral("Ella"),
               QStringLiteral("Scenario-LongEnded"), t.addYears(-11), f, sheffield);
    p.plans = {plan(PT::ChildProtection, t.addDays(-900), t.addDays(-400), sheffield)};
    add(QStringLiteral("Plan ended over 365 days ago (not returned: total 0)"), p);

    p = person(QStringLiteral("9990000115"), QStringLiteral("Maya"),
               QStringLiteral("Scenario-UcppRecent"), t.addYears(-22), f, sheffield);
    p.plans = {plan(PT::UnbornChildProtection, t.addDays(-250), t.addDays(-20), sheffield)};
    add(QStringLiteral("UCPP ended 20 days ago (returned for 28 days after its end)"), p);

    p = person(QStringLiteral("9990000123"), QStringLiteral("Chloe"),
               QStringLiteral("Scenario-UcppOld"), t.addYears(-27), f, sheffield);
    p.plans = {plan(PT::UnbornChildProtection, t.addDays(-300), t.addDays(-40), sheffield)};
    add(QStringLiteral("UCPP ended 40 days ago (not returned: total 0)"), p);

    // PDS records as NHS England publishes them (PDS FHIR API): each one that the desk must
    // read beyond the plain case.
    p = person(QStringLiteral("9990002908"), QStringLiteral("Evie"),
               QStringLiteral("Scenario-Deceased"), t.addYears(-4), f, sheffield);
    p.deceasedDateTime = t.addDays(-10).toString(Qt::ISODate) + QStringLiteral("T14:30:00+00:00");
    add(QStringLiteral("Deceased (deceasedDateTime 10 days ago)"), p);

    p = person(QStringLiteral("9990002916"), QStringLiteral("Isla"),
               QStringLiteral("Scenario-VeryRestricted"), t.addYears(-8), f, sheffield);
    p.restricted = true;
    p.veryRestricted = true;
    p.plans = {plan(PT::ChildProtection, t.addDays(-75), std::nullopt, sheffield)};
    add(QStringLiteral("Very restricted record (meta.security V, no address or telecom)"), p);

    p = person(QStringLiteral("9990002924"), QStringLiteral("Finn"),
               QStringLiteral("Scenario-BornMonth"), t.addYears(-9), m, sheffield);
    p.birthDateAsRecorded = p.birthDate.toString(QStringLiteral("yyyy-MM"));
    p.plans = {plan(PT::ChildProtection, t.addDays(-30), std::nullopt, sheffield)};
    add(QStringLiteral("Birth date known to the month (yyyy-mm)"), p);

    p = person(QStringLiteral("9990002932"), QStringLiteral("Zara"),
               QStringLiteral("Scenario-BornYear"), t.addYears(-13), f, leeds);
    p.birthDateAsRecorded = p.birthDate.toString(QStringLiteral("yyyy"));
    p.plans = {plan(PT::LookedAfter, t.addDays(-200), std::nullopt, leeds)};
    add(QStringLiteral("Birth date known to the year (yyyy)"), p);

    // An open plan on purpose: a desk that asked CP-IS about this number would show it.
    p = person(QStringLiteral("9990002940"), QStringLiteral("Theo"),
               QStringLiteral("Scenario-Unverified"), t.addYears(-5), m, sheffield);
    p.nhsNumberVerified = false;
    p.plans = {plan(PT::ChildProtection, t.addDays(-15), std::nullopt, sheffield)};
    add(QStringLiteral("NHS number not verified (status 02)"), p);

    p = person(QStringLiteral("9990002959"), QStringLiteral("Amber"),
               QStringLiteral("Scenario-TempAddress"), t.addYears(-17), f, sheffield);
    p.temporaryAddressFirst = true;
    add(QStringLiteral("Temporary address listed before the home address"), p);

    p = person(QStringLiteral("9990002967"), QStringLiteral("Reuben"),
               QStringLiteral("Scenario-Invalidated"), t.addYears(-6), m, sheffield);
    p.invalidated = true;
    add(QStringLiteral("Invalidated record (404 INVALIDATED_RESOURCE)"), p);

    // A name a desk must show as written, never as markup.
    p = person(QStringLiteral("9990002975"), QStringLiteral("Mark"), QStringLiteral("<b>X</b>"),
               t.addYears(-7), m, sheffield);
    add(QStringLiteral("Family name that looks like markup (<b>X</b>)"), p);

    // One number per fault; each is a child with an open CPP so the unfaulted answer has content.
    const QList<std::pair<QString, Fault>> faults{
        {QStringLiteral("9990000131"), Fault::Latency},
        {QStringLiteral("9990000158"), Fault::NoAnswer},
        {QStringLiteral("9990000166"), Fault::Reset},
        {QStringLiteral("9990000174"), Fault::Http500},
        {QStringLiteral("9990000182"), Fault::Http502},
        {QStringLiteral("9990000190"), Fault::Http503},
        {QStringLiteral("9990000204"), Fault::Http429},
        {QStringLiteral("9990000212"), Fault::MalformedJson},
        {QStringLiteral("9990000220"), Fault::TruncatedBody},
        {QStringLiteral("9990000239"), Fault::WrongContentType},
        {QStringLiteral("9990000247"), Fault::UnknownPlanCode},
        {QStringLiteral("9990000255"), Fault::Http408},
    };
    for (const auto& [nhs, fault] : faults) {
        p = person(nhs, QStringLiteral("Fault"),
                   QStringLiteral("Scenario-") + FaultInjector::name(fault), t.addYears(-8), f,
                   sheffield);
        p.plans = {plan(PT::ChildProtection, t.addDays(-90), std::nullopt, sheffield)};
        m_people.append(p);
        m_faults.insert(nhs, fault);
        m_scenarios.append({nhs, QStringLiteral("Fault: ") + FaultInjector::name(fault), fault});
    }

    const QList<std::tuple<QString, QString, SpineFault>> spine{
        {QStringLiteral("9990000301"), QStringLiteral("V3 fault: MCCI_IN010000UK13 error"),
         SpineFault::ApplicationError},
        {QStringLiteral("9990000298"), QStringLiteral("V3 fault: wrong wsa:RelatesTo"),
         SpineFault::WrongRelatesTo},
    };
    for (const auto& [nhs, title, fault] : spine) {
        p = person(nhs, QStringLiteral("Spine"), QStringLiteral("Scenario-V3Fault"), t.addYears(-8),
                   f, sheffield);
        p.plans = {plan(PT::ChildProtection, t.addDays(-90), std::nullopt, sheffield)};
        m_people.append(p);
        m_spineScenarios.append({nhs, title, fault});
    }
}

void ScenarioCatalogue::addTo(SyntheticPopulation& population) const
{
    for (const SandboxPerson& p : m_people)
        population.addFixed(p);
    for (auto it = m_superseded.constBegin(); it != m_superseded.constEnd(); ++it)
        population.addSupersededNumber(it.key(), it.value());
}

QString ScenarioCatalogue::numberFor(const QString& title) const
{
    for (const Scenario& s : m_scenarios)
        if (s.title == title)
            return s.nhsNumber;
    return {};
}

} // namespace cpis::sandbox
