#include "core/arealist/AreaListClient.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace cpis {

namespace {
const QString kCpisBase = QStringLiteral("/cpis/FHIR/R4");

ServiceError bad(const QString& detail, int status = 0)
{
    ServiceError e;
    e.kind = ServiceError::Kind::BadResponse;
    e.httpStatus = status;
    e.detail = detail;
    return e;
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() &&
           a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

ServiceError fromReply(QNetworkReply* reply, int status)
{
    using K = ServiceError::Kind;
    ServiceError e;
    e.httpStatus = status;
    e.detail = reply->errorString();
    if (status == 401)
        e.kind = K::SignInExpired;
    else if (status == 403)
        e.kind = K::AccessDenied;
    else if (status == 404)
        e.kind = K::NotFound;
    else if (status == 400)
        e.kind = K::InvalidRequest;
    else if (status >= 500 || status == 408 || status == 429)
        e.kind = K::ServiceFailure;
    else if (reply->error() == QNetworkReply::OperationCanceledError ||
             reply->error() == QNetworkReply::TimeoutError)
        e.kind = K::Timeout;
    else if (reply->error() == QNetworkReply::RemoteHostClosedError)
        e.kind = K::ConnectionReset;
    else if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        e.kind = K::Tls;
    else if (status == 0)
        e.kind = K::Offline;
    else
        e.kind = K::BadResponse;
    return e;
}
} // namespace

AreaListClient::AreaListClient(FhirTransport* transport,
                               QNetworkAccessManager* nam,
                               QUrl baseUrl,
                               Settings settings,
                               QObject* parent)
    : QObject(parent), m_transport(transport), m_nam(nam), m_base(std::move(baseUrl)),
      m_settings(settings)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &AreaListClient::poll);
}

AreaListClient::~AreaListClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    delete m_context;
}

FhirTransport::Headers AreaListClient::headers(const UserSession& s) const
{
    FhirTransport::Headers h;
    if (s.isValid()) {
        h.append({QByteArrayLiteral("Authorization"), "Bearer " + s.accessToken});
        h.append({QByteArrayLiteral("NHSD-Session-URID"), s.roleId.toLatin1()});
        h.append(
            {QByteArrayLiteral("NHSD-End-User-Organisation-ODS"), s.organisationCode.toLatin1()});
    }
    return h;
}

Result<QList<AreaInfo>, ServiceError> AreaListClient::parseGroups(const QByteArray& body)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    const QJsonObject b = doc.object();
    if (pe.error != QJsonParseError::NoError ||
        b.value(QLatin1String("resourceType")).toString() != u"Bundle" ||
        b.value(QLatin1String("type")).toString() != u"searchset")
        return bad(QStringLiteral("Group answer is not a searchset Bundle"));
    const QJsonArray entries = b.value(QLatin1String("entry")).toArray();
    if (b.value(QLatin1String("total")).toInt(-1) != entries.size())
        return bad(QStringLiteral("Group Bundle.total does not match its entries"));
    QList<AreaInfo> out;
    for (const QJsonValue& e : entries) {
        const QJsonObject g = e.toObject().value(QLatin1String("resource")).toObject();
        AreaInfo a;
        a.id = g.value(QLatin1String("id")).toString();
        a.name = g.value(QLatin1String("name")).toString();
        a.quantity = g.value(QLatin1String("quantity")).toInt(-1);
        if (g.value(QLatin1String("resourceType")).toString() != u"Group" || a.id.isEmpty() ||
            a.name.isEmpty() || a.quantity < 0)
            return bad(QStringLiteral("Group entry lacks resourceType, id, name or quantity"));
        out.append(a);
    }
    return out;
}

void AreaListClient::listAreas(const UserSession& session, Callback<QList<AreaInfo>> done)
{
    QUrl u = m_base;
    u.setPath(kCpisBase + QStringLiteral("/Group"));
    m_transport->get(u, headers(session), this,
                     [done](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
                         if (!r)
                             done(r.error());
                         else
                             done(parseGroups(r->body));
                     });
}

