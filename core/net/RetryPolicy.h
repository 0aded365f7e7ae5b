#pragma once

#include "core/net/ServiceError.h"

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace cpis {

// When to try a request again. Pure, so every branch is unit-tested.
// A triage nurse is waiting: retries are few and short, and a long Retry-After is
// reported to the user rather than waited out. A request that acts at the service (a CP-IS
// query notifies the local authority) is sent again only when it certainly did not reach the
// service, or as the same message (the same X-Request-ID or wsa:MessageID), which the service
// treats as the one request it already had (docs/api.md, "One query, however often sent").
class RetryPolicy
{
public:
    struct Settings
    {
        int maxAttempts = 3; // first try included
        std::chrono::milliseconds initialBackoff{200};
        std::chrono::milliseconds maxBackoff{2000};
        std::chrono::milliseconds maxRetryAfter{5000}; // longer waits are not waited out
    };

    RetryPolicy() = default;
    explicit RetryPolicy(Settings s) : m_settings(s) {}

    static bool isRetryable(ServiceError::Kind kind);
    // Whether a request that failed so may have reached the service, and so may have acted
    // there. Only a failure to connect (refused, unreachable, no TLS session) certainly did not.
    static bool mayHaveReached(ServiceError::Kind kind);
    // Whether a request that acts at the service may be sent again after a failure of `kind`:
    // as the same message, or when the first certainly never arrived.
    static bool mayRepeat(ServiceError::Kind kind, bool sameMessageId)
    {
        return sameMessageId || !mayHaveReached(kind);
    }

    // The delay before attempt number `nextAttempt` (2 for the first retry), or nothing
    // when the request should not be retried.
    // `sameMessageId`: the repeat carries the first attempt's message id.
    std::optional<std::chrono::milliseconds>
    delayBefore(int nextAttempt, const ServiceError& error, bool sameMessageId = true) const;

    // Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
    // Returns -1 when absent or unparseable.
    static int parseRetryAfter(const QByteArray& value, const QDateTime& nowUtc);

    const Settings& settings() const { return m_settings; }

private:
    Settings m_settings;
};

} // namespace cpis
