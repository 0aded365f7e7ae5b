// Contract tests of the sandbox's FHIR endpoints over real HTTP (plain and TLS) on loopback:
// Patient, CareTeam, access history, every error code, and the unscheduled/silent
// notification rule.
#include "core/domain/NhsNumber.h"
#include "core/fhir/FhirParser.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/faults/FaultInjector.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"
#include "tests/support/SandboxContractFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>

using cpis::NhsNumber;
using cpis::sandbox::SandboxServer;
using namespace sandboxtest;

namespace {
const QString& kNhsSystem = cpis::vocabulary::kNhsNumberSystem;
} // namespace

namespace {
NhsNumber nhs(const QString& digits)
{
    return NhsNumber::parse(digits).value();
}
} // namespace

class TestSandboxContract : public SandboxContractFixture
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(prepareTls(), "openssl could not make a certificate"); }
    void patientTrace_data() { schemes(); }
    void patientTrace();
    void careTeamScenarios_data() { schemes(); }
    void careTeamScenarios();
    void headersAndErrors_data() { schemes(); }
    void headersAndErrors();
    void openModeNeedsNoToken();
    void unscheduledNotifiesSilentDoesNot();
    void accessHistory();
    void answersInTheGuidesShapes();
};

void TestSandboxContract::patientTrace()
{
    QFETCH(bool, tls);
    auto server = start(tls);
    QVERIFY(server);
    QCOMPARE(server->baseUrl().scheme(), tls ? QStringLiteral("https") : QStringLiteral("http"));

    HttpResult r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000018"));
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/fhir+json"));
    auto d = cpis::FhirParser::patient(r.body, nhs(QStringLiteral("9990000018")));
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().what));
    QVERIFY(!d->restricted());
    QVERIFY(!d->address.isEmpty());
    QVERIFY(d->nhsNumberVerified);
    QCOMPARE(d->familyName, QStringLiteral("Scenario-Cpp"));

    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000077"));
    QCOMPARE(r.status, 200);
    const QJsonObject restricted = r.json();
    QCOMPARE(restricted.value(QLatin1String("meta"))
                 .toObject()
                 .value(QLatin1String("security"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("R"));
    QVERIFY(!restricted.contains(QLatin1String("address")));
    QVERIFY(!restricted.contains(QLatin1String("telecom")));
    d = cpis::FhirParser::patient(r.body, nhs(QStringLiteral("9990000077")));
    QVERIFY(d.ok() && d->restricted() && d->address.isEmpty());

    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000085"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("id")).toString(), QStringLiteral("9990000093"));
    d = cpis::FhirParser::patient(r.body, nhs(QStringLiteral("9990000085")));
    QVERIFY(d.ok());
    QCOMPARE(d->supersededFrom.value(), nhs(QStringLiteral("9990000085")));

    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/") +
            cpis::sandbox::ScenarioCatalogue::unknownNumber());
    QCOMPARE(r.status, 404);
    QCOMPARE(r.spineCode(), QStringLiteral("RESOURCE_NOT_FOUND"));
    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/") +
            cpis::sandbox::ScenarioCatalogue::invalidNumber());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("INVALID_RESOURCE_ID"));

    // The PDS records of docs/sandbox.md beyond the plain case, as the PDS FHIR API has them.
    using C = cpis::Demographics::Confidentiality;
    auto trace = [&](const char* number) {
        const QString n = QString::fromLatin1(number);
        const HttpResult got = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/") + n);
        return std::make_pair(got, cpis::FhirParser::patient(got.body, nhs(n)));
    };
    auto [deadReply, dead] = trace("9990002908");
    QVERIFY(dead.ok() && dead->deceased && dead->deceased->isFullDate());
    QVERIFY(deadReply.json()
                .value(QLatin1String("deceasedDateTime"))
                .toString()
                .endsWith(QStringLiteral("T14:30:00+00:00")));
    auto [vReply, veryRestricted] = trace("9990002916");
    QVERIFY(veryRestricted.ok());
    QCOMPARE(veryRestricted->confidentiality, C::VeryRestricted);
    QVERIFY(!vReply.json().contains(QLatin1String("address")));
    QVERIFY(!vReply.json().contains(QLatin1String("telecom")));
    auto [monthReply, month] = trace("9990002924");
    QVERIFY(month.ok());
    QCOMPARE(month->birthDate->precision(), cpis::PartialDate::Precision::Month);
    QCOMPARE(monthReply.json().value(QLatin1String("birthDate")).toString().size(), 7);
    auto [yearReply, year] = trace("9990002932");
    QVERIFY(year.ok());
    QCOMPARE(year->birthDate->precision(), cpis::PartialDate::Precision::Year);
    auto [unverifiedReply, unverified] = trace("9990002940");
    QVERIFY(unverified.ok() && !unverified->nhsNumberVerified);
    auto [tempReply, temp] = trace("9990002959");
    QVERIFY(temp.ok());
    QCOMPARE(tempReply.json()
                 .value(QLatin1String("address"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("use"))
                 .toString(),
             QStringLiteral("temp"));
    QVERIFY(temp->address.startsWith(QStringLiteral("1 Scenario Street")));
    QVERIFY(temp->temporaryAddress.contains(QStringLiteral("College Road")));
    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990002967"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.spineCode(), QStringLiteral("INVALIDATED_RESOURCE"));

    // A generated person is found too.
    const QString generated = server->population().generatedAt(7).nhsNumber;
    QCOMPARE(get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/") + generated).status,
             200);
}

