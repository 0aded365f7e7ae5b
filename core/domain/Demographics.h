#pragma once

#include "core/domain/NhsNumber.h"

#include <QDate>
#include <QString>

#include <optional>

namespace cpis {

// A PDS trace result, as much as the banner and the identity check need.
struct Demographics
{
    NhsNumber nhsNumber;                     // the number PDS answered with
    std::optional<NhsNumber> supersededFrom; // set when the number asked for was superseded
    QString familyName;
    QString givenName;
    QString title;
    std::optional<QDate> birthDate;
    QString gender;          // FHIR administrative gender: male | female | other | unknown
    bool restricted = false; // meta.security R: address and telecom withheld
    QString address;         // empty when restricted or not known
};

} // namespace cpis
