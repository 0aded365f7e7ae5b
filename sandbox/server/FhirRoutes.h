#pragma once

#include "core/domain/Clock.h"
#include "sandbox/faults/FaultInjector.h"
#include "sandbox/server/HttpExchange.h"

#include <QDateTime>

namespace cpis::sandbox {

class AccessLog;
class FhirResources;
class LocalAuthorityDirectory;
class PatientSearch;
class ScenarioCatalogue;
class SignInService;
class SyntheticPopulation;
struct TestUser;

// The PDS and CP-IS FHIR routes (docs/api.md §4-§7): Patient read and search, CareTeam search
// (which records the access and notifies) and access history, each with the
// injected faults a request or a scenario asks for.
class FhirRoutes
{
public:
    struct Services
    {
        SignInService& signIn;
        const SyntheticPopulation& population;
        const ScenarioCatalogue& scenarios;
        const LocalAuthorityDirectory& authorities;
        const FhirResources& resources;
        FaultInjector& faults;
        AccessLog& log;
        const Clock& clock;
        const PatientSearch& search; // PDS demographic search
    };

    FhirRoutes(Services services, bool open) : m_s(services), m_open(open) {}

    static bool handles(const QString& path);
    void handle(const HttpRequest& in, QTcpSocket* socket);

    static const QString kPdsBase;
    static const QString kCpisBase;

private:
    struct Reply
    {
        HttpResponse response;
        Fault fault = Fault::None;
        int delayMs = 0;
    };

    Reply answer(const HttpRequest& in, bool unknownPlanCode);
    Reply patient(const HttpRequest& in, const QString& id);
    Reply patientSearch(const HttpRequest& in);
    Reply careTeam(const HttpRequest& in, const TestUser& user, bool unknownPlanCode);
    Reply auditEvent(const HttpRequest& in, const TestUser& user);
    void deliver(QTcpSocket* socket, const HttpRequest& in, const Reply& reply);
    static HttpResponse
    error(const HttpRequest& in, int status, const QString& spineCode, const QString& why);
    static HttpResponse json(const HttpRequest& in, const QJsonObject& body);

    Services m_s;
    bool m_open; // no Authorization required (acts as the triage nurse)
};

} // namespace cpis::sandbox
