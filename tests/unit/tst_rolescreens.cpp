// Who sees which screen: the administrator's [screens] rules as the profile reader takes them
// (bad ones refused with the line at fault), the defaults when there are none, and what a
// signed-in role is given by either.
#include "core/domain/RoleScreens.h"
#include "core/profile/AdministratorFile.h"

#include <QTest>

using cpis::AdministratorFile;
using cpis::DeskFunction;
using cpis::RoleScreens;
using cpis::UserSession;
using F = cpis::DeskFunction;

Q_DECLARE_METATYPE(QList<cpis::DeskFunction>)
Q_DECLARE_METATYPE(cpis::UserSession)

namespace {

UserSession role(const QString& roleCode,
                 const QStringList& activities = {},
                 const QStringList& workgroups = {})
{
    UserSession s;
    s.roleCode = roleCode;
    s.activityCodes = activities;
    s.workgroups = workgroups;
    return s;
}

AdministratorFile::Contents parsed(const QByteArray& text)
{
    const auto c = AdministratorFile::parse(text, QStringLiteral("desk.conf"));
    if (!c)
        qWarning("%s", qPrintable(c.error()));
    return c ? c.value() : AdministratorFile::Contents{};
}

} // namespace

class TestRoleScreens : public QObject
{
    Q_OBJECT
private slots:
    void defaultsGiveTheNhsRolesTheirScreens_data();
    void defaultsGiveTheNhsRolesTheirScreens();
    void aScreensSectionReplacesTheDefaults();
    void rulesMatchEachKindOfCode();
    void everyProfileGetsTheRules();
    void badRulesAreRefusedWithTheLine_data();
    void badRulesAreRefusedWithTheLine();
    void aChangedMappingChangesTheFingerprint();
};

void TestRoleScreens::defaultsGiveTheNhsRolesTheirScreens_data()
{
    QTest::addColumn<UserSession>("session");
    QTest::addColumn<QList<DeskFunction>>("given");
    QTest::newRow("ED nurse, B0107")
        << role(QStringLiteral("S8000:G8000:R8001"), {"B0107"}) << QList<F>{F::LookUp};
    QTest::newRow("GP, B0170") << role(QStringLiteral("S8000:G8000:R0260"), {"B0170"})
                               << QList<F>{F::LookUp};
    QTest::newRow("school nurse") << role(QStringLiteral("S8000:G8000:R0690"), {"B0170"})
                                  << QList<F>{F::LookUp, F::AreaLists};
    QTest::newRow("safeguarding lead")
        << role(QStringLiteral("S8000:G8000:R0570"), {"B0107", "B0170"})
        << QList<F>{F::LookUp, F::Review, F::AuditExport};
    QTest::newRow("social worker")
        << role(QStringLiteral("S8000:G8000:R1330")) << QList<F>{F::Notices};
    QTest::newRow("child protection worker")
        << role(QStringLiteral("S0050:G0150:R9535")) << QList<F>{F::Notices};
    QTest::newRow("privacy officer")
        << role(QStringLiteral("S8000:G8000:R0001")) << QList<F>{F::AuditExport};
    QTest::newRow("no CP-IS activity, other role")
        << role(QStringLiteral("S8000:G8000:R8008")) << QList<F>{};
    // The invented workgroups of old open nothing now.
    QTest::newRow("old CPIS-REVIEW workgroup")
        << role(QStringLiteral("S8000:G8000:R8008"), {}, {"CPIS-REVIEW", "CPIS-AREA-LISTS"})
        << QList<F>{};
}

void TestRoleScreens::defaultsGiveTheNhsRolesTheirScreens()
{
    QFETCH(UserSession, session);
    QFETCH(QList<DeskFunction>, given);
    QCOMPARE(RoleScreens::defaults().functionsFor(session), given);
    // No file: the defaults, on every profile.
    const auto none = AdministratorFile::load(QStringLiteral("/nonexistent/desk.conf"));
    QVERIFY(none.ok());
    QCOMPARE(none->profiles.first().screens.functionsFor(session), given);
    QVERIFY(none->screens.isDefault());
}

void TestRoleScreens::aScreensSectionReplacesTheDefaults()
{
    const auto c = parsed("[screens]\n"
                          "Activity b0107 = triage, notices ; case of kind and code is free\n"
                          "role R0690 = area-lists\n");
    QCOMPARE(c.screens.rules().size(), 2);
    QVERIFY(!c.screens.isDefault());
    // B0170 alone no longer gives triage; the safeguarding lead's job role gives nothing.
    QCOMPARE(c.screens.functionsFor(role(QStringLiteral("S8000:G8000:R8001"), {"B0170"})),
             QList<F>{});
    QCOMPARE(c.screens.functionsFor(role(QStringLiteral("S8000:G8000:R8001"), {"B0107"})),
             (QList<F>{F::LookUp, F::Notices}));
    QCOMPARE(c.screens.functionsFor(role(QStringLiteral("S8000:G8000:R0570"), {"B0107"})),
             (QList<F>{F::LookUp, F::Notices}));
    QCOMPARE(c.screens.functionsFor(role(QStringLiteral("S8000:G8000:R0690"))),
             QList<F>{F::AreaLists});
}

