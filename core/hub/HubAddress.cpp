#include "core/hub/HubAddress.h"

#include "core/profile/ServiceProfile.h"

#include <QFileInfo>

namespace cpis {

QString HubAddress::passwordEntry(const QString& profileName)
{
    return QStringLiteral("audit-hub-password/") + profileName;
}

const QString HubAddress::kSystemCaBundle = QStringLiteral("/etc/ssl/certs/ca-certificates.crt");

HubAddress HubAddress::fromProfile(const ServiceProfile& profile, const QByteArray& password)
{
    HubAddress a;
    a.url = profile.auditHub;
    a.caBundle = profile.caBundle;
    a.clientCertificate = profile.clientCertificate;
    a.clientKey = profile.clientKey;
    a.password = password;
    return a;
}

std::optional<QString> HubAddress::problem() const
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != u"postgresql" && scheme != u"postgres"))
        return QStringLiteral("the audit-hub address must be postgresql://ROLE@host:port/database");
    if (url.userName().isEmpty())
        return QStringLiteral("the audit-hub address names no database role for this desk "
                              "(postgresql://ROLE@host/database)");
    if (password.isEmpty() && clientCertificate.isEmpty())
        return QStringLiteral("no password for the audit hub in the keychain and no client "
                              "certificate in the profile (cpis audit hub-password)");
    const QString ca = caBundle.isEmpty() ? kSystemCaBundle : caBundle;
    if (!QFileInfo(ca).isReadable())
        return QStringLiteral("the CA bundle %1 for the audit hub cannot be read").arg(ca);
    return std::nullopt;
}

QString HubAddress::display() const
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

HubConnection::Keywords HubAddress::keywords() const
{
    // The address goes first, without its query: TLS and sign-in settings below replace
    // anything it could say.
    HubConnection::Keywords k;
    k << qMakePair(QByteArrayLiteral("dbname"), url.toString(QUrl::RemoveQuery).toUtf8())
      << qMakePair(QByteArrayLiteral("sslmode"), QByteArrayLiteral("verify-full"))
      << qMakePair(QByteArrayLiteral("sslrootcert"),
                   (caBundle.isEmpty() ? kSystemCaBundle : caBundle).toUtf8())
      << qMakePair(QByteArrayLiteral("connect_timeout"), QByteArray::number(connectTimeoutSecs))
      << qMakePair(QByteArrayLiteral("application_name"), QByteArrayLiteral("cpis-desk"))
      // A hub that stops answering mid-batch must not hold the forwarder (and the desk's
      // shutdown, which waits for it) for longer than this.
      << qMakePair(QByteArrayLiteral("tcp_user_timeout"), QByteArrayLiteral("15000"))
      << qMakePair(QByteArrayLiteral("keepalives_idle"), QByteArrayLiteral("15"))
      << qMakePair(QByteArrayLiteral("options"), QByteArrayLiteral("-c statement_timeout=15000"));
    if (!password.isEmpty())
        k << qMakePair(QByteArrayLiteral("password"), password);
    if (!clientCertificate.isEmpty())
        k << qMakePair(QByteArrayLiteral("sslcert"), clientCertificate.toUtf8())
          << qMakePair(QByteArrayLiteral("sslkey"), clientKey.toUtf8());
    return k;
}

} // namespace cpis
