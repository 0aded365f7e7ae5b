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

#include <memory>

namespace cpis {

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
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/xml; charset=utf-8"));
    req.setRawHeader("SOAPAction", '"' + soapAction + '"');
    req.setRawHeader("Accept", "text/xml");
    req.setTransferTimeout(int(m_settings.stallTimeout.count()));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    m_settings.tls.apply(req);
    if (url.scheme() == u"https") {
        // Spine speaks TLS 1.2 with mutual TLS. At 1.2 a client certificate Spine refuses
        // fails the handshake itself, and the user is told so; at 1.3 the refusal would come
        // after the handshake, as a closed connection indistinguishable from a dropped one.
        QSslConfiguration tls = req.sslConfiguration();
        tls.setProtocol(QSsl::TlsV1_2);
        req.setSslConfiguration(tls);
    }

    QNetworkReply* reply = m_nam->post(req, envelope);
    m_settings.tls.watch(reply);
    struct State
    {
        bool timedOut = false;
        bool tooLarge = false;
        QElapsedTimer elapsed;
        QPointer<QObject> context;
    };
    auto state = std::make_shared<State>();
    state->elapsed.start();
    state->context = context;
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    deadline->start(m_settings.totalTimeout);
    // Cut off as soon as the answer is known to be too large (its Content-Length, or the bytes
    // so far), never once it is all in memory.
    ResponseLimit::watch(reply, m_settings.maxResponseBytes, [state] { state->tooLarge = true; });
    qCDebug(lcSpine, "SOAP request to %s, %lld bytes", qUtf8Printable(url.host()),
            qint64(envelope.size()));
    connect(reply, &QNetworkReply::finished, this, [this, reply, state, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        Result<Response, ServiceError> result = ServiceError{};
        if (state->tooLarge) {
            result = ServiceError{ServiceError::Kind::BadResponse,
                                  status,
                                  {},
                                  QStringLiteral("the answer is over the size limit"),
                                  -1};
        } else if (!state->timedOut && reply->error() == QNetworkReply::NoError && status >= 200 &&
                   status < 300) {
            if (!isXml(type))
                result = ServiceError{
                    ServiceError::Kind::BadResponse,
                    status,
                    {},
                    QStringLiteral("unexpected content type '%1'").arg(QString::fromLatin1(type)),
                    -1};
            else
                result = Response{status, reply->readAll()};
        } else if (!state->timedOut && status >= 500 && isXml(type)) {
            result = Response{status, reply->readAll()}; // a SOAP fault, for the reader
        } else {
            result = ReplyClassifier::classify(reply, state->timedOut, m_clock->nowUtc());
        }
        qCInfo(lcSpine, "SOAP answer: HTTP %d after %lld ms%s", status,
               qint64(state->elapsed.elapsed()),
               result ? "" : qUtf8Printable(u", " + ServiceError::kindName(result.error().kind)));
        if (state->context && done)
            done(result);
    });
}

} // namespace cpis
