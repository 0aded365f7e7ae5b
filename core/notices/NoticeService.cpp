#include "core/notices/NoticeService.h"

#include "core/domain/Clock.h"
#include "core/net/ServiceError.h"
#include "core/notices/NoticeClient.h"
#include "core/notices/NoticeStore.h"
#include "core/notices/NoticesLogging.h"

namespace cpis {

namespace {
QString serviceText(const ServiceError& e)
{
    return ServiceError::userText(e.kind, e.retryAfterSecs);
}
} // namespace

NoticeService::NoticeService(NoticeClient& client,
                             NoticeStore& store,
                             AccessAuditor& auditor,
                             const Clock& clock,
                             UserSession session,
                             Settings settings,
                             QObject* parent)
    : QObject(parent), m_client(client), m_store(store), m_auditor(auditor), m_clock(clock),
      m_session(std::move(session)), m_settings(settings), m_intervalMs(settings.pollIntervalMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NoticeService::checkNow);
}

NoticeService::~NoticeService() = default;

void NoticeService::start()
{
    m_running = true;
    checkNow();
}

void NoticeService::stop()
{
    m_running = false;
    m_timer.stop();
}

void NoticeService::checkNow()
{
    if (m_state.checking)
        return;
    m_timer.stop();
    m_state.checking = true;
    m_state.lastAttemptUtc = m_clock.nowUtc();
    m_added = 0;
    m_queue.clear();
    m_client.inbox(m_session, this, [this](const Result<QStringList, ServiceError>& r, auto) {
        if (!r) {
            finishCheck(serviceText(r.error()));
            return;
        }
        for (const QString& id : r.value()) {
            auto held = m_store.hasMessage(mailbox(), id);
            if (!held) {
                finishCheck(tr("The notices could not be read from the encrypted store: %1")
                                .arg(held.error().message));
                return;
            }
            // Held already: fetched by an earlier check, or acknowledged here while the
            // service had not yet let it go. Either way nothing new is in it.
            if (!held.value())
                m_queue.append(id);
        }
        fetchNext();
    });
}

void NoticeService::fetchNext()
{
    if (m_queue.isEmpty()) {
        finishCheck(QString());
        return;
    }
    const QString id = m_queue.takeFirst();
    m_client.message(
        m_session, id, this, [this](const Result<QList<AttendanceNotice>, ServiceError>& r, auto) {
            if (!r) {
                finishCheck(serviceText(r.error()));
                return;
            }
            QList<AttendanceNotice> notices = r.value();
            const QDateTime now = m_clock.nowUtc();
            for (AttendanceNotice& n : notices)
                n.receivedUtc = now;
            auto added = m_store.add(notices);
            if (!added) {
                finishCheck(tr("The notices could not be saved in the encrypted store: %1")
                                .arg(added.error().message));
                return;
            }
            m_added += added.value();
            fetchNext();
        });
}

void NoticeService::finishCheck(const QString& error)
{
    m_state.checking = false;
    m_queue.clear();
    m_state.error = error;
    if (error.isEmpty()) {
        m_state.lastSuccessUtc = m_clock.nowUtc();
        m_intervalMs = m_settings.pollIntervalMs;
    } else {
        m_intervalMs = qMin(qMax(m_intervalMs, 1) * 2, m_settings.maxBackoffMs);
    }
    schedule();
    qCInfo(lcNotices, "mailbox checked%s: %d new notices, next check in %d s",
           error.isEmpty() ? "" : " (failed)", m_added, m_intervalMs / 1000);
    // What was stored before a failure is new all the same.
    if (m_added > 0)
        emit newNotices(m_added);
    m_added = 0;
    emit checked();
}

void NoticeService::schedule()
{
    if (m_running)
        m_timer.start(m_intervalMs);
}

StoreResult<QList<AttendanceNotice>> NoticeService::notices()
{
    return m_store.all(mailbox());
}

