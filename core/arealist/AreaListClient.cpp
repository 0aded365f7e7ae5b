#include "core/arealist/AreaListClient.h"

#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/fhir/FhirParser.h"
#include "core/net/NhsHeaders.h"
#include "core/net/ResponseLimit.h"
#include "core/net/RetryPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace cpis {

namespace {
using std::chrono::milliseconds;

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

int defaultPort(const QUrl& u)
{
    return u.port(u.scheme() == u"https" ? 443 : 80);
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && defaultPort(a) == defaultPort(b);
}

void timerScheduler(milliseconds delay, QObject* context, std::function<void()> fire)
{
    QTimer::singleShot(delay, context, std::move(fire));
}

// A 429, or a 5xx that says when to come back (or is a gateway's): the job may well be alive.
// Any other error status means the export failed (Bulk Data IG, "Response - Error Status").
bool transientPollFailure(const ServiceError& e)
{
    if (e.kind == ServiceError::Kind::RateLimited)
        return true;
    return e.kind == ServiceError::Kind::ServiceFailure && e.httpStatus >= 500 &&
           (e.retryAfterSecs >= 0 || e.httpStatus == 502 || e.httpStatus == 503 ||
            e.httpStatus == 504);
}

// One file item of a manifest array. `fixedType`: the only type the array may name (error[]:
// OperationOutcome, deleted[]: Bundle), which may then be left out; empty for output[], whose
// items must name the resource type they hold.
Result<AreaListClient::File, ServiceError> fileItem(const QJsonValue& v,
                                                    const QString& array,
                                                    const QString& fixedType,
                                                    bool requiresAccessToken,
                                                    const QUrl& base,
                                                    const QStringList& fileHosts)
{
    static const QRegularExpression resourceType(QStringLiteral("^[A-Z][A-Za-z]{1,63}$"));
    if (!v.isObject())
        return bad(QStringLiteral("manifest %1 item is not an object").arg(array));
    const QJsonObject f = v.toObject();
    AreaListClient::File file;
    file.requiresAccessToken = requiresAccessToken;
    const QJsonValue type = f.value(QLatin1String("type"));
    if (fixedType.isEmpty()) {
        file.type = type.toString();
        if (!resourceType.match(file.type).hasMatch())
            return bad(QStringLiteral("manifest output item has no resource type"));
    } else {
        if (!type.isUndefined() && type.toString() != fixedType)
            return bad(QStringLiteral("manifest %1 item is not of type %2").arg(array, fixedType));
        file.type = fixedType;
    }
    file.url = QUrl(f.value(QLatin1String("url")).toString(), QUrl::StrictMode);
    if (!file.url.isValid() || file.url.isRelative() || file.url.host().isEmpty())
        return bad(QStringLiteral("manifest %1 item has no absolute url").arg(array));
    if (!AreaListClient::fileHostAllowed(file.url, base, fileHosts))
        // The host is named so support can tell the administrator what to allow, or refuse.
        return bad(QStringLiteral("manifest offers files from %1, which is neither the service's "
                                  "host nor an allowed file host")
                       .arg(file.url
                                .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath |
                                          QUrl::RemoveQuery | QUrl::RemoveFragment)
                                .toString()));
    const QJsonValue count = f.value(QLatin1String("count"));
    if (!count.isUndefined()) {
        // Optional (IG v2.0.0); when present a whole number the file is checked against.
        if (!count.isDouble() || count.toDouble() < 0 ||
            count.toDouble() != double(qint64(count.toDouble())))
            return bad(QStringLiteral("manifest file count is not a whole number"));
        file.count = qint64(count.toDouble());
    }
    return file;
}

Result<QList<AreaListClient::File>, ServiceError> fileArray(const QJsonObject& o,
                                                            const QString& array,
                                                            const QString& fixedType,
                                                            bool required,
                                                            bool requiresAccessToken,
                                                            const QUrl& base,
                                                            const QStringList& fileHosts)
{
    const QJsonValue v = o.value(array);
    QList<AreaListClient::File> out;
    if (v.isUndefined() && !required)
        return out;
    if (!v.isArray())
        return bad(QStringLiteral("manifest %1 is not an array").arg(array));
    for (const QJsonValue& item : v.toArray()) {
        auto f = fileItem(item, array, fixedType, requiresAccessToken, base, fileHosts);
        if (!f)
            return f.error();
        out.append(f.value());
    }
    return out;
}
} // namespace

