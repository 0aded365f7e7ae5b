#include "core/net/ResponseLimit.h"

#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

namespace cpis {

void ResponseLimit::watch(QNetworkReply* reply, qint64 maxBytes, std::function<void()> exceeded)
{
    if (!reply || maxBytes <= 0)
        return;
    struct State
    {
        std::function<void()> exceeded;
        bool fired = false;
    };
    auto state = std::make_shared<State>();
    state->exceeded = std::move(exceeded);
    auto cut = [reply, state] {
        if (state->fired)
            return;
        state->fired = true;
        if (state->exceeded)
            state->exceeded();
        reply->abort();
    };
    // The declared length, before a byte of the body is read.
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes, cut] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBytes)
            cut();
    });
    // What has arrived: a body without a length, or longer than it said.
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [maxBytes, cut](qint64 received, qint64 total) {
                         if (received > maxBytes || total > maxBytes)
                             cut();
                     });
}

ServiceError ResponseLimit::tooLarge(qint64 maxBytes, int httpStatus)
{
    ServiceError e;
    e.kind = ServiceError::Kind::BadResponse;
    e.httpStatus = httpStatus;
    e.detail = QStringLiteral("answer larger than %1 bytes, cut off").arg(maxBytes);
    return e;
}

} // namespace cpis