void AreaListClient::startExport(const UserSession& session,
                                 const QString& areaId,
                                 const std::optional<QDateTime>& since,
                                 std::function<void(const QString&)> progress,
                                 Callback<Manifest> done)
{
    delete m_context;
    m_context = new QObject(this);
    m_session = session;
    m_status.clear();
    m_progress = std::move(progress);
    m_exportDone = std::move(done);

    FhirTransport::Request req;
    req.url = m_base;
    req.url.setPath(kCpisBase + QStringLiteral("/Group/") + areaId + QStringLiteral("/$export"));
    QString query = QStringLiteral("_type=Patient,CareTeam");
    if (since)
        query += QStringLiteral("&_since=") + QString::fromLatin1(QUrl::toPercentEncoding(
                                                  since->toUTC().toString(Qt::ISODateWithMs)));
    req.url.setQuery(query, QUrl::StrictMode);
    req.headers = headers(session);
    req.headers.append({QByteArrayLiteral("Prefer"), QByteArrayLiteral("respond-async")});
    m_transport->send(
        req, m_context, [this](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
            auto done = m_exportDone;
            if (!r) {
                done(r.error());
                return;
            }
            if (r->status != 202) {
                done(bad(QStringLiteral("$export answered %1, not 202").arg(r->status), r->status));
                return;
            }
            const QUrl status(QString::fromLatin1(r->header("Content-Location")));
            // The token goes only where it came from.
            if (!status.isValid() || !sameOrigin(status, m_base)) {
                done(bad(QStringLiteral("Content-Location is missing or points "
                                        "at another server")));
                return;
            }
            m_status = status;
            poll();
        });
}

void AreaListClient::poll()
{
    m_transport->get(
        m_status, headers(m_session), m_context,
        [this](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
            auto done = m_exportDone;
            if (!r) {
                done(r.error());
                return;
            }
            if (r->status == 202) {
                if (m_progress)
                    m_progress(QString::fromLatin1(r->header("X-Progress")));
                bool ok = false;
                const int secs = r->header("Retry-After").trimmed().toInt(&ok);
                const qint64 wantMs = ok && secs >= 0 ? qint64(secs) * 1000 : 200;
                m_pollTimer.start(int(qMin<qint64>(wantMs, m_settings.maxPollDelay.count())));
                return;
            }
            if (r->status != 200) {
                done(bad(QStringLiteral("export status answered %1").arg(r->status), r->status));
                return;
            }
            done(parseManifest(r->body, m_base));
        });
}

Result<AreaListClient::Manifest, ServiceError> AreaListClient::parseManifest(const QByteArray& body,
                                                                             const QUrl& base)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return bad(QStringLiteral("export manifest is not a JSON object"));
    const QJsonObject o = doc.object();
    Manifest m;
    m.transactionTime = QDateTime::fromString(o.value(QLatin1String("transactionTime")).toString(),
                                              Qt::ISODateWithMs)
                            .toUTC();
    if (!m.transactionTime.isValid())
        return bad(QStringLiteral("manifest transactionTime is not an instant"));
    if (!o.value(QLatin1String("error")).isArray() ||
        !o.value(QLatin1String("error")).toArray().isEmpty())
        return bad(QStringLiteral("the export reported errors"));
    if (!o.value(QLatin1String("output")).isArray())
        return bad(QStringLiteral("manifest output is not an array"));
    const QJsonArray output = o.value(QLatin1String("output")).toArray();
    for (const QJsonValue& v : output) {
        const QJsonObject f = v.toObject();
        File file;
        file.type = f.value(QLatin1String("type")).toString();
        file.url = QUrl(f.value(QLatin1String("url")).toString());
        const QJsonValue count = f.value(QLatin1String("count"));
        if (file.type != u"Patient" && file.type != u"CareTeam")
            return bad(QStringLiteral("manifest names a file of an unexpected type"));
        if (!file.url.isValid() || !sameOrigin(file.url, base))
            return bad(QStringLiteral("manifest file URL points at another server"));
        if (!count.isDouble() || count.toDouble() < 0 ||
            count.toDouble() != double(qint64(count.toDouble())))
            return bad(QStringLiteral("manifest file count is not a whole number"));
        file.count = qint64(count.toDouble());
        m.output.append(file);
    }
    return m;
}

