#pragma once

#include "core/domain/NhsNumber.h"
#include "core/domain/Result.h"
#include "core/domain/UserSession.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace cpis {

class DeskServices;
struct LookupResult;

// The `cpis` commands over the same services as the desk. Each command ends by handing
// an exit code to `done`; the codes are documented in docs/cli.md and never change
// meaning.
class CliCommands : public QObject
{
    Q_OBJECT
public:
    enum Exit : int
    {
        NoRecord = 0,         // lookup: the service answered, no CP-IS record
        Ok = 0,               // other commands: done
        LocalFailure = 1,     // keychain, store or sandbox could not be used
        BadInput = 2,         // usage error or invalid NHS number; nothing was contacted
        PlansFound = 3,       // lookup: the service answered with one or more plans
        CouldNotCheck = 4,    // lookup, history: no answer, and none in the cache
        CachedPlansFound = 5, // lookup: service unreachable, the cache holds plans
        CachedNoRecord = 6,   // lookup: service unreachable, the cache holds no record
        NotSignedIn = 7,      // no session, sign-in expired, or the role cannot use CP-IS
        AuditTampered = 8,    // audit verify: the log was changed or cut short
        StoreInUse = 9,       // another program holds the store; nothing was done
        NotAudited = 10,      // answered (see the output), but not audited or not anchored
        // lookup at an unscheduled-care site without --confirmed-identity; nothing was sent
        IdentityNotConfirmed = 11,
    };

    using Done = std::function<void(int exitCode)>;
    using SessionSource =
        std::function<void(std::function<void(const Result<UserSession, QString>&)>)>;

    CliCommands(DeskServices& services,
                SessionSource session,
                QTextStream& out,
                QTextStream& err,
                QObject* parent = nullptr);

    // Checks what can be checked without contacting anyone; BadInput with a message, or -1.
    static int checkNhsArgument(const QStringList& args, QTextStream& err);
    static int exitCodeFor(const LookupResult& r);
    // `code` once the audit anchor has been saved, or NotAudited when it was a success and
    // the anchor could not be saved (with a warning on standard error).
    int anchored(int code);

    void lookup(const NhsNumber& nhs, bool json, Done done);
    void history(const NhsNumber& nhs, bool json, Done done);
    int auditVerify();
    // The audit hub: where, how far the hub has the log, what waits, the last send.
    int auditStatus();
    // Keeps the desk role's hub password (one line on `in`) in the keychain.
    int auditHubPassword(QTextStream& in);
    // The notices mailbox's MESH password, then the environment's shared key, one line each,
    // into the keychain (never the administrator's file).
    int meshSecrets(QTextStream& in);
    // Signs in, then writes the audit log to `outputPath` (standard output when empty or "-")
    // for a role the administrator's mapping gives audit-export (RoleScreens), else NotSignedIn.
    // The file is new and 0600; an existing one is replaced only with `replace`, a link never.
    void auditExport(const QString& format, const QString& outputPath, bool replace, Done done);
    int cachePurge(bool all);
    int cacheStats();

    static QString humanText(const LookupResult& r, const QDate& today);

    // The first line of text output: TRAINING (synthetic data), or the profile's environment,
    // so that no answer can be mistaken for one from another service.
    QString environmentLine() const;
    void printEnvironment();

private:
    // Runs `then` with the session, or ends the command with NotSignedIn.
    void withSession(const Done& done, std::function<void(const UserSession&)> then);
    int writeAuditExport(const QString& format,
                         const QString& outputPath,
                         bool replace,
                         const UserSession& who);

    DeskServices& m_services;
    SessionSource m_session;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cpis
