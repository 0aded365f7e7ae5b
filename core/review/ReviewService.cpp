#include "core/review/ReviewService.h"

#include "core/domain/Clock.h"
#include "core/review/ReviewClient.h"
#include "core/review/ReviewLogging.h"
#include "core/review/ReviewStore.h"

#include <QHash>
#include <QPointer>

namespace cpis {

namespace {
ReviewService::Error storeError(const StoreError& e)
{
    return {ReviewService::Error::Kind::Store, e.message, std::nullopt};
}
} // namespace

ReviewService::ReviewService(ReviewClient* client,
                             ReviewStore* store,
                             AccessAuditor* auditor,
                             const Clock* clock,
                             QObject* parent)
    : QObject(parent), m_client(client), m_store(store), m_auditor(auditor), m_clock(clock)
{}

void ReviewService::refresh(const UserSession& session,
                            const QDate& since,
                            QObject* receiver,
                            RefreshDone done)
{
    QPointer<QObject> guard(receiver);
    m_client->fetch(session, since, receiver,
                    [this, session, guard, done](const Result<QList<ReviewItem>, ServiceError>& r) {
                        if (!guard)
                            return;
                        if (!r) {
                            done(Error{Error::Kind::Service, r.error().detail, r.error()});
                            return;
                        }
                        const QString site = session.organisationCode;
                        qCInfo(lcReview, "review feed of %s: %lld positives", qUtf8Printable(site),
                               qint64(r.value().size()));
                        if (auto s = m_store->merge(site, r.value()); !s) {
                            done(storeError(s.error()));
                            return;
                        }
                        // Seeing the site's positives is itself an access to those children's
                        // records.
                        AccessEvent ev;
                        ev.action = AuditEntry::Action::View;
                        ev.outcomeDetail = QStringLiteral("review-feed");
                        ev.reason =
                            QStringLiteral("%1 positives at %2").arg(r.value().size()).arg(site);
                        if (auto a = m_auditor->record(session, ev); !a) {
                            done(Error{Error::Kind::Audit, a.error().message, std::nullopt});
                            return;
                        }
                        if (auto s = m_store->setLastRefresh(site, m_clock->nowUtc()); !s) {
                            done(storeError(s.error()));
                            return;
                        }
                        done(Status<Error>());
                    });
}

Status<ReviewService::Error> ReviewService::setStatus(const UserSession& session,
                                                      const QString& id,
                                                      ReviewStatus status,
                                                      const QString& note)
{
    const QString site = session.organisationCode;
    auto found = m_store->find(site, id);
    if (!found)
        return storeError(found.error());
    if (!found.value())
        return Error{Error::Kind::NotFound,
                     QStringLiteral("no positive %1 in the review queue").arg(id), std::nullopt};
    const ReviewItem& item = *found.value();

    AccessEvent ev;
    ev.action = AuditEntry::Action::ReviewUpdated;
    if (auto nhs = NhsNumber::parse(item.nhsNumber))
        ev.subject = nhs.value();
    ev.outcomeDetail = reviewStatusName(status);
    ev.reason = note.trimmed();
    // The audit log is the record: a change it did not take is not made.
    if (auto a = m_auditor->record(session, ev); !a)
        return Error{Error::Kind::Audit, a.error().message, std::nullopt};
    if (auto s =
            m_store->setStatus(site, id, status, note.trimmed(), session.name, m_clock->nowUtc());
        !s)
        return storeError(s.error());
    qCInfo(lcReview, "a positive's review set to %s", qUtf8Printable(reviewStatusName(status)));
    return {};
}

Result<QList<ReviewItem>, ReviewService::Error>
ReviewService::items(const UserSession& session) const
{
    auto r = m_store->items(session.organisationCode);
    if (!r)
        return storeError(r.error());
    return r.value();
}

Result<std::optional<QDateTime>, ReviewService::Error>
ReviewService::lastRefreshed(const UserSession& session) const
{
    auto r = m_store->lastRefresh(session.organisationCode);
    if (!r)
        return storeError(r.error());
    return r.value();
}

Result<QList<ReviewService::DailyCount>, ReviewService::Error>
ReviewService::dailyCounts(const UserSession& session, int days) const
{
    auto all = m_store->items(session.organisationCode);
    if (!all)
        return storeError(all.error());
    const QDate today = m_clock->nowUtc().date();
    const QDate first = today.addDays(-(qMax(1, days) - 1));
    QHash<QDate, int> perDay;
    for (const ReviewItem& it : std::as_const(all.value())) {
        const QDate d = it.when.toUTC().date();
        if (d >= first && d <= today)
            ++perDay[d];
    }
    QList<DailyCount> out;
    for (QDate d = first; d <= today; d = d.addDays(1))
        out.append({d, perDay.value(d)});
    return out;
}

} // namespace cpis