void TestSandboxContract::careTeamScenarios()
{
    QFETCH(bool, tls);
    auto server = start(tls);
    QVERIFY(server);
    const QList<std::pair<QString, int>> expected{
        {QStringLiteral("9990000018"), 1},
        {QStringLiteral("9990000026"), 1},
        {QStringLiteral("9990000034"), 1},
        {QStringLiteral("9990000042"), 2},
        {QStringLiteral("9990000050"), 1},
        {QStringLiteral("9990000069"), 0},
        {QStringLiteral("9990000077"), 1},
        {QStringLiteral("9990000085"), 0},
        {QStringLiteral("9990000093"), 1},
        {QStringLiteral("9990000107"), 0},
        {QStringLiteral("9990000115"), 1},
        {QStringLiteral("9990000123"), 0},
        {cpis::sandbox::ScenarioCatalogue::unknownNumber(), 0}};
    for (const auto& [n, count] : expected) {
        const HttpResult r = get(careTeamPath(n));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("total")).toInt(-1), count);
        const auto plans = cpis::FhirParser::careTeamBundle(r.body, nhs(n));
        QVERIFY2(plans.ok(), qPrintable(n + u' ' + (plans.ok() ? QString() : plans.error().what)));
        QCOMPARE(plans->size(), count);
    }
    const auto several = cpis::FhirParser::careTeamBundle(
        get(careTeamPath(QStringLiteral("9990000042"))).body, nhs(QStringLiteral("9990000042")));
    QCOMPARE(several->at(0).type, cpis::PlanType::ChildProtection);
    QCOMPARE(several->at(1).type, cpis::PlanType::LookedAfter);
    // The guide names each authority with no identifier, the code leading the name.
    QVERIFY(several->at(0).authority.name != several->at(1).authority.name);
    QCOMPARE(several->at(0).authority.odsCode, QStringLiteral("SHE1"));
    QCOMPARE(several->at(1).authority.odsCode, QStringLiteral("LEE1"));
    QVERIFY(!several->at(1).authority.emergencyDutyPhone.isEmpty());
    const auto ucpp = cpis::FhirParser::careTeamBundle(
        get(careTeamPath(QStringLiteral("9990000034"))).body, nhs(QStringLiteral("9990000034")));
    QCOMPARE(ucpp->at(0).type, cpis::PlanType::UnbornChildProtection);
    QVERIFY(ucpp->at(0).end.has_value());

    // Period rules follow the clock: the ended CPP (100 days ago) drops out after 365 days.
    m_clock.advanceSecs(qint64(266) * 86400);
    QCOMPARE(get(careTeamPath(QStringLiteral("9990000050")))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
             0);
    // UCPP ended 20 days ago: gone 9 days later (28-day grace).
    m_clock.set(kNow.addDays(9));
    QCOMPARE(get(careTeamPath(QStringLiteral("9990000115")))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
             0);
}

