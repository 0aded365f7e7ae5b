#pragma once

#include "core/domain/Result.h"
#include "core/hub/HubAddress.h"
#include "core/review/ReviewItem.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace cpis {

class HubConnection;

// The site's review queue at the trust's audit hub (core/hub/sql/004_review.sql): the CP-IS
// positives of the lead's site with their current status, and a lead's change of one. The
// hub decides the site from the desk's role. libpq blocks, so every call runs on the client's
// own thread and answers on the caller's, through `receiver` (dropped if it is gone).
class HubReviewClient : public QObject
{
    Q_OBJECT
public:
    struct Query
    {
        QDateTime since;                    // positives recorded at or after
        std::optional<ReviewStatus> status; // nullopt: every status
        QString planType;                   // "CPP", "LAC", "UCPP"; empty: every plan type
    };
    using ItemsDone = std::function<void(const Result<QList<ReviewItem>, QString>&)>;
    using SetDone = std::function<void(const Result<QDateTime, QString>&)>;

    explicit HubReviewClient(HubAddress address, QObject* parent = nullptr);
    ~HubReviewClient() override;

    void fetch(const Query& query, QObject* receiver, ItemsDone done);
    // `id` is a ReviewItem's id ("desk:seq"); `reviewer` the signed-in lead's name.
    void setStatus(const QString& id,
                   ReviewStatus status,
                   const QString& note,
                   const QString& reviewer,
                   QObject* receiver,
                   SetDone done);

    static QString itemId(const QString& desk, qint64 seq);

private:
    class Worker;
    QThread* m_thread;
    Worker* m_worker;
};

} // namespace cpis
