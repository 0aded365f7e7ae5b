#include "core/arealist/AreaListStore.h"

#include "core/store/SecureDb.h"

#include <iterator>
#include <variant>

namespace cpis {

namespace {

// Dates as Julian days, instants as ms since the epoch: compact and cheap to compare.
const QStringList kMigrations = {
    QStringLiteral(R"(
CREATE TABLE area_patient (
    area TEXT NOT NULL,
    nhs TEXT NOT NULL,
    given TEXT NOT NULL,
    family TEXT NOT NULL,
    birth INTEGER,
    gender TEXT NOT NULL,
    updated INTEGER NOT NULL,
    PRIMARY KEY (area, nhs)) WITHOUT ROWID;
CREATE TABLE area_plan (
    area TEXT NOT NULL,
    id TEXT NOT NULL,
    nhs TEXT NOT NULL,
    type INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER,
    la_code TEXT NOT NULL,
    la_name TEXT NOT NULL,
    updated INTEGER NOT NULL,
    PRIMARY KEY (area, id)) WITHOUT ROWID;
CREATE TABLE area_sync (
    area TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    as_of INTEGER,
    last_attempt INTEGER,
    last_error TEXT NOT NULL,
    people INTEGER NOT NULL,
    plans INTEGER NOT NULL) WITHOUT ROWID;
)"),
    // A partial sync (the export's error files reported problems): how many, and the first
    // few diagnostics, newline-separated.
    QStringLiteral(R"(
ALTER TABLE area_sync ADD COLUMN problems INTEGER NOT NULL DEFAULT 0;
ALTER TABLE area_sync ADD COLUMN problem_notes TEXT NOT NULL DEFAULT '';
)"),
};

// One statement with text and integer parameters, run to completion.
StoreStatus run(SecureDb& db, const char* sql, const QList<std::variant<QString, qint64>>& args)
{
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    for (int i = 0; i < args.size(); ++i) {
        if (const auto* s = std::get_if<QString>(&args.at(i)))
            st.value().bind(i + 1, *s);
        else
            st.value().bind(i + 1, std::get<qint64>(args.at(i)));
    }
    return st.value().run();
}

// The area's sync row, made empty (never synced) if it is not there yet; an attempt that did
// not complete is then recorded on it without touching the list it describes.
StoreStatus ensureSyncRow(SecureDb& db, const QString& areaId, const QString& areaName)
{
    return run(db,
               "INSERT OR IGNORE INTO area_sync (area, name, as_of, last_attempt, last_error, "
               "people, plans) VALUES (?, ?, NULL, NULL, '', 0, 0)",
               {areaId, areaName});
}

StoreResult<qint64> count(SecureDb& db, const char* sql, const QString& area)
{
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    st.value().bind(1, area);
    auto row = st.value().step();
    if (!row)
        return row.error();
    return row.value() ? st.value().int64(0) : 0;
}
} // namespace

AreaListStore::AreaListStore(SecureDb& db) : m_db(db) {}

AreaListStore::~AreaListStore()
{
    if (syncOpen())
        abortSync();
}

StoreResult<std::unique_ptr<AreaListStore>> AreaListStore::open(SecureDb& db)
{
    if (auto s = db.migrate(kMigrations); !s)
        return s.error();
    std::unique_ptr<AreaListStore> store(new AreaListStore(db));
    if (auto s = store->prepareStatements(); !s)
        return s.error();
    return store;
}

StoreStatus AreaListStore::prepareStatements()
{
    // An upsert is a DELETE then a plain INSERT, not INSERT OR REPLACE. REPLACE may delete a row
    // and insert another in one statement, so SQLite keeps a statement journal for it, and
    // SQLCipher encrypts (and draws a random IV for) every page copied into that journal: with
    // REPLACE the 307,562 rows of a 150,000-child list took 6.5 s to store, as two statements
    // that each write at most one row they take 1.4-1.8 s (bench/bench_arealist).
    const char* const sql[] = {
        "DELETE FROM area_patient WHERE area = ? AND nhs = ?",
        "INSERT INTO area_patient (area, nhs, given, family, birth, gender, updated) VALUES (?, "
        "?, ?, ?, ?, ?, ?)",
        "DELETE FROM area_plan WHERE area = ? AND id = ?",
        "INSERT INTO area_plan (area, id, nhs, type, start, end, la_code, la_name, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "DELETE FROM area_plan WHERE area = ? AND id = ?",
        "DELETE FROM area_plan WHERE area = ? AND nhs = ?",
        "DELETE FROM area_patient WHERE area = ? AND nhs = ?",
    };
    std::unique_ptr<SqlStatement>* const into[] = {
        &m_dropPatient, &m_putPatient,         &m_dropPlan,     &m_putPlan,
        &m_removePlan,  &m_removePatientPlans, &m_removePatient};
    for (size_t i = 0; i < std::size(sql); ++i) {
        auto st = m_db.prepare(sql[i]);
        if (!st)
            return st.error();
        *into[i] = std::make_unique<SqlStatement>(std::move(st).value());
    }
    return {};
}

StoreStatus AreaListStore::beginSync(const QString& areaId, bool full)
{
    if (syncOpen())
        return StoreError{StoreError::Code::Sql, QStringLiteral("a sync is already open"), 0};
    if (auto s = m_db.begin(); !s)
        return s;
    m_syncArea = areaId;
    if (full) {
        for (const char* sql :
             {"DELETE FROM area_plan WHERE area = ?", "DELETE FROM area_patient WHERE area = ?"}) {
            if (auto s = run(m_db, sql, {areaId}); !s) {
                abortSync();
                return s;
            }
        }
    }
    return {};
}

StoreStatus AreaListStore::putPatient(const AreaPatient& p)
{
    if (auto s = m_dropPatient->bind(1, m_syncArea).bind(2, p.nhsNumber).run(); !s)
        return s;
    SqlStatement& st = *m_putPatient;
    st.bind(1, m_syncArea).bind(2, p.nhsNumber).bind(3, p.givenName).bind(4, p.familyName);
    if (p.birthDate)
        st.bind(5, p.birthDate->toJulianDay());
    else
        st.bindNull(5);
    st.bind(6, p.gender).bind(7, p.lastUpdated.toMSecsSinceEpoch());
    return st.run();
}

StoreStatus AreaListStore::putPlan(const AreaPlan& p)
{
    if (auto s = m_dropPlan->bind(1, m_syncArea).bind(2, p.id).run(); !s)
        return s;
    SqlStatement& st = *m_putPlan;
    st.bind(1, m_syncArea).bind(2, p.id).bind(3, p.nhsNumber).bind(4, qint64(p.type));
    st.bind(5, p.start.toJulianDay());
    if (p.end)
        st.bind(6, p.end->toJulianDay());
    else
        st.bindNull(6);
    st.bind(7, p.laCode).bind(8, p.laName).bind(9, p.lastUpdated.toMSecsSinceEpoch());
    return st.run();
}

StoreResult<qint64> AreaListStore::removePlan(const QString& careTeamId)
{
    if (!syncOpen())
        return StoreError{StoreError::Code::Sql, QStringLiteral("no sync is open"), 0};
    if (auto s = m_removePlan->bind(1, m_syncArea).bind(2, careTeamId).run(); !s)
        return s.error();
    return m_db.changes();
}

StoreResult<qint64> AreaListStore::removePatient(const QString& nhsNumber)
{
    if (!syncOpen())
        return StoreError{StoreError::Code::Sql, QStringLiteral("no sync is open"), 0};
    if (auto s = m_removePatientPlans->bind(1, m_syncArea).bind(2, nhsNumber).run(); !s)
        return s.error();
    qint64 removed = m_db.changes();
    if (auto s = m_removePatient->bind(1, m_syncArea).bind(2, nhsNumber).run(); !s)
        return s.error();
    return removed + m_db.changes();
}

StoreResult<qint64> AreaListStore::orphanPlans()
{
    return count(m_db,
                 "SELECT COUNT(*) FROM area_plan p WHERE p.area = ?1 AND NOT EXISTS (SELECT 1 "
                 "FROM area_patient q WHERE q.area = ?1 AND q.nhs = p.nhs)",
                 m_syncArea);
}

StoreStatus AreaListStore::commitSync(const QString& areaName,
                                      const QDateTime& asOf,
                                      const QDate& today,
                                      qint64 problems,
                                      const QStringList& problemNotes)
{
    if (!syncOpen())
        return StoreError{StoreError::Code::Sql, QStringLiteral("no sync is open"), 0};
    const qint64 ucpp = qint64(PlanType::UnbornChildProtection);
    const qint64 day = today.toJulianDay();
    auto fail = [this](const StoreError& e) {
        abortSync();
        return StoreStatus(e);
    };
    if (auto s =
            run(m_db,
                "DELETE FROM area_plan WHERE area = ? AND end IS NOT NULL AND end + (CASE "
                "type WHEN ? THEN ? ELSE ? END) < ?",
                {m_syncArea, ucpp, qint64(kEndedWindowDaysUcpp), qint64(kEndedWindowDays), day});
        !s)
        return fail(s.error());
    if (auto s = run(m_db,
                     // NOT IN builds one temporary index; a correlated NOT EXISTS would scan the
                     // area's plans once per person (area_plan is keyed by CareTeam id).
                     "DELETE FROM area_patient WHERE area = ?1 AND nhs NOT IN (SELECT nhs FROM "
                     "area_plan WHERE area = ?1)",
                     {m_syncArea});
        !s)
        return fail(s.error());
    auto people = count(m_db, "SELECT COUNT(*) FROM area_patient WHERE area = ?", m_syncArea);
    if (!people)
        return fail(people.error());
    auto plans = count(m_db, "SELECT COUNT(*) FROM area_plan WHERE area = ?", m_syncArea);
    if (!plans)
        return fail(plans.error());
    if (auto s = run(m_db,
                     "INSERT OR REPLACE INTO area_sync (area, name, as_of, last_attempt, "
                     "last_error, people, plans, problems, problem_notes) VALUES (?, ?, ?, ?, "
                     "'', ?, ?, ?, ?)",
                     {m_syncArea, areaName, asOf.toMSecsSinceEpoch(), asOf.toMSecsSinceEpoch(),
                      people.value(), plans.value(), problems, problemNotes.join(u'\n')});
        !s)
        return fail(s.error());
    if (auto s = m_db.commit(); !s)
        return fail(s.error());
    m_syncArea.clear();
    return {};
}

void AreaListStore::abortSync()
{
    if (!syncOpen())
        return;
    (void)m_db.rollback();
    m_syncArea.clear();
}

StoreStatus AreaListStore::recordFailure(const QString& areaId,
                                         const QString& areaName,
                                         const QDateTime& attempt,
                                         const QString& error)
{
    // Keeps as_of and the counts: they still describe the list that is there.
    if (auto s = ensureSyncRow(m_db, areaId, areaName); !s)
        return s;
    return run(
        m_db, "UPDATE area_sync SET last_attempt = ?, last_error = ? WHERE area = ?",
        {attempt.toMSecsSinceEpoch(), error.isEmpty() ? QStringLiteral("failed") : error, areaId});
}

StoreStatus AreaListStore::recordCancelled(const QString& areaId,
                                           const QString& areaName,
                                           const QDateTime& attempt)
{
    if (auto s = ensureSyncRow(m_db, areaId, areaName); !s)
        return s;
    return run(m_db, "UPDATE area_sync SET last_attempt = ?, last_error = '' WHERE area = ?",
               {attempt.toMSecsSinceEpoch(), areaId});
}

StoreStatus AreaListStore::recordAttempt(const QString& areaId, const QDateTime& attempt)
{
    return run(m_db, "UPDATE area_sync SET last_attempt = ? WHERE area = ?",
               {attempt.toMSecsSinceEpoch(), areaId});
}

StoreResult<AreaSyncState> AreaListStore::state(const QString& areaId)
{
    auto st = m_db.prepare("SELECT name, as_of, last_attempt, last_error, people, plans, "
                           "problems, problem_notes FROM area_sync WHERE area = ?");
    if (!st)
        return st.error();
    SqlStatement& q = st.value();
    q.bind(1, areaId);
    auto row = q.step();
    if (!row)
        return row.error();
    AreaSyncState s;
    s.areaId = areaId;
    if (!row.value())
        return s;
    s.areaName = q.text(0);
    if (!q.isNull(1))
        s.asOf = QDateTime::fromMSecsSinceEpoch(q.int64(1), Qt::UTC);
    if (!q.isNull(2))
        s.lastAttempt = QDateTime::fromMSecsSinceEpoch(q.int64(2), Qt::UTC);
    s.lastError = q.text(3);
    s.people = q.int64(4);
    s.plans = q.int64(5);
    s.problems = q.int64(6);
    if (const QString notes = q.text(7); !notes.isEmpty())
        s.problemNotes = notes.split(u'\n');
    return s;
}

StoreStatus AreaListStore::forEachRow(const QString& areaId,
                                      const std::function<void(const AreaListRowView&)>& emitRow)
{
    auto st = m_db.prepare(
        "SELECT p.nhs, q.given, q.family, q.birth, q.gender, p.type, p.start, p.end, p.la_code, "
        "p.la_name FROM area_plan p JOIN area_patient q ON q.area = p.area AND q.nhs = p.nhs "
        "WHERE p.area = ?");
    if (!st)
        return st.error();
    SqlStatement& q = st.value();
    q.bind(1, areaId);
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            return {};
        AreaListRowView r;
        r.nhsNumber = q.utf8View(0);
        r.givenName = q.utf8View(1);
        r.familyName = q.utf8View(2);
        if (!q.isNull(3))
            r.birthDate = QDate::fromJulianDay(q.int64(3));
        r.gender = q.utf8View(4);
        r.type = PlanType(q.int64(5));
        r.start = QDate::fromJulianDay(q.int64(6));
        if (!q.isNull(7))
            r.end = QDate::fromJulianDay(q.int64(7));
        r.laCode = q.utf8View(8);
        r.laName = q.utf8View(9);
        emitRow(r);
    }
}

StoreResult<qint64> AreaListStore::clear()
{
    qint64 removed = 0;
    for (const char* sql :
         {"DELETE FROM area_plan", "DELETE FROM area_patient", "DELETE FROM area_sync"}) {
        if (auto s = m_db.exec(sql); !s)
            return s.error();
        removed += m_db.changes();
    }
    return removed;
}

} // namespace cpis
