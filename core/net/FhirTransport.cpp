#include "core/net/FhirTransport.h"

#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/net/NetLogging.h"
#include "core/net/ReplyClassifier.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

#include <memory>
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

    // A streamed GET: its own stall limit, no total limit.
    ChunkHandler onChunk;
    std::chrono::milliseconds stall{0};
    bool delivered = false; // a piece went out: a retry would hand it out twice
    bool inHandler = false; // onChunk is running: stop after it returns, not under it
    QMetaObject::Connection contextGone;
    // Set when the body passed request.maxBodyBytes and the reply was cut off. Shared with the
    // size watch, which lives as long as the reply and may outlast this.
    std::shared_ptr<bool> tooLarge = std::make_shared<bool>(false);
};

namespace {
// Only once the reply is finished or aborted: Qt no longer reads what it shared.
void wipeIfAsked(FhirTransport::Request& r)
{
    if (!r.wipeAfterUse)
        return;
    wipeEveryCopy(r.body);
    for (auto& header : r.headers)
        wipeEveryCopy(header.second);
    r.url = QUrl();
}
} // namespace

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
        // The callback may own its context (a look-up's request context): freeing it below
        // must not come back here through the context's destroyed signal.
        disconnect(p->contextGone);
        if (p->reply) {
            p->reply->disconnect(this);
            p->reply->abort();
        }
        wipeIfAsked(p->request);
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
    p->request = std::move(request);
    p->done = std::move(done);
    p->stall = m_settings.stallTimeout;
    p->deadline.setSingleShot(true);
    // The total limit covers every attempt and every backoff wait.
    p->deadline.setInterval(m_settings.totalTimeout);
    connect(&p->deadline, &QTimer::timeout, this, [p] {
        p->timedOut = true;
        if (p->reply)
            p->reply->abort();
    });
    p->deadline.start();
    return start(p, context);
}

QByteArray FhirTransport::stream(Request request,
                                 std::chrono::milliseconds stallTimeout,
                                 QObject* context,
                                 ChunkHandler onChunk,
                                 Callback done)
{
    auto* p = new Pending;
    p->request = std::move(request);
    p->request.method = "GET";
    p->done = std::move(done);
    p->onChunk = std::move(onChunk);
    p->stall = stallTimeout;
    return start(p, context);
}

QByteArray FhirTransport::start(Pending* p, QObject* context)
{
    if (context) {
        // A request nobody will read is stopped rather than left to run to its end: the
        // connection is closed, and a retry waiting its turn is never sent.
        p->contextGone = connect(context, &QObject::destroyed, this, [p] {
            if (p->reply && !p->inHandler)
                p->reply->abort(); // finished() follows and reports to nobody
        });
    }
    m_pending.insert(p);
    p->requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    p->context = context;
    p->elapsed.start();
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
    req.setTransferTimeout(int(p->stall.count()));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    m_settings.tls.apply(req);

    QNetworkReply* reply = r.method == "GET"      ? m_nam->get(req)
                           : r.method == "PUT"    ? m_nam->put(req, r.body)
                           : r.method == "POST"   ? m_nam->post(req, r.body)
                           : r.method == "DELETE" ? m_nam->deleteResource(req)
                                                  : m_nam->sendCustomRequest(req, r.method, r.body);
    p->reply = reply;
    // Host only: the path and query can carry an NHS number.
    qCDebug(lcNet, "request %s: %s to %s, attempt %d", p->requestId.constData(),
            r.method.constData(), qUtf8Printable(r.url.host()), p->attempt);
    m_settings.tls.watch(reply);
    *p->tooLarge = false;
    ResponseLimit::watch(reply, r.maxBodyBytes, [flag = p->tooLarge] { *flag = true; });
    if (p->onChunk) {
        // Qt stops reading the socket while this much waits unread: a stream is never held
        // whole in memory, even when its reader falls behind.
        reply->setReadBufferSize(ResponseLimit::kNdjsonLineBytes);
        connect(reply, &QNetworkReply::readyRead, this,
                [this, p, reply] { onReadyRead(p, reply); });
    }
    connect(reply, &QNetworkReply::finished, this, [this, p, reply] { onFinished(p, reply); });
}

namespace {
bool isSuccess(QNetworkReply* reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status >= 200 && status < 300;
}

QByteArray mimeOf(const QByteArray& contentType)
{
    return contentType.split(';').first().trimmed().toLower();
}

bool hasType(QNetworkReply* reply, const QByteArray& accept)
{
    return mimeOf(reply->header(QNetworkRequest::ContentTypeHeader).toByteArray()) ==
           mimeOf(accept);
}
} // namespace

void FhirTransport::onReadyRead(Pending* p, QNetworkReply* reply)
{
    // An error body, or a body of another type, is left for finished() to read.
    if (!isSuccess(reply) || !hasType(reply, p->request.accept))
        return;
    if (!deliver(p, reply))
        stop(p, reply);
}

