#include "core/lookup/NationalServiceClient.h"

#include "core/domain/Vocabulary.h"
#include "core/fhir/FhirParser.h"
#include "core/net/NhsHeaders.h"

#include <QUrlQuery>

namespace cpis {

namespace {
const QString& kNhsSystem = vocabulary::kNhsNumberSystem;
const QString kAuditInclude = QStringLiteral(
    "AuditEvent:entity-type=http://terminology.hl7.org/CodeSystem/v3-RoleClass|ASSIGNED");

ServiceError badResponse(const FhirParser::Error& e, const HttpResponse& r)
{
    ServiceError err;
    err.kind = ServiceError::Kind::BadResponse;
    err.httpStatus = r.status;
    err.detail = e.what;
    err.attempts = r.attempts;
    return err;
}
} // namespace

NationalServiceClient::NationalServiceClient(FhirTransport* transport,
                                             QUrl pds,
                                             QUrl cpis,
                                             QObject* parent)
    : QObject(parent), m_transport(transport), m_pds(std::move(pds)), m_cpis(std::move(cpis))
{}

QUrl NationalServiceClient::url(const QUrl& base,
                                const QString& path,
                                const QList<std::pair<QString, QString>>& query)
{
    QUrl u = base;
    QString basePath = base.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    u.setPath(basePath + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto& [k, v] : query)
            q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
        u.setQuery(q.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    return u;
}

FhirTransport::Headers NationalServiceClient::headers(const CallContext& ctx) const
{
    const UserSession none;
    return NhsHeaders(ctx.session ? *ctx.session : none)
        .correlationId(ctx.correlationId)
        .traceId(ctx.traceId)
        .list();
}

FhirTransport::Headers NationalServiceClient::withUnscheduledFlag(FhirTransport::Headers h,
                                                                  bool unscheduled)
{
    // Guide, Headers page: "IsUnscheduledAccessEvent: true|false"; absent means unscheduled
    // and notifies the local authority, so a silent read must say false on each call.
    h.append({QByteArrayLiteral("IsUnscheduledAccessEvent"),
              unscheduled ? QByteArrayLiteral("true") : QByteArrayLiteral("false")});
    return h;
}

void NationalServiceClient::tracePatient(const NhsNumber& nhs,
                                         const CallContext& ctx,
                                         QObject* receiver,
                                         Callback<Demographics> done)
{
    m_transport->get(
        url(m_pds, QStringLiteral("/Patient/") + nhs.digits()), headers(ctx), receiver,
        [nhs, done](const Result<HttpResponse, ServiceError>& r, const QByteArray& id) {
            if (!r) {
                done(r.error(), id);
                return;
            }
            auto parsed = FhirParser::patient(r->body, nhs);
            if (!parsed)
                done(badResponse(parsed.error(), r.value()), id);
            else
                done(parsed.value(), id);
        });
}

void NationalServiceClient::queryPlans(const NhsNumber& nhs,
                                       bool unscheduled,
                                       const CallContext& ctx,
                                       QObject* receiver,
                                       Callback<FhirParser::CareTeamRecords> done)
{
    const auto h = withUnscheduledFlag(headers(ctx), unscheduled);
    // Guide, Endpoints: GET
    // [base]/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}
    m_transport->get(
        url(m_cpis, QStringLiteral("/CareTeam"),
            {{QStringLiteral("patient:identifier"), kNhsSystem + u'|' + nhs.digits()}}),
        h, receiver,
        [nhs, done](const Result<HttpResponse, ServiceError>& r, const QByteArray& id) {
            if (!r) {
                done(r.error(), id);
                return;
            }
            auto parsed = FhirParser::careTeamRecords(r->body, nhs);
            if (!parsed)
                done(badResponse(parsed.error(), r.value()), id);
            else
                done(parsed.value(), id);
        });
}

void NationalServiceClient::accessHistory(const NhsNumber& nhs,
                                          const CallContext& ctx,
                                          QObject* receiver,
                                          Callback<QList<AccessRecord>> done)
{
    // Guide (producer version), Endpoints: GET [base]/AuditEvent?patient:identifier=
    // https://fhir.nhs.uk/Id/nhs-number|{nhs}&_include=AuditEvent:entity-type=
    // http://terminology.hl7.org/CodeSystem/v3-RoleClass|ASSIGNED, which returns the viewers'
    // PractitionerRoles alongside (docs/api.md, CP-IS access history).
    m_transport->get(url(m_cpis, QStringLiteral("/AuditEvent"),
                         {{QStringLiteral("patient:identifier"), kNhsSystem + u'|' + nhs.digits()},
                          {QStringLiteral("_include"), kAuditInclude}}),
                     withUnscheduledFlag(headers(ctx), ctx.unscheduledAccess), receiver,
                     [done](const Result<HttpResponse, ServiceError>& r, const QByteArray& id) {
                         if (!r) {
                             done(r.error(), id);
                             return;
                         }
                         auto parsed = FhirParser::auditEventBundle(r->body);
                         if (!parsed)
                             done(badResponse(parsed.error(), r.value()), id);
                         else
                             done(parsed.value(), id);
                     });
}

void NationalServiceClient::searchPatients(const PatientSearchCriteria& c,
                                           const CallContext& ctx,
                                           QObject* receiver,
                                           Callback<PatientMatches> done)
{
    QList<std::pair<QString, QString>> q;
    auto add = [&q](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty())
            q.append({QLatin1String(key), value.trimmed()});
    };
    add("family", c.family);
    add("given", c.given);
    add("gender", c.gender);
    if (c.birthDate) {
        add("birthdate", QStringLiteral("eq") + c.birthDate->toString(Qt::ISODate));
    } else {
        if (c.bornFrom)
            add("birthdate", QStringLiteral("ge") + c.bornFrom->toString(Qt::ISODate));
        if (c.bornTo)
            add("birthdate", QStringLiteral("le") + c.bornTo->toString(Qt::ISODate));
    }
    add("address-postalcode", c.postcode);
    if (c.fuzzy)
        add("_fuzzy-match", QStringLiteral("true"));
    add("_max-results", QString::number(c.maxResults));
    m_transport->get(url(m_pds, QStringLiteral("/Patient"), q), headers(ctx), receiver,
                     [done](const Result<HttpResponse, ServiceError>& r, const QByteArray& id) {
                         if (!r) {
                             done(r.error(), id);
                             return;
                         }
                         auto parsed = FhirParser::patientSearchset(r->body);
                         if (!parsed)
                             done(badResponse(parsed.error(), r.value()), id);
                         else
                             done(parsed.value(), id);
                     });
}

} // namespace cpis
