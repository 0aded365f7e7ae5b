#pragma once

#include "core/crypto/SecretBytes.h"

#include <QString>

namespace cpis {

// What a MESH mailbox signs its requests with: the mailbox id the environment issued (e.g.
// X26HC005), the mailbox's password and the environment's shared key. The mailbox belongs to
// the local authority, not to a person: the administrator sets all three (the two secrets in
// the keychain). Move-only, so that the secrets have one copy to wipe.
struct MeshCredentials
{
    QString mailboxId;
    SecretBytes password;
    SecretBytes sharedKey;

    bool isComplete() const
    {
        return !mailboxId.isEmpty() && !password.isEmpty() && !sharedKey.isEmpty();
    }
};

} // namespace cpis
