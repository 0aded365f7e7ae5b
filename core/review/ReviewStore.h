#pragma once

#include "core/review/ReviewItem.h"
#include "core/store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace cpis {

class SecureDb;

// The site's review queue in its own SQLCipher file (review.db): the positives the feed
// supplied, merged by id, and the desk-side status, note, who changed it and when. A refresh
// replaces what the feed says and never what the site decided.
class ReviewStore
{
public:
    static StoreResult<std::unique_ptr<ReviewStore>> open(SecureDb& db);
    ~ReviewStore();
    ReviewStore(const ReviewStore&) = delete;
    ReviewStore& operator=(const ReviewStore&) = delete;

    // Adds new positives and refreshes the feed's fields of known ones, in one transaction.
    StoreStatus merge(const QString& site, const QList<ReviewItem>& items);
    StoreResult<QList<ReviewItem>> items(const QString& site); // newest first
    StoreResult<std::optional<ReviewItem>> find(const QString& site, const QString& id);
    // Fails (NotFound-like Sql error) when there is no such positive.
    StoreStatus setStatus(const QString& site,
                          const QString& id,
                          ReviewStatus status,
                          const QString& note,
                          const QString& changedBy,
                          const QDateTime& changedAt);

    StoreStatus setLastRefresh(const QString& site, const QDateTime& at);
    StoreResult<std::optional<QDateTime>> lastRefresh(const QString& site);

private:
    explicit ReviewStore(SecureDb& db) : m_db(db) {}

    SecureDb& m_db;
};

} // namespace cpis
