#include "core/profile/ProfileTls.h"

#include <QFile>

namespace cpis {

namespace {

constexpr qint64 kMaxPemBytes = 1024 * 1024;

Result<QByteArray, QString> readPem(const QString& profile, const char* what, const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("profile '%1': the %2 file %3 cannot be read: %4")
            .arg(profile, QLatin1String(what), path, f.errorString());
    if (f.size() > kMaxPemBytes)
        return QStringLiteral("profile '%1': the %2 file %3 is too large")
            .arg(profile, QLatin1String(what), path);
    return f.readAll();
}

} // namespace

Result<TlsPolicy, QString> tlsPolicyFor(const ServiceProfile& profile)
{
    TlsPolicy tls;
    tls.allowUnverifiedLoopback = profile.isTraining();
    if (!profile.caBundle.isEmpty()) {
        auto pem = readPem(profile.name, "ca-bundle", profile.caBundle);
        if (!pem)
            return pem.error();
        tls.caCertificates = QSslCertificate::fromData(pem.value(), QSsl::Pem);
        if (tls.caCertificates.isEmpty())
            return QStringLiteral("profile '%1': no certificate could be read from %2")
                .arg(profile.name, profile.caBundle);
    }
    if (!profile.clientCertificate.isEmpty()) {
        auto certPem = readPem(profile.name, "client-certificate", profile.clientCertificate);
        if (!certPem)
            return certPem.error();
        const auto certs = QSslCertificate::fromData(certPem.value(), QSsl::Pem);
        if (certs.isEmpty())
            return QStringLiteral("profile '%1': no certificate could be read from %2")
                .arg(profile.name, profile.clientCertificate);
        auto keyPem = readPem(profile.name, "client-key", profile.clientKey);
        if (!keyPem)
            return keyPem.error();
        QSslKey key(keyPem.value(), QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem.value(), QSsl::Ec, QSsl::Pem);
        // The PEM text of a private key is not kept beyond this point.
        keyPem.value().fill('\0');
        if (key.isNull())
            return QStringLiteral("profile '%1': no RSA or EC private key could be read from %2")
                .arg(profile.name, profile.clientKey);
        tls.clientCertificate = certs.first();
        tls.clientKey = key;
    }
    return tls;
}

} // namespace cpis
