#pragma once

#include "core/hub/HubAddress.h"
#include "core/hub/HubConnection.h"
#include "core/hub/HubEntry.h"

#include <QString>

#include <memory>

namespace cpis {

// What the hub said to one batch.
struct HubSendResult
{
    bool ok = false;
    qint64 lastSeq = 0;  // the newest entry the hub now holds from this batch
    QByteArray lastHash; // its hash
    int stored = 0;      // new at the hub
    int duplicates = 0;  // already held, identical: a re-send after a lost acknowledgement
    int forks = 0;       // the hub holds a different entry with that number
    QString error;       // why the batch did not reach the hub (nothing of it is committed)
};

// Sends batches to the hub over one connection, kept open between batches. Blocking: it runs
// on the forwarder's own thread.
class HubSender
{
public:
    explicit HubSender(HubAddress address) : m_address(std::move(address)) {}
    // The whole batch in one statement and one transaction: all of it reaches the hub, or
    // none of it does.
    HubSendResult send(const HubBatch& batch);

    // The batch as record_entries' parameters: the hash before it, then one array per column.
    static QList<std::optional<QByteArray>> parameters(const HubBatch& batch);

private:
    Status<QString> connect();

    HubAddress m_address;
    std::unique_ptr<HubConnection> m_conn;
};

} // namespace cpis
