#include "core/net/FhirTransport.h"

#include "core/domain/Clock.h"
#include "core/net/NetLogging.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUuid>

#include <optional>

namespace cpis {

struct FhirTransport::Pending
{
    Request request;
    QByteArray requestId;
    QPointer<QObject> context;
    Callback done;
    int attempt = 0;
    QElapsedTimer elapsed;
    QPointer<QNetworkReply> reply;
    QTimer deadline;
    bool timedOut = false;
    // What the service said before a retry that then ran out of time: a 429 or 503 says more
    // about why the check failed than "timeout" does.
    std::optional<ServiceError> earlierError;
};

FhirTransport::FhirTransport(QNetworkAccessManager* nam,
                             const Clock* clock,
                             Settings settings,
                             QObject* parent)
    : QObject(parent), m_nam(nam), m_clock(clock), m_settings(std::move(settings)),
      m_retry(m_settings.retry)
{}

FhirTransport::~FhirTransport()
{
    for (Pending* p : std::as_const(m_pending)) {
        if (p->reply) {
            p->reply->disconnect(this);
            p->reply->abort();
        }
        delete p;
    }
}

bool FhirTransport::isFhirJson(const QByteArray& contentType)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    return mime == "application/fhir+json" || mime == "application/json";
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& [k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

QByteArray
FhirTransport::get(const QUrl& url, const Headers& headers, QObject* context, Callback done)
{
    Request r;
    r.url = url;
    r.headers = headers;
    return send(std::move(r), context, std::move(done));
}

QByteArray FhirTransport::send(Request request, QObject* context, Callback done)
{
    auto* p = new Pending;
    m_pending.insert(p);
    p->request = std::move(request);
    p->requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    p->context = context;
    p->done = std::move(done);
    p->elapsed.start();
    p->deadline.setSingleShot(true);
    // The total limit covers every attempt and every backoff wait.
    p->deadline.setInterval(m_settings.totalTimeout);
    connect(&p->deadline, &QTimer::timeout, this, [p] {
        p->timedOut = true;
        if (p->reply)
            p->reply->abort();
    });
    p->deadline.start();
    startAttempt(p);
    return p->requestId;
}

void FhirTransport::startAttempt(Pending* p)
{
    ++p->attempt;
    const Request& r = p->request;
    QNetworkRequest req(r.url);
    req.setRawHeader("Accept", r.accept);
    req.setRawHeader("X-Request-ID", p->requestId);
    if (!r.body.isEmpty() || r.method == "PUT" || r.method == "POST")
        req.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    for (const auto& [name, value] : r.headers)
        req.setRawHeader(name, value);
    req.setTransferTimeout(int(m_settings.stallTimeout.count()));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);

    if (r.url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_settings.caCertificates.isEmpty())
            tls.setCaCertificates(m_settings.caCertificates);
        if (!m_settings.clientCertificate.isNull()) {
            tls.setLocalCertificate(m_settings.clientCertificate);
            tls.setPrivateKey(m_settings.clientKey);
        }
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        req.setSslConfiguration(tls);
    }

    QNetworkReply* reply = r.method == "GET"      ? m_nam->get(req)
                           : r.method == "PUT"    ? m_nam->put(req, r.body)
                           : r.method == "POST"   ? m_nam->post(req, r.body)
                           : r.method == "DELETE" ? m_nam->deleteResource(req)
                                                  : m_nam->sendCustomRequest(req, r.method, r.body);
    p->reply = reply;
    // Host only: the path and query can carry an NHS number.
    qCDebug(lcNet, "request %s: %s to %s, attempt %d", p->requestId.constData(),
            r.method.constData(), qUtf8Printable(r.url.host()), p->attempt);
    if (m_settings.allowUnverifiedLoopback) {
        connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError>& errors) {
            // Only a sandbox on this machine may present a certificate nobody vouches for.
            if (QHostAddress(reply->url().host()).isLoopback())
                reply->ignoreSslErrors(errors);
        });
    }
    connect(reply, &QNetworkReply::finished, this, [this, p, reply] { onFinished(p, reply); });
}

