#pragma once

#include "core/domain/Result.h"
#include "core/domain/UserSession.h"

#include <QString>

namespace cpis {

class KeyProvider;

// Keeps a signed-in session (tokens and who they belong to) in the keychain between runs
// of the command line, one entry per environment. Tokens never go to a file.
class SessionVault
{
public:
    SessionVault(KeyProvider& keys, QString environment)
        : m_keys(keys), m_environment(std::move(environment))
    {}

    Result<UserSession, QString> load() const; // an error when there is none
    Status<QString> save(const UserSession& session);
    Status<QString> clear();

private:
    QString entryName() const { return QStringLiteral("session:") + m_environment; }

    KeyProvider& m_keys;
    QString m_environment;
};

} // namespace cpis
