#include "core/net/RetryPolicy.h"

#include <QLocale>

#include <algorithm>

namespace cpis {

bool RetryPolicy::isRetryable(ServiceError::Kind kind)
{
    using K = ServiceError::Kind;
    switch (kind) {
    case K::Timeout:
    case K::ConnectionReset:
    case K::RateLimited:
    case K::ServiceFailure:
        return true;
    case K::Offline: // refused or unreachable: retrying at once would only delay the answer
    case K::Tls:
    case K::SignInExpired:
    case K::AccessDenied:
    case K::NotFound:
    case K::Invalidated:
    case K::NotRecognised:
    case K::InvalidRequest:
    case K::BadResponse:
    case K::Cancelled:
        return false;
    }
    return false;
}

bool RetryPolicy::mayHaveReached(ServiceError::Kind kind)
{
    using K = ServiceError::Kind;
    switch (kind) {
    case K::Offline: // refused, unreachable: no connection was made
    case K::Tls:     // no TLS session: nothing was sent over it
        return false;
    default:
        // A reset, a timeout or an answer of any kind: the request may have been read and
        // acted on, whatever came back.
        return true;
    }
}

std::optional<std::chrono::milliseconds>
RetryPolicy::delayBefore(int nextAttempt, const ServiceError& error, bool sameMessageId) const
{
    if (nextAttempt < 2 || nextAttempt > m_settings.maxAttempts || !isRetryable(error.kind) ||
        !mayRepeat(error.kind, sameMessageId))
        return std::nullopt;

    if (error.retryAfterSecs >= 0) {
        const std::chrono::milliseconds wait = std::chrono::seconds(error.retryAfterSecs);
        if (wait > m_settings.maxRetryAfter)
            return std::nullopt;
        return wait;
    }
    if (error.kind == ServiceError::Kind::RateLimited)
        return std::nullopt; // 429 without Retry-After: do not hammer a throttled service

    auto backoff = m_settings.initialBackoff;
    for (int i = 2; i < nextAttempt; ++i)
        backoff *= 2;
    return std::min(backoff, m_settings.maxBackoff);
}

int RetryPolicy::parseRetryAfter(const QByteArray& value, const QDateTime& nowUtc)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qlonglong secs = v.toLongLong(&ok);
    if (ok)
        return secs < 0 ? -1 : int(std::min<qlonglong>(secs, 86400));

    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"; always English names.
    const QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return int(std::max<qint64>(0, nowUtc.secsTo(utc)));
}

} // namespace cpis
