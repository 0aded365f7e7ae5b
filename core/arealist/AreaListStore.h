#pragma once

#include "core/arealist/AreaList.h"
#include "core/store/StoreError.h"

#include <QDate>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace cpis {

class SecureDb;
class SqlStatement;

// Area lists in their own SQLCipher file (arealists.db). A sync is one transaction that stays
// open while the files download, so it must not share a connection with the answer cache (a
// look-up's cache write would land in it, and a failed sync would roll that back too).
// Full sync: the area's rows are replaced. Incremental: rows are upserted. Either way nothing
// is visible until commitSync(); abortSync() leaves the previous complete list as it was.
class AreaListStore
{
public:
    static StoreResult<std::unique_ptr<AreaListStore>> open(SecureDb& db);
    ~AreaListStore();
    AreaListStore(const AreaListStore&) = delete;
    AreaListStore& operator=(const AreaListStore&) = delete;

    StoreStatus beginSync(const QString& areaId, bool full);
    StoreStatus putPatient(const AreaPatient& p);
    StoreStatus putPlan(const AreaPlan& p);
    // deleted[] of an incremental export: the plan (CareTeam id) leaves the list; a person
    // (Patient id, the NHS number) leaves it with their plans. Returns the rows removed
    // (0 when the list never held it).
    StoreResult<qint64> removePlan(const QString& careTeamId);
    StoreResult<qint64> removePatient(const QString& nhsNumber);
    // Plans of the area that name no person on it (an incomplete export): must be 0 to commit.
    StoreResult<qint64> orphanPlans();
    // Drops plans ended longer ago than the list window (docs/api.md §11) and people left
    // without a plan, records the sync state and commits. `problems` and `problemNotes`: what
    // the service reported it could not export (a partial list); 0 for a complete one.
    StoreStatus commitSync(const QString& areaName,
                           const QDateTime& asOf,
                           const QDate& today,
                           qint64 problems = 0,
                           const QStringList& problemNotes = {});
    void abortSync();
    bool syncOpen() const { return !m_syncArea.isEmpty(); }

    // Outside a sync: a failed attempt, recorded without touching the list.
    StoreStatus recordFailure(const QString& areaId,
                              const QString& areaName,
                              const QDateTime& attempt,
                              const QString& error);
    // Outside a sync: an attempt the user cancelled. Not an error: the list, and its as-of,
    // are as they were, and the state reads as such.
    StoreStatus
    recordCancelled(const QString& areaId, const QString& areaName, const QDateTime& attempt);
    StoreStatus recordAttempt(const QString& areaId, const QDateTime& attempt);

    StoreResult<AreaSyncState> state(const QString& areaId);
    // Every row of the area (one per plan), in no particular order.
    StoreStatus forEachRow(const QString& areaId,
                           const std::function<void(const AreaListRowView&)>& row);
    StoreResult<qint64> clear(); // everything, all areas (sign-out of a shared workstation)

    static constexpr int kEndedWindowDays = 365;
    static constexpr int kEndedWindowDaysUcpp = 28;

private:
    explicit AreaListStore(SecureDb& db);
    StoreStatus prepareStatements();

    SecureDb& m_db;
    QString m_syncArea;
    std::unique_ptr<SqlStatement> m_dropPatient;
    std::unique_ptr<SqlStatement> m_putPatient;
    std::unique_ptr<SqlStatement> m_dropPlan;
    std::unique_ptr<SqlStatement> m_putPlan;
    std::unique_ptr<SqlStatement> m_removePlan;
    std::unique_ptr<SqlStatement> m_removePatientPlans;
    std::unique_ptr<SqlStatement> m_removePatient;
};

} // namespace cpis
