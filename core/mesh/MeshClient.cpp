#include "core/mesh/MeshClient.h"

#include "core/domain/Clock.h"
#include "core/mesh/MeshDownload.h"
#include "core/mesh/MeshLogging.h"
#include "core/net/ResponseLimit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSysInfo>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace cpis {

namespace {

MeshError error(MeshError::Kind kind, int status, const QString& detail)
{
    MeshError e;
    e.kind = kind;
    e.httpStatus = status;
    e.detail = detail;
    return e;
}

bool isV2Json(const QByteArray& contentType)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    return mime == MeshClient::kV2Json || mime == "application/json";
}

} // namespace

MeshClient::MeshClient(QNetworkAccessManager* nam,
                       const Clock& clock,
                       Settings settings,
                       MeshCredentials credentials,
                       QObject* parent)
    : QObject(parent), m_nam(nam), m_clock(clock), m_settings(std::move(settings)),
      m_credentials(std::move(credentials)), m_auth(m_credentials, clock)
{
    if (m_settings.osName.isEmpty())
        m_settings.osName = QSysInfo::kernelType().toUtf8();
    if (m_settings.osVersion.isEmpty())
        m_settings.osVersion = QSysInfo::kernelVersion().toUtf8();
}

MeshClient::~MeshClient() = default;

QUrl MeshClient::url(const QStringList& segments, const QString& query) const
{
    QString path = m_settings.base.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    path += QStringLiteral("/messageexchange/") +
            QString::fromLatin1(QUrl::toPercentEncoding(m_credentials.mailboxId));
    for (const QString& s : segments)
        path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(s));
    QUrl u = m_settings.base;
    u.setPath(path, QUrl::StrictMode);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

QNetworkReply* MeshClient::send(const QByteArray& method,
                                const QUrl& url,
                                const QByteArray& accept,
                                bool handshakeHeaders)
{
    QNetworkRequest req(url);
    req.setRawHeader("Accept", accept);
    req.setRawHeader("Authorization", m_auth.next());
    if (handshakeHeaders) {
        req.setRawHeader("mex-clientversion", m_settings.clientVersion);
        req.setRawHeader("mex-osname", m_settings.osName);
        req.setRawHeader("mex-osversion", m_settings.osVersion);
        req.setRawHeader("mex-osarchitecture", QSysInfo::currentCpuArchitecture().toUtf8());
    }
    req.setHeader(QNetworkRequest::UserAgentHeader, m_settings.clientVersion);
    req.setTransferTimeout(int(m_settings.stallTimeout.count()));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    // Downloads are read as they arrive: Qt must not gunzip behind our back (the size
    // limits count what the server sent).
    req.setRawHeader("Accept-Encoding", "identity");
    m_settings.tls.apply(req);
    QNetworkReply* reply = m_nam->sendCustomRequest(req, method);
    m_settings.tls.watch(reply);
    qCDebug(lcMesh, "%s %s", method.constData(), qUtf8Printable(url.path()));
    return reply;
}

