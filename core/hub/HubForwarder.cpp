#include "core/hub/HubForwarder.h"

#include "core/domain/Clock.h"
#include "core/hub/HubLogging.h"

#include <algorithm>

namespace cpis {

HubForwarder::HubForwarder(
    SecureDb& auditDb, HubAddress address, const Clock& clock, Settings settings, QObject* parent)
    : QObject(parent), m_queue(auditDb), m_address(std::move(address)), m_clock(clock),
      m_settings(settings)
{
    m_unusable = m_address.problem();
    m_state.hub = m_address.display();
    m_sender = std::make_shared<HubSender>(m_address);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &HubForwarder::pump);
    m_workerContext.moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("cpis-hub-forwarder"));
    m_thread.start();
}

HubForwarder::~HubForwarder()
{
    // A batch in flight finishes (or its connection attempt times out) first; what it sent
    // and was not acknowledged here is sent again at the next start, and ignored by the hub.
    m_thread.quit();
    m_thread.wait();
}

StoreResult<std::unique_ptr<HubForwarder>> HubForwarder::create(
    SecureDb& auditDb, HubAddress address, const Clock& clock, Settings settings, QObject* parent)
{
    settings.batchSize = std::max(1, settings.batchSize);
    std::unique_ptr<HubForwarder> f(
        new HubForwarder(auditDb, std::move(address), clock, settings, parent));
    if (auto s = f->m_queue.open(); !s)
        return s.error();
    if (f->m_unusable) {
        f->m_state.lastError = *f->m_unusable;
        qCWarning(lcHub, "audit entries are not forwarded: %s", qUtf8Printable(*f->m_unusable));
    }
    f->refreshState();
    f->wake();
    return f;
}

StoreResult<HubForwarder::State> HubForwarder::readState(SecureDb& auditDb, const QUrl& hub)
{
    HubQueue queue(auditDb);
    if (auto s = queue.open(); !s)
        return s.error();
    auto st = queue.state();
    if (!st)
        return st.error();
    auto last = queue.lastSeq();
    if (!last)
        return last.error();
    State s;
    s.hub = hub.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    s.localSeq = last.value();
    s.forwardedSeq = st->acknowledged();
    s.lastSentUtc = st->lastSentUtc;
    return s;
}

bool HubForwarder::refreshState()
{
    auto st = m_queue.state();
    auto last = m_queue.lastSeq();
    if (!st || !last) {
        m_state.lastError = (!st ? st.error() : last.error()).message;
        emit stateChanged();
        return false;
    }
    m_state.localSeq = last.value();
    m_state.forwardedSeq = st->acknowledged();
    m_state.lastSentUtc = st->lastSentUtc;
    emit stateChanged();
    return true;
}

void HubForwarder::wake()
{
    if (m_unusable || m_pumpQueued || m_inFlight || m_retry.isActive()) {
        if (!m_inFlight)
            refreshState();
        return;
    }
    m_pumpQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpQueued = false;
            pump();
        },
        Qt::QueuedConnection);
}

void HubForwarder::pump()
{
    if (m_unusable || m_inFlight)
        return;
    auto st = m_queue.state();
    if (!st)
        return failed(st.error().message);
    qint64 from = st->seq;
    if (st->diverged) {
        // The entry the hub last acknowledged is no longer in the log as it was sent: the log
        // was rewritten. The hub hears the log as it now stands, from the start, and keeps
        // what it already held (re-sent entries it holds are ignored, different ones are
        // recorded as forks).
        qCWarning(lcHub,
                  "the audit log no longer holds entry %lld as it was forwarded; "
                  "forwarding it again from the start",
                  from);
        if (auto r = m_queue.restart(); !r)
            return failed(r.error().message);
        from = 0;
    }
    auto batch = m_queue.pending(from, m_settings.batchSize);
    if (!batch)
        return failed(batch.error().message);
    if (batch->entries.isEmpty()) {
        refreshState();
        return;
    }
    m_inFlight = true;
    QMetaObject::invokeMethod(
        &m_workerContext,
        [this, sender = m_sender, b = std::move(batch).value()] {
            const HubSendResult r = sender->send(b);
            QMetaObject::invokeMethod(
                this, [this, r] { sent(r); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void HubForwarder::sent(const HubSendResult& result)
{
    m_inFlight = false;
    if (!result.ok)
        return failed(result.error);
    if (auto s = m_queue.markSent(result.lastSeq, result.lastHash, m_clock.nowUtc()); !s)
        return failed(s.error().message);
    if (result.forks > 0)
        qCWarning(lcHub,
                  "the hub holds different entries for %d of the numbers sent: the "
                  "hub records them as forks",
                  result.forks);
    m_failures = 0;
    m_state.lastError.clear();
    refreshState();
    pump(); // the rest of the backlog, if any
}

void HubForwarder::failed(const QString& why)
{
    m_state.lastError = why;
    const std::chrono::milliseconds doubled =
        m_settings.retryFirst * (1 << std::min(m_failures, 16));
    const std::chrono::milliseconds wait = std::min(m_settings.retryMax, doubled);
    ++m_failures;
    // The reason stays out of the log: it is the server's or libpq's own text, which could
    // quote what was sent. The status (CLI, status bar) shows it to the user.
    qCInfo(lcHub, "forwarding to the audit hub failed; trying again in %lld ms",
           qint64(wait.count()));
    m_retry.start(wait);
    refreshState();
}

} // namespace cpis
