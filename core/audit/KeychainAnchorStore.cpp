#include "core/audit/KeychainAnchorStore.h"

#include "core/store/KeyProvider.h"

#include <QList>

namespace cpis {

const QString KeychainAnchorStore::kLegacyEntryName = QStringLiteral("audit-anchor");

KeychainAnchorStore::KeychainAnchorStore(KeyProvider& keys, const QString& storeId)
    : m_keys(keys), m_entryName(entryNameFor(storeId))
{}

QString KeychainAnchorStore::entryNameFor(const QString& storeId)
{
    return kLegacyEntryName + u'-' + storeId;
}

StoreResult<std::optional<AuditAnchor>> KeychainAnchorStore::read(KeyProvider& keys,
                                                                  const QString& name)
{
    auto raw = keys.read(name);
    if (!raw)
        return raw.error();
    if (!raw.value())
        return std::optional<AuditAnchor>();
    const QList<QByteArray> parts = raw.value()->split(':');
    bool ok = false;
    AuditAnchor a;
    if (parts.size() == 2)
        a.seq = parts.at(0).toLongLong(&ok);
    if (ok)
        a.headHash = QByteArray::fromHex(parts.at(1));
    if (!ok || a.seq < 0 || a.headHash.size() != 32)
        return StoreError{StoreError::Code::AuditTampered,
                          QStringLiteral("the audit anchor in the keychain is malformed")};
    return std::optional<AuditAnchor>(a);
}

StoreResult<std::optional<AuditAnchor>> KeychainAnchorStore::load()
{
    return read(m_keys, m_entryName);
}

StoreStatus KeychainAnchorStore::save(const AuditAnchor& anchor)
{
    auto s =
        m_keys.write(m_entryName, QByteArray::number(anchor.seq) + ':' + anchor.headHash.toHex());
    if (!s)
        return StoreError{StoreError::Code::AnchorUnsaved,
                          QStringLiteral("the audit anchor could not be saved in the keychain: %1")
                              .arg(s.error().message)};
    return s;
}

} // namespace cpis