AreaListClient::AreaListClient(FhirTransport* transport,
                               QUrl baseUrl,
                               Settings settings,
                               QObject* parent)
    : AreaListClient(transport, std::move(baseUrl), std::move(settings), nullptr, nullptr, parent)
{}

AreaListClient::AreaListClient(FhirTransport* transport,
                               QUrl baseUrl,
                               Settings settings,
                               const Clock* clock,
                               Scheduler scheduler,
                               QObject* parent)
    : QObject(parent), m_transport(transport), m_base(std::move(baseUrl)),
      m_settings(std::move(settings)),
      m_ownClock(clock ? nullptr : std::make_unique<SystemClock>()),
      m_clock(clock ? clock : m_ownClock.get()),
      m_schedule(scheduler ? std::move(scheduler) : Scheduler(timerScheduler))
{}

AreaListClient::~AreaListClient()
{
    // The transport stops whatever these contexts were waiting for.
    delete m_download;
    delete m_context;
}

bool AreaListClient::fileHostAllowed(const QUrl& file,
                                     const QUrl& base,
                                     const QStringList& fileHosts)
{
    if (file.scheme() != base.scheme() || !file.userInfo().isEmpty() || file.host().isEmpty())
        return false;
    if (sameOrigin(file, base))
        return true;
    for (const QString& entry : fileHosts) {
        const QUrl allowed(base.scheme() + QStringLiteral("://") + entry.trimmed(),
                           QUrl::StrictMode);
        if (!allowed.isValid() || allowed.host().isEmpty() || !allowed.path().isEmpty() ||
            !allowed.userInfo().isEmpty())
            continue; // a malformed entry allows nothing
        if (sameOrigin(file, allowed))
            return true;
    }
    return false;
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
    m_started = m_clock->nowUtc();
    m_quietPolls = 0;
    m_busyAnswers = 0;
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
        [this](const Result<HttpResponse, ServiceError>& r, const QByteArray&) { onStatus(r); });
}

void AreaListClient::onStatus(const Result<HttpResponse, ServiceError>& r)
{
    auto done = m_exportDone;
    if (!r) {
        const ServiceError& e = r.error();
        // The transport has already waited out the short Retry-Afters it could; what reaches
        // here is a longer one, or one it ran out of attempts for.
        if (!transientPollFailure(e) || ++m_busyAnswers > m_settings.maxBusyAnswers) {
            done(e);
            return;
        }
        milliseconds wait = backoff();
        if (e.retryAfterSecs >= 0) {
            wait = std::chrono::seconds(e.retryAfterSecs);
            if (wait > m_settings.maxRetryAfter) {
                done(e);
                return;
            }
        }
        pollAgain(wait);
        return;
    }
    m_busyAnswers = 0;
    if (r->status == 202) {
        if (m_progress)
            m_progress(QString::fromLatin1(r->header("X-Progress")));
        const int secs = RetryPolicy::parseRetryAfter(r->header("Retry-After"), m_clock->nowUtc());
        milliseconds wait;
        if (secs >= 0) {
            wait = std::chrono::seconds(secs);
            m_quietPolls = 0;
        } else {
            wait = backoff(); // the IG asks clients for exponential backoff
        }
        pollAgain(std::min(wait, m_settings.maxPollDelay));
        return;
    }
    if (r->status != 200) {
        done(bad(QStringLiteral("export status answered %1").arg(r->status), r->status));
        return;
    }
    done(parseManifest(r->body, m_base, m_settings.fileHosts));
}

milliseconds AreaListClient::backoff()
{
    milliseconds wait = std::max(m_settings.minPollDelay, milliseconds(1));
    for (int i = 0; i < m_quietPolls && wait < m_settings.maxPollDelay; ++i)
        wait *= 2;
    ++m_quietPolls;
    return std::min(wait, m_settings.maxPollDelay);
}

