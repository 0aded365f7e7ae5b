#include "core/net/ServiceError.h"

#include <QCoreApplication>

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
    case Kind::Invalidated:
        return QStringLiteral("invalidated");
    case Kind::NotRecognised:
        return QStringLiteral("not-recognised");
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

// The texts keep the translation context of the look-up answer, where they were first shown.
QString ServiceError::userText(Kind kind, int retryAfterSecs)
{
    switch (kind) {
    case Kind::Offline:
        return QCoreApplication::translate("LookupResult",
                                           "The national service could not be reached.");
    case Kind::Tls:
        // Either side's certificate: the service may have refused this desk's, or the desk
        // could not trust the service's. Both are for the administrator, not a retry.
        return QCoreApplication::translate(
            "LookupResult",
            "The secure connection to the national service failed: it refused this desk's "
            "certificate, or its own certificate is not trusted here. Tell your administrator.");
    case Kind::Timeout:
        return QCoreApplication::translate("LookupResult",
                                           "The national service did not answer in time.");
    case Kind::ConnectionReset:
    case Kind::ServiceFailure:
    case Kind::InvalidRequest:
    case Kind::NotFound:
    case Kind::Invalidated:
    case Kind::Cancelled:
        return QCoreApplication::translate("LookupResult",
                                           "The national service reported an error.");
    case Kind::RateLimited:
        return retryAfterSecs > 0
                   ? QCoreApplication::translate("LookupResult",
                                                 "The national service is busy. Try again in %n "
                                                 "second(s).",
                                                 nullptr, retryAfterSecs)
                   : QCoreApplication::translate(
                         "LookupResult", "The national service is busy. Try again shortly.");
    case Kind::SignInExpired:
        return QCoreApplication::translate(
            "LookupResult", "Your sign-in has expired. Sign in again to check CP-IS.");
    case Kind::AccessDenied:
        return QCoreApplication::translate("LookupResult",
                                           "The national service refused access for your role.");
    case Kind::NotRecognised:
        return QCoreApplication::translate("LookupResult",
                                           "The service did not recognise the request (check "
                                           "the configured address).");
    case Kind::BadResponse:
        return QCoreApplication::translate(
            "LookupResult", "The national service sent an answer that could not be read.");
    }
    return {};
}

} // namespace cpis
