#pragma once

#include "core/audit/AuditAnchor.h"

#include <QString>

namespace cpis {

class KeyProvider;

// The anchor as one entry of the key provider (the keychain, in the desk) beside the audit
// HMAC key: "<seq>:<hex hash>", named after the store's identity ("audit-anchor-<id>") so
// that stores sharing a keychain never overwrite each other's anchor.
// One save costs a keychain write (~10-25 ms on gnome-keyring): the desk makes it off the
// look-up path.
class KeychainAnchorStore final : public AnchorStore
{
public:
    KeychainAnchorStore(KeyProvider& keys, const QString& storeId);
    StoreResult<std::optional<AuditAnchor>> load() override;
    StoreStatus save(const AuditAnchor& anchor) override;

    QString entryName() const { return m_entryName; }
    static QString entryNameFor(const QString& storeId);
    // The one entry every store shared before stores had ids; read only to take it over.
    static const QString kLegacyEntryName;
    static StoreResult<std::optional<AuditAnchor>> read(KeyProvider& keys, const QString& name);

private:
    KeyProvider& m_keys;
    QString m_entryName;
};

} // namespace cpis
