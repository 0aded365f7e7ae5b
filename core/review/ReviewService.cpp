#include "core/review/ReviewService.h"

#include "core/domain/Clock.h"
#include "core/review/HubReviewClient.h"
#include "core/review/ReviewLogging.h"

#include <QHash>
#include <QPointer>

#include <algorithm>

namespace cpis {

ReviewService::ReviewService(HubReviewClient* hub,
                             AccessAuditor* auditor,
                             const Clock* clock,
                             QObject* parent)
    : QObject(parent), m_hub(hub), m_auditor(auditor), m_clock(clock)
{}

void ReviewService::hubFailed()
{
    if (!m_unavailableSince)
        m_unavailableSince = m_clock->nowUtc();
}

void ReviewService::refresh(const UserSession& session,
                            const QDate& since,
                            QObject* receiver,
                            RefreshDone done)
{
    QPointer<QObject> guard(receiver);
    if (!m_hub) {
        // Answered later, as a hub's answer would be, so callers see one order of events.
        QMetaObject::invokeMethod(
            this,
            [guard, done] {
                if (guard)
                    done(Error{Error::Kind::NoHub,
                               QStringLiteral("no audit hub is set up for this desk"),
                               std::nullopt});
            },
            Qt::QueuedConnection);
        return;
    }
    HubReviewClient::Query q;
    q.since = QDateTime(since, QTime(0, 0), Qt::UTC);
    m_hub->fetch(
        q, this, [this, session, guard, done](const Result<QList<ReviewItem>, QString>& r) {
            if (!r) {
                qCWarning(lcReview, "the audit hub's review queue could not be read");
                hubFailed();
                if (guard)
                    done(Error{Error::Kind::Service, r.error(), std::nullopt});
                return;
            }
            // Seeing the site's positives is itself an access to those children's records.
            AccessEvent ev;
            ev.action = AuditEntry::Action::View;
            ev.outcomeDetail = QStringLiteral("review-hub");
            ev.reason =
                QStringLiteral("%1 positives at %2").arg(r->size()).arg(session.organisationCode);
            if (auto a = m_auditor->record(session, ev); !a) {
                if (guard)
                    done(Error{Error::Kind::Audit, a.error().message, std::nullopt});
                return;
            }
            m_hubItems = r.value();
            m_hubRefreshed = m_clock->nowUtc();
            m_unavailableSince.reset();
            if (guard)
                done(Status<Error>());
        });
}

Status<ReviewService::Error> ReviewService::auditChange(const UserSession& session,
                                                        const ReviewItem& item,
                                                        ReviewStatus status,
                                                        const QString& note)
{
    AccessEvent ev;
    ev.action = AuditEntry::Action::ReviewUpdated;
    if (auto nhs = NhsNumber::parse(item.nhsNumber))
        ev.subject = nhs.value();
    ev.outcomeDetail = reviewStatusName(status);
    ev.reason = note.trimmed();
    // The audit log is the record: a change it did not take is not made.
    if (auto a = m_auditor->record(session, ev); !a)
        return Error{Error::Kind::Audit, a.error().message, std::nullopt};
    return {};
}

void ReviewService::setStatus(const UserSession& session,
                              const QString& id,
                              ReviewStatus status,
                              const QString& note,
                              QObject* receiver,
                              SaveDone done)
{
    if (!m_hub) {
        done(Error{Error::Kind::NoHub, QStringLiteral("no audit hub is set up for this desk"),
                   std::nullopt});
        return;
    }
    const auto it = std::find_if(m_hubItems.cbegin(), m_hubItems.cend(),
                                 [&](const ReviewItem& i) { return i.id == id; });
    if (it == m_hubItems.cend()) {
        done(Error{Error::Kind::NotFound, QStringLiteral("no such positive in the review queue"),
                   std::nullopt});
        return;
    }
    if (auto a = auditChange(session, *it, status, note); !a) {
        done(a);
        return;
    }
    QPointer<QObject> guard(receiver);
    const QString trimmed = note.trimmed();
    m_hub->setStatus(id, status, trimmed, session.name, this,
                     [this, id, status, trimmed, who = session.name, guard,
                      done](const Result<QDateTime, QString>& r) {
                         if (!r) {
                             hubFailed();
                             if (guard)
                                 done(Error{Error::Kind::Service, r.error(), std::nullopt});
                             return;
                         }
                         for (ReviewItem& i : m_hubItems) {
                             if (i.id == id) {
                                 i.status = status;
                                 i.note = trimmed;
                                 i.changedBy = who;
                                 i.changedAt = r.value();
                             }
                         }
                         m_unavailableSince.reset();
                         qCInfo(lcReview, "a positive's review set to %s at the hub",
                                qUtf8Printable(reviewStatusName(status)));
                         if (guard)
                             done(Status<Error>());
                     });
}

Result<QList<ReviewItem>, ReviewService::Error>
ReviewService::items(const UserSession& session) const
{
    Q_UNUSED(session) // one desk session reads one site's queue: the hub's answer to it
    return m_hubItems;
}

Result<std::optional<QDateTime>, ReviewService::Error>
ReviewService::lastRefreshed(const UserSession& session) const
{
    Q_UNUSED(session)
    return m_hubRefreshed;
}

Result<QList<ReviewService::DailyCount>, ReviewService::Error>
ReviewService::dailyCounts(const UserSession& session, int days) const
{
    auto all = items(session);
    if (!all)
        return all.error();
    return countPerDay(all.value(), m_clock->nowUtc().date(), days);
}

QList<ReviewService::DailyCount>
ReviewService::countPerDay(const QList<ReviewItem>& items, QDate today, int days)
{
    const QDate first = today.addDays(-(qMax(1, days) - 1));
    QHash<QDate, int> perDay;
    for (const ReviewItem& it : items) {
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
