#pragma once
// A PostgreSQL server of its own for a test: initdb in a temporary folder, then pg_ctl on a
// free loopback port, with SCRAM passwords and TLS (a self-signed certificate for 127.0.0.1
// that the test hands the desk as its CA). Debian's server binaries refuse to run as root,
// so as root they run as the `postgres` account (runuser), in a folder it owns.
#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace cpis::testsupport {

// A test that needs the server and finds no binaries skips with one line starting with this
// (scripts/test.sh counts them); under CI (CI=true, or CPIS_REQUIRE_REFERENCE_DATA=1 as .ci/run
// sets it) it fails instead.
inline constexpr char kMissingPostgres[] = "missing PostgreSQL server:";

class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer(); // stops the server, if it runs

    // Where initdb and pg_ctl are: CPIS_PG_BIN, or Debian's /usr/lib/postgresql/15/bin.
    static QString binDir();
    static bool binariesPresent();
    // Whether a missing server must fail the test rather than skip it.
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

} // namespace cpis::testsupport

// Skips (or, under CI, fails) the calling test when the server's binaries are absent.
#define CPIS_REQUIRE_POSTGRES()                                                                    \
    do {                                                                                           \
        if (!cpis::testsupport::PostgresServer::binariesPresent()) {                               \
            const QString cpisPgWhy_ = QLatin1String(cpis::testsupport::kMissingPostgres) +        \
                                       QStringLiteral(" no initdb/pg_ctl in ") +                   \
                                       cpis::testsupport::PostgresServer::binDir() +               \
                                       QStringLiteral(" (Debian: apt-get install postgresql)");    \
            if (cpis::testsupport::PostgresServer::required())                                     \
                QFAIL(qPrintable(cpisPgWhy_));                                                     \
            QSKIP(qPrintable(cpisPgWhy_));                                                         \
        }                                                                                          \
    } while (false)