QString NoticeService::auditAcknowledge(const QList<AttendanceNotice>& notices,
                                        const QString& messageId,
                                        AuditEntry::Outcome outcome)
{
    QSet<QString> children;
    for (const AttendanceNotice& n : notices) {
        if (children.contains(n.nhsNumber.digits()))
            continue;
        children.insert(n.nhsNumber.digits());
        AccessEvent ev;
        ev.action = AuditEntry::Action::NoticeAcknowledged;
        ev.subject = n.nhsNumber;
        ev.outcome = outcome;
        ev.reason = QStringLiteral("MESH message ") + messageId;
        if (auto s = m_auditor.record(m_session, ev); !s)
            return s.error().message;
    }
    return {};
}

void NoticeService::acknowledge(const QString& messageId)
{
    if (m_acknowledging.contains(messageId))
        return;
    auto held = m_store.message(mailbox(), messageId);
    QString problem;
    if (!held)
        problem = tr("The notice could not be read from the encrypted store: %1")
                      .arg(held.error().message);
    else if (held.value().isEmpty())
        problem = tr("This notice is not held on this desk.");
    else if (held.value().first().isAcknowledged())
        problem = tr("This notice has already been acknowledged.");
    // The audit log hears of it before the service does: an acknowledgement that could not be
    // recorded is not sent.
    if (problem.isEmpty()) {
        if (const QString e =
                auditAcknowledge(held.value(), messageId, AuditEntry::Outcome::Requested);
            !e.isEmpty())
            problem = tr("Not acknowledged: the audit log could not record it (%1).").arg(e);
    }
    if (!problem.isEmpty()) {
        emit acknowledgeFinished(messageId, problem);
        return;
    }
    m_acknowledging.insert(messageId);
    const QList<AttendanceNotice> notices = held.value();
    m_client.acknowledge(
        m_session, messageId, this,
        [this, messageId, notices](const Result<QString, ServiceError>& r, auto) {
            m_acknowledging.remove(messageId);
            qCInfo(lcNotices, "acknowledgement of message %s: %s", qUtf8Printable(messageId),
                   r ? "accepted" : qUtf8Printable(ServiceError::kindName(r.error().kind)));
            if (!r && r.error().kind == ServiceError::Kind::NotFound) {
                // The mailbox no longer holds it: acknowledged already, from another desk or
                // by an earlier attempt whose answer was lost. Kept here as acknowledged, and
                // said so, rather than left "new" for ever.
                auditAcknowledge(notices, messageId, AuditEntry::Outcome::NotAtService);
                const QString by = m_session.name + QStringLiteral(" (") + m_session.userId +
                                   QStringLiteral("); the service no longer held it");
                if (auto s = m_store.markAcknowledged(mailbox(), messageId, m_clock.nowUtc(), by);
                    !s) {
                    emit acknowledgeFinished(
                        messageId, tr("The service no longer holds this notice, and this desk "
                                      "could not save that: %1")
                                       .arg(s.error().message));
                    return;
                }
                emit acknowledgeFinished(messageId, QString());
                return;
            }
            if (!r) {
                // Best effort: the "requested" entry stands either way.
                auditAcknowledge(notices, messageId, AuditEntry::Outcome::Failed);
                emit acknowledgeFinished(messageId,
                                         tr("Not acknowledged: %1").arg(serviceText(r.error())));
                return;
            }
            const QString by = m_session.name + QStringLiteral(" (") + m_session.userId + u')';
            if (auto s = m_store.markAcknowledged(mailbox(), messageId, m_clock.nowUtc(), by); !s) {
                emit acknowledgeFinished(
                    messageId, tr("Acknowledged with the service, but this desk could not save "
                                  "it: %1")
                                   .arg(s.error().message));
                return;
            }
            emit acknowledgeFinished(messageId, QString());
        });
}

QString NoticeService::recordView(const AttendanceNotice& notice)
{
    const QString key = notice.messageId + u'/' + notice.eventId;
    if (m_viewed.contains(key))
        return {};
    AccessEvent ev;
    ev.action = AuditEntry::Action::View;
    ev.subject = notice.nhsNumber;
    ev.outcomeDetail = QStringLiteral("attendance-notice");
    ev.reason = QStringLiteral("MESH message ") + notice.messageId;
    if (auto s = m_auditor.record(m_session, ev); !s)
        return s.error().message;
    m_viewed.insert(key);
    return {};
}

} // namespace cpis