// Hands what has arrived to the reader; false when it, or the context's end, stops the download.
bool FhirTransport::deliver(Pending* p, QNetworkReply* reply)
{
    const QByteArray chunk = reply->readAll();
    if (chunk.isEmpty())
        return bool(p->context);
    p->delivered = true;
    p->inHandler = true;
    const bool more = p->onChunk(chunk);
    p->inHandler = false;
    return more && p->context;
}

void FhirTransport::stop(Pending* p, QNetworkReply* reply)
{
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    p->reply = nullptr;
    finish(
        p,
        ServiceError{
            ServiceError::Kind::Cancelled, 200, {}, QStringLiteral("stopped by the reader"), -1});
}

void FhirTransport::onFinished(Pending* p, QNetworkReply* reply)
{
    // One end per reply: whatever the reply emits later must never reach a freed request.
    reply->disconnect(this);
    reply->deleteLater();
    p->reply = nullptr;
    if (!p->context) {
        finish(p, ServiceError{ServiceError::Kind::Cancelled, 0, {}, {}, -1});
        return;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (*p->tooLarge) {
        // Never retried: the same service would send the same again.
        qCInfo(lcNet, "request %s: answer over %lld bytes, cut off after %lld ms",
               p->requestId.constData(), qint64(p->request.maxBodyBytes),
               qint64(p->elapsed.elapsed()));
        finish(p, ResponseLimit::tooLarge(p->request.maxBodyBytes, status));
        return;
    }
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        HttpResponse r;
        r.status = status;
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (!p->onChunk)
            r.body = reply->readAll();
        r.requestId = reply->rawHeader("X-Request-ID");
        r.attempts = p->attempt;
        r.headers = reply->rawHeaderPairs();
        qCInfo(lcNet, "request %s: HTTP %d, %lld bytes after %lld ms", p->requestId.constData(),
               status, qint64(r.body.size()), qint64(p->elapsed.elapsed()));
        const ServiceError unexpectedType{
            ServiceError::Kind::BadResponse,
            status,
            {},
            QStringLiteral("unexpected content type '%1'").arg(QString::fromLatin1(r.contentType)),
            -1};
        if (p->onChunk) {
            r.body.clear(); // the reader has had it, in pieces
            if (!hasType(reply, p->request.accept)) {
                finish(p, unexpectedType);
                return;
            }
            if (!deliver(p, reply)) { // what arrived with the end
                finish(p, ServiceError{ServiceError::Kind::Cancelled,
                                       status,
                                       {},
                                       QStringLiteral("stopped by the reader"),
                                       -1});
                return;
            }
        }
        // JSON, or exactly the JSON type asked for (an identity provider's JWKS).
        if (!p->onChunk && !r.body.isEmpty() && !isFhirJson(r.contentType) &&
            !hasType(reply, p->request.accept)) {
            finish(p, unexpectedType);
            return;
        }
        finish(p, r);
        return;
    }

    ServiceError error = ReplyClassifier::classify(reply, p->timedOut, m_clock->nowUtc());
    if (p->timedOut && p->earlierError)
        error = *p->earlierError;
    // Every attempt carries the same X-Request-ID, which the national services treat as one
    // request. A POST is still not sent again (not every service it goes to keeps the ids),
    // unless it never arrived; nor is a stream that has handed out part of its body.
    const auto delay =
        p->timedOut || p->delivered
            ? std::nullopt
            : m_retry.delayBefore(p->attempt + 1, error, p->request.method != "POST");
    // A stream has no total limit; its retries are bounded by the retry policy alone.
    const auto remaining =
        p->onChunk ? std::chrono::milliseconds::max()
                   : m_settings.totalTimeout - std::chrono::milliseconds(p->elapsed.elapsed());
    const bool retry = delay && *delay < remaining;
    // The kind and status only: Qt's error text can quote the whole URL.
    qCInfo(lcNet, "request %s: %s (HTTP %d) after %lld ms, attempt %d%s", p->requestId.constData(),
           qUtf8Printable(ServiceError::kindName(error.kind)), error.httpStatus,
           qint64(p->elapsed.elapsed()), p->attempt, retry ? ", retrying" : "");
    if (retry) {
        p->earlierError = error;
        QTimer::singleShot(*delay, this, [this, p] {
            if (p->timedOut) {
                finish(p, *p->earlierError);
                return;
            }
            if (!p->context) {
                finish(p, ServiceError{ServiceError::Kind::Cancelled, 0, {}, {}, -1});
                return;
            }
            startAttempt(p);
        });
        return;
    }
    finish(p, error);
}

void FhirTransport::finish(Pending* p, const Result<HttpResponse, ServiceError>& result)
{
    p->deadline.stop();
    disconnect(p->contextGone);
    m_pending.remove(p);
    const Callback done = std::move(p->done);
    const QPointer<QObject> context = p->context;
    const QByteArray requestId = p->requestId;
    wipeIfAsked(p->request);
    const int attempts = p->attempt;
    delete p;
    if (!context || !done)
        return;
    if (result) {
        done(result, requestId);
        return;
    }
    ServiceError error = result.error();
    error.attempts = attempts;
    done(error, requestId);
}

} // namespace cpis
