#pragma once

#include "core/domain/Result.h"
#include "core/net/NhsHeaders.h"
#include "core/net/ResponseLimit.h"
#include "core/net/RetryPolicy.h"
#include "core/net/ServiceError.h"
#include "core/net/TlsPolicy.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <chrono>
#include <functional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace cpis {

class Clock;

struct HttpResponse
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QByteArray requestId; // X-Request-ID as the server echoed it
    int attempts = 1;
    HttpHeaders headers; // as received

    // The first header of that name (case-insensitive), or empty.
    QByteArray header(const QByteArray& name) const;
};

// The one HTTP path to the national services and the identity provider, with the platform's
// conventions: a fresh X-Request-ID per logical request reused on its retries, stall and total
// timeouts, retries with backoff on 408/429/5xx/reset honouring Retry-After, one TLS policy
// (CAs, optional client certificate; a sandbox on loopback only when allowed) and one
// classification of failures (ReplyClassifier).
class FhirTransport : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        std::chrono::milliseconds stallTimeout{4000}; // no bytes moving for this long
        std::chrono::milliseconds totalTimeout{8000}; // the whole request, retries included
        RetryPolicy::Settings retry;
        TlsPolicy tls; // applied to every request sent
    };

    using Headers = HttpHeaders;

    // One logical request. GET, PUT and DELETE are idempotent and retried like GET; POST is
    // never retried. A 2xx answer with a body must be FHIR (or plain) JSON; an empty 2xx body
    // (202 Accepted, 204) is fine.
    struct Request
    {
        QByteArray method = "GET";
        QUrl url;
        Headers headers;
        QByteArray body;
        QByteArray contentType = "application/fhir+json"; // of `body`, when there is one
        QByteArray accept = "application/fhir+json";
        // The most the answer's body may hold, error bodies included; past it the download is
        // cut off as it arrives and the request fails as BadResponse. A stream's whole body
        // counts too; 0 for none (a bulk file, whose lines are limited by its reader).
        qint64 maxBodyBytes = ResponseLimit::kJsonBytes;
        // The body and header values carry a token (a sign-out's revocation): once the request
        // is done, they are overwritten in place, with the copies Qt shared, and the URL
        // dropped. Qt's socket buffers are beyond reach.
        bool wipeAfterUse = false;
    };
    using Callback =
        std::function<void(const Result<HttpResponse, ServiceError>&, const QByteArray& requestId)>;
    // Gets each piece of a streamed body as it arrives; false stops the download.
    using ChunkHandler = std::function<bool(const QByteArray& chunk)>;

    FhirTransport(QNetworkAccessManager* nam,
                  const Clock* clock,
                  Settings settings,
                  QObject* parent = nullptr);
    ~FhirTransport() override;

    // Starts a GET; `done` runs exactly once, unless `context` is destroyed first, which
    // aborts the request in flight (QNetworkReply::abort) and sends no retry.
    // Returns the X-Request-ID used for every attempt.
    QByteArray get(const QUrl& url, const Headers& headers, QObject* context, Callback done);
    QByteArray send(Request request, QObject* context, Callback done);
    // A GET whose 2xx body, when its type is `request.accept`, goes to `onChunk` piece by piece
    // as it arrives (never whole in memory); `done` then gets the response without a body. No
    // total time limit, only `stallTimeout` between bytes; retried only while nothing has been
    // handed out. When `onChunk` returns false, or `context` is destroyed, the download is
    // aborted; `done` gets Cancelled in the first case and nothing in the second.
    QByteArray stream(Request request,
                      std::chrono::milliseconds stallTimeout,
                      QObject* context,
                      ChunkHandler onChunk,
                      Callback done);

    const Settings& settings() const { return m_settings; }
    const TlsPolicy& tls() const { return m_settings.tls; }
    // For what is not an API call (a browser step of sign-in); apply tls() to what is sent.
    QNetworkAccessManager* network() const { return m_nam; }

    static bool isFhirJson(const QByteArray& contentType);

private:
    struct Pending;
    QByteArray start(Pending* p, QObject* context);
    void startAttempt(Pending* p);
    void onReadyRead(Pending* p, QNetworkReply* reply);
    bool deliver(Pending* p, QNetworkReply* reply);
    void stop(Pending* p, QNetworkReply* reply);
    void onFinished(Pending* p, QNetworkReply* reply);
    void finish(Pending* p, const Result<HttpResponse, ServiceError>& result);

    QNetworkAccessManager* m_nam;
    const Clock* m_clock;
    Settings m_settings;
    RetryPolicy m_retry;
    QSet<Pending*> m_pending; // owned; freed on finish or with the transport
};

} // namespace cpis
