// The look-up service on a fake network, a memory cache and a recording auditor, shared by
// the look-up service tests (one step and two steps).
#pragma once

#include "core/audit/AccessAuditor.h"
#include "core/domain/Clock.h"
#include "core/domain/PlanType.h"
#include "core/lookup/AnswerCache.h"
#include "core/lookup/LookupService.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/net/FhirTransport.h"
#include "tests/support/FakeNetwork.h"
#include "tests/support/JsonTestSuite.h"
#include "tests/support/TestNurse.h"

#include <QHash>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace cpis;
using cpis::test::FakeAnswer;
using cpis::test::FakeNetwork;
using State = LookupResult::State;
using Reason = LookupResult::Reason;
Q_DECLARE_METATYPE(cpis::test::FakeAnswer)
Q_DECLARE_METATYPE(cpis::LookupResult::Reason)

// A named namespace, not an anonymous one: each test program uses only some of these.
namespace lookuprig {

NhsNumber nhs(const char* d)
{
    return NhsNumber::parse(QString::fromLatin1(d)).value();
}

// A PDS Patient as the PDS FHIR API sends it; `status` is its NHS number verification code.
QByteArray patientJson(const char* id, const char* status = "01")
{
    return QByteArray(R"({"resourceType":"Patient","id":")") + id +
           R"(","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":")" + id +
           R"(","extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/)"
           R"(Extension-UKCore-NHSNumberVerificationStatus","valueCodeableConcept":{"coding":[{)"
           R"("system":"https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus",)"
           R"("code":")" +
           status +
           R"("}]}}]}],)"
           R"("meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/)"
           R"(v3-Confidentiality","code":"U"}]},)"
           R"("name":[{"use":"usual","family":"Testperson","given":["Ada"]}],)"
           R"("gender":"female","birthDate":"2016-11-22"})";
}

FakeAnswer notFound(const QByteArray& code)
{
    FakeAnswer a;
    a.status = 404;
    a.body = code.isEmpty() ? QByteArray()
                            : R"({"resourceType":"OperationOutcome","issue":[{"severity":"error",)"
                              R"("code":"not-found","details":{"coding":[{"code":")" +
                                  code + R"("}]}}]})";
    return a;
}

QByteArray careTeamJson(const char* subject)
{
    return QByteArray(
               R"({"resourceType":"Bundle","type":"searchset","total":1,"entry":[{)"
               R"("search":{"mode":"match"},"resource":{"resourceType":"CareTeam","id":"p1",)"
               R"("contained":[{"resourceType":"Organization","id":"la","identifier":[{)"
               R"("system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"E08000019"}],)"
               R"("name":"Sheffield City Council","telecom":[)"
               R"({"system":"phone","value":"0114 273 4855","use":"work"},)"
               R"({"system":"phone","value":"0114 273 4855 1","use":"mobile"}]}],)"
               R"("category":[{"coding":[{"system":"http://snomed.info/sct","code":"342191000000101"}]}],)"
               R"("subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":")") +
           subject +
           R"("}},"period":{"start":"2026-01-10"},"managingOrganization":[{"reference":"#la"}]}}]})";
}

FakeAnswer ok(const QByteArray& body)
{
    FakeAnswer a;
    a.body = body;
    return a;
}

const QByteArray kEmptyBundle = R"({"resourceType":"Bundle","type":"searchset","total":0})";

const QByteArray kHistory =
    R"({"resourceType":"Bundle","type":"searchset","total":1,"entry":[)"
    R"({"search":{"mode":"match"},"resource":{"resourceType":"AuditEvent","recorded":"2026-11-25T09:00:00Z",)"
    R"("agent":[{"who":{"reference":"PractitionerRole/r1"}}]}},)"
    R"({"search":{"mode":"include"},"resource":{"resourceType":"PractitionerRole","id":"r1",)"
    R"("practitioner":{"display":"Nurse One"},"organization":{"display":"Town ED"},)"
    R"("code":[{"coding":[{"display":"Registered Nurse"}]}]}}]})";

class MemoryCache final : public AnswerCache
{
public:
    QHash<QString, Entry> entries;
    int saves = 0;
    Result<std::optional<Entry>, Error> load(const NhsNumber& n) override
    {
        const auto it = entries.constFind(n.digits());
        if (it == entries.constEnd())
            return std::optional<Entry>();
        return std::optional<Entry>(*it);
    }
    Status<Error> save(const NhsNumber& n, const Entry& e) override
    {
        ++saves;
        entries.insert(n.digits(), e);
        return {};
    }
};

class RecordingAuditor final : public AccessAuditor
{
public:
    QList<AccessEvent> events;
    bool fail = false;
    Status<Error> record(const UserSession&, const AccessEvent& e) override
    {
        if (fail)
            return Error{QStringLiteral("disk full")};
        events.append(e);
        return {};
    }
};

using testsupport::nurse;

// The national service as a table: path suffix -> answer, with overrides per test.
struct Service
{
    QHash<QString, FakeAnswer> byPath; // "Patient/<n>", "CareTeam", "AuditEvent"
    FakeAnswer route(const QNetworkRequest& req) const
    {
        const QString path = req.url().path();
        for (auto it = byPath.constBegin(); it != byPath.constEnd(); ++it)
            if (path.endsWith(it.key()))
                return it.value();
        FakeAnswer a;
        a.status = 404;
        a.body =
            R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found",)"
            R"("details":{"coding":[{"code":"RESOURCE_NOT_FOUND"}]}}]})";
        return a;
    }
};

struct Rig
{
    ManualClock clock{QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC)};
    Service service;
    FakeNetwork nam{[this](const QNetworkRequest& r) { return service.route(r); }};
    FhirTransport transport{&nam, &clock, [] {
                                FhirTransport::Settings s;
                                s.retry.maxAttempts = 1; // retries have their own tests
                                return s;
                            }()};
    NationalServiceClient client{
        &transport, QUrl(QStringLiteral("https://sandbox.invalid/personal-demographics/FHIR/R4")),
        QUrl(QStringLiteral("https://sandbox.invalid/cpis/FHIR/R4"))};
    MemoryCache cache;
    RecordingAuditor auditor;
    LookupService service_{&client, &cache, &auditor, &clock, {SiteType::UnscheduledCare}};

    Rig() { service_.setSession(nurse(clock.nowUtc())); }

    // PDS traces the child, CP-IS holds one plan, history one earlier look.
    void serveChildOnAPlan()
    {
        service.byPath.insert(QStringLiteral("Patient/9000000009"), ok(patientJson("9000000009")));
        service.byPath.insert(QStringLiteral("CareTeam"), ok(careTeamJson("9000000009")));
        service.byPath.insert(QStringLiteral("AuditEvent"), ok(kHistory));
    }

    LookupResult run(const NhsNumber& n)
    {
        std::optional<LookupResult> out;
        int auditedBeforeDone = -1;
        QObject ctx;
        service_.lookup(n, &ctx, [&](const LookupResult& r) {
            auditedBeforeDone = int(auditor.events.size());
            out = r;
        });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
            qFatal("look-up never finished");
        // The audit entry is durable before anyone sees the result.
        if (!auditor.fail && auditedBeforeDone != lastAuditCount + 1)
            qFatal("look-up was not audited exactly once before its result");
        lastAuditCount = int(auditor.events.size());
        return *out;
    }
    int lastAuditCount = 0;
};

} // namespace lookuprig
using namespace lookuprig;
