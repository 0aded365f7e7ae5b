#pragma once

#include "core/audit/AccessAuditor.h"
#include "core/domain/Result.h"
#include "core/domain/UserSession.h"
#include "core/net/ServiceError.h"
#include "core/review/ReviewItem.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace cpis {

class Clock;
class ReviewClient;
class ReviewStore;

// The safeguarding lead's review of the site's CP-IS positives: refreshes the queue from the
// feed into the encrypted store, keeps the site's status and note per positive (audited), and
// counts positives per day. Every call names the session it acts for; the queue belongs to
// that session's organisation.
class ReviewService : public QObject
{
    Q_OBJECT
public:
    struct Error
    {
        enum class Kind
        {
            Service, // the feed could not be read: the queue shown is the last good one
            Store,
            Audit,
            NotFound,
        };
        Kind kind = Kind::Service;
        QString message;
        std::optional<ServiceError> service;
    };
    struct DailyCount
    {
        QDate day; // UTC
        int count = 0;
    };
    using RefreshDone = std::function<void(const Status<Error>&)>;

    ReviewService(ReviewClient* client,
                  ReviewStore* store,
                  AccessAuditor* auditor,
                  const Clock* clock,
                  QObject* parent = nullptr);

    // Reads the positives recorded since `since` into the store. `done` runs once, unless
    // `receiver` goes first; a failure leaves the store and the last refresh time as they were.
    void
    refresh(const UserSession& session, const QDate& since, QObject* receiver, RefreshDone done);
    // Records the site's decision on one positive: audited first, then stored.
    Status<Error> setStatus(const UserSession& session,
                            const QString& id,
                            ReviewStatus status,
                            const QString& note);

    Result<QList<ReviewItem>, Error> items(const UserSession& session) const;
    Result<std::optional<QDateTime>, Error> lastRefreshed(const UserSession& session) const;
    // One count per UTC day, oldest first, ending today; days without positives count 0.
    Result<QList<DailyCount>, Error> dailyCounts(const UserSession& session, int days = 30) const;

private:
    ReviewClient* m_client;
    ReviewStore* m_store;
    AccessAuditor* m_auditor;
    const Clock* m_clock;
};

} // namespace cpis
