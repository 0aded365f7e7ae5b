#pragma once

#include <QByteArray>
#include <QList>

#include <array>

namespace cpis {

// One audit entry as the desk's log stores it, byte for byte: the hub recomputes the chain
// hash from exactly these bytes (core/audit/AuditLog.cpp, hashInput), so nothing is decoded
// and re-encoded on the way.
struct HubEntry
{
    // user_id, user_name, role, organisation, action, nhs_number, outcome, workstation,
    // reason, request_id, environment: the order the chain hash takes them in.
    static constexpr int kFieldCount = 11;

    qint64 seq = 0;
    qint64 atMs = 0;
    std::array<QByteArray, kFieldCount> fields;
    QByteArray hash;
    QByteArray mac;
};

// A run of consecutive entries and the hash of the entry before the first (32 zero bytes
// before entry 1).
struct HubBatch
{
    QList<HubEntry> entries;
    QByteArray prevHash;
};

} // namespace cpis
