#pragma once

#include "core/audit/AuditAnchor.h"

namespace cpis {

class KeyStore;

// The anchor as one keychain entry beside the audit HMAC key: "<seq>:<hex hash>".
// One save costs a keychain write (~25 ms on gnome-keyring).
class KeychainAnchorStore final : public AnchorStore
{
public:
    explicit KeychainAnchorStore(KeyStore& keys) : m_keys(keys) {}
    StoreResult<std::optional<AuditAnchor>> load() override;
    StoreStatus save(const AuditAnchor& anchor) override;

    static const QString kEntryName;

private:
    KeyStore& m_keys;
};

} // namespace cpis
