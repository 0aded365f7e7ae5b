#pragma once
// A PostgreSQL server of its own for a test or a benchmark: initdb in a temporary folder, then
// pg_ctl on a free loopback port, with SCRAM passwords and TLS (a self-signed certificate for
// 127.0.0.1 that the caller hands the desk as its CA). Debian's server binaries refuse to run
// as root, so as root they run as the `postgres` account (runuser), in a folder it owns.
// It lives here, not under tests/, because benchmarks may not include tests/ and tests may
// include bench/support; nothing in the product starts a server.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace cpis::benchsupport {

class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer(); // stops the server, if it runs

    // Where initdb and pg_ctl are: CPIS_PG_BIN, or Debian's /usr/lib/postgresql/15/bin.
    static QString binDir();
    static bool binariesPresent();
    // Whether a missing server must fail (CI) rather than skip.
    static bool required();

    // initdb (owner `hubadmin`, its password adminPassword()) and the TLS material. Once.
    bool init();
    bool start();
    bool stop(); // fast shutdown: open sessions are cut, as a hub outage would
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString adminUser() const { return QStringLiteral("hubadmin"); }
    QByteArray adminPassword() const { return m_password; }
    QString caFile() const; // the server's own certificate, to trust it by
    // postgresql://USER@127.0.0.1:PORT/postgres
    QString uri(const QString& user) const;

private:
    bool runAsServerUser(const QString& program, const QStringList& args, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    int m_port = 0;
    QByteArray m_password;
    bool m_initialised = false;
    bool m_running = false;
    QString m_error;
};

} // namespace cpis::benchsupport
