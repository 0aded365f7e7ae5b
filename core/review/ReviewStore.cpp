#include "core/review/ReviewStore.h"

#include "core/store/SecureDb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cpis {

namespace {

// This file's own user_version steps (review.db holds nothing else).
const QStringList kMigrations = {
    QStringLiteral(R"(
CREATE TABLE positive (
    site TEXT NOT NULL,
    id TEXT NOT NULL,
    recorded_ms INTEGER NOT NULL,
    nhs_number TEXT NOT NULL,
    viewer_name TEXT NOT NULL,
    viewer_role TEXT NOT NULL,
    plans TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'to-review',
    note TEXT NOT NULL DEFAULT '',
    changed_by TEXT NOT NULL DEFAULT '',
    changed_ms INTEGER,
    PRIMARY KEY (site, id)) WITHOUT ROWID;
CREATE INDEX positive_recorded ON positive (site, recorded_ms);
CREATE TABLE refresh (
    site TEXT PRIMARY KEY,
    at_ms INTEGER NOT NULL) WITHOUT ROWID;
)"),
};

QString plansJson(const QList<ReviewPlan>& plans)
{
    QJsonArray a;
    for (const ReviewPlan& p : plans)
        a.append(QJsonObject{{QStringLiteral("type"), planTypeShortName(p.type)},
                             {QStringLiteral("ods"), p.laOds},
                             {QStringLiteral("name"), p.laName}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

std::optional<PlanType> fromShortName(const QString& s)
{
    for (PlanType t :
         {PlanType::ChildProtection, PlanType::LookedAfter, PlanType::UnbornChildProtection})
        if (planTypeShortName(t) == s)
            return t;
    return std::nullopt;
}

StoreError corrupt(const QString& what)
{
    return StoreError{StoreError::Code::Sql, QStringLiteral("review.db: %1").arg(what)};
}

#define CPIS_REVIEW_SELECT                                                                         \
    "SELECT id, recorded_ms, nhs_number, viewer_name, viewer_role, plans, status, note, "          \
    "changed_by, changed_ms FROM positive "

StoreResult<ReviewItem> readRow(const SqlStatement& st)
{
    ReviewItem it;
    it.id = st.text(0);
    it.when = QDateTime::fromMSecsSinceEpoch(st.int64(1), Qt::UTC);
    it.nhsNumber = st.text(2);
    it.viewerName = st.text(3);
    it.viewerRole = st.text(4);
    for (const QJsonValue& v : QJsonDocument::fromJson(st.utf8(5)).array()) {
        const QJsonObject o = v.toObject();
        const auto type = fromShortName(o.value(QLatin1String("type")).toString());
        if (!type)
            return corrupt(QStringLiteral("a stored plan has no known type"));
        it.plans.append({*type, o.value(QLatin1String("ods")).toString(),
                         o.value(QLatin1String("name")).toString()});
    }
    const auto status = reviewStatusFromName(st.text(6));
    if (!status)
        return corrupt(QStringLiteral("a stored status is unknown"));
    it.status = *status;
    it.note = st.text(7);
    it.changedBy = st.text(8);
    if (!st.isNull(9))
        it.changedAt = QDateTime::fromMSecsSinceEpoch(st.int64(9), Qt::UTC);
    return it;
}

} // namespace

ReviewStore::~ReviewStore() = default;

StoreResult<std::unique_ptr<ReviewStore>> ReviewStore::open(SecureDb& db)
{
    if (auto s = db.migrate(kMigrations); !s)
        return s.error();
    return std::unique_ptr<ReviewStore>(new ReviewStore(db));
}

StoreStatus ReviewStore::merge(const QString& site, const QList<ReviewItem>& items)
{
    auto insert = m_db.prepare(
        "INSERT OR IGNORE INTO positive (site, id, recorded_ms, nhs_number, viewer_name, "
        "viewer_role, plans) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    // No UPSERT in SQLCipher's SQLite 3.15: insert the new, then refresh the feed's columns.
    auto update = m_db.prepare("UPDATE positive SET recorded_ms = ?, nhs_number = ?, "
                               "viewer_name = ?, viewer_role = ?, plans = ? WHERE site = ? AND "
                               "id = ?");
    if (!update)
        return update.error();
    SqlTransaction tx(m_db);
    if (auto s = tx.begin(); !s)
        return s;
    for (const ReviewItem& it : items) {
        const QString plans = plansJson(it.plans);
        const qint64 ms = it.when.toMSecsSinceEpoch();
        insert.value()
            .bind(1, site)
            .bind(2, it.id)
            .bind(3, ms)
            .bind(4, it.nhsNumber)
            .bind(5, it.viewerName)
            .bind(6, it.viewerRole)
            .bind(7, plans);
        if (auto s = insert.value().run(); !s)
            return s;
        update.value()
            .bind(1, ms)
            .bind(2, it.nhsNumber)
            .bind(3, it.viewerName)
            .bind(4, it.viewerRole)
            .bind(5, plans)
            .bind(6, site)
            .bind(7, it.id);
        if (auto s = update.value().run(); !s)
            return s;
    }
    return tx.commit();
}

StoreResult<QList<ReviewItem>> ReviewStore::items(const QString& site)
{
    auto st = m_db.prepare(CPIS_REVIEW_SELECT "WHERE site = ? ORDER BY recorded_ms DESC, id DESC");
    if (!st)
        return st.error();
    st.value().bind(1, site);
    QList<ReviewItem> out;
    for (;;) {
        auto row = st.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        auto it = readRow(st.value());
        if (!it)
            return it.error();
        out.append(it.value());
    }
    return out;
}

StoreResult<std::optional<ReviewItem>> ReviewStore::find(const QString& site, const QString& id)
{
    auto st = m_db.prepare(CPIS_REVIEW_SELECT "WHERE site = ? AND id = ?");
    if (!st)
        return st.error();
    st.value().bind(1, site).bind(2, id);
    auto row = st.value().step();
    if (!row)
        return row.error();
    std::optional<ReviewItem> out;
    if (row.value()) {
        auto it = readRow(st.value());
        if (!it)
            return it.error();
        out = it.value();
    }
    return out;
}

StoreStatus ReviewStore::setStatus(const QString& site,
                                   const QString& id,
                                   ReviewStatus status,
                                   const QString& note,
                                   const QString& changedBy,
                                   const QDateTime& changedAt)
{
    auto st = m_db.prepare("UPDATE positive SET status = ?, note = ?, changed_by = ?, "
                           "changed_ms = ? WHERE site = ? AND id = ?");
    if (!st)
        return st.error();
    st.value()
        .bind(1, reviewStatusName(status))
        .bind(2, note)
        .bind(3, changedBy)
        .bind(4, changedAt.toMSecsSinceEpoch())
        .bind(5, site)
        .bind(6, id);
    if (auto s = st.value().run(); !s)
        return s;
    if (m_db.changes() != 1)
        return StoreError{StoreError::Code::Sql,
                          QStringLiteral("no positive %1 in the review queue").arg(id)};
    return {};
}

StoreStatus ReviewStore::setLastRefresh(const QString& site, const QDateTime& at)
{
    auto st = m_db.prepare("INSERT OR REPLACE INTO refresh (site, at_ms) VALUES (?, ?)");
    if (!st)
        return st.error();
    st.value().bind(1, site).bind(2, at.toMSecsSinceEpoch());
    return st.value().run();
}

StoreResult<std::optional<QDateTime>> ReviewStore::lastRefresh(const QString& site)
{
    auto st = m_db.prepare("SELECT at_ms FROM refresh WHERE site = ?");
    if (!st)
        return st.error();
    st.value().bind(1, site);
    auto row = st.value().step();
    if (!row)
        return row.error();
    std::optional<QDateTime> out;
    if (row.value())
        out = QDateTime::fromMSecsSinceEpoch(st.value().int64(0), Qt::UTC);
    return out;
}

} // namespace cpis
