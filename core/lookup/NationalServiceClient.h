#pragma once

#include "core/domain/AccessRecord.h"
#include "core/domain/CpisPlan.h"
#include "core/domain/Demographics.h"
#include "core/domain/NhsNumber.h"
#include "core/domain/PatientMatches.h"
#include "core/domain/PatientSearchCriteria.h"
#include "core/domain/Result.h"
#include "core/domain/UserSession.h"
#include "core/fhir/FhirParser.h"
#include "core/net/FhirTransport.h"
#include "core/net/ServiceError.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

namespace cpis {

// The national services as docs/api.md describes them: PDS trace, CP-IS CareTeam query
// and CP-IS access history. Each call parses strictly; anything it cannot read becomes a
// BadResponse error, never a shorter answer.
class NationalServiceClient : public QObject
{
    Q_OBJECT
public:
    // Headers shared by the calls that make up one look-up.
    struct CallContext
    {
        const UserSession* session = nullptr;
        QByteArray correlationId; // one per look-up, echoed by the service
        QByteArray traceId;
        // IsUnscheduledAccessEvent on every CP-IS call (the CareTeam search and access
        // history): UserSession::isUnscheduledAccess(site). The service reads a missing header
        // as unscheduled, so it is always sent; queryPlans's own argument decides its call.
        bool unscheduledAccess = true;
    };

    template <typename T>
    using Callback =
        std::function<void(const Result<T, ServiceError>&, const QByteArray& requestId)>;

    // `pds` and `cpis` are the services' base URLs, used as given: PDS's own
    // (…/personal-demographics/FHIR/R4) and the CP-IS FHIR base.
    NationalServiceClient(FhirTransport* transport, QUrl pds, QUrl cpis, QObject* parent = nullptr);

    void tracePatient(const NhsNumber& nhs,
                      const CallContext& ctx,
                      QObject* receiver,
                      Callback<Demographics> done);
    // `unscheduled` follows from the user's activity code and the site type.
    void queryPlans(const NhsNumber& nhs,
                    bool unscheduled,
                    const CallContext& ctx,
                    QObject* receiver,
                    Callback<FhirParser::CareTeamRecords> done);
    void accessHistory(const NhsNumber& nhs,
                       const CallContext& ctx,
                       QObject* receiver,
                       Callback<QList<AccessRecord>> done);

    // PDS demographic search: the candidates for the criteria, best first, or that too many
    // matched. Criteria PDS would refuse are sent anyway and come back as InvalidRequest.
    void searchPatients(const PatientSearchCriteria& criteria,
                        const CallContext& ctx,
                        QObject* receiver,
                        Callback<PatientMatches> done);

    QUrl pdsUrl() const { return m_pds; }
    QUrl cpisUrl() const { return m_cpis; }

private:
    static QUrl url(const QUrl& base,
                    const QString& path,
                    const QList<std::pair<QString, QString>>& query = {});
    FhirTransport::Headers headers(const CallContext& ctx) const;
    static FhirTransport::Headers withUnscheduledFlag(FhirTransport::Headers h, bool unscheduled);

    FhirTransport* m_transport;
    QUrl m_pds;
    QUrl m_cpis;
};

} // namespace cpis
