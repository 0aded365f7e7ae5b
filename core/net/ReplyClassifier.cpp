#include "core/net/ReplyClassifier.h"

#include "core/net/RetryPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace cpis {

namespace {
using K = ServiceError::Kind;

K networkKind(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return K::Offline;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::OperationCanceledError: // the stall (transfer) timeout
        return K::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return K::Tls;
    default: // closed or reset before an answer arrived
        return K::ConnectionReset;
    }
}

K statusKind(int status, const QString& spineCode)
{
    switch (status) {
    case 400:
        return K::InvalidRequest;
    case 401:
        return K::SignInExpired;
    case 403:
        return K::AccessDenied;
    case 404:
        // Only the service's own codes say "no such record": a 404 from a gateway, a proxy or a
        // wrong configured address carries another code or none, and must never read as one.
        if (spineCode == u"RESOURCE_NOT_FOUND")
            return K::NotFound;
        if (spineCode == u"INVALIDATED_RESOURCE")
            return K::Invalidated;
        return K::NotRecognised;
    case 429:
        return K::RateLimited;
    default:
        // 408 (downstream timeout), 5xx, and anything else unexpected, redirects included.
        return (status == 408 || status >= 500) ? K::ServiceFailure : K::BadResponse;
    }
}
} // namespace

ServiceError ReplyClassifier::classify(QNetworkReply* reply, bool timedOut, const QDateTime& nowUtc)
{
    ServiceError e;
    e.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    e.detail = reply->errorString();

    if (timedOut) {
        e.kind = K::Timeout;
        e.detail = QStringLiteral("total time limit reached");
        return e;
    }
    if (e.httpStatus == 0) {
        e.kind = networkKind(reply->error());
        return e;
    }

    // An HTTP answer: read the Spine code from the OperationOutcome when there is one, or the
    // identity provider's OAuth error text.
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    const QJsonArray issues = body.value(QLatin1String("issue")).toArray();
    if (!issues.isEmpty()) {
        const QJsonArray codings = issues.first()
                                       .toObject()
                                       .value(QLatin1String("details"))
                                       .toObject()
                                       .value(QLatin1String("coding"))
                                       .toArray();
        if (!codings.isEmpty())
            e.spineCode = codings.first().toObject().value(QLatin1String("code")).toString();
    }
    const QString oauth = body.value(QLatin1String("error_description")).toString();
    if (!oauth.isEmpty())
        e.detail = oauth;
    e.retryAfterSecs = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"), nowUtc);

    if (reply->error() != QNetworkReply::NoError && e.httpStatus >= 200 && e.httpStatus < 300) {
        // Headers arrived, then the body stalled or was cut short.
        e.kind = networkKind(reply->error()) == K::Timeout ? K::Timeout : K::ConnectionReset;
        return e;
    }
    e.kind = statusKind(e.httpStatus, e.spineCode);
    return e;
}

} // namespace cpis
