#include "core/cli/CliSession.h"

#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/signin/SessionVault.h"

namespace cpis {

CliSession::CliSession(SessionVault& vault,
                       const Clock* clock,
                       bool keepsSession,
                       QString actingUser,
                       SignIn signIn,
                       QTextStream& err)
    : m_vault(vault), m_clock(clock), m_keepsSession(keepsSession),
      m_actingUser(std::move(actingUser)), m_signIn(std::move(signIn)), m_err(err)
{}

void CliSession::note(const QString& text)
{
    m_err << "cpis: " << text << '\n';
    m_err.flush();
}

void CliSession::session(Give give)
{
    auto stored = m_vault.load();
    if (!m_keepsSession) {
        // Kept while the administrator allowed it, and not one command longer.
        if (stored) {
            UserSession dropped = stored.value();
            wipe(dropped);
            (void)m_vault.clear();
            note(QStringLiteral("a stored sign-in was dropped: the profile keeps none"));
        }
        m_signIn(std::move(give));
        return;
    }
    if (!stored) {
        m_signIn(std::move(give));
        return;
    }
    UserSession kept = stored.value();
    stored = QString(); // the copy in the Result goes with it
    if (kept.isExpired(m_clock->nowUtc())) {
        wipe(kept);
        if (auto cleared = m_vault.clear(); !cleared)
            note(QStringLiteral("the expired sign-in could not be removed from the keychain: ") +
                 cleared.error());
        give(QStringLiteral("the stored sign-in has expired and was dropped: run 'cpis login' "
                            "again"));
        return;
    }
    if (m_actingUser != kept.userId) {
        // The keychain is the operating-system account's, which several people may share: the
        // session is used only by the CIS2 user it was made for, who says so with --user.
        note(m_actingUser.isEmpty()
                 ? QStringLiteral("a stored sign-in is used only with --user naming its CIS2 "
                                  "user; signing in afresh")
                 : QStringLiteral("the stored sign-in is not CIS2 user %1's; signing in afresh")
                       .arg(m_actingUser));
        const QString storedUser = kept.userId;
        wipe(kept);
        signInAfresh(storedUser, std::move(give));
        return;
    }
    give(kept);
    wipe(kept);
}

void CliSession::signInAfresh(const QString& storedUser, Give give)
{
    m_signIn([this, storedUser, give](const Result<UserSession, QString>& r) {
        if (r && r->userId != storedUser) {
            // Someone else signed in here: the last user's session is not left for later.
            if (auto cleared = m_vault.clear(); cleared)
                note(QStringLiteral("the stored sign-in of another CIS2 user was dropped"));
            else
                note(QStringLiteral("the stored sign-in of another CIS2 user could not be "
                                    "removed from the keychain: ") +
                     cleared.error());
        }
        if (r && !m_actingUser.isEmpty() && r->userId != m_actingUser) {
            give(QStringLiteral("signed in as CIS2 user %1, not the --user %2 given")
                     .arg(r->userId, m_actingUser));
            return;
        }
        give(r);
    });
}

void CliSession::login(Give give)
{
    m_signIn([this, give](const Result<UserSession, QString>& r) {
        if (!r) {
            give(r);
            return;
        }
        if (auto saved = m_vault.save(r.value()); !saved) {
            give(QString(QStringLiteral("could not keep the session: ") + saved.error()));
            return;
        }
        give(r);
    });
}

Result<std::optional<UserSession>, QString> CliSession::takeStored()
{
    auto stored = m_vault.load();
    if (auto cleared = m_vault.clear(); !cleared)
        return cleared.error();
    if (!stored)
        return std::optional<UserSession>();
    return std::optional<UserSession>(stored.value());
}

} // namespace cpis
