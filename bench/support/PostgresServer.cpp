#include "bench/support/PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cpis::benchsupport {

namespace {

bool asRoot()
{
    return ::geteuid() == 0;
}

// Gives `path` to the server's account when the test runs as root.
bool handOver(const QString& path, mode_t mode)
{
    if (::chmod(QFile::encodeName(path).constData(), mode) != 0)
        return false;
    if (!asRoot())
        return true;
    const passwd* pw = ::getpwnam("postgres");
    return pw && ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

PostgresServer::PostgresServer()
{
    m_password = QByteArray::number(QRandomGenerator::global()->generate64(), 36) +
                 QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}

PostgresServer::~PostgresServer()
{
    if (m_running)
        stop();
}

QString PostgresServer::binDir()
{
    const QString fromEnv = qEnvironmentVariable("CPIS_PG_BIN");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : fromEnv;
}

bool PostgresServer::binariesPresent()
{
    const QDir bin(binDir());
    return QFileInfo(bin.filePath(QStringLiteral("initdb"))).isExecutable() &&
           QFileInfo(bin.filePath(QStringLiteral("pg_ctl"))).isExecutable() &&
           (!asRoot() || ::getpwnam("postgres") != nullptr);
}

bool PostgresServer::required()
{
    return qEnvironmentVariable("CI") == u"true" ||
           qEnvironmentVariable("CPIS_REQUIRE_REFERENCE_DATA") == u"1";
}

QString PostgresServer::caFile() const
{
    return m_root + QStringLiteral("/server.crt");
}

QString PostgresServer::uri(const QString& user) const
{
    return QStringLiteral("postgresql://%1@%2:%3/postgres").arg(user, host()).arg(m_port);
}

bool PostgresServer::runAsServerUser(const QString& program, const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QString exe = QDir(binDir()).filePath(program);
    if (asRoot())
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                            exe} +
                    args);
    else
        p.start(exe, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit ||
        p.exitCode() != 0) {
        m_error = program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(p.readAll());
        return false;
    }
    return true;
}

bool PostgresServer::init()
{
    if (m_initialised)
        return true;
    // Short: the server's Unix socket lives here too, and its path is limited to 107 bytes.
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/cpis-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    m_root = m_dir->path();
    if (!handOver(m_root, 0700)) {
        m_error = QStringLiteral("the folder cannot be given to the postgres account");
        return false;
    }
    // The password file must be readable by the server's account (not a pipe of this process).
    const QString pwFile = m_root + QStringLiteral("/pw");
    {
        QFile f(pwFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_password + '\n') < 0) {
            m_error = QStringLiteral("cannot write the password file");
            return false;
        }
    }
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), m_root + QStringLiteral("/server.key"),
                   QStringLiteral("-out"), caFile()});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl could not make the server's certificate: ") +
                  QString::fromLocal8Bit(openssl.readAll());
        return false;
    }
    if (!handOver(pwFile, 0600) || !handOver(m_root + QStringLiteral("/server.key"), 0600) ||
        !handOver(caFile(), 0644)) {
        m_error = QStringLiteral("cannot give the server its files");
        return false;
    }
    if (!runAsServerUser(QStringLiteral("initdb"),
                         {QStringLiteral("-D"), m_root + QStringLiteral("/data"),
                          QStringLiteral("-U"), adminUser(), QStringLiteral("--pwfile=") + pwFile,
                          QStringLiteral("-A"), QStringLiteral("scram-sha-256"),
                          QStringLiteral("--no-sync"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                          QStringLiteral("--locale=C")},
                         120000))
        return false;
    m_port = freePort();
    if (m_port == 0) {
        m_error = QStringLiteral("no free loopback port");
        return false;
    }
    m_initialised = true;
    return true;
}

bool PostgresServer::start()
{
    if (!init())
        return false;
    if (m_running)
        return true;
    const QString options =
        QStringLiteral("-k %1 -c listen_addresses=127.0.0.1 -p %2 -c ssl=on -c ssl_cert_file=%3 "
                       "-c ssl_key_file=%1/server.key -c fsync=off")
            .arg(m_root)
            .arg(m_port)
            .arg(caFile());
    if (!runAsServerUser(QStringLiteral("pg_ctl"),
                         {QStringLiteral("-D"), m_root + QStringLiteral("/data"),
                          QStringLiteral("-o"), options, QStringLiteral("-l"),
                          m_root + QStringLiteral("/log"), QStringLiteral("-w"),
                          QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
                         90000)) {
        QFile log(m_root + QStringLiteral("/log"));
        if (log.open(QIODevice::ReadOnly))
            m_error += QString::fromLocal8Bit(log.readAll().right(2000));
        return false;
    }
    m_running = true;
    return true;
}

bool PostgresServer::stop()
{
    if (!m_running)
        return true;
    if (!runAsServerUser(QStringLiteral("pg_ctl"),
                         {QStringLiteral("-D"), m_root + QStringLiteral("/data"),
                          QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                          QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("stop")},
                         90000))
        return false;
    m_running = false;
    return true;
}

} // namespace cpis::benchsupport
