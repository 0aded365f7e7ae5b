#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace cpis {

struct UserSession;

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// The NHS API platform's request headers, built in one place: the bearer token, the selected
// role (NHSD-Session-URID) and its organisation (NHSD-End-User-Organisation-ODS), and the
// correlation and trace ids that tie the calls of one user action together. X-Request-ID is
// the transport's, fresh per logical request.
class NhsHeaders
{
public:
    // Nothing from a session without a token: a request without sign-in is the service's to
    // refuse, not ours to fake.
    explicit NhsHeaders(const UserSession& session);
    // Only the bearer token, for the identity provider before a role is known.
    static NhsHeaders bearer(const QByteArray& accessToken);

    NhsHeaders& correlationId(const QByteArray& id); // X-Correlation-ID; empty adds nothing
    NhsHeaders& traceId(const QByteArray& id);       // TraceID; empty adds nothing
    NhsHeaders& add(const QByteArray& name, const QByteArray& value);

    const HttpHeaders& list() const { return m_headers; }

private:
    NhsHeaders() = default;
    HttpHeaders m_headers;
};

} // namespace cpis
