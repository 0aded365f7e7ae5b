#pragma once

#include "core/domain/Result.h"
#include "core/net/RetryPolicy.h"
#include "core/net/ServiceError.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
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
    QList<std::pair<QByteArray, QByteArray>> headers; // as received

    // The first header of that name (case-insensitive), or empty.
    QByteArray header(const QByteArray& name) const;
};

// GETs against the national service with the platform's conventions: a fresh X-Request-ID
// per logical request reused on its retries, stall and total timeouts, retries with backoff
// on 408/429/5xx/reset honouring Retry-After, TLS verified (except a sandbox on loopback
// when allowed), and an optional client certificate for mutual TLS.
class FhirTransport : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        std::chrono::milliseconds stallTimeout{4000}; // no bytes moving for this long
        std::chrono::milliseconds totalTimeout{8000}; // the whole request, retries included
        RetryPolicy::Settings retry;
        QList<QSslCertificate> caCertificates; // empty: the system's
        bool allowUnverifiedLoopback = false;  // sandbox only
        QSslCertificate clientCertificate;
        QSslKey clientKey;
    };

    using Headers = QList<std::pair<QByteArray, QByteArray>>;

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
    };
    using Callback =
        std::function<void(const Result<HttpResponse, ServiceError>&, const QByteArray& requestId)>;

    FhirTransport(QNetworkAccessManager* nam,
                  const Clock* clock,
                  Settings settings,
                  QObject* parent = nullptr);
    ~FhirTransport() override;

    // Starts a GET; `done` runs exactly once, unless `context` is destroyed first.
    // Returns the X-Request-ID used for every attempt.
    QByteArray get(const QUrl& url, const Headers& headers, QObject* context, Callback done);
    QByteArray send(Request request, QObject* context, Callback done);

    const Settings& settings() const { return m_settings; }

    static bool isFhirJson(const QByteArray& contentType);

private:
    struct Pending;
    void startAttempt(Pending* p);
    void onFinished(Pending* p, QNetworkReply* reply);
    void finish(Pending* p, const Result<HttpResponse, ServiceError>& result);
    ServiceError classify(QNetworkReply* reply, bool timedOut) const;

    QNetworkAccessManager* m_nam;
    const Clock* m_clock;
    Settings m_settings;
    RetryPolicy m_retry;
    QSet<Pending*> m_pending; // owned; freed on finish or with the transport
};

} // namespace cpis
