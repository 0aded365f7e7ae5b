#pragma once

// Certificates for mutual-TLS tests, made at run time with the openssl command line in a
// temporary folder: nothing secret is ever committed, and every run has fresh keys.

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace cpis::testsupport {

// A certificate with its private key, and the files both were written to.
struct CertifiedKey
{
    QSslCertificate certificate;
    QSslKey key;
    QString certificatePath;
    QString keyPath;
};

// A test CA, a server certificate for 127.0.0.1 and localhost, a client certificate from the
// same CA, and a client certificate from another CA (which a server trusting only the first
// must refuse).
class TestCertificates
{
public:
    // nullptr (and *error says why) when openssl is missing or fails. The files live as long
    // as the returned object.
    static std::unique_ptr<TestCertificates> make(QString* error = nullptr)
    {
        std::unique_ptr<TestCertificates> made(new TestCertificates);
        TestCertificates& c = *made;
        if (!c.m_dir.isValid())
            return fail(error, QStringLiteral("no temporary folder"));
        const auto ca = c.selfSigned(QStringLiteral("ca"), QStringLiteral("/CN=CP-IS Test CA"));
        const auto otherCa =
            c.selfSigned(QStringLiteral("other-ca"), QStringLiteral("/CN=Some Other CA"));
        if (!ca || !otherCa)
            return fail(error, c.m_error);
        const auto server = c.issued(QStringLiteral("server"), QStringLiteral("/CN=127.0.0.1"), *ca,
                                     QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                                    "extendedKeyUsage=serverAuth\n"));
        const auto client =
            c.issued(QStringLiteral("client"), QStringLiteral("/CN=DESK-TRAINING-1"), *ca,
                     QStringLiteral("extendedKeyUsage=clientAuth\n"));
        const auto stranger =
            c.issued(QStringLiteral("stranger"), QStringLiteral("/CN=DESK-TRAINING-1"), *otherCa,
                     QStringLiteral("extendedKeyUsage=clientAuth\n"));
        if (!server || !client || !stranger)
            return fail(error, c.m_error);
        c.ca = *ca;
        c.otherCa = *otherCa;
        c.server = *server;
        c.client = *client;
        c.strangerClient = *stranger;
        return made;
    }

    CertifiedKey ca;
    CertifiedKey otherCa;
    CertifiedKey server;
    CertifiedKey client;         // issued by `ca`
    CertifiedKey strangerClient; // issued by `otherCa`

private:
    TestCertificates() = default;

    static std::unique_ptr<TestCertificates> fail(QString* error, const QString& why)
    {
        if (error)
            *error = why;
        return nullptr;
    }

    bool run(const QStringList& args)
    {
        QProcess openssl;
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(QStringLiteral("openssl"), args);
        if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
            openssl.exitCode() != 0) {
            m_error = QStringLiteral("openssl %1 failed: %2")
                          .arg(args.value(0), QString::fromLocal8Bit(openssl.readAll()));
            return false;
        }
        return true;
    }

    std::optional<CertifiedKey> load(const QString& name)
    {
        CertifiedKey k;
        k.certificatePath = m_dir.filePath(name + QStringLiteral(".pem"));
        k.keyPath = m_dir.filePath(name + QStringLiteral(".key"));
        QFile cert(k.certificatePath);
        QFile key(k.keyPath);
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("cannot read %1").arg(name);
            return std::nullopt;
        }
        k.certificate = QSslCertificate(cert.readAll(), QSsl::Pem);
        k.key = QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem);
        if (k.certificate.isNull() || k.key.isNull()) {
            m_error = QStringLiteral("%1 is not a PEM certificate and RSA key").arg(name);
            return std::nullopt;
        }
        return k;
    }

    std::optional<CertifiedKey> selfSigned(const QString& name, const QString& subject)
    {
        if (!run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                  m_dir.filePath(name + QStringLiteral(".key")), QStringLiteral("-out"),
                  m_dir.filePath(name + QStringLiteral(".pem")), QStringLiteral("-days"),
                  QStringLiteral("2"), QStringLiteral("-subj"), subject, QStringLiteral("-addext"),
                  QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                  QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}))
            return std::nullopt;
        return load(name);
    }

    std::optional<CertifiedKey> issued(const QString& name,
                                       const QString& subject,
                                       const CertifiedKey& issuer,
                                       const QString& extensions)
    {
        const QString csr = m_dir.filePath(name + QStringLiteral(".csr"));
        const QString ext = m_dir.filePath(name + QStringLiteral(".ext"));
        QFile extFile(ext);
        if (!extFile.open(QIODevice::WriteOnly) ||
            extFile.write((QStringLiteral("basicConstraints=CA:FALSE\n"
                                          "keyUsage=critical,digitalSignature,keyEncipherment\n") +
                           extensions)
                              .toUtf8()) < 0)
            return std::nullopt;
        extFile.close();
        if (!run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                  m_dir.filePath(name + QStringLiteral(".key")), QStringLiteral("-out"), csr,
                  QStringLiteral("-subj"), subject}))
            return std::nullopt;
        if (!run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                  QStringLiteral("-CA"), issuer.certificatePath, QStringLiteral("-CAkey"),
                  issuer.keyPath, QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                  m_dir.filePath(name + QStringLiteral(".pem")), QStringLiteral("-days"),
                  QStringLiteral("2"), QStringLiteral("-extfile"), ext}))
            return std::nullopt;
        return load(name);
    }

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace cpis::testsupport
