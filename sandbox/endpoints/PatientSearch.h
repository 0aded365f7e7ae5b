#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace cpis::sandbox {

class FhirResources;
class PopulationIndex;

// PDS demographic search, GET /personal-demographics/FHIR/R4/Patient?… (docs/api.md, PDS
// search), as NHS England publishes it: the parameters checked with the published error
// codes, then a match over the population index, scored 0..1 and sorted best first.
//
// A non-fuzzy search matches names and postcodes exactly or by a trailing wildcard. A fuzzy
// search also matches family names that sound alike (Soundex) or are one or two letters
// out, given names by their common short forms, by sound or by their first letters, a
// birth date whose day and month were swapped, a postcode in the same district, and given
// and family names the wrong way round; each of those lowers the score.
class PatientSearch
{
public:
    struct Answer
    {
        int status = 200;
        QString spineCode; // set when status is not 200
        QString why;
        QJsonObject body; // status 200: a searchset, or the TOO_MANY_MATCHES outcome
    };

    static constexpr int kDefaultMaxResults = 50;
    static constexpr int kMaxResults = 50;

    PatientSearch(const PopulationIndex& index, const FhirResources& resources)
        : m_index(index), m_resources(resources)
    {}

    Answer answer(const QUrlQuery& query, const QString& origin, const QDateTime& now) const;

private:
    const PopulationIndex& m_index;
    const FhirResources& m_resources;
};

} // namespace cpis::sandbox
