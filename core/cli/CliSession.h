#pragma once

#include "core/domain/Result.h"
#include "core/domain/UserSession.h"

#include <QString>
#include <QTextStream>

#include <functional>
#include <optional>

namespace cpis {

class Clock;
class SessionVault;

// Which session a `cpis` command acts with (docs/cli.md, "Sessions"). By default none is kept:
// every command signs in afresh. Where the administrator's profile allows it
// (cli-keeps-session), `login` keeps one in the keychain, bound to the CIS2 user who signed in
// (their UUID, the ID token's `sub`) and the role they selected then; a command uses it only
// when `--user` names that UUID and the platform token has not expired. A stored session that
// has expired is refused and dropped; one of another CIS2 user is not used, and a fresh sign-in
// by someone else drops it.
class CliSession
{
public:
    using Give = std::function<void(const Result<UserSession, QString>&)>;
    using SignIn = std::function<void(Give)>;

    CliSession(SessionVault& vault,
               const Clock* clock,
               bool keepsSession,
               QString actingUser,
               SignIn signIn,
               QTextStream& err);

    // For a command: the stored session where it may be used, else a fresh sign-in.
    void session(Give give);
    // `cpis login`: a fresh sign-in, kept in the keychain in place of any other.
    void login(Give give);
    // `cpis logout`: the stored session, taken out of the keychain (nullopt when there was
    // none), for the caller to end at the provider and then wipe.
    Result<std::optional<UserSession>, QString> takeStored();

private:
    void signInAfresh(const QString& storedUser, Give give);
    void note(const QString& text);

    SessionVault& m_vault;
    const Clock* m_clock;
    bool m_keepsSession;
    QString m_actingUser;
    SignIn m_signIn;
    QTextStream& m_err;
};

} // namespace cpis
