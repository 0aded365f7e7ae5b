#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSet>
#include <QString>

namespace cpis::sandbox {

// The sandbox's check of MESH's NHSMESH Authorization header, written from the published
// specification (mesh-api.yaml, "MESH Authorization header") and sharing no code with the
// desk: the mailbox named must be the one in the path, the HMAC-SHA256 (keyed with the
// environment's shared key, over mailbox:nonce:count:password:timestamp) must match, the
// timestamp must be within 2 hours of the server's clock, and a nonce and count already used
// for the mailbox are refused. Every refusal is the specification's 403.
class MeshAuthenticator
{
public:
    static const QByteArray kTrainingPassword;  // "password", every training mailbox's
    static const QByteArray kTrainingSharedKey; // "TestKey"
    static constexpr qint64 kMaxSkewSecs = 2 * 3600;

    // Empty: accepted. Otherwise why not (for the sandbox's own log, not sent).
    QString check(const QByteArray& authorization, const QString& mailbox, const QDateTime& now);

private:
    QSet<QString> m_used; // mailbox:nonce:count
};

} // namespace cpis::sandbox
