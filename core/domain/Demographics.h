#pragma once

#include "core/domain/NhsNumber.h"
#include "core/domain/PartialDate.h"

#include <QString>

#include <optional>

namespace cpis {

// A PDS trace result, as much as the banner and the identity check need.
struct Demographics
{
    // meta.security, from http://terminology.hl7.org/CodeSystem/v3-Confidentiality.
    enum class Confidentiality
    {
        Unrestricted,   // U
        Restricted,     // R: address, telecom and GP withheld
        VeryRestricted, // V: withheld as for R
    };

    NhsNumber nhsNumber;                     // the number PDS answered with
    std::optional<NhsNumber> supersededFrom; // set when the number asked for was superseded
    QString familyName;                      // of the one `usual` name
    QString givenName;
    QString title;
    std::optional<PartialDate> birthDate;
    std::optional<PartialDate> deceased; // the UK date of death, as precise as PDS has it
    QString gender; // FHIR administrative gender: male | female | other | unknown
    Confidentiality confidentiality = Confidentiality::Unrestricted;
    bool nhsNumberVerified = false; // PDS marks the number "present and verified" (01)
    QString address;                // the home address; empty when withheld or not known
    QString temporaryAddress;       // a current `temp` address, shown only labelled as such

    bool restricted() const { return confidentiality != Confidentiality::Unrestricted; }
};

} // namespace cpis
