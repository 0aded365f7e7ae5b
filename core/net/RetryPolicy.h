#pragma once

#include "core/net/ServiceError.h"

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace cpis {

// When to try an idempotent GET again. Pure, so every branch is unit-tested.
// A triage nurse is waiting: retries are few and short, and a long Retry-After is
// reported to the user rather than waited out.
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

    // The delay before attempt number `nextAttempt` (2 for the first retry), or nothing
    // when the request should not be retried.
    std::optional<std::chrono::milliseconds> delayBefore(int nextAttempt,
                                                         const ServiceError& error) const;

    // Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
    // Returns -1 when absent or unparseable.
    static int parseRetryAfter(const QByteArray& value, const QDateTime& nowUtc);

    const Settings& settings() const { return m_settings; }

private:
    Settings m_settings;
};

} // namespace cpis
