#include "core/audit/KeychainAnchorStore.h"

#include "core/store/KeyProvider.h"

#include <QList>

namespace cpis {

const QString KeychainAnchorStore::kEntryName = QStringLiteral("audit-anchor");

StoreResult<std::optional<AuditAnchor>> KeychainAnchorStore::load()
{
    auto raw = m_keys.read(kEntryName);
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

StoreStatus KeychainAnchorStore::save(const AuditAnchor& anchor)
{
    return m_keys.write(kEntryName, QByteArray::number(anchor.seq) + ':' + anchor.headHash.toHex());
}

} // namespace cpis
