#include "core/arealist/AreaListClient.h"

#include "core/net/NhsHeaders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace cpis {

namespace {
// The CP-IS FHIR base, used as given: the resource path follows it.
QString underBase(const QUrl& base, const QString& path)
{
    QString p = base.path();
    if (p.endsWith(u'/'))
        p.chop(1);
    return p + path;
}

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
} // namespace

AreaListClient::AreaListClient(FhirTransport* transport,
                               QUrl baseUrl,
                               Settings settings,
                               QObject* parent)
    : QObject(parent), m_transport(transport), m_base(std::move(baseUrl)), m_settings(settings)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &AreaListClient::poll);
}

AreaListClient::~AreaListClient()
{
    // The transport stops whatever these contexts were waiting for.
    delete m_download;
    delete m_context;
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
    u.setPath(underBase(m_base, QStringLiteral("/Group")));
    m_transport->get(u, NhsHeaders(session).list(), this,
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
    req.url.setPath(
        underBase(m_base, QStringLiteral("/Group/") + areaId + QStringLiteral("/$export")));
    QString query = QStringLiteral("_type=Patient,CareTeam");
    if (since)
        query += QStringLiteral("&_since=") + QString::fromLatin1(QUrl::toPercentEncoding(
                                                  since->toUTC().toString(Qt::ISODateWithMs)));
    req.url.setQuery(query, QUrl::StrictMode);
    req.headers = NhsHeaders(session).list();
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
        m_status, NhsHeaders(m_session).list(), m_context,
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
    delete m_download;
    m_download = new QObject(this);
    m_buffer.clear();
    m_lines = 0;
    m_lineError.clear();
    m_onLine = std::move(onLine);
    m_downloadDone = std::move(done);
    const qint64 expected = file.count;

    FhirTransport::Request req;
    req.url = file.url;
    req.headers = NhsHeaders(session).list();
    req.accept = "application/fhir+ndjson";
    m_transport->stream(
        req, m_settings.stallTimeout, m_download,
        [this](const QByteArray& chunk) {
            m_buffer += chunk;
            readLines(false);
            return m_lineError.isEmpty();
        },
        [this, expected](const Result<HttpResponse, ServiceError>& r, const QByteArray&) {
            auto done = m_downloadDone;
            if (!m_lineError.isEmpty()) { // the transport stopped at our word
                done(bad(m_lineError, 200));
                return;
            }
            if (!r) {
                done(r.error());
                return;
            }
            if (r->status != 200) {
                done(bad(QStringLiteral("file download answered %1").arg(r->status), r->status));
                return;
            }
            readLines(true);
            if (!m_lineError.isEmpty()) {
                done(bad(m_lineError, r->status));
                return;
            }
            if (m_lines != expected) {
                done(bad(QStringLiteral("file held %1 resources, the manifest said %2")
                             .arg(m_lines)
                             .arg(expected),
                         r->status));
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
            // The download stops here; its end reports the line's error.
            m_lineError = QStringLiteral("line %1: ").arg(m_lines) + m_lineError;
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
    delete m_context; // the transport drops the callbacks and stops a download
    m_context = nullptr;
    delete m_download;
    m_download = nullptr;
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
    req.headers = NhsHeaders(session).list();
    m_status.clear();
    m_transport->send(req, this,
                      [](const Result<HttpResponse, ServiceError>&, const QByteArray&) {});
}

} // namespace cpis
