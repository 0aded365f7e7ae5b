#include "core/lookup/FhirCpisAdapter.h"

#include <memory>

namespace cpis {

void FhirCpisAdapter::ask(
    const NhsNumber& nhs, bool unscheduled, const Call& call, QObject* receiver, Done done)
{
    NationalServiceClient::CallContext ctx;
    ctx.session = call.session;
    ctx.correlationId = call.correlationId;
    ctx.traceId = call.traceId;
    // Both FHIR calls declare the access, so that a silent read never notifies.
    ctx.unscheduledAccess = unscheduled;
    auto finish = std::make_shared<Done>(std::move(done));
    NationalServiceClient* client = m_client;
    client->queryPlans(
        nhs, unscheduled, ctx, receiver,
        [client, nhs, ctx, receiver,
         finish](const Result<FhirParser::CareTeamRecords, ServiceError>& r, const QByteArray& id) {
            if (!r) {
                (*finish)(r.error(), id);
                return;
            }
            CpisAnswer answer;
            answer.plans = r->plans;
            answer.undisplayable = r->undisplayable;
            answer.noRecord = r->plans.isEmpty() && r->undisplayable.isEmpty();
            client->accessHistory(
                nhs, ctx, receiver,
                [answer, id, finish](const Result<QList<AccessRecord>, ServiceError>& h,
                                     const QByteArray&) mutable {
                    if (h)
                        answer.accessHistory = h.value();
                    else
                        answer.historyUnavailable = true;
                    (*finish)(answer, id);
                });
        });
}

} // namespace cpis
