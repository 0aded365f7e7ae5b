#pragma once

#include "PlanType.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace cpis {

// One area (a school or health-visiting area) a CPIS-AREA-LISTS role may export (FHIR Group).
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

// A row of the list as screens show it: one plan with its person.
struct AreaListRow
{
    QString nhsNumber;
    QString givenName;
    QString familyName;
    std::optional<QDate> birthDate;
    QString gender;
    PlanType type = PlanType::ChildProtection;
    QDate start;
    std::optional<QDate> end;
    QString laCode;
    QString laName;
};

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
};

} // namespace cpis
