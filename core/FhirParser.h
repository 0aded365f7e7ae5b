#pragma once

#include "AccessRecord.h"
#include "CpisPlan.h"
#include "Demographics.h"
#include "NhsNumber.h"
#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

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
    static Result<QList<AccessRecord>, Error> auditEventBundle(const QByteArray& body);

    // The same rules for one resource already read as JSON (area lists: one NDJSON line each).
    static Result<Demographics, Error> patientResource(const QJsonObject& p,
                                                       const NhsNumber& asked);
    static Result<CpisPlan, Error> careTeamResource(const QJsonObject& ct,
                                                    const NhsNumber& subject);
    // A FHIR instant with a time zone, in UTC; nullopt when it is anything else.
    static std::optional<QDateTime> instant(const QJsonValue& v);

    static constexpr int kMaxAccessRecords = 25;
};

} // namespace cpis