void TestSandboxContract::headersAndErrors()
{
    QFETCH(bool, tls);
    auto server = start(tls);
    QVERIFY(server);
    const QString ct = careTeamPath(QStringLiteral("9990000018"));

    // Echoes.
    const QByteArray id = newRequestId();
    HttpResult r = get(ct, "triage-nurse",
                       {{"X-Request-ID", id},
                        {"X-Correlation-ID", "corr-123"},
                        {"TraceID", "t-1"},
                        {"NHSD-Session-URID", "100000000001"},
                        {"NHSD-End-User-Organisation-ODS", "RX1"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-request-id"), id);
    QCOMPARE(r.header("x-correlation-id"), QByteArray("corr-123"));

    // 401: no token, unknown token, expired token.
    r = get(ct, QByteArray());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.spineCode(), QStringLiteral("ACCESS_DENIED"));
    QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
    QCOMPARE(r.header("content-type"), QByteArray("application/fhir+json"));
    r = get(ct, QByteArray(), {{"Authorization", "Bearer not-a-token"}});
    QCOMPARE(r.status, 401);
    const QByteArray token = server->signIn().issueAccessToken(QStringLiteral("triage-nurse"));
    m_clock.advanceSecs(cpis::sandbox::SignInService::kAccessLifetimeSecs + 1);
    r = get(ct, QByteArray(), {{"Authorization", "Bearer " + token}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.spineCode(), QStringLiteral("ACCESS_DENIED"));
    m_clock.set(kNow);

    // 403: a user without B0107/B0170, or headers naming another role or organisation.
    r = get(ct, "social-worker");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.spineCode(), QStringLiteral("ACCESS_DENIED"));
    QCOMPARE(
        get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000018"), "social-worker")
            .status,
        200);
    QCOMPARE(get(ct, "triage-nurse", {{"NHSD-Session-URID", "100000000002"}}).status, 403);
    QCOMPARE(get(ct, "triage-nurse", {{"NHSD-End-User-Organisation-ODS", "RX2"}}).status, 403);

    // 400 MISSING_VALUE / INVALID_VALUE: X-Request-ID missing or not a UUID (PDS's codes for a
    // header, patient-get.yaml); 400 PRECONDITION_FAILED: bad IsUnscheduledAccessEvent.
    QNetworkRequest bare(QUrl(m_server->baseUrl().toString() + ct));
    r = request(m_nam, "GET", bare.url(),
                {{"Authorization", QByteArray("Bearer " + server->signIn().issueAccessToken(
                                                              QStringLiteral("triage-nurse")))}},
                {m_cert});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("MISSING_VALUE"));
    r = get(ct, "triage-nurse", {{"X-Request-ID", "12345"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("INVALID_VALUE"));
    r = get(QStringLiteral("/personal-demographics/FHIR/R4/Patient/9990000018"), "triage-nurse",
            {{"X-Request-ID", "not-a-uuid"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("INVALID_VALUE"));
    r = get(ct, "triage-nurse", {{"IsUnscheduledAccessEvent", "maybe"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("PRECONDITION_FAILED"));
    r = get(ct, "triage-nurse", {{"X-Sandbox-Fault", "no-such-fault"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.spineCode(), QStringLiteral("PRECONDITION_FAILED"));

    // 400 INVALID_SEARCH_DATA: invalid number, wrong system, missing or extra parameters.
    for (const QString& bad : QStringList{
             careTeamPath(cpis::sandbox::ScenarioCatalogue::invalidNumber()),
             QStringLiteral("/cpis/FHIR/R4/CareTeam?patient:identifier=urn:other|9990000018"),
             QStringLiteral("/cpis/FHIR/R4/CareTeam"), ct + QStringLiteral("&_count=5"),
             QString(QStringLiteral("/cpis/FHIR/R4/AuditEvent?patient:identifier=") + kNhsSystem +
                     QStringLiteral("|9990000019"))}) {
        r = get(bad);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.spineCode(), QStringLiteral("INVALID_SEARCH_DATA"));
    }

    // 404: no such endpoint.
    r = get(QStringLiteral("/cpis/FHIR/R4/Observation"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.spineCode(), QStringLiteral("RESOURCE_NOT_FOUND"));
}

void TestSandboxContract::openModeNeedsNoToken()
{
    SandboxServer::Options o;
    o.open = true;
    auto server = start(false, o);
    QVERIFY(server);
    const HttpResult r = get(careTeamPath(QStringLiteral("9990000018")), QByteArray());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 1);
}

void TestSandboxContract::unscheduledNotifiesSilentDoesNot()
{
    auto server = start(false);
    QVERIFY(server);
    const auto& log = server->accessLog();
    const QString cpp = careTeamPath(QStringLiteral("9990000018")); // SHE1
    const QString ods = QStringLiteral("SHE1");
    // The social worker's mailbox starts with the seeded notices (docs/api.md §10).
    const int seeded = int(log.notificationsFor(ods).size());
    QCOMPARE(seeded, 3);
    QCOMPARE(log.notificationCount(), seeded);

    // B0107, header absent: unscheduled.
    QCOMPARE(get(cpp, "triage-nurse").status, 200);
    QCOMPARE(log.notificationsFor(ods).size(), seeded + 1);
    const auto n = log.notificationsFor(ods).last();
    QCOMPARE(n.nhsNumber, QStringLiteral("9990000018"));
    QCOMPARE(n.viewerName, QStringLiteral("Amelia Hughes"));
    QCOMPARE(n.organisationCode, QStringLiteral("RX1"));
    QCOMPARE(n.planType, cpis::PlanType::ChildProtection);
    QCOMPARE(n.when, kNow);

    // B0107, header true: unscheduled.
    QCOMPARE(get(cpp, "triage-nurse", {{"IsUnscheduledAccessEvent", "true"}}).status, 200);
    QCOMPARE(log.notificationsFor(ods).size(), seeded + 2);

    // B0107, header false: silent.
    QCOMPARE(get(cpp, "triage-nurse", {{"IsUnscheduledAccessEvent", "false"}}).status, 200);
    QCOMPARE(log.notificationsFor(ods).size(), seeded + 2);

    // B0170, even claiming unscheduled: silent.
    QCOMPARE(get(cpp, "school-nurse", {{"IsUnscheduledAccessEvent", "true"}}).status, 200);
    QCOMPARE(get(cpp, "health-visitor").status, 200);
    QCOMPARE(log.notificationsFor(ods).size(), seeded + 2);
    QCOMPARE(log.notificationCount(), seeded + 2);

    // Several plans with two authorities: one notice to each mailbox.
    QCOMPARE(get(careTeamPath(QStringLiteral("9990000042")), "triage-nurse").status, 200);
    QCOMPARE(log.notificationsFor(QStringLiteral("SHE1")).size(), seeded + 3);
    QCOMPARE(log.notificationsFor(QStringLiteral("LEE1")).size(), 1);

    // Silent reads still appear in access history.
    const HttpResult h = get(auditPath(QStringLiteral("9990000018")), "triage-nurse");
    QVERIFY(h.body.contains("Priya Shah"));
    QVERIFY(h.body.contains("Grace O'Neill"));
}

void TestSandboxContract::accessHistory()
{
    auto server = start(false);
    QVERIFY(server);
    const QString n = QStringLiteral("9990000018");

    HttpResult r = get(auditPath(n), "health-visitor");
    QCOMPARE(r.status, 200);
    auto rows = cpis::FhirParser::auditEventBundle(r.body);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().what));
    // Seeded looks: health visitor 3 days ago, school nurse twice 10 days ago (shown once),
    // the ED registration system 20 days ago, triage nurse 40 days ago; plus this request.
    QCOMPARE(rows->size(), 5);
    QCOMPARE(rows->first().viewerName, QStringLiteral("Grace O'Neill"));
    QCOMPARE(rows->first().when, kNow);
    for (int i = 1; i < rows->size(); ++i)
        QVERIFY(rows->at(i - 1).when >= rows->at(i).when);
    int schoolNurse = 0;
    for (const auto& row : rows.value())
        schoolNurse += row.viewerName == u"Priya Shah";
    QCOMPARE(schoolNurse, 1);
    int bySystem = 0;
    for (const auto& row : rows.value())
        bySystem += row.bySystem && row.viewerName == u"Emergency Department registration system";
    QCOMPARE(bySystem, 1);

    // Repeats within 24 hours appear once; after 24 hours they are separate rows.
    m_clock.advanceSecs(3600);
    QCOMPARE(cpis::FhirParser::auditEventBundle(get(auditPath(n), "health-visitor").body)->size(),
             5);
    // The unknown-to-history requester is always among them.
    rows = cpis::FhirParser::auditEventBundle(
        get(auditPath(QStringLiteral("9990000069")), "safeguarding-lead").body);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().viewerName, QStringLiteral("Tom Fielding"));

    // At most 25, newest first.
    for (int i = 0; i < 30; ++i) {
        m_clock.advanceSecs(25 * 3600);
        QCOMPARE(get(careTeamPath(n), "school-nurse").status, 200);
    }
    r = get(auditPath(n), "school-nurse");
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 25);
    rows = cpis::FhirParser::auditEventBundle(r.body);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 25);
    QCOMPARE(rows->first().when, m_clock.nowUtc());
}

// The draft CP-IS FHIR guide's shapes (docs/api.md §5-§7), read by the desk's own parser.
void TestSandboxContract::answersInTheGuidesShapes()
{
    auto server = start(false);
    QVERIFY(server);

    // The authority on CareTeam.name and telecom, no Organization and no ODS code.
    HttpResult r = get(careTeamPath(QStringLiteral("9990000018")));
    QCOMPARE(r.status, 200);
    const QJsonObject ct = r.json()
                               .value(QLatin1String("entry"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QLatin1String("resource"))
                               .toObject();
    QCOMPARE(ct.value(QLatin1String("name")).toString(),
             QStringLiteral("SHE1 - Sheffield Council"));
    QCOMPARE(ct.value(QLatin1String("telecom")).toArray().size(), 2);
    QVERIFY(!ct.contains(QLatin1String("managingOrganization")));
    QVERIFY(!ct.contains(QLatin1String("contained")));
    QVERIFY(!r.body.contains("ods-organization-code"));

    // Two plans in one record: total 1, two CareTeams; the LAC's period a dateTime at
    // midnight in Europe/London, which the desk reads as the plan's own date.
    const QString one = QStringLiteral("9990000271");
    r = get(careTeamPath(one));
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(-1), 1);
    const QJsonArray entries = r.json().value(QLatin1String("entry")).toArray();
    QCOMPARE(entries.size(), 2);
    const QString lacStart = entries.at(1)
                                 .toObject()
                                 .value(QLatin1String("resource"))
                                 .toObject()
                                 .value(QLatin1String("period"))
                                 .toObject()
                                 .value(QLatin1String("start"))
                                 .toString();
    QVERIFY2(lacStart.contains(u'T') && lacStart.endsWith(u'Z'), qPrintable(lacStart));
    const auto plans = cpis::FhirParser::careTeamBundle(r.body, nhs(one));
    QVERIFY2(plans.ok(), qPrintable(plans.ok() ? QString() : plans.error().what));
    QCOMPARE(plans->size(), 2);
    const auto person = server->population().find(one);
    QVERIFY(person.has_value());
    QCOMPARE(plans->at(1).type, cpis::PlanType::LookedAfter);
    QCOMPARE(plans->at(1).start, person->person.plans.at(1).start);
    QCOMPARE(plans->at(0).authority, plans->at(1).authority);

    // Access history: the patient listed as an agent, a system's look by a Device whose
    // absolute fullUrl is the reference.
    r = get(auditPath(one), "health-visitor");
    QCOMPARE(r.status, 200);
    const QByteArray compact = QJsonDocument(r.json()).toJson(QJsonDocument::Compact);
    QVERIFY(compact.contains("\"code\":\"PAT\""));
    QVERIFY(compact.contains("\"resourceType\":\"Device\""));
    const QString deviceUrl = server->baseUrl().toString(QUrl::StripTrailingSlash) +
                              QStringLiteral("/cpis/FHIR/R4/Device/");
    const QByteArray deviceRef = QByteArray("\"reference\":\"") + deviceUrl.toUtf8();
    QVERIFY2(compact.contains(deviceRef), compact.constData());
    const auto rows = cpis::FhirParser::auditEventBundle(r.body);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().what));
    QVERIFY(std::any_of(rows->cbegin(), rows->cend(),
                        [](const cpis::AccessRecord& a) { return a.bySystem; }));

    // IsUnscheduledAccessEvent on the access history too: false counts no notifying access.
    const auto before = server->accessLog().calls();
    QCOMPARE(get(auditPath(one), "triage-nurse", {{"IsUnscheduledAccessEvent", "false"}}).status,
             200);
    QCOMPARE(server->accessLog().calls().notifyingAccesses, before.notifyingAccesses);
    QCOMPARE(server->accessLog().calls().declaredSilent, before.declaredSilent + 1);
    QCOMPARE(get(auditPath(one), "triage-nurse").status, 200); // absent: unscheduled
    QCOMPARE(server->accessLog().calls().notifyingAccesses, before.notifyingAccesses + 1);
    QCOMPARE(server->accessLog().calls().declaredUnscheduled, before.declaredUnscheduled + 1);
}

QTEST_GUILESS_MAIN(TestSandboxContract)
#include "tst_sandboxcontract.moc"
