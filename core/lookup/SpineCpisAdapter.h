#pragma once

#include "core/lookup/CpisPort.h"
#include "core/spine/SpineTransport.h"

#include <QString>
#include <QUrl>

namespace cpis {

class Clock;

// CP-IS as it runs today: one HL7 V3 query (QUPC_IN000006GB01) over SOAP to Spine, answered
// by the records with their previous queries (REPC_IN000007GB01) or by "no record found"
// (QUQI_IN010000UK14, NF). The signed-in user is the query's person author; a session without
// an SDS user id makes the desk itself the (system) author acting for the session's person.
class SpineCpisAdapter : public CpisPort
{
public:
    struct Settings
    {
        QUrl endpoint; // the full Spine endpoint, used as given
        QString deskAsid;
        QString deskPartyKey;
        QString cpisAsid;
        QString cpisPartyKey;
    };

    SpineCpisAdapter(SpineTransport* transport, const Clock* clock, Settings settings);

    void ask(const NhsNumber& nhs,
             bool unscheduled,
             const Call& call,
             QObject* receiver,
             Done done) override;

    const Settings& settings() const { return m_settings; }

private:
    SpineTransport* m_transport;
    const Clock* m_clock;
    Settings m_settings;
};

} // namespace cpis
