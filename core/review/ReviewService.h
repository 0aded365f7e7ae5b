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
class HubReviewClient;

// The safeguarding lead's review of the site's CP-IS positives, kept at the trust's audit hub and
// shared by every lead of the site: reads the queue from the hub, sets the site's status and note
// per positive there (audited on the desk first), and counts positives per day. Every call names
// the session it acts for; the queue belongs to that session's organisation.
class ReviewService : public QObject
{
    Q_OBJECT
public:
    struct Error
    {
        enum class Kind
        {
            Service, // the hub could not be read: the queue shown is the last good one
            Audit,
            NotFound,
            NoHub, // the profile names no audit hub, where the site's review is kept
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
    using SaveDone = std::function<void(const Status<Error>&)>;

    // `hub` may be null (no hub in the profile): every call then says so.
    ReviewService(HubReviewClient* hub,
                  AccessAuditor* auditor,
                  const Clock* clock,
                  QObject* parent = nullptr);

    // Since when the hub could not be read or written; nullopt while it answers.
    std::optional<QDateTime> unavailableSince() const { return m_unavailableSince; }

    // Reads the positives recorded since `since` from the hub. `done` runs once, unless
    // `receiver` goes first; a failure leaves the last good queue and its time as they were.
    void
    refresh(const UserSession& session, const QDate& since, QObject* receiver, RefreshDone done);
    // Records the site's decision on one positive: audited first, then written to the hub;
    // `done` runs once the hub has answered.
    void setStatus(const UserSession& session,
                   const QString& id,
                   ReviewStatus status,
                   const QString& note,
                   QObject* receiver,
                   SaveDone done);

    Result<QList<ReviewItem>, Error> items(const UserSession& session) const;
    Result<std::optional<QDateTime>, Error> lastRefreshed(const UserSession& session) const;
    // One count per UTC day, oldest first, ending today; days without positives count 0.
    Result<QList<DailyCount>, Error> dailyCounts(const UserSession& session, int days = 30) const;
    // The same count over any list of positives, for the `days` ending on `today`.
    static QList<DailyCount> countPerDay(const QList<ReviewItem>& items, QDate today, int days);

private:
    Status<Error> auditChange(const UserSession& session,
                              const ReviewItem& item,
                              ReviewStatus status,
                              const QString& note);
    void hubFailed();

    HubReviewClient* m_hub = nullptr;
    QList<ReviewItem> m_hubItems; // the last queue the hub gave
    std::optional<QDateTime> m_hubRefreshed;
    std::optional<QDateTime> m_unavailableSince;
    AccessAuditor* m_auditor;
    const Clock* m_clock;
};

} // namespace cpis
