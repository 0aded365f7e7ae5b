#include "core/net/ServiceError.h"

namespace cpis {

QString ServiceError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Offline:
        return QStringLiteral("offline");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::ConnectionReset:
        return QStringLiteral("connection-reset");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::SignInExpired:
        return QStringLiteral("sign-in-expired");
    case Kind::AccessDenied:
        return QStringLiteral("access-denied");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::InvalidRequest:
        return QStringLiteral("invalid-request");
    case Kind::ServiceFailure:
        return QStringLiteral("service-failure");
    case Kind::BadResponse:
        return QStringLiteral("bad-response");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace cpis
