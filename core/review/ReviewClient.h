#pragma once

#include "core/domain/Result.h"
#include "core/domain/UserSession.h"
#include "core/net/FhirTransport.h"
#include "core/net/ServiceError.h"
#include "core/review/ReviewItem.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

namespace cpis {

// Reads the site review feed (docs/api.md §12) for the signed-in user's organisation, following
// the service's next links until the last page. Any page that fails makes the whole fetch fail:
// half a queue is never handed out as the queue.
class ReviewClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;
    static constexpr int kMaxPages = 20; // 4,000 positives: far beyond 90 days at one site

    using Callback = std::function<void(const Result<QList<ReviewItem>, ServiceError>&)>;

    ReviewClient(FhirTransport* transport, QUrl baseUrl, QObject* parent = nullptr);

    // Positives recorded on or after `since` (UTC day), newest first.
    void fetch(const UserSession& session, const QDate& since, QObject* receiver, Callback done);

private:
    struct Fetch;
    void page(const std::shared_ptr<Fetch>& f, const QUrl& url);
    bool sameService(const QUrl& url) const;

    FhirTransport* m_transport;
    QUrl m_base;
};

} // namespace cpis
