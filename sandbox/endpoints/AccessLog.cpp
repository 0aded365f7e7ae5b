#include "sandbox/endpoints/AccessLog.h"

#include <algorithm>

namespace cpis::sandbox {

void AccessLog::record(const AccessEvent& event)
{
    m_events[event.nhsNumber].append(event);
}

void AccessLog::countCall(bool declaredUnscheduled, bool notifies)
{
    ++(declaredUnscheduled ? m_calls.declaredUnscheduled : m_calls.declaredSilent);
    if (notifies)
        ++m_calls.notifyingAccesses;
}

QuerySight AccessLog::sight(const QByteArray& messageId, const QString& what)
{
    const auto seen = m_seen.constFind(messageId);
    if (seen != m_seen.constEnd()) {
        if (*seen != what)
            return QuerySight::Conflict;
        ++m_calls.repeats;
        return QuerySight::Repeat;
    }
    m_seen.insert(messageId, what);
    m_seenOrder.append(messageId);
    if (m_seenOrder.size() > kRememberedQueries)
        m_seen.remove(m_seenOrder.takeFirst());
    ++m_calls.queries;
    return QuerySight::First;
}

int AccessLog::noticesRaisedBy(const QString& queryId) const
{
    int n = 0;
    for (const auto& box : m_mailboxes)
        for (const AccessNotification& a : box)
            n += a.queryId == queryId ? 1 : 0;
    return n;
}

void AccessLog::notify(const AccessNotification& notification)
{
    m_mailboxes[notification.laOdsCode].append(notification);
}

bool AccessLog::acknowledge(const QString& laOdsCode, const QString& notificationId)
{
    auto box = m_mailboxes.find(laOdsCode);
    if (box == m_mailboxes.end())
        return false;
    const auto removed =
        box->removeIf([&](const AccessNotification& n) { return n.id == notificationId; });
    return removed > 0;
}

int AccessLog::notificationCount() const
{
    int n = 0;
    for (const auto& box : m_mailboxes)
        n += int(box.size());
    return n;
}

QString AccessLog::nextId(const QString& prefix)
{
    return prefix + QString::number(++m_sequence).rightJustified(6, u'0');
}

QList<AccessEvent> AccessLog::history(const QString& nhsNumber, int limit) const
{
    QList<AccessEvent> all = m_events.value(nhsNumber);
    std::stable_sort(all.begin(), all.end(),
                     [](const AccessEvent& a, const AccessEvent& b) { return a.when > b.when; });
    QList<AccessEvent> out;
    QHash<QString, QDateTime> lastShown; // per viewer: the oldest row shown so far
    for (const AccessEvent& e : std::as_const(all)) {
        const QString who = e.bySystem() ? e.systemId : e.viewer.userUid;
        const auto seen = lastShown.constFind(who);
        if (seen != lastShown.constEnd() && e.when.secsTo(*seen) < 24 * 3600)
            continue;
        lastShown.insert(who, e.when);
        out.append(e);
        if (out.size() >= limit)
            break;
    }
    return out;
}

} // namespace cpis::sandbox
