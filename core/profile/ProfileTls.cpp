#include "core/profile/ProfileTls.h"

#include <QFile>
#include <QFileInfo>

#include <optional>

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

// A private key (or the passphrase that opens one) anybody else on the machine can read is no
// longer the desk's alone: refused rather than used.
std::optional<QString> ownerOnly(const QString& profile, const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("profile '%1': the client-key file %2 does not exist")
            .arg(profile, path);
    if (info.permissions() &
        (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
         QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther))
        return QStringLiteral("profile '%1': the client-key file %2 may be read by others; it must "
                              "be readable by its owner only (chmod 600)")
            .arg(profile, path);
    return std::nullopt;
}

bool isPkcs12(const QString& path)
{
    return path.endsWith(QLatin1String(".p12"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".pfx"), Qt::CaseInsensitive);
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
    if (!profile.clientCertificate.isEmpty() && isPkcs12(profile.clientCertificate)) {
        // A PKCS#12 bundle holds the certificate and its key; client-key then names the file
        // holding the bundle's passphrase, under the same owner-only rule as a key.
        if (auto bad = ownerOnly(profile.name, profile.clientKey))
            return *bad;
        auto passphrase = readPem(profile.name, "client-key", profile.clientKey);
        if (!passphrase)
            return passphrase.error();
        QFile bundle(profile.clientCertificate);
        if (!bundle.open(QIODevice::ReadOnly))
            return QStringLiteral("profile '%1': the client-certificate file %2 cannot be read: %3")
                .arg(profile.name, profile.clientCertificate, bundle.errorString());
        QSslKey key;
        QSslCertificate cert;
        QList<QSslCertificate> chain;
        const bool ok = QSslCertificate::importPkcs12(&bundle, &key, &cert, &chain,
                                                      passphrase.value().trimmed());
        passphrase.value().fill('\0');
        if (!ok || key.isNull() || cert.isNull())
            return QStringLiteral("profile '%1': no certificate and key could be read from the "
                                  "PKCS#12 file %2 with its passphrase")
                .arg(profile.name, profile.clientCertificate);
        tls.clientCertificate = cert;
        tls.clientKey = key;
        return tls;
    }
    if (!profile.clientCertificate.isEmpty()) {
        if (auto bad = ownerOnly(profile.name, profile.clientKey))
            return *bad;
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
