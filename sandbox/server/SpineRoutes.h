#pragma once

#include "core/domain/Clock.h"
#include "sandbox/endpoints/QupcRequest.h"
#include "sandbox/faults/FaultInjector.h"
#include "sandbox/server/HttpExchange.h"

#include <functional>
#include <optional>

namespace cpis::sandbox {

class AccessLog;
class LocalAuthorityDirectory;
class ScenarioCatalogue;
class SignInService;
class SyntheticPopulation;
struct TestUser;

// CP-IS over Spine as it runs today (docs/api.md §13): POST /spine/cpis takes a
// QUPC_IN000006GB01 in a SOAP 1.1 envelope and answers REPC_IN000007GB01, QUQI_IN010000UK14
// ("No Records Found"), MCCI_IN010000UK13 (errors) or a SOAP fault, from the same people,
// plans, access log and notifications as the FHIR routes.
class SpineRoutes
{
public:
    // One request the route took and what it wrote back, for tests that check every message on
    // the wire: `response.status` is 0 when nothing was written (no answer, a reset), and
    // `cutAt` is where a deliberately truncated answer stops (-1: whole).
    struct Exchange
    {
        QByteArray request;
        HttpResponse response;
        qsizetype cutAt = -1;
    };
    using Observer = std::function<void(const Exchange&)>;

    struct Services
    {
        SignInService& signIn; // the test users a person author must be
        const SyntheticPopulation& population;
        const ScenarioCatalogue& scenarios;
        const LocalAuthorityDirectory& authorities;
        FaultInjector& faults;
        AccessLog& log;
        const Clock& clock;
        Observer observer = {}; // tests only; may be empty
    };

    explicit SpineRoutes(Services services) : m_s(services) {}

    static bool handles(const QString& path);
    void handle(const HttpRequest& in, QTcpSocket* socket);

private:
    // `unknownTemplate`: the first plan under a template no desk knows (the unknown-plan-code
    // fault), as a plan type CP-IS added later would come.
    HttpResponse
    answer(const QupcRequest& request, bool wrongRelatesTo, bool unknownTemplate = false);
    std::optional<TestUser> author(const QupcRequest& request) const;
    void
    send(QTcpSocket* socket, const HttpRequest& in, const HttpResponse& r, qsizetype cutAt = -1);
    void
    deliver(QTcpSocket* socket, const HttpRequest& in, Fault fault, const QupcRequest& request);

    Services m_s;
};

} // namespace cpis::sandbox