void TestRoleScreens::rulesMatchEachKindOfCode()
{
    const auto c = parsed("[screens]\n"
                          "role S8000:G8000:R8002 = review\n"
                          "role R8003 = notices\n"
                          "workgroup Safeguarding Team = review, audit-export\n"
                          "workgroup 15025792819 = area-lists\n");
    // A whole triple matches only that triple; an R-code any staff group.
    QCOMPARE(c.screens.functionsFor(role(QStringLiteral("S8000:G8000:R8002"))),
             QList<F>{F::Review});
    QCOMPARE(c.screens.functionsFor(role(QStringLiteral("S8001:G8001:R8002"))), QList<F>{});
    QCOMPARE(c.screens.functionsFor(role(QStringLiteral("S8001:G8001:R8003"))),
             QList<F>{F::Notices});
    // A workgroup by its name (case kept) or its code; the union of every rule that matches,
    // in the desk's order, each once.
    QCOMPARE(c.screens.functionsFor(
                 role(QStringLiteral("S8000:G8000:R8002"), {}, {"Safeguarding Team"})),
             (QList<F>{F::Review, F::AuditExport}));
    QCOMPARE(c.screens.functionsFor(
                 role(QStringLiteral("S8000:G8000:R8001"), {}, {"safeguarding team"})),
             QList<F>{});
    QCOMPARE(c.screens.functionsFor(
                 role(QStringLiteral("S8000:G8000:R8003"), {}, {"schoolnursing", "15025792819"})),
             (QList<F>{F::Notices, F::AreaLists}));
    QVERIFY(c.screens.allows(role(QStringLiteral("R8003")), F::Notices));
    QVERIFY(!c.screens.allows(role(QStringLiteral("R8003")), F::LookUp));
}

void TestRoleScreens::everyProfileGetsTheRules()
{
    const auto c = parsed("[desk]\nprofiles = int, training\n"
                          "[profile int]\ncpis = https://cpis.int.example.nhs.uk/cpis/FHIR/R4\n"
                          "[screens]\nrole R0001 = triage\n");
    QCOMPARE(c.profiles.size(), 2);
    for (const auto& p : c.profiles)
        QCOMPARE(p.screens.functionsFor(role(QStringLiteral("R0001"))), QList<F>{F::LookUp});
}

void TestRoleScreens::badRulesAreRefusedWithTheLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown kind") << QByteArray("[screens]\nsmartcard B0107 = triage\n")
                                  << "desk.conf, line 2: a [screens] rule starts with activity";
    QTest::newRow("no code") << QByteArray("[screens]\nactivity = triage\n")
                             << "desk.conf, line 2: a [screens] rule starts with activity";
    QTest::newRow("bad activity") << QByteArray("[screens]\n\nactivity 0107 = triage\n")
                                  << "desk.conf, line 3: '0107' is not an RBAC activity code";
    QTest::newRow("bad role") << QByteArray("[screens]\nrole Nurse = triage\n")
                              << "desk.conf, line 2: 'NURSE' is not a job role code";
    QTest::newRow("half a triple") << QByteArray("[screens]\nrole G8000:R8001 = triage\n")
                                   << "'G8000:R8001' is not a job role code";
    QTest::newRow("unknown screen")
        << QByteArray("[screens]\nactivity B0107 = triage, dashboard\n")
        << "desk.conf, line 2: 'dashboard' is not a desk function (triage, notices, review, "
           "area-lists, audit-export)";
    QTest::newRow("nothing given") << QByteArray("[screens]\nrole R8001 = ,\n")
                                   << "desk.conf, line 2: a [screens] rule gives at least one";
    QTest::newRow("twice") << QByteArray("[screens]\nrole R8001 = triage\nrole r8001 = review\n")
                           << "desk.conf, line 3: the rule for role R8001 is given twice";
    QTest::newRow("empty section")
        << QByteArray("[screens]\n; nothing yet\n") << "desk.conf: [screens] gives no rule";
    QTest::newRow("long workgroup")
        << QByteArray("[screens]\nworkgroup " + QByteArray(101, 'w') + " = review\n")
        << "a workgroup rule names the workgroup (at most 100 characters)";
    QTest::newRow("unknown section") << QByteArray("[screen]\nrole R8001 = triage\n")
                                     << "expected [desk], [screens] or [profile NAME]";
}

void TestRoleScreens::badRulesAreRefusedWithTheLine()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const auto c = AdministratorFile::parse(text, QStringLiteral("desk.conf"));
    QVERIFY(!c.ok());
    QVERIFY2(c.error().contains(error), qPrintable(c.error()));
}

void TestRoleScreens::aChangedMappingChangesTheFingerprint()
{
    const auto none = AdministratorFile::parse("[desk]\nsite = scheduled\n", QStringLiteral("a"));
    const auto some = AdministratorFile::parse("[desk]\nsite = scheduled\n[screens]\n"
                                               "activity B0107 = triage\n",
                                               QStringLiteral("a"));
    QVERIFY(none.ok() && some.ok());
    // The defaults add nothing (a store started before the rules existed sees no change); any
    // other rules show, so the audit log records the change at the next start.
    QVERIFY(!none->profiles.first().fingerprint().contains(QStringLiteral("screens=")));
    QVERIFY(some->profiles.first().fingerprint().contains(
        QStringLiteral("screens=activity B0107 = triage")));
}

QTEST_GUILESS_MAIN(TestRoleScreens)
#include "tst_rolescreens.moc"
