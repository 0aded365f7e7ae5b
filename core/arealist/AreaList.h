#pragma once

#include "core/domain/PlanType.h"

#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace cpis {

// One area (a school or health-visiting area) a community practitioner may export (FHIR Group).
struct AreaInfo
{
    QString id;
    QString name;
    int quantity = 0;
};

// A person on an area list, from one NDJSON Patient line.
struct AreaPatient
{
    QString nhsNumber; // ten digits, checked
    QString givenName;
    QString familyName;
    std::optional<QDate> birthDate;
    QString gender;
    QDateTime lastUpdated;
};

// One plan on an area list, from one NDJSON CareTeam line.
struct AreaPlan
{
    QString id; // CareTeam id
    QString nhsNumber;
    PlanType type = PlanType::ChildProtection;
    QDate start;
    std::optional<QDate> end;
    QString laCode;
    QString laName;
    QDateTime lastUpdated;
};

// A row of the list as screens show it: one plan with its person. Text is QString in an
// AreaListRow; in an AreaListRowView it is UTF-8 views into the store's buffers, valid only during
// the callback that receives it, so a screen of 150,000 rows copies what it needs into its own
// compact form without a QString per field in between.
template <typename Text> struct BasicAreaListRow
{
    Text nhsNumber;
    Text givenName;
    Text familyName;
    std::optional<QDate> birthDate;
    Text gender;
    PlanType type = PlanType::ChildProtection;
    QDate start;
    std::optional<QDate> end;
    Text laCode;
    Text laName;
};
using AreaListRow = BasicAreaListRow<QString>;
using AreaListRowView = BasicAreaListRow<QByteArrayView>;

inline AreaListRow toRow(const AreaListRowView& v)
{
    return AreaListRow{QString::fromUtf8(v.nhsNumber),
                       QString::fromUtf8(v.givenName),
                       QString::fromUtf8(v.familyName),
                       v.birthDate,
                       QString::fromUtf8(v.gender),
                       v.type,
                       v.start,
                       v.end,
                       QString::fromUtf8(v.laCode),
                       QString::fromUtf8(v.laName)};
}

// Where an area's list stands. asOf is the manifest transactionTime of the last COMPLETE sync:
// the list is what CP-IS said then, whatever happened in later attempts.
struct AreaSyncState
{
    QString areaId;
    QString areaName;
    std::optional<QDateTime> asOf;
    std::optional<QDateTime> lastAttempt;
    QString lastError; // empty when the last attempt succeeded
    qint64 people = 0;
    qint64 plans = 0;
    // A partial sync: the list was kept, but the service reported this many problems
    // (OperationOutcome issues in the manifest's error files); the next sync is a full one.
    qint64 problems = 0;
    QStringList problemNotes; // the first few issues' diagnostics, as the service worded them
};

// One issue of an OperationOutcome in an export's error file.
struct ExportIssue
{
    QString severity; // fatal | error | warning | information
    QString code;
    QString text; // diagnostics, else details.text; may name a person: shown, never logged
};

// A resource an incremental export says was deleted since _since (deleted[] Bundle entry).
struct DeletedResource
{
    QString type; // e.g. CareTeam, Patient
    QString id;
};

} // namespace cpis
