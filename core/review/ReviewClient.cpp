#include "core/review/ReviewClient.h"

#include "core/net/NhsHeaders.h"
#include "core/review/ReviewFeedParser.h"

#include <QPointer>
#include <QUrlQuery>

#include <memory>

namespace cpis {

struct ReviewClient::Fetch
{
    UserSession session;
    QPointer<QObject> receiver;
    Callback done;
    QList<ReviewItem> items;
    int pages = 0;
};

ReviewClient::ReviewClient(FhirTransport* transport, QUrl baseUrl, QObject* parent)
    : QObject(parent), m_transport(transport), m_base(std::move(baseUrl))
{}

bool ReviewClient::sameService(const QUrl& url) const
{
    // The token goes only where the first page went.
    return url.scheme() == m_base.scheme() && url.host() == m_base.host() &&
           url.port(url.scheme() == u"https" ? 443 : 80) ==
               m_base.port(m_base.scheme() == u"https" ? 443 : 80);
}

void ReviewClient::fetch(const UserSession& session,
                         const QDate& since,
                         QObject* receiver,
                         Callback done)
{
    auto f = std::make_shared<Fetch>();
    f->session = session;
    f->receiver = receiver;
    f->done = std::move(done);

    QUrl url = m_base;
    QString basePath = m_base.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/AuditEvent"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("site"), session.organisationCode);
    q.addQueryItem(QStringLiteral("outcome"), QStringLiteral("positive"));
    q.addQueryItem(QStringLiteral("date"), QStringLiteral("ge") + since.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("_count"), QString::number(kPageSize));
    url.setQuery(q);
    page(f, url);
}

void ReviewClient::page(const std::shared_ptr<Fetch>& f, const QUrl& url)
{
    ++f->pages;
    m_transport->get(
        url, NhsHeaders(f->session).list(), f->receiver,
        [this, f](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
            if (!r) {
                f->done(r.error());
                return;
            }
            auto parsed = ReviewFeedParser::page(r->body);
            if (!parsed) {
                ServiceError e;
                e.kind = ServiceError::Kind::BadResponse;
                e.httpStatus = r->status;
                e.detail = parsed.error().what;
                f->done(e);
                return;
            }
            f->items += parsed->items;
            const QUrl next = parsed->next;
            if (next.isEmpty()) {
                f->done(f->items);
                return;
            }
            if (!sameService(next) || f->pages >= kMaxPages) {
                ServiceError e;
                e.kind = ServiceError::Kind::BadResponse;
                e.httpStatus = r->status;
                e.detail = f->pages >= kMaxPages
                               ? QStringLiteral("the review feed has more pages than allowed")
                               : QStringLiteral("the review feed's next link leaves the service");
                f->done(e);
                return;
            }
            page(f, next);
        });
}

} // namespace cpis