MeshError MeshClient::errorOf(QNetworkReply* reply, bool timedOut) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (timedOut)
        return error(MeshError::Kind::Timeout, status, QStringLiteral("no answer in time"));
    if (status == 0) {
        const auto e = reply->error();
        const QString why = reply->errorString();
        const bool https = reply->url().scheme() == u"https";
        switch (e) {
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            return error(MeshError::Kind::Timeout, 0, why);
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::RemoteHostClosedError:
            // A server that asks for a client certificate and gets none ends the handshake,
            // or closes the connection once it has seen the request (TLS 1.3).
            if (https && m_settings.tls.clientCertificate.isNull())
                return error(MeshError::Kind::ClientCertificate, 0, why);
            return error(e == QNetworkReply::SslHandshakeFailedError
                             ? MeshError::Kind::Tls
                             : MeshError::Kind::ServiceFailure,
                         0, why);
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::UnknownNetworkError:
            return error(MeshError::Kind::Offline, 0, why);
        default:
            return error(MeshError::Kind::ServiceFailure, 0, why);
        }
    }
    if (status == 403) {
        MeshError e = error(MeshError::Kind::AuthenticationFailed, status,
                            QStringLiteral("authentication failed"));
        // The server's Date says whether our clock is what it refused.
        // IMF-fixdate, as HTTP servers write it: "Sun, 06 Nov 1994 08:49:37 GMT".
        QDateTime serverNow =
            QLocale::c().toDateTime(QString::fromLatin1(reply->rawHeader("Date")).trimmed(),
                                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        serverNow.setTimeZone(QTimeZone::utc());
        if (serverNow.isValid()) {
            e.serverClockKnown = true;
            e.serverClockAheadSecs = m_clock.nowUtc().secsTo(serverNow);
        }
        return e;
    }
    if (status == 404)
        return error(MeshError::Kind::NotFound, status, QStringLiteral("message does not exist"));
    if (status == 410)
        return error(MeshError::Kind::Gone, status, QStringLiteral("message expired"));
    if (status == 400)
        return error(MeshError::Kind::Refused, status, QStringLiteral("validation error"));
    if (status >= 500)
        return error(MeshError::Kind::ServiceFailure, status, QStringLiteral("server error"));
    return error(MeshError::Kind::BadResponse, status,
                 QStringLiteral("unexpected HTTP status %1").arg(status));
}

void MeshClient::call(QNetworkReply* reply,
                      QObject* context,
                      Finished ok,
                      std::function<void(const MeshError&)> fail)
{
    struct State
    {
        bool timedOut = false;
        bool tooLarge = false;
        QPointer<QObject> context;
    };
    auto state = std::make_shared<State>();
    state->context = context;
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    deadline->start(m_settings.totalTimeout);
    ResponseLimit::watch(reply, m_settings.maxJsonBytes, [state] { state->tooLarge = true; });
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, state, ok = std::move(ok), fail = std::move(fail)] {
            reply->deleteLater();
            if (!state->context)
                return;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            qCDebug(lcMesh, "answer %d to %s", status, qUtf8Printable(reply->url().path()));
            if (state->tooLarge) {
                fail(error(
                    MeshError::Kind::BadResponse, status,
                    QStringLiteral("answer larger than %1 bytes").arg(m_settings.maxJsonBytes)));
                return;
            }
            if (status >= 200 && status < 300 && reply->error() == QNetworkReply::NoError) {
                ok(reply, status, reply->readAll());
                return;
            }
            fail(errorOf(reply, state->timedOut));
        });
}

void MeshClient::handshake(QObject* context, Done<bool> done)
{
    if (!isConfigured()) {
        done(error(MeshError::Kind::NotConfigured, 0, QStringLiteral("no credentials")));
        return;
    }
    call(
        send("POST", url({}), kV2Json, true), context,
        [done](QNetworkReply*, int status, const QByteArray&) {
            if (status != 200)
                done(error(MeshError::Kind::BadResponse, status,
                           QStringLiteral("handshake answered %1, not 200").arg(status)));
            else
                done(true);
        },
        [done](const MeshError& e) { done(e); });
}

void MeshClient::inbox(QObject* context, Done<QStringList> done)
{
    if (!isConfigured()) {
        done(error(MeshError::Kind::NotConfigured, 0, QStringLiteral("no credentials")));
        return;
    }
    const QUrl first =
        url({QStringLiteral("inbox")}, QStringLiteral("max_results=%1").arg(m_settings.maxResults));
    inboxPage(first, context, std::make_shared<QStringList>(), 0, std::move(done));
}

