#pragma once

#include <QDateTime>
#include <QString>

namespace cpis {

// One row of CP-IS access history: who looked at this record, from where, when.
struct AccessRecord
{
    QDateTime when; // UTC
    QString viewerName;
    QString role;
    QString organisation;
    QString organisationOds;

    friend bool operator==(const AccessRecord& a, const AccessRecord& b)
    {
        return a.when == b.when && a.viewerName == b.viewerName && a.role == b.role &&
               a.organisation == b.organisation && a.organisationOds == b.organisationOds;
    }
};

} // namespace cpis
