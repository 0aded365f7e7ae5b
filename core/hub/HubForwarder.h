#pragma once

#include "core/domain/Result.h"
#include "core/hub/HubAddress.h"
#include "core/hub/HubQueue.h"
#include "core/hub/HubSender.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace cpis {

class Clock;
class SecureDb;

// Forwards every audit entry, once it is durable in the desk's log, to the trust's audit hub:
// store and forward, so that entries wait in the log through restarts, crashes and hub
// outages. Each batch goes to the hub on the forwarder's own thread, so the desk never waits
// for the hub. Exactly once at the hub: the position advances only after the hub commits,
// and the hub ignores an identical re-send (docs/hub.md).
class HubForwarder : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        std::chrono::milliseconds retryFirst{2000}; // after the first failure; doubles each time
        std::chrono::milliseconds retryMax{60000};
        int batchSize = 200;
    };

    struct State
    {
        QString hub;             // the address, without role or password
        qint64 localSeq = 0;     // the newest entry of the desk's log
        qint64 forwardedSeq = 0; // the newest the hub has acknowledged
        QDateTime lastSentUtc;   // the last successful send; invalid: never
        QString lastError;       // why the last attempt failed; empty after a success
        qint64 backlog() const { return localSeq > forwardedSeq ? localSeq - forwardedSeq : 0; }
    };

    // `auditDb` is the audit log's database; read and written on this object's thread only.
    static StoreResult<std::unique_ptr<HubForwarder>> create(SecureDb& auditDb,
                                                             HubAddress address,
                                                             const Clock& clock,
                                                             Settings settings,
                                                             QObject* parent = nullptr);
    ~HubForwarder() override;

    // An entry became durable: send it (soon, never from inside the caller).
    void wake();
    const State& state() const { return m_state; }

    // The position and backlog as stored, without a forwarder running (`cpis audit status`).
    static StoreResult<State> readState(SecureDb& auditDb, const QUrl& hub);

signals:
    void stateChanged();

private:
    HubForwarder(SecureDb& auditDb,
                 HubAddress address,
                 const Clock& clock,
                 Settings settings,
                 QObject* parent);
    void pump();
    void sent(const HubSendResult& result);
    void failed(const QString& why);
    bool refreshState();

    HubQueue m_queue;
    HubAddress m_address;
    const Clock& m_clock;
    Settings m_settings;
    std::optional<QString> m_unusable; // the address cannot be used: nothing is ever sent
    std::shared_ptr<HubSender> m_sender;
    QThread m_thread;
    QObject m_workerContext; // lives on m_thread: what the sends run in
    QTimer m_retry;
    bool m_pumpQueued = false;
    bool m_inFlight = false;
    int m_failures = 0;
    State m_state;
};

} // namespace cpis
