#pragma once

#include "core/store/StoreError.h"

#include <QByteArray>

#include <optional>

namespace cpis {

// The newest audit sequence number and its hash, kept outside the database: a hash chain
// alone cannot see its newest entries cut off.
struct AuditAnchor
{
    qint64 seq = 0;
    QByteArray headHash;
    friend bool operator==(const AuditAnchor& a, const AuditAnchor& b)
    {
        return a.seq == b.seq && a.headHash == b.headHash;
    }
};

class AnchorStore
{
public:
    virtual ~AnchorStore() = default;
    virtual StoreResult<std::optional<AuditAnchor>> load() = 0;
    virtual StoreStatus save(const AuditAnchor& anchor) = 0;
};

// For tests and benchmarks; the app uses KeychainAnchorStore.
class MemoryAnchorStore final : public AnchorStore
{
public:
    StoreResult<std::optional<AuditAnchor>> load() override { return m_anchor; }
    StoreStatus save(const AuditAnchor& anchor) override
    {
        m_anchor = anchor;
        ++m_saves;
        return {};
    }
    int saves() const { return m_saves; }
    void set(std::optional<AuditAnchor> a) { m_anchor = std::move(a); }

private:
    std::optional<AuditAnchor> m_anchor;
    int m_saves = 0;
};

} // namespace cpis
