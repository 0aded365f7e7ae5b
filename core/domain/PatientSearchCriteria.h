#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace cpis {

// What a user knows about someone whose NHS number nobody knows, as a PDS demographic search
// asks it (docs/api.md, PDS search): names, sex, a date of birth or a range of them (from an
// age range), a postcode. Fuzzy by default: the person in front of you spells their name the
// way it sounds and may give the day and month the other way round.
struct PatientSearchCriteria
{
    QString family;
    QString given;
    QString gender;                 // FHIR administrative gender, or empty: not searched on
    std::optional<QDate> birthDate; // exact date; or, when unset, the range below
    std::optional<QDate> bornFrom;  // birthdate=ge…
    std::optional<QDate> bornTo;    // birthdate=le…
    QString postcode;               // optional
    bool fuzzy = true;
    int maxResults = kMaxResults;

    static constexpr int kMaxResults = 50; // PDS's ceiling for a healthcare worker
    static constexpr int kMaxNameLength = 35;

    // The birth dates of someone aged `minAge` to `maxAge` whole years on `today`.
    static std::pair<QDate, QDate> birthRangeForAges(int minAge, int maxAge, const QDate& today);

    enum class Problem
    {
        None,
        NoBirthDate,     // neither a date of birth nor an age range
        RangeReversed,   // the range ends before it starts
        NotEnoughDetail, // not one of the combinations PDS accepts
        NameTooLong,
        MaxResultsOutOfRange,
    };
    // Whether PDS would accept these criteria: checked before asking, so that a refusal
    // reads as "add details", not as a failed service.
    Problem problem() const;

    // The criteria as the audit entry records them (never a log line: they are personal data).
    QString auditText() const;
};

} // namespace cpis
