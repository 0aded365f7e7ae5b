// The sandbox's data: deterministic population with valid 999-range NHS numbers, the 152 local
// authorities, scenario numbers, fault names and the access log's rules.
#include "core/domain/NhsNumber.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/faults/FaultInjector.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <QSet>
#include <QTest>

using namespace cpis::sandbox;

class TestSandboxData : public QObject
{
    Q_OBJECT
private slots:
    void localAuthorities();
    void populationIsDeterministicAndValid();
    void populationHasARealisticMix();
    void scenarioNumbersAreValidAndDistinct();
    void faultNames();
    void accessHistoryRules();
    void mailboxes();

private:
    LocalAuthorityDirectory m_las;
    const QDate m_today{2026, 11, 25};
};

void TestSandboxData::localAuthorities()
{
    QCOMPARE(m_las.size(), 152);
    QSet<QString> codes;
    for (int i = 0; i < m_las.size(); ++i) {
        const auto& la = m_las.at(i);
        QVERIFY(!la.name.isEmpty());
        QVERIFY(!la.officeHoursPhone.isEmpty() && !la.emergencyDutyPhone.isEmpty());
        codes.insert(la.odsCode);
    }
    QCOMPARE(codes.size(), 152);
    QCOMPARE(m_las.at(m_las.indexOf(QStringLiteral("SHE1"))).name,
             QStringLiteral("Sheffield Council"));
}

void TestSandboxData::populationIsDeterministicAndValid()
{
    const SyntheticPopulation a(m_las, SeededRandom(7), 20000, m_today);
    const SyntheticPopulation b(m_las, SeededRandom(7), 20000, m_today);
    const SyntheticPopulation c(m_las, SeededRandom(8), 20000, m_today);
    QCOMPARE(a.generatedCount(), 20000);
    QSet<QString> seen;
    int differs = 0;
    for (int i = 0; i < a.generatedCount(); ++i) {
        const SandboxPerson p = a.generatedAt(i);
        const SandboxPerson q = b.generatedAt(i);
        QCOMPARE(p.nhsNumber, q.nhsNumber);
        QCOMPARE(p.familyName, q.familyName);
        QCOMPARE(p.birthDate, q.birthDate);
        QCOMPARE(p.plans.size(), q.plans.size());
        differs += p.nhsNumber != c.generatedAt(i).nhsNumber;
        const auto parsed = cpis::NhsNumber::parse(p.nhsNumber);
        QVERIFY2(parsed.ok(), qPrintable(p.nhsNumber));
        QVERIFY(p.nhsNumber.startsWith(QStringLiteral("999")));
        QVERIFY(p.nhsNumber.left(9).toUInt() >= SyntheticPopulation::kFirstGeneratedBase);
        QVERIFY(!seen.contains(p.nhsNumber));
        seen.insert(p.nhsNumber);
        const auto found = a.find(p.nhsNumber);
        QVERIFY(found && !found->superseded && found->person.nhsNumber == p.nhsNumber);
    }
    QVERIFY(differs > 19000);
    QVERIFY(!a.find(QStringLiteral("9990000263")));
}

void TestSandboxData::populationHasARealisticMix()
{
    const SyntheticPopulation p(m_las, SeededRandom(1), 100000,
                                m_today); // speed: bench/bench_sandbox
    int cpp = 0, lac = 0, ucpp = 0, ended = 0, several = 0, restricted = 0, schools = 0, areas = 0;
    for (int i = 0; i < p.generatedCount(); ++i) {
        const SandboxPerson s = p.generatedAt(i);
        restricted += s.restricted;
        schools += s.schoolId > 0;
        areas += s.healthVisitingAreaId > 0;
        several += s.plans.size() > 1;
        for (const SandboxPlan& plan : s.plans) {
            QVERIFY(!plan.end || *plan.end >= plan.start);
            QVERIFY(plan.start >= s.birthDate ||
                    plan.type == cpis::PlanType::UnbornChildProtection);
            cpp += plan.type == cpis::PlanType::ChildProtection;
            lac += plan.type == cpis::PlanType::LookedAfter;
            ucpp += plan.type == cpis::PlanType::UnbornChildProtection;
            ended += plan.end && *plan.end < m_today;
            if (plan.type == cpis::PlanType::UnbornChildProtection)
                QVERIFY(plan.end.has_value());
        }
    }
    QVERIFY(cpp > 1000 && lac > 800 && ucpp > 100 && ended > 300 && several > 100);
    QVERIFY(restricted > 200 && restricted < 1000);
    QVERIFY(schools > 30000 && areas > 50000);
    QVERIFY(p.supersededCount() > 100);
    QVERIFY(!SyntheticPopulation::schoolName(1, m_las).isEmpty());
    QVERIFY(!SyntheticPopulation::healthVisitingAreaName(1, m_las).isEmpty());
}

