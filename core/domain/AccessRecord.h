#pragma once

#include <QDateTime>
#include <QString>

namespace cpis {

// One row of CP-IS access history: who looked at this record, from where, when. The record
// also lists accesses made by a system rather than a person (HL7 V3 COCT_TP145104GB01, a FHIR
// Device agent): then viewerName is the system's name, role is empty and organisation is the
// organisation that maintains it.
struct AccessRecord
{
    QDateTime when; // UTC
    QString viewerName;
    QString role;
    QString organisation;
    QString organisationOds;
    bool bySystem = false;

    friend bool operator==(const AccessRecord& a, const AccessRecord& b)
    {
        return a.when == b.when && a.viewerName == b.viewerName && a.role == b.role &&
               a.organisation == b.organisation && a.organisationOds == b.organisationOds &&
               a.bySystem == b.bySystem;
    }
};

} // namespace cpis