void MeshClient::inboxPage(const QUrl& page,
                           QObject* context,
                           std::shared_ptr<QStringList> ids,
                           int pages,
                           Done<QStringList> done)
{
    QPointer<QObject> guard(context);
    call(
        send("GET", page, kV2Json), context,
        [this, guard, ids, pages, done](QNetworkReply* reply, int status, const QByteArray& body) {
            const auto bad = [&](const QString& why) {
                done(error(MeshError::Kind::BadResponse, status, why));
            };
            if (status != 200)
                return bad(QStringLiteral("inbox answered %1, not 200").arg(status));
            if (!isV2Json(reply->header(QNetworkRequest::ContentTypeHeader).toByteArray()))
                return bad(QStringLiteral("inbox listing is not JSON"));
            QJsonParseError pe{};
            const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject())
                return bad(QStringLiteral("inbox listing is not a JSON object"));
            const QJsonObject o = doc.object();
            // The v2 listing's fields (mesh-api.yaml, "Check an inbox"): messages required,
            // links and approx_inbox_count optional; anything else is not this API.
            for (auto it = o.constBegin(); it != o.constEnd(); ++it)
                if (it.key() != u"messages" && it.key() != u"links" &&
                    it.key() != u"approx_inbox_count")
                    return bad(
                        QStringLiteral("inbox listing has unexpected field %1").arg(it.key()));
            if (!o.value(QStringLiteral("messages")).isArray())
                return bad(QStringLiteral("inbox listing has no messages array"));
            if (o.contains(QStringLiteral("approx_inbox_count")) &&
                !o.value(QStringLiteral("approx_inbox_count")).isDouble())
                return bad(QStringLiteral("approx_inbox_count is not a number"));
            const QJsonArray messages = o.value(QStringLiteral("messages")).toArray();
            if (messages.size() > qMax(m_settings.maxResults, 5000))
                return bad(QStringLiteral("inbox page holds %1 ids").arg(messages.size()));
            for (const QJsonValue& v : messages) {
                const QString id = v.toString();
                if (!v.isString() || id.isEmpty() || id.size() > 100)
                    return bad(QStringLiteral("inbox listing holds an id that is not one"));
                if (!ids->contains(id))
                    ids->append(id);
            }
            QString next;
            if (o.contains(QStringLiteral("links"))) {
                const QJsonValue links = o.value(QStringLiteral("links"));
                if (!links.isObject())
                    return bad(QStringLiteral("links is not an object"));
                const QJsonValue n = links.toObject().value(QStringLiteral("next"));
                if (!n.isUndefined() && !n.isString())
                    return bad(QStringLiteral("links.next is not a string"));
                next = n.toString();
            }
            if (next.isEmpty()) {
                qCInfo(lcMesh, "inbox listed: %lld messages in %d pages", qint64(ids->size()),
                       pages + 1);
                done(*ids);
                return;
            }
            // The next page is on the same server, in this mailbox's inbox: a link elsewhere
            // would send the mailbox's token to another host.
            const QUrl nextUrl = reply->url().resolved(QUrl(next));
            const QUrl inboxUrl = url({QStringLiteral("inbox")});
            if (nextUrl.scheme() != inboxUrl.scheme() || nextUrl.host() != inboxUrl.host() ||
                nextUrl.port() != inboxUrl.port() || nextUrl.path() != inboxUrl.path())
                return bad(QStringLiteral("links.next leaves this mailbox's inbox"));
            if (pages + 1 >= m_settings.maxPages)
                return bad(QStringLiteral("inbox still paging after %1 pages").arg(pages + 1));
            if (!guard)
                return;
            inboxPage(nextUrl, guard, ids, pages + 1, done);
        },
        [done](const MeshError& e) { done(e); });
}

void MeshClient::acknowledge(const QString& messageId, QObject* context, Done<QString> done)
{
    if (!isConfigured()) {
        done(error(MeshError::Kind::NotConfigured, 0, QStringLiteral("no credentials")));
        return;
    }
    call(
        send("PUT",
             url({QStringLiteral("inbox"), messageId, QStringLiteral("status"),
                  QStringLiteral("acknowledged")}),
             kV2Json),
        context,
        [done, messageId](QNetworkReply*, int status, const QByteArray&) {
            // v2: no body. Any 2xx but 200 is not the specification's answer.
            if (status != 200)
                done(error(MeshError::Kind::BadResponse, status,
                           QStringLiteral("acknowledgement answered %1, not 200").arg(status)));
            else
                done(messageId);
        },
        [done](const MeshError& e) { done(e); });
}

MeshDownload* MeshClient::download(const QString& messageId, MeshPayloadSink* sink)
{
    auto* d = new MeshDownload(*this, messageId, sink, this);
    QTimer::singleShot(0, d, &MeshDownload::start);
    return d;
}

} // namespace cpis
