#pragma once

#include "core/store/StoreError.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

namespace cpis {

class Clock;
class SecureDb;
class SqlStatement;

// One cached answer. The payload is opaque here (LookupResult::toCachePayload()), so the
// cache never depends on what an answer contains.
struct CachedAnswer
{
    QString nhsNumber; // ten digits
    QByteArray payload;
    QDateTime fetchedAtUtc;
    QString environment; // which national-service environment answered
};

struct CacheStats
{
    qint64 entries = 0;
    qint64 expired = 0; // still stored but past retention (until the next purge)
    QDateTime oldestFetchedUtc;
    QDateTime newestFetchedUtc;
    qint64 purgedTotal = 0; // purged by this Cache object since it was opened
};

struct CacheOptions
{
    qint64 retentionSecs = 24 * 3600;
    int purgeIntervalMs = 10 * 60 * 1000; // 0: no scheduled purge
};

// The last answer per NHS number, in its own SQLCipher database. Answers older than the
// retention are never returned and are deleted (secure_delete zeroes their pages) by the
// scheduled purge or purgeExpired().
class Cache : public QObject
{
    Q_OBJECT
public:
    static StoreResult<std::unique_ptr<Cache>>
    open(SecureDb& db, const Clock& clock, CacheOptions options = {});
    ~Cache() override;

    StoreStatus put(const CachedAnswer& answer); // replaces any earlier answer
    // The answer if present and within retention.
    StoreResult<std::optional<CachedAnswer>> get(const QString& nhsNumber);
    StoreResult<qint64> purgeExpired(); // number removed
    StoreResult<qint64> clear();
    StoreResult<CacheStats> stats();
    // Closes and reopens the database (SecureDb::reconnect), so that no answer it read or
    // wrote stays decrypted in SQLite's memory: on lock. Its statements are prepared again.
    StoreStatus reconnect();

    void setRetentionSecs(qint64 secs) { m_options.retentionSecs = secs; }
    qint64 retentionSecs() const { return m_options.retentionSecs; }

signals:
    void purged(qint64 removed);
    void purgeFailed(const QString& message);

private:
    Cache(SecureDb& db, const Clock& clock, CacheOptions options);
    StoreStatus prepareStatements();
    qint64 cutoffMs() const;
    void scheduledPurge();

    SecureDb& m_db;
    const Clock& m_clock;
    CacheOptions m_options;
    QTimer m_timer;
    std::unique_ptr<SqlStatement> m_put;
    std::unique_ptr<SqlStatement> m_get;
    std::unique_ptr<SqlStatement> m_purge;
    qint64 m_purgedTotal = 0;
};

} // namespace cpis
