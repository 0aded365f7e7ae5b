#pragma once

#include "core/net/ServiceError.h"

#include <QDateTime>

class QNetworkReply;

namespace cpis {

// Reads a finished reply that did not succeed as one ServiceError, the same way for every
// client: network failures by their Qt error, HTTP answers by status (429 is RateLimited with
// its Retry-After), the Spine code from an OperationOutcome and an OAuth error_description
// when the body carries one. Reads (consumes) the reply's unread body.
class ReplyClassifier
{
public:
    // `timedOut`: the caller's own total time limit ended the request.
    static ServiceError classify(QNetworkReply* reply, bool timedOut, const QDateTime& nowUtc);
};

} // namespace cpis
