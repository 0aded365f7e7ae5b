#include "core/notices/NoticeService.h"

#include "core/domain/Clock.h"
#include "core/mesh/MeshClient.h"
#include "core/mesh/MeshDownload.h"
#include "core/notices/NoticeIntake.h"
#include "core/notices/NoticePayloadSink.h"
#include "core/notices/NoticeStore.h"
#include "core/notices/NoticesLogging.h"

namespace cpis {

namespace {
// MESH asks for the handshake once every 24 hours.
constexpr qint64 kHandshakeEverySecs = 24 * 3600;
} // namespace

NoticeService::NoticeService(MeshClient& client,
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

NoticeService::~NoticeService()
{
    if (m_download) {
        m_download->disconnect(this);
        m_download->cancel();
    }
}

QString NoticeService::mailbox() const
{
    return m_client.mailboxId();
}

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
    if (!m_client.isConfigured()) {
        finishCheck(MeshError{MeshError::Kind::NotConfigured, 0, {}}.userText());
        return;
    }
    const QDateTime now = m_clock.nowUtc();
    if (m_state.lastHandshakeUtc.isValid() &&
        m_state.lastHandshakeUtc.secsTo(now) < kHandshakeEverySecs) {
        listInbox();
        return;
    }
    m_client.handshake(this, [this](const Result<bool, MeshError>& r) {
        if (!r) {
            finishCheck(r.error().userText());
            return;
        }
        m_state.lastHandshakeUtc = m_clock.nowUtc();
        listInbox();
    });
}

void NoticeService::listInbox()
{
    m_client.inbox(this, [this](const Result<QStringList, MeshError>& r) {
        if (!r) {
            finishCheck(r.error().userText());
            return;
        }
        for (const QString& id : r.value()) {
            auto held = m_store.hasMessage(mailbox(), id);
            if (!held) {
                finishCheck(tr("The notices could not be read from the encrypted store: %1")
                                .arg(held.error().message));
                return;
            }
            // Held already: read by an earlier check (and not acknowledged yet), kept as
            // unreadable, or acknowledged here while the mailbox had not yet let it go.
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
    m_sink = std::make_unique<NoticePayloadSink>(m_store, mailbox(), id);
    m_download = m_client.download(id, m_sink.get());
    connect(m_download, &MeshDownload::progress, this,
            [this, id](qint64 bytes, int chunk, int chunks) {
                emit downloadProgress(id, bytes, chunk, chunks);
            });
    connect(m_download, &MeshDownload::finished, this,
            [this, id](const Result<MeshMessageHead, MeshError>& r) {
                m_download = nullptr;
                if (!r) {
                    m_sink.reset();
                    // Gone from the mailbox meanwhile (another desk acknowledged it): nothing
                    // to read, and the rest of the inbox still is.
                    if (r.error().kind == MeshError::Kind::NotFound) {
                        fetchNext();
                        return;
                    }
                    finishCheck(r.error().userText());
                    return;
                }
                m_sink.reset();
                auto taken = NoticeIntake::take(m_store, mailbox(), r.value(), m_clock.nowUtc());
                if (!taken) {
                    finishCheck(tr("The notices could not be saved in the encrypted store: %1")
                                    .arg(taken.error()));
                    return;
                }
                switch (taken->outcome) {
                case NoticeIntake::Outcome::Notices:
                    m_added += taken->added;
                    break;
                case NoticeIntake::Outcome::Unreadable:
                    qCWarning(lcNotices, "message %s could not be read: %s", qUtf8Printable(id),
                              qUtf8Printable(taken->problem));
                    ++m_added; // shown, so that someone looks
                    break;
                case NoticeIntake::Outcome::DeliveryError:
                    ++m_added;
                    acknowledgeReport(id);
                    return;
                }
                fetchNext();
            });
}

void NoticeService::acknowledgeReport(const QString& messageId)
{
    // A delivery error is kept here and audited before the mailbox lets it go.
    AccessEvent ev;
    ev.action = AuditEntry::Action::NoticeAcknowledged;
    ev.outcome = AuditEntry::Outcome::Requested;
    ev.outcomeDetail = QStringLiteral("mesh-error-report");
    ev.reason = QStringLiteral("MESH message ") + messageId;
    if (auto s = m_auditor.record(m_session, ev); !s) {
        finishCheck(tr("A MESH error report was kept but not acknowledged: the audit log could "
                       "not record it (%1).")
                        .arg(s.error().message));
        return;
    }
    m_client.acknowledge(messageId, this, [this, messageId](const Result<QString, MeshError>& r) {
        if (!r && r.error().kind != MeshError::Kind::NotFound) {
            finishCheck(r.error().userText());
            return;
        }
        const QString by = tr("CP-IS Desk (an error report, acknowledged when received)");
        if (auto s = m_store.markAcknowledged(mailbox(), messageId, m_clock.nowUtc(), by); !s) {
            finishCheck(tr("The notices could not be saved in the encrypted store: %1")
                            .arg(s.error().message));
            return;
        }
        fetchNext();
    });
}

void NoticeService::cancelDownload()
{
    m_queue.clear();
    if (m_download)
        m_download->cancel();
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
    qCInfo(lcNotices, "mailbox checked%s: %d new rows, next check in %d s",
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
        // One entry per child; a child named only by the authority's own id is one entry
        // without an NHS number.
        const QString key =
            n.nhsNumber.isNull() ? QStringLiteral("la:") + n.localChildId : n.nhsNumber.digits();
        if (children.contains(key))
            continue;
        children.insert(key);
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
    else if (held.value().first().kind == AttendanceNotice::Kind::Unreadable)
        // Acknowledging would make MESH forget the only copy of something nobody has read.
        problem = tr("A notice that could not be read is not acknowledged: it stays in the "
                     "mailbox until CP-IS or the administrator has looked at message %1.")
                      .arg(messageId);
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
        messageId, this, [this, messageId, notices](const Result<QString, MeshError>& r) {
            m_acknowledging.remove(messageId);
            qCInfo(lcNotices, "acknowledgement of message %s: %s", qUtf8Printable(messageId),
                   r ? "accepted" : qUtf8Printable(MeshError::kindName(r.error().kind)));
            if (!r && r.error().kind == MeshError::Kind::NotFound) {
                // The mailbox no longer holds it: acknowledged already, from another desk or
                // by an earlier attempt whose answer was lost. Kept here as acknowledged, and
                // said so, rather than left "new" for ever.
                auditAcknowledge(notices, messageId, AuditEntry::Outcome::NotAtService);
                const QString by = m_session.name + QStringLiteral(" (") + m_session.userId +
                                   QStringLiteral("); the mailbox no longer held it");
                if (auto s = m_store.markAcknowledged(mailbox(), messageId, m_clock.nowUtc(), by);
                    !s) {
                    emit acknowledgeFinished(
                        messageId, tr("The mailbox no longer holds this notice, and this desk "
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
                                         tr("Not acknowledged: %1").arg(r.error().userText()));
                return;
            }
            const QString by = m_session.name + QStringLiteral(" (") + m_session.userId + u')';
            if (auto s = m_store.markAcknowledged(mailbox(), messageId, m_clock.nowUtc(), by); !s) {
                emit acknowledgeFinished(
                    messageId, tr("Acknowledged with the mailbox, but this desk could not save "
                                  "it: %1")
                                   .arg(s.error().message));
                return;
            }
            emit acknowledgeFinished(messageId, QString());
        });
}

QString NoticeService::recordView(const AttendanceNotice& notice)
{
    if (!notice.isNotice())
        return {}; // no child's record in it
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