void AreaListClient::pollAgain(milliseconds delay)
{
    const qint64 waited = m_started.msecsTo(m_clock->nowUtc());
    if (waited + delay.count() > m_settings.maxExportWait.count()) {
        ServiceError e;
        e.kind = ServiceError::Kind::Timeout;
        e.detail = QStringLiteral("the export was not ready within %1 s")
                       .arg(m_settings.maxExportWait.count() / 1000);
        auto done = m_exportDone;
        done(e);
        return;
    }
    m_schedule(delay, m_context, [this] { poll(); });
}

Result<AreaListClient::Manifest, ServiceError> AreaListClient::parseManifest(
    const QByteArray& body, const QUrl& base, const QStringList& fileHosts)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return bad(QStringLiteral("export manifest is not a JSON object"));
    const QJsonObject o = doc.object();
    Manifest m;
    const auto when = FhirParser::instant(o.value(QLatin1String("transactionTime")));
    if (!when)
        return bad(QStringLiteral("manifest transactionTime is not an instant"));
    m.transactionTime = *when;
    const QJsonValue request = o.value(QLatin1String("request"));
    if (!request.isUndefined() && !request.isString())
        return bad(QStringLiteral("manifest request is not a string"));
    m.request = request.toString();
    // Required: guessing true would send the token where it may not belong, guessing false
    // would fail at the first file.
    const QJsonValue token = o.value(QLatin1String("requiresAccessToken"));
    if (!token.isBool())
        return bad(QStringLiteral("manifest requiresAccessToken is not a boolean"));
    m.requiresAccessToken = token.toBool();
    // `extension` is the server's own (an object in v2.0.0): read past, never trusted.
    auto output = fileArray(o, QStringLiteral("output"), QString(), true, m.requiresAccessToken,
                            base, fileHosts);
    if (!output)
        return output.error();
    m.output = output.value();
    // error[] is required by the IG but left out by some servers: absent reads as empty.
    auto error = fileArray(o, QStringLiteral("error"), QStringLiteral("OperationOutcome"), false,
                           m.requiresAccessToken, base, fileHosts);
    if (!error)
        return error.error();
    m.error = error.value();
    auto deleted = fileArray(o, QStringLiteral("deleted"), QStringLiteral("Bundle"), false,
                             m.requiresAccessToken, base, fileHosts);
    if (!deleted)
        return deleted.error();
    m.deleted = deleted.value();
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
    const std::optional<qint64> expected = file.count;

    if (!fileHostAllowed(file.url, m_base, m_settings.fileHosts)) {
        // parseManifest refuses these; a File made elsewhere is held to the same rule.
        auto refused = m_downloadDone;
        refused(bad(QStringLiteral("file is not on an allowed host")));
        return;
    }
    FhirTransport::Request req;
    req.url = file.url;
    // The bearer token (and the role headers with it) only to a file server that needs it:
    // one that does not (a signed URL, a store behind the firewall) has no use for it.
    if (file.requiresAccessToken)
        req.headers = NhsHeaders(session).list();
    req.accept = "application/fhir+ndjson";
    // A bulk file may be long; each of its lines is held to kNdjsonLineBytes instead (readLines).
    req.maxBodyBytes = 0;
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
            if (expected && m_lines != *expected) {
                done(bad(QStringLiteral("file held %1 resources, the manifest said %2")
                             .arg(m_lines)
                             .arg(*expected),
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
    // A line still without its end past the limit is no resource the service would send: stop
    // the download now rather than hold a line that may never end.
    if (m_buffer.size() > ResponseLimit::kNdjsonLineBytes) {
        m_lineError = QStringLiteral("line %1: longer than %2 bytes")
                          .arg(m_lines + 1)
                          .arg(ResponseLimit::kNdjsonLineBytes);
        m_buffer.clear();
        return;
    }
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
    delete m_context; // with it any wait for the next poll // the transport drops the callbacks and
                      // stops a download
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

void AreaListClient::forgetSession()
{
    wipe(m_session);
}

} // namespace cpis