void FhirTransport::onFinished(Pending* p, QNetworkReply* reply)
{
    reply->deleteLater();
    p->reply = nullptr;
    if (!p->context) {
        finish(p, ServiceError{ServiceError::Kind::Cancelled, 0, {}, {}, -1});
        return;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        HttpResponse r;
        r.status = status;
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        r.body = reply->readAll();
        r.requestId = reply->rawHeader("X-Request-ID");
        r.attempts = p->attempt;
        r.headers = reply->rawHeaderPairs();
        qCInfo(lcNet, "request %s: HTTP %d, %lld bytes after %lld ms", p->requestId.constData(),
               status, qint64(r.body.size()), qint64(p->elapsed.elapsed()));
        if (!r.body.isEmpty() && !isFhirJson(r.contentType)) {
            finish(p, ServiceError{ServiceError::Kind::BadResponse,
                                   status,
                                   {},
                                   QStringLiteral("unexpected content type '%1'")
                                       .arg(QString::fromLatin1(r.contentType)),
                                   -1});
            return;
        }
        finish(p, r);
        return;
    }

    ServiceError error = classify(reply, p->timedOut);
    if (p->timedOut && p->earlierError)
        error = *p->earlierError;
    // POST is not idempotent: a retry could do it twice.
    const auto delay = p->timedOut || p->request.method == "POST"
                           ? std::nullopt
                           : m_retry.delayBefore(p->attempt + 1, error);
    const auto remaining =
        m_settings.totalTimeout - std::chrono::milliseconds(p->elapsed.elapsed());
    const auto wait = delay.value_or(remaining);
    const bool retry = delay && wait < remaining;
    // The kind and status only: Qt's error text can quote the whole URL.
    qCInfo(lcNet, "request %s: %s (HTTP %d) after %lld ms, attempt %d%s", p->requestId.constData(),
           qUtf8Printable(ServiceError::kindName(error.kind)), error.httpStatus,
           qint64(p->elapsed.elapsed()), p->attempt, retry ? ", retrying" : "");
    if (retry) {
        p->earlierError = error;
        QTimer::singleShot(wait, this, [this, p] {
            if (p->timedOut) {
                finish(p, *p->earlierError);
                return;
            }
            startAttempt(p);
        });
        return;
    }
    finish(p, error);
}

ServiceError FhirTransport::classify(QNetworkReply* reply, bool timedOut) const
{
    using K = ServiceError::Kind;
    ServiceError e;
    e.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    e.detail = reply->errorString();

    if (timedOut) {
        e.kind = K::Timeout;
        e.detail = QStringLiteral("total time limit reached");
        return e;
    }

    if (e.httpStatus == 0) {
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyNotFoundError:
            e.kind = K::Offline;
            break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::ProxyTimeoutError:
        case QNetworkReply::OperationCanceledError: // the stall (transfer) timeout
            e.kind = K::Timeout;
            break;
        case QNetworkReply::SslHandshakeFailedError:
            e.kind = K::Tls;
            break;
        default: // closed or reset before an answer arrived
            e.kind = K::ConnectionReset;
            break;
        }
        return e;
    }

    // An HTTP answer: read the Spine code from the OperationOutcome when there is one.
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    const QJsonArray issues = doc.object().value(QLatin1String("issue")).toArray();
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
    e.retryAfterSecs =
        RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"), m_clock->nowUtc());

    if (reply->error() != QNetworkReply::NoError && e.httpStatus >= 200 && e.httpStatus < 300) {
        e.kind = K::ConnectionReset; // headers arrived, then the body was cut short
        return e;
    }
    switch (e.httpStatus) {
    case 400:
        e.kind = K::InvalidRequest;
        break;
    case 401:
        e.kind = K::SignInExpired;
        break;
    case 403:
        e.kind = K::AccessDenied;
        break;
    case 404:
        e.kind = K::NotFound;
        break;
    case 429:
        e.kind = K::RateLimited;
        break;
    default:
        // 408 (downstream timeout), 5xx, and anything else unexpected, redirects included.
        e.kind = (e.httpStatus == 408 || e.httpStatus >= 500) ? K::ServiceFailure : K::BadResponse;
        break;
    }
    return e;
}

void FhirTransport::finish(Pending* p, const Result<HttpResponse, ServiceError>& result)
{
    p->deadline.stop();
    m_pending.remove(p);
    const Callback done = std::move(p->done);
    const QPointer<QObject> context = p->context;
    const QByteArray requestId = p->requestId;
    delete p;
    if (context && done)
        done(result, requestId);
}

} // namespace cpis
