#pragma once

#include "core/domain/AccessRecord.h"
#include "core/domain/CpisPlan.h"
#include "core/domain/Demographics.h"
#include "core/domain/NhsNumber.h"
#include "core/domain/PatientMatches.h"
#include "core/domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cpis {

// Strict readers of national-service responses (docs/api.md). Anything unexpected (an
// unknown plan code, a missing local authority, a bad date, a count that does not add
// up) is an error: a response we do not fully understand must end in "could not check",
// never in a silently shortened answer.
class FhirParser
{
public:
    struct Error
    {
        QString what; // technical; names the field, never its patient-data value
    };

    static Result<Demographics, Error> patient(const QByteArray& body, const NhsNumber& asked);
    static Result<QList<CpisPlan>, Error> careTeamBundle(const QByteArray& body,
                                                         const NhsNumber& subject);
    // The same Bundle, where a CareTeam whose one plan code no plan type has is kept apart as
    // a record this desk cannot display (docs/api.md, unknown plan types) instead of refusing
    // the answer; careTeamBundle refuses it.
    struct CareTeamRecords
    {
        QList<CpisPlan> plans;
        QList<UndisplayableRecord> undisplayable;
    };
    static Result<CareTeamRecords, Error> careTeamRecords(const QByteArray& body,
                                                          const NhsNumber& subject);
    static Result<QList<AccessRecord>, Error> auditEventBundle(const QByteArray& body);
    // A PDS demographic search's answer (docs/api.md, PDS search): a searchset of Patients,
    // each with its search.score, read by pdsPatient and sorted best first; or the
    // TOO_MANY_MATCHES OperationOutcome. Any other body is an error, never "no match".
    static Result<PatientMatches, Error> patientSearchset(const QByteArray& body);
    static constexpr int kMaxSearchMatches = 50;

    // A PDS Patient already read as JSON (PDS FHIR API, Patient.yaml): exactly one `usual`
    // name, exactly one meta.security label (U, R or V), one NHS-number identifier equal to
    // `id` with its verification status, deceasedDateTime in any published form, the `home`
    // address (and a `temp` one apart), partial birth dates kept partial.
    static Result<Demographics, Error> pdsPatient(const QJsonObject& p, const NhsNumber& asked);
    // Who a Patient is and nothing more (area lists: one NDJSON line each, without PDS's meta
    // and identifier rules): id, the one `usual` name, gender and birth date.
    static Result<Demographics, Error> patientResource(const QJsonObject& p,
                                                       const NhsNumber& asked);
    static Result<CpisPlan, Error> careTeamResource(const QJsonObject& ct,
                                                    const NhsNumber& subject);
    // A FHIR instant with a time zone, in UTC; nullopt when it is anything else.
    static std::optional<QDateTime> instant(const QJsonValue& v);
    // A full FHIR date (YYYY-MM-DD); nullopt when it is anything else, partial dates included.
    static std::optional<QDate> date(const QJsonValue& v);

    // A searchset Bundle's entries: the matches (each a `matchType`) and the included
    // resources with their fullUrls (same order). Whole: Bundle.total must equal the matches;
    // Paged: this page holds at most Bundle.total (the review feed, §12); Records: total counts
    // CP-IS records and one record carries up to kPlansPerRecord matches, so it is advisory:
    // fewer matches than records is an error (a plan is missing), more is read, within bounds.
    struct Searchset
    {
        QList<QJsonObject> matches;
        QList<QJsonObject> includes;
        QStringList includeUrls;
        int total = 0;
    };
    enum class Paging
    {
        Whole,
        Paged,
        Records,
    };
    static constexpr int kPlansPerRecord = 3; // CPP, LAC and UCPP
    static constexpr int kMaxCareTeams = 30;
    static Result<Searchset, Error>
    searchset(const QJsonObject& bundle, const QString& matchType, Paging paging);

    // Who an AuditEvent says asked (access history §7, review feed §12): its first agent's
    // PractitionerRole, found among the Bundle's included roles (practitionerRoles). The
    // caller decides which fields it cannot do without.
    struct Requester
    {
        QString name;
        QString role;
        QString organisation;
        QString organisationOds;
    };
    static QHash<QString, QJsonObject> practitionerRoles(const QList<QJsonObject>& includes);

    // Included resources by every way a reference may name them: "Type/id" and the entry's
    // fullUrl (absolute, as the guide's examples have it). resolve() tries the reference as
    // written, then an absolute one's "Type/id" tail; nullopt when nothing matches.
    using References = QHash<QString, QJsonObject>;
    static References byReference(const Searchset& entries);
    static std::optional<QJsonObject> resolve(const References& refs, const QString& reference);
    // "Type/id" of a relative or absolute reference; empty when it has neither form.
    static QString referenceTail(const QString& reference);
    static Result<Requester, Error> requester(const QJsonObject& auditEvent,
                                              const QHash<QString, QJsonObject>& roles);

    static constexpr int kMaxAccessRecords = 25;
};

} // namespace cpis
