#pragma once

#include "core/domain/CpisPlan.h"
#include "core/domain/NhsNumber.h"
#include "core/domain/Result.h"
#include "core/fhir/FhirParser.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace cpis {

// One CP-IS plan as the draft CP-IS FHIR R4 guide (NHS England IG v1.0.0, 9 Nov 2023) writes
// a CareTeam: the SNOMED CT plan type in category, the child in subject.identifier, the plan's
// dates in period, and the responsible local authority on CareTeam.name and CareTeam.telecom,
// with no ODS code (docs/api.md, CP-IS CareTeam). A contained or referenced Organization is
// read as well, and its ODS code kept when it has one; failing that, a code leading the name
// as in the guide's Bundle example ("SFD1 - SHEFFIELD CITY COUNCIL").
class CpisCareTeamReader
{
public:
    using Error = FhirParser::Error;

    // `included`: the Bundle's included resources by reference (FhirParser::byReference).
    static Result<CpisPlan, Error> plan(const QJsonObject& careTeam,
                                        const NhsNumber& subject,
                                        const FhirParser::References& included);
    // The one SNOMED CT plan code of a CareTeam when it is a code no plan type has, else
    // nothing (a known code, or codings plan() refuses).
    static std::optional<QString> unknownPlanCode(const QJsonObject& careTeam);
    // A CareTeam with such a code: still about `subject` (else an error), its authority kept
    // when it reads as plan() would read it.
    static Result<UndisplayableRecord, Error> undisplayable(const QJsonObject& careTeam,
                                                            const NhsNumber& subject,
                                                            const FhirParser::References& included);

    // Which of the authority's two numbers a ContactPoint is (docs/api.md states the rule):
    //   use work, or no use          -> office hours
    //   use mobile                   -> emergency duty (out of hours)
    //   any other use (home, temp, old), a system other than phone, or no system on a value
    //   that is not a telephone number -> not classifiable: the whole answer is refused.
    enum class Line
    {
        OfficeHours,
        EmergencyDuty,
    };
    struct Telecom
    {
        Line line = Line::OfficeHours;
        QString number;
    };
    static Result<Telecom, Error> classify(const QJsonObject& contactPoint);

    // A period bound: a full FHIR date as it is; a dateTime (which FHIR requires to carry a
    // zone) as the calendar date it falls on in Europe/London. Partial dates are refused.
    static std::optional<QDate> periodDate(const QJsonValue& v);
    static QDate londonDate(const QDateTime& instant);
};

} // namespace cpis
