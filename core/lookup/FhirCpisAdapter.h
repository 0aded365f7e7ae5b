#pragma once

#include "core/lookup/CpisPort.h"
#include "core/lookup/NationalServiceClient.h"

namespace cpis {

// CP-IS over the draft FHIR API: the CareTeam query, then the access history (asked after the
// plans, so that this very access is among its rows). An empty CareTeam bundle is "no record",
// as that API defines it; a history that cannot be had leaves the plans standing.
class FhirCpisAdapter : public CpisPort
{
public:
    explicit FhirCpisAdapter(NationalServiceClient* client) : m_client(client) {}

    void ask(const NhsNumber& nhs,
             bool unscheduled,
             const Call& call,
             QObject* receiver,
             Done done) override;

private:
    NationalServiceClient* m_client;
};

} // namespace cpis
