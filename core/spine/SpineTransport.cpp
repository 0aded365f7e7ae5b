#include "core/spine/SpineTransport.h"

#include "core/domain/Clock.h"
#include "core/net/ReplyClassifier.h"
#include "core/net/ResponseLimit.h"
#include "core/spine/SpineLogging.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

namespace cpis {

// One query, from its first attempt to its answer: the same request and envelope each time.
struct SpineTransport::Pending
{
    QNetworkRequest request;
    QByteArray envelope;
    QPointer<QObject> context;
    Callback done;
    int attempts = 0;
    bool timedOut = false;
    bool tooLarge = false;
    QElapsedTimer elapsed;
    QPointer<QNetworkReply> reply;
    std::unique_ptr<QTimer> deadline; // the whole query, every attempt and wait included
};

SpineTransport::SpineTransport(QNetworkAccessManager* nam,
                               const Clock* clock,
                               Settings settings,
                               QObject* parent)
    : QObject(parent), m_nam(nam), m_clock(clock), m_settings(std::move(settings))
{}

namespace {
bool isXml(const QByteArray& contentType)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    return mime == "text/xml";
}
} // namespace

void SpineTransport::post(const QUrl& url,
                          const QByteArray& soapAction,
                          const QByteArray& envelope,
                          QObject* context,
                          Callback done)
{
    auto p = std::make_shared<Pending>();
    p->request = QNetworkRequest(url);
    p->request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/xml; charset=utf-8"));
    p->request.setRawHeader("SOAPAction", '"' + soapAction + '"');
    p->request.setRawHeader("Accept", "text/xml");
    p->request.setTransferTimeout(int(m_settings.stallTimeout.count()));
    p->request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                            QNetworkRequest::ManualRedirectPolicy);
    m_settings.tls.apply(p->request);
    if (url.scheme() == u"https") {
        // Spine speaks TLS 1.2 with mutual TLS. At 1.2 a client certificate Spine refuses
        // fails the handshake itself, and the user is told so; at 1.3 the refusal would come
        // after the handshake, as a closed connection indistinguishable from a dropped one.
        QSslConfiguration tls = p->request.sslConfiguration();
        tls.setProtocol(QSsl::TlsV1_2);
        p->request.setSslConfiguration(tls);
    }
    p->envelope = envelope;
    p->context = context;
    p->done = std::move(done);
    p->elapsed.start();
    p->deadline = std::make_unique<QTimer>();
    p->deadline->setSingleShot(true);
    // Weak: the timer is the query's own, and must not keep it alive.
    connect(p->deadline.get(), &QTimer::timeout, this, [weak = std::weak_ptr<Pending>(p)] {
        if (const auto q = weak.lock()) {
            q->timedOut = true;
            if (q->reply)
                q->reply->abort();
        }
    });
    p->deadline->start(m_settings.totalTimeout);
    if (context) {
        // Nobody will read the answer: the connection is closed now, not at its end.
        connect(context, &QObject::destroyed, this, [weak = std::weak_ptr<Pending>(p)] {
            if (const auto q = weak.lock(); q && q->reply)
                q->reply->abort(); // finished() follows and reports to nobody
        });
    }
    qCDebug(lcSpine, "SOAP request to %s, %lld bytes", qUtf8Printable(url.host()),
            qint64(envelope.size()));
    attempt(p);
}

void SpineTransport::attempt(std::shared_ptr<Pending> p)
{
    ++p->attempts;
    p->tooLarge = false;
    QNetworkReply* reply = m_nam->post(p->request, p->envelope);
    p->reply = reply;
    m_settings.tls.watch(reply);
    // Cut off as soon as the answer is known to be too large (its Content-Length, or the bytes
    // so far), never once it is all in memory.
    ResponseLimit::watch(reply, m_settings.maxResponseBytes, [p] { p->tooLarge = true; });
    connect(reply, &QNetworkReply::finished, this, [this, p, reply] { onFinished(p, reply); });
}

void SpineTransport::onFinished(std::shared_ptr<Pending> p, QNetworkReply* reply)
{
    reply->deleteLater();
    p->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    Result<Response, ServiceError> result = ServiceError{};
    bool classified = false;
    if (p->tooLarge) {
        // Never sent again: the same service would send the same again.
        result = ServiceError{ServiceError::Kind::BadResponse,
                              status,
                              {},
                              QStringLiteral("the answer is over the size limit"),
                              -1};
    } else if (!p->timedOut && reply->error() == QNetworkReply::NoError && status >= 200 &&
               status < 300) {
        if (!isXml(type))
            result = ServiceError{
                ServiceError::Kind::BadResponse,
                status,
                {},
                QStringLiteral("unexpected content type '%1'").arg(QString::fromLatin1(type)),
                -1};
        else
            result = Response{status, reply->readAll(), p->attempts};
    } else if (!p->timedOut && status >= 500 && isXml(type)) {
        result = Response{status, reply->readAll(), p->attempts}; // a SOAP fault, for the reader
    } else {
        result = ReplyClassifier::classify(reply, p->timedOut, m_clock->nowUtc());
        classified = true;
    }

    if (classified && !p->timedOut && p->context) {
        // The same envelope, so the same wsa:MessageID: Spine takes a repeat for the query it
        // already had, and the local authority hears of it once.
        const RetryPolicy policy(m_settings.retry);
        const auto delay = policy.delayBefore(p->attempts + 1, result.error(), true);
        const auto remaining =
            m_settings.totalTimeout - std::chrono::milliseconds(p->elapsed.elapsed());
        if (delay && *delay < remaining) {
            qCInfo(lcSpine, "SOAP attempt %d: %s (HTTP %d) after %lld ms, sending again",
                   p->attempts, qUtf8Printable(ServiceError::kindName(result.error().kind)), status,
                   qint64(p->elapsed.elapsed()));
            QTimer::singleShot(*delay, this, [this, p] {
                if (p->timedOut || !p->context) {
                    p->deadline->stop();
                    ServiceError late{ServiceError::Kind::Timeout,
                                      0,
                                      {},
                                      QStringLiteral("total time limit reached"),
                                      -1};
                    late.attempts = p->attempts;
                    if (p->context && p->done)
                        p->done(late);
                    return;
                }
                attempt(p);
            });
            return;
        }
    }
    p->deadline->stop();
    if (!result) {
        ServiceError e = result.error();
        e.attempts = p->attempts;
        result = e;
    }
    qCInfo(lcSpine, "SOAP answer: HTTP %d after %lld ms, attempt %d%s", status,
           qint64(p->elapsed.elapsed()), p->attempts,
           result ? "" : qUtf8Printable(u", " + ServiceError::kindName(result.error().kind)));
    if (p->context && p->done)
        p->done(result);
}

} // namespace cpis