void AreaListClient::download(const UserSession& session,
                              const File& file,
                              LineHandler onLine,
                              Callback<qint64> done)
{
    QNetworkRequest req(file.url);
    req.setRawHeader("Authorization", "Bearer " + session.accessToken);
    req.setRawHeader("Accept", "application/fhir+ndjson");
    req.setTransferTimeout(int(m_settings.stallTimeout.count()));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    const FhirTransport::Settings& tlsRules = m_transport->settings();
    if (file.url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!tlsRules.caCertificates.isEmpty())
            tls.setCaCertificates(tlsRules.caCertificates);
        if (!tlsRules.clientCertificate.isNull()) {
            tls.setLocalCertificate(tlsRules.clientCertificate);
            tls.setPrivateKey(tlsRules.clientKey);
        }
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        req.setSslConfiguration(tls);
    }
    m_buffer.clear();
    m_lines = 0;
    m_lineError.clear();
    m_onLine = std::move(onLine);
    m_downloadDone = std::move(done);
    const qint64 expected = file.count;
    QNetworkReply* reply = m_nam->get(req);
    m_reply = reply;
    if (tlsRules.allowUnverifiedLoopback) {
        connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError>& errors) {
            if (QHostAddress(reply->url().host()).isLoopback())
                reply->ignoreSslErrors(errors);
        });
    }
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200)
            return; // the error body is read at the end
        if (!reply->header(QNetworkRequest::ContentTypeHeader)
                 .toString()
                 .startsWith(QLatin1String("application/fhir+ndjson")))
            return;
        m_buffer += reply->readAll();
        readLines(false);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, expected] {
        m_reply.clear();
        reply->deleteLater();
        auto done = m_downloadDone;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            done(fromReply(reply, status));
            return;
        }
        if (!reply->header(QNetworkRequest::ContentTypeHeader)
                 .toString()
                 .startsWith(QLatin1String("application/fhir+ndjson"))) {
            done(bad(QStringLiteral("file is not application/fhir+ndjson"), status));
            return;
        }
        m_buffer += reply->readAll();
        readLines(true);
        if (!m_lineError.isEmpty()) {
            done(bad(m_lineError, status));
            return;
        }
        if (m_lines != expected) {
            done(bad(QStringLiteral("file held %1 resources, the manifest said %2")
                         .arg(m_lines)
                         .arg(expected),
                     status));
            return;
        }
        done(m_lines);
    });
}

void AreaListClient::readLines(bool atEnd)
{
    if (!m_lineError.isEmpty())
        return;
    qsizetype from = 0;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', from);
        if (nl < 0)
            break;
        const QByteArrayView line(m_buffer.constData() + from, nl - from);
        from = nl + 1;
        ++m_lines;
        if (!m_onLine(line, &m_lineError)) {
            if (m_lineError.isEmpty())
                m_lineError = QStringLiteral("line rejected");
            m_lineError = QStringLiteral("line %1: ").arg(m_lines) + m_lineError;
            if (m_reply && !atEnd) {
                // Stop reading; finished() reports the line's error.
                QNetworkReply* r = m_reply;
                r->disconnect(this);
                r->abort();
                r->deleteLater();
                m_reply.clear();
                auto done = m_downloadDone;
                done(bad(m_lineError, 200));
            }
            return;
        }
    }
    m_buffer.remove(0, from);
    if (atEnd && !m_buffer.isEmpty()) {
        // A last line without its newline still counts; a blank tail does not.
        if (!m_buffer.trimmed().isEmpty()) {
            ++m_lines;
            if (!m_onLine(QByteArrayView(m_buffer), &m_lineError) && m_lineError.isEmpty())
                m_lineError = QStringLiteral("last line rejected");
        }
        m_buffer.clear();
    }
}

void AreaListClient::cancel(const UserSession& session)
{
    m_pollTimer.stop();
    delete m_context;
    m_context = nullptr;
    if (m_reply) {
        QNetworkReply* r = m_reply;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
        m_reply.clear();
    }
    m_exportDone = nullptr;
    m_downloadDone = nullptr;
    deleteJob(session);
}

void AreaListClient::finishJob(const UserSession& session)
{
    deleteJob(session);
}

void AreaListClient::deleteJob(const UserSession& session)
{
    if (!m_status.isValid())
        return;
    FhirTransport::Request req;
    req.method = "DELETE";
    req.url = m_status;
    req.headers = headers(session);
    m_status.clear();
    m_transport->send(req, this,
                      [](const Result<HttpResponse, ServiceError>&, const QByteArray&) {});
}

} // namespace cpis