void TestSandboxData::scenarioNumbersAreValidAndDistinct()
{
    const ScenarioCatalogue cat(m_las, m_today);
    QSet<QString> numbers;
    QSet<Fault> faults;
    for (const auto& s : cat.scenarios()) {
        QVERIFY2(cpis::NhsNumber::parse(s.nhsNumber).ok(), qPrintable(s.nhsNumber));
        QVERIFY(s.nhsNumber.startsWith(QStringLiteral("999")));
        QVERIFY(s.nhsNumber.left(9).toUInt() < SyntheticPopulation::kFirstGeneratedBase);
        QVERIFY(!numbers.contains(s.nhsNumber));
        numbers.insert(s.nhsNumber);
        if (s.fault != Fault::None)
            faults.insert(s.fault);
    }
    QCOMPARE(faults.size(), FaultInjector::all().size());
    QVERIFY(cpis::NhsNumber::parse(ScenarioCatalogue::unknownNumber()).ok());
    QVERIFY(!cpis::NhsNumber::parse(ScenarioCatalogue::invalidNumber()).ok());
    QCOMPARE(SyntheticPopulation::checkDigit(999000001), 8);
}

void TestSandboxData::faultNames()
{
    for (Fault f : FaultInjector::all())
        QCOMPARE(FaultInjector::parse(FaultInjector::name(f))->fault, f);
    QCOMPARE(FaultInjector::parse(QStringLiteral("latency=250"))->latencyMs, 250);
    QCOMPARE(FaultInjector::parse(QString())->fault, Fault::None);
    QVERIFY(!FaultInjector::parse(QStringLiteral("http-418")));
    QVERIFY(!FaultInjector::parse(QStringLiteral("reset=5")));
    const FaultInjector wide(*FaultInjector::parse(QStringLiteral("reset")));
    QCOMPARE(wide.forRequest("http-500")->fault, Fault::Reset);
}

void TestSandboxData::accessHistoryRules()
{
    AccessLog log;
    TestUser a;
    a.id = QStringLiteral("a");
    a.userUid = QStringLiteral("u1");
    a.name = QStringLiteral("A");
    a.roleId = QStringLiteral("r1");
    TestUser b = a;
    b.userUid = QStringLiteral("u2");
    const QDateTime t0(m_today, QTime(9, 0), Qt::UTC);
    const QString n = QStringLiteral("9990000018");
    log.record({log.nextId(QStringLiteral("x")), n, t0, a, false});
    log.record({log.nextId(QStringLiteral("x")), n, t0.addSecs(3600), a, false}); // same day
    log.record({log.nextId(QStringLiteral("x")), n, t0.addSecs(2 * 3600), b, false});
    log.record({log.nextId(QStringLiteral("x")), n, t0.addSecs(30 * 3600), a, false}); // next day
    const auto h = log.history(n, 25);
    QCOMPARE(h.size(), 3);
    QCOMPARE(h.at(0).when, t0.addSecs(30 * 3600));
    QCOMPARE(h.at(1).viewer.userUid, QStringLiteral("u2"));
    QCOMPARE(h.at(2).when, t0.addSecs(3600)); // the newer of the two same-day looks
    QCOMPARE(log.history(n, 2).size(), 2);
    QVERIFY(log.history(QStringLiteral("9990000026"), 25).isEmpty());
}

void TestSandboxData::mailboxes()
{
    AccessLog log;
    AccessNotification n;
    n.id = QStringLiteral("asn-1");
    n.laOdsCode = QStringLiteral("SHE1");
    log.notify(n);
    n.id = QStringLiteral("asn-2");
    log.notify(n);
    QCOMPARE(log.notificationsFor(QStringLiteral("SHE1")).size(), 2);
    QCOMPARE(log.mailboxes(), QList<QString>{QStringLiteral("SHE1")});
    QVERIFY(log.acknowledge(QStringLiteral("SHE1"), QStringLiteral("asn-1")));
    QVERIFY(!log.acknowledge(QStringLiteral("SHE1"), QStringLiteral("asn-1")));
    QVERIFY(!log.acknowledge(QStringLiteral("LEE1"), QStringLiteral("asn-2")));
    QCOMPARE(log.notificationsFor(QStringLiteral("SHE1")).first().id, QStringLiteral("asn-2"));
}

QTEST_GUILESS_MAIN(TestSandboxData)
#include "tst_sandboxdata.moc"
