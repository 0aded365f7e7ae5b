#pragma once

#include "core/audit/AuditAnchor.h"

namespace cpis {

class KeyProvider;

// The anchor as one entry of the key provider (the keychain, in the desk) beside the audit
// HMAC key: "<seq>:<hex hash>".
// One save costs a keychain write (~25 ms on gnome-keyring).
class KeychainAnchorStore final : public AnchorStore
{
public:
    explicit KeychainAnchorStore(KeyProvider& keys) : m_keys(keys) {}
    StoreResult<std::optional<AuditAnchor>> load() override;
    StoreStatus save(const AuditAnchor& anchor) override;

    static const QString kEntryName;

private:
    KeyProvider& m_keys;
};

} // namespace cpis
