#include "sandbox/endpoints/MeshAuthenticator.h"

#include <QMessageAuthenticationCode>
#include <QTimeZone>

namespace cpis::sandbox {

const QByteArray MeshAuthenticator::kTrainingPassword = QByteArrayLiteral("password");
const QByteArray MeshAuthenticator::kTrainingSharedKey = QByteArrayLiteral("TestKey");

QString MeshAuthenticator::check(const QByteArray& authorization,
                                 const QString& mailbox,
                                 const QDateTime& now)
{
    static const QByteArray scheme = QByteArrayLiteral("NHSMESH ");
    if (!authorization.startsWith(scheme))
        return QStringLiteral("not an NHSMESH token");
    const QList<QByteArray> parts = authorization.mid(scheme.size()).split(':');
    if (parts.size() != 5)
        return QStringLiteral("the token does not have five parts");
    const QByteArray& id = parts.at(0);
    const QByteArray& nonce = parts.at(1);
    const QByteArray& count = parts.at(2);
    const QByteArray& stamp = parts.at(3);
    const QByteArray& hash = parts.at(4);
    if (QString::fromLatin1(id) != mailbox)
        return QStringLiteral("the token is for another mailbox");
    bool countOk = false;
    count.toInt(&countOk);
    if (nonce.isEmpty() || !countOk)
        return QStringLiteral("no nonce or count");
    QDateTime when =
        QDateTime::fromString(QString::fromLatin1(stamp), QStringLiteral("yyyyMMddHHmm"));
    if (!when.isValid() || stamp.size() != 12)
        return QStringLiteral("the timestamp is not yyyyMMddHHmm");
    when.setTimeZone(QTimeZone::utc());
    if (qAbs(when.secsTo(now)) > kMaxSkewSecs)
        return QStringLiteral("the timestamp is more than 2 hours from the server's clock");
    const QByteArray message =
        id + ':' + nonce + ':' + count + ':' + kTrainingPassword + ':' + stamp;
    const QByteArray expected =
        QMessageAuthenticationCode::hash(message, kTrainingSharedKey, QCryptographicHash::Sha256)
            .toHex();
    if (hash.toLower() != expected)
        return QStringLiteral("the HMAC does not match (password or shared key)");
    const QString used =
        mailbox + u':' + QString::fromLatin1(nonce) + u':' + QString::fromLatin1(count);
    if (m_used.contains(used))
        return QStringLiteral("the nonce and count were used before");
    m_used.insert(used);
    return {};
}

} // namespace cpis::sandbox
