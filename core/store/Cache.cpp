#include "core/store/Cache.h"

#include "core/domain/Clock.h"
#include "core/store/SecureDb.h"

namespace cpis {

namespace {

const QStringList kMigrations = {
    QStringLiteral(R"(
CREATE TABLE answer (
    nhs_number TEXT PRIMARY KEY,
    fetched_ms INTEGER NOT NULL,
    environment TEXT NOT NULL,
    payload BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX answer_fetched ON answer (fetched_ms);
)"),
};

// After a reconnect whose statements could not be prepared again.
StoreError notPrepared()
{
    return StoreError{StoreError::Code::Sql,
                      QStringLiteral("the answer cache could not prepare its statements after "
                                     "reopening its database")};
}

} // namespace

Cache::Cache(SecureDb& db, const Clock& clock, CacheOptions options)
    : m_db(db), m_clock(clock), m_options(options)
{
    connect(&m_timer, &QTimer::timeout, this, &Cache::scheduledPurge);
}

Cache::~Cache() = default;

StoreResult<std::unique_ptr<Cache>>
Cache::open(SecureDb& db, const Clock& clock, CacheOptions options)
{
    if (auto s = db.migrate(kMigrations); !s)
        return s.error();
    std::unique_ptr<Cache> cache(new Cache(db, clock, options));
    if (auto s = cache->prepareStatements(); !s)
        return s.error();
    if (options.purgeIntervalMs > 0) {
        cache->m_timer.start(options.purgeIntervalMs);
    }
    return cache;
}

StoreStatus Cache::reconnect()
{
    // The statements hold the connection (and the last values bound): they go first.
    m_put.reset();
    m_get.reset();
    m_purge.reset();
    const StoreStatus reopened = m_db.reconnect();
    // Prepared again on whichever connection is open now, the old one if reopening failed.
    if (auto s = prepareStatements(); !s)
        return s;
    return reopened;
}

StoreStatus Cache::prepareStatements()
{
    auto put = m_db.prepare("INSERT OR REPLACE INTO answer (nhs_number, fetched_ms, environment, "
                            "payload) VALUES (?, ?, ?, ?)");
    if (!put)
        return put.error();
    auto get =
        m_db.prepare("SELECT fetched_ms, environment, payload FROM answer WHERE nhs_number = ? "
                     "AND fetched_ms >= ?");
    if (!get)
        return get.error();
    auto purge = m_db.prepare("DELETE FROM answer WHERE fetched_ms < ?");
    if (!purge)
        return purge.error();
    m_put = std::make_unique<SqlStatement>(std::move(put).value());
    m_get = std::make_unique<SqlStatement>(std::move(get).value());
    m_purge = std::make_unique<SqlStatement>(std::move(purge).value());
    return {};
}

qint64 Cache::cutoffMs() const
{
    return m_clock.nowUtc().toMSecsSinceEpoch() - m_options.retentionSecs * 1000;
}

StoreStatus Cache::put(const CachedAnswer& a)
{
    if (!m_put)
        return notPrepared();
    m_put->bind(1, a.nhsNumber)
        .bind(2, a.fetchedAtUtc.toMSecsSinceEpoch())
        .bind(3, a.environment)
        .bind(4, a.payload);
    return m_put->run();
}

StoreResult<std::optional<CachedAnswer>> Cache::get(const QString& nhsNumber)
{
    if (!m_get)
        return notPrepared();
    SqlStatement& st = *m_get;
    st.bind(1, nhsNumber).bind(2, cutoffMs());
    auto row = st.step();
    if (!row) {
        st.reset();
        return row.error();
    }
    std::optional<CachedAnswer> out;
    if (row.value()) {
        out = CachedAnswer{nhsNumber, st.blob(2),
                           QDateTime::fromMSecsSinceEpoch(st.int64(0), Qt::UTC), st.text(1)};
    }
    st.reset();
    return out;
}

StoreResult<qint64> Cache::purgeExpired()
{
    if (!m_purge)
        return notPrepared();
    m_purge->bind(1, cutoffMs());
    if (auto s = m_purge->run(); !s)
        return s.error();
    const qint64 n = m_db.changes();
    m_purgedTotal += n;
    return n;
}

StoreResult<qint64> Cache::clear()
{
    // WHERE 1: without it SQLite truncates the table and reports no changes.
    if (auto s = m_db.exec("DELETE FROM answer WHERE 1"); !s)
        return s.error();
    const qint64 n = m_db.changes();
    m_purgedTotal += n;
    return n;
}

StoreResult<CacheStats> Cache::stats()
{
    auto st = m_db.prepare("SELECT count(*), sum(fetched_ms < ?), min(fetched_ms), "
                           "max(fetched_ms) FROM answer");
    if (!st)
        return st.error();
    st.value().bind(1, cutoffMs());
    auto row = st.value().step();
    if (!row)
        return row.error();
    CacheStats s;
    s.entries = st.value().int64(0);
    s.expired = st.value().int64(1);
    if (s.entries > 0) {
        s.oldestFetchedUtc = QDateTime::fromMSecsSinceEpoch(st.value().int64(2), Qt::UTC);
        s.newestFetchedUtc = QDateTime::fromMSecsSinceEpoch(st.value().int64(3), Qt::UTC);
    }
    s.purgedTotal = m_purgedTotal;
    return s;
}

void Cache::scheduledPurge()
{
    auto n = purgeExpired();
    if (n)
        emit purged(n.value());
    else
        emit purgeFailed(n.error().message);
}

} // namespace cpis
