#pragma once

#include <QString>

namespace cpis {

// The keychain entries that hold a profile's MESH mailbox password and the environment's
// shared key, set by the administrator (`cpis mesh-secrets`, docs/cli.md) and read at start.
struct MeshSecrets
{
    static QString passwordEntry(const QString& profileName)
    {
        return QStringLiteral("mesh-password/") + profileName;
    }
    static QString sharedKeyEntry(const QString& profileName)
    {
        return QStringLiteral("mesh-shared-key/") + profileName;
    }
};

} // namespace cpis
