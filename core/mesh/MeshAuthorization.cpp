#include "core/mesh/MeshAuthorization.h"

#include "core/crypto/HmacSha256.h"
#include "core/domain/Clock.h"

#include <QUuid>

namespace cpis {

MeshAuthorization::MeshAuthorization(const MeshCredentials& credentials, const Clock& clock)
    : m_credentials(credentials), m_clock(clock)
{}

QString MeshAuthorization::timestamp(const QDateTime& utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMddHHmm"));
}

QByteArray MeshAuthorization::header(const MeshCredentials& credentials,
                                     const QString& nonce,
                                     int nonceCount,
                                     const QDateTime& utc)
{
    const QByteArray mailbox = credentials.mailboxId.toUpper().toUtf8();
    const QByteArray count = QByteArray::number(nonceCount);
    const QByteArray when = timestamp(utc).toLatin1();
    QByteArray message;
    message.reserve(mailbox.size() + nonce.size() + credentials.password.size() + 40);
    message.append(mailbox).append(':').append(nonce.toLatin1()).append(':').append(count);
    message.append(':').append(credentials.password.view()).append(':').append(when);
    HmacSha256 mac(credentials.sharedKey.view());
    Sha256::Digest digest{};
    const bool ok = mac.isValid() && mac.mac(message, digest);
    wipe(message);
    if (!ok)
        return {};
    return QByteArrayLiteral("NHSMESH ") + mailbox + ':' + nonce.toLatin1() + ':' + count + ':' +
           when + ':' + QByteArray(digest.data(), qsizetype(digest.size())).toHex();
}

QByteArray MeshAuthorization::next()
{
    const QString nonce =
        m_nonces ? m_nonces() : QUuid::createUuid().toString(QUuid::WithoutBraces);
    return header(m_credentials, nonce, 0, m_clock.nowUtc());
}

} // namespace cpis
