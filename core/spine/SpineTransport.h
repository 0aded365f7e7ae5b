#pragma once

#include "core/domain/Result.h"
#include "core/net/ResponseLimit.h"
#include "core/net/RetryPolicy.h"
#include "core/net/ServiceError.h"
#include "core/net/TlsPolicy.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace cpis {

class Clock;

// SOAP 1.1 over HTTPS to Spine: one POST (text/xml; charset=utf-8, with the SOAPAction) to the
// endpoint as given, with the profile's TLS policy (mutual TLS with the desk's certificate, at
// TLS 1.2 as Spine speaks it), a stall and a total time limit, and a cap on the answer's size
// checked as it arrives. A query that reached CP-IS may have notified a local authority already, so
// a failed one is sent again only as the very same bytes: the same wsa:MessageID, which Spine
// treats as the query it already had (docs/api.md, "One query, however often sent"), within the
// same total time and under the retry policy's rules (resets, timeouts, 5xx without a SOAP fault,
// 429). A 2xx answer, and a 5xx answer carrying XML (a SOAP fault), come back as the response for
// the reader; any other failure is classified as the FHIR transport classifies it.
class SpineTransport : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        std::chrono::milliseconds stallTimeout{4000};
        std::chrono::milliseconds totalTimeout{8000};
        qsizetype maxResponseBytes = ResponseLimit::kXmlBytes;
        TlsPolicy tls;
        RetryPolicy::Settings retry;
    };
    struct Response
    {
        int status = 0;
        QByteArray body;
        int attempts = 1; // how many times the envelope was sent
    };
    using Callback = std::function<void(const Result<Response, ServiceError>&)>;

    SpineTransport(QNetworkAccessManager* nam,
                   const Clock* clock,
                   Settings settings,
                   QObject* parent = nullptr);

    // `done` runs exactly once, unless `context` is destroyed first, which aborts the request
    // in flight and sends no repeat. `envelope` carries its own message id; every attempt
    // sends it unchanged.
    void post(const QUrl& url,
              const QByteArray& soapAction,
              const QByteArray& envelope,
              QObject* context,
              Callback done);

    const Settings& settings() const { return m_settings; }

private:
    struct Pending;
    void attempt(std::shared_ptr<Pending> p);
    void onFinished(std::shared_ptr<Pending> p, QNetworkReply* reply);

    QNetworkAccessManager* m_nam;
    const Clock* m_clock;
    Settings m_settings;
};

} // namespace cpis
