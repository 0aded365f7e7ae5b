#pragma once

#include "core/mesh/MeshCredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>

namespace cpis {

class Clock;

// The MESH API's own authorisation, computed afresh for every request
// (../shared/testdata/mesh/specification/mesh-api.yaml, "MESH Authorization header"):
//   NHSMESH <mailbox_id>:<nonce>:<nonce_count>:<yyyyMMddHHmm UTC>:<hex HMAC-SHA256>
// the HMAC keyed with the environment's shared key over
//   <mailbox_id>:<nonce>:<nonce_count>:<mailbox password>:<timestamp>.
// The server accepts a token once: every call gets a new nonce (a UUID) with count 0.
class MeshAuthorization
{
public:
    using NonceSource = std::function<QString()>;

    MeshAuthorization(const MeshCredentials& credentials, const Clock& clock);

    // The header value for one request.
    QByteArray next();

    // Tests only: where nonces come from (the default makes a fresh UUID each time).
    void setNonceSource(NonceSource source) { m_nonces = std::move(source); }

    // The header for these exact parts; empty when libcrypto fails.
    static QByteArray header(const MeshCredentials& credentials,
                             const QString& nonce,
                             int nonceCount,
                             const QDateTime& utc);
    static QString timestamp(const QDateTime& utc); // yyyyMMddHHmm

private:
    const MeshCredentials& m_credentials;
    const Clock& m_clock;
    NonceSource m_nonces;
};

} // namespace cpis
