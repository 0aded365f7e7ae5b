#include "sandbox/server/AreaListRoutes.h"

#include "core/domain/Vocabulary.h"
#include "sandbox/endpoints/BulkExport.h"
#include "sandbox/endpoints/NdjsonExportFile.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/fhir/FhirResources.h"
#include "sandbox/server/ChunkedStream.h"
#include "sandbox/world/AreaDirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QUrl>

namespace cpis::sandbox {

const QString AreaListRoutes::kGroupBase = QStringLiteral("/cpis/FHIR/R4/Group");
const QString AreaListRoutes::kJobBase = QStringLiteral("/cpis/bulk/");

namespace {
// Retry-After as delta-seconds, or as the HTTP-date that many seconds from `now`.
QByteArray retryAfter(int secs, bool asDate, const QDateTime& now)
{
    if (!asDate)
        return QByteArray::number(secs);
    return QLocale::c()
        .toString(now.toUTC().addSecs(secs), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

QString hostOf(const QByteArray& hostHeader)
{
    return QUrl(QStringLiteral("http://") + QString::fromLatin1(hostHeader)).host();
}

HttpResponse notFound(const QString& why)
{
    return fhirError(404, QStringLiteral("RESOURCE_NOT_FOUND"), why);
}
} // namespace

HttpResponse AreaListRoutes::refused(const BulkExport::Refusal& r) const
{
    HttpResponse out = fhirError(r.status, r.spineCode, r.why);
    if (r.retryAfterSecs >= 0) {
        // fhirError gives every 429 the fault injector's Retry-After; this one says its own.
        out.headers.removeIf(
            [](const auto& h) { return h.first.compare("Retry-After", Qt::CaseInsensitive) == 0; });
        out.headers.append(
            {QByteArray("Retry-After"),
             retryAfter(r.retryAfterSecs, m_exports.options().retryAfterAsDate, m_clock.nowUtc())});
    }
    return out;
}

bool AreaListRoutes::dispatch(const HttpRequest& in, QTcpSocket* socket)
{
    const bool group = in.path == kGroupBase || in.path.startsWith(kGroupBase + u'/');
    const bool job = in.path.startsWith(kJobBase);
    const QString fileHost = m_exports.options().fileHost;
    // The file host serves files and nothing else, like an object store would.
    const bool onFileHost = !fileHost.isEmpty() && hostOf(in.header("host")) == fileHost;
    if (!group && !job && !onFileHost)
        return false;

    auto answer = [&](HttpResponse r) {
        echoRequestIds(in, r);
        writeResponse(socket, r, in.close);
        return true;
    };
    const QStringList parts = job ? in.path.mid(kJobBase.size()).split(u'/') : QStringList();
    const bool fileRequest = job && parts.size() == 2 && in.method == "GET";
    if (onFileHost && !fileRequest)
        return answer(notFound(QStringLiteral("This host serves export files only")));
    const QByteArray auth = in.header("authorization");
    if (fileRequest) {
        m_exports.noteFileRequest(hostOf(in.header("host")), !auth.isEmpty());
        const QString key = in.query.queryItemValue(QStringLiteral("key"));
        if (!key.isEmpty()) {
            // A capability URL, as an object store signs them: a second credential is refused.
            if (!auth.isEmpty())
                return answer(fhirError(400, QStringLiteral("INVALID_REQUEST"),
                                        QStringLiteral("Only one auth mechanism allowed: this "
                                                       "URL needs no Authorization header")));
            if (sendFile(in, m_exports.fileByKey(parts.first(), parts.at(1), key), socket))
                return true;
            return answer(fhirError(403, QStringLiteral("ACCESS_DENIED"),
                                    QStringLiteral("No export file for this key")));
        }
    }

    const auto user =
        auth.startsWith("Bearer ") ? m_signIn.userForToken(auth.mid(7).trimmed()) : std::nullopt;
    if (!user)
        return answer(fhirError(401, QStringLiteral("ACCESS_DENIED"),
                                auth.isEmpty()
                                    ? QStringLiteral("Missing Authorization header")
                                    : QStringLiteral("Invalid or expired access token")));
    if (group) {
        if (in.header("x-request-id").isEmpty())
            return answer(fhirError(400, QStringLiteral("PRECONDITION_FAILED"),
                                    QStringLiteral("Missing X-Request-ID header")));
        if (!in.hasUuidRequestId())
            return answer(fhirError(400, QStringLiteral("PRECONDITION_FAILED"),
                                    QStringLiteral("Invalid value - X-Request-ID is not a UUID")));
    }
    // The national service's own rule, which the desk's screen rules cannot widen: the
    // community practitioner job role (health visitors, school nurses).
    if (user->jobRoleCode() != vocabulary::kJobRoleCommunityPractitioner)
        return answer(fhirError(
            403, QStringLiteral("ACCESS_DENIED"),
            QStringLiteral("The user's role is not a community practitioner role (R0690)")));

    if (group) {
        if (in.method != "GET")
            return answer(notFound(QStringLiteral("Only GET is offered here")));
        if (in.path == kGroupBase)
            return answer(groups(in, *user));
        const QString rest = in.path.mid(kGroupBase.size() + 1);
        const qsizetype slash = rest.indexOf(u'/');
        if (slash > 0 && rest.mid(slash + 1) == u"$export")
            return answer(kickOff(in, *user, rest.left(slash)));
        return answer(notFound(QStringLiteral("No endpoint at this path")));
    }

    if (parts.size() == 1) {
        if (in.method == "DELETE")
            return answer(cancel(*user, parts.first()));
        if (in.method == "GET")
            return answer(status(in, *user, parts.first()));
    } else if (fileRequest) {
        if (sendFile(in, m_exports.file(user->id, parts.first(), parts.at(1)), socket))
            return true;
    }
    return answer(notFound(QStringLiteral("No export job or file at this path")));
}

HttpResponse AreaListRoutes::groups(const HttpRequest& in, const TestUser& user)
{
    if (!in.query.isEmpty())
        return fhirError(400, QStringLiteral("INVALID_SEARCH_DATA"),
                         QStringLiteral("Group takes no search parameters"));
    const QDateTime now = m_clock.nowUtc();
    const QList<AreaDirectory::GroupInfo> all = m_areas.groups();
    QJsonArray entries;
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).userId != user.id)
            continue;
        const QJsonObject g =
            FhirResources::group(all.at(i).id, all.at(i).name, m_areas.listedCount(i, now.date()));
        entries.append(FhirResources::entry(in.origin + kGroupBase + u'/' + all.at(i).id, g,
                                            QStringLiteral("match")));
    }
    return fhirJson(200, FhirResources::searchset(QStringLiteral("groups-%1").arg(user.id), now,
                                                  int(entries.size()), entries));
}

HttpResponse
AreaListRoutes::kickOff(const HttpRequest& in, const TestUser& user, const QString& groupId)
{
    const int area = m_areas.indexOf(groupId);
    if (area < 0 || m_areas.info(area).userId != user.id)
        return notFound(QStringLiteral("No Group with this id for this role"));
    if (in.header("prefer").trimmed() != "respond-async")
        return fhirError(400, QStringLiteral("PRECONDITION_FAILED"),
                         QStringLiteral("$export needs the header Prefer: respond-async"));
    const QString request =
        in.origin + in.path +
        (in.query.isEmpty() ? QString() : u'?' + in.query.toString(QUrl::FullyDecoded));
    const auto job =
        m_exports.kickOff(user.id, area, in.query.queryItems(QUrl::FullyDecoded), request);
    if (!job)
        return refused(job.error());
    HttpResponse r = fhirJson(202, FhirResources::information(QStringLiteral(
                                       "Export accepted: poll the Content-Location URL")));
    r.headers.append({QByteArray("Content-Location"), (in.origin + kJobBase + *job).toLatin1()});
    return r;
}

HttpResponse
AreaListRoutes::status(const HttpRequest& in, const TestUser& user, const QString& jobId)
{
    // Files under the file host when there is one: same scheme and port, another name.
    QUrl files(in.origin);
    if (!m_exports.options().fileHost.isEmpty())
        files.setHost(m_exports.options().fileHost);
    const auto s = m_exports.status(user.id, jobId, files.toString() + kJobBase + jobId + u'/');
    if (!s)
        return refused(s.error());
    if (const auto t = m_exports.throttle())
        return refused(*t);
    if (const auto p = s->preparing) {
        HttpResponse r{202, {}, {}, {}};
        const int pct = p->total > 0 ? int(qint64(p->done) * 100 / p->total) : 0;
        r.headers.append(
            {QByteArray("X-Progress"), QStringLiteral("preparing: %1% (%2 of %3 people)")
                                           .arg(pct)
                                           .arg(p->done)
                                           .arg(p->total)
                                           .toLatin1()});
        r.headers.append({QByteArray("Retry-After"),
                          retryAfter(m_exports.options().retryAfterSecs,
                                     m_exports.options().retryAfterAsDate, m_clock.nowUtc())});
        return r;
    }
    return {
        200, "application/json", QJsonDocument(s->manifest).toJson(QJsonDocument::Indented), {}};
}

HttpResponse AreaListRoutes::cancel(const TestUser& user, const QString& jobId)
{
    if (const auto refusal = m_exports.cancel(user.id, jobId))
        return refused(*refusal);
    return fhirJson(
        202, FhirResources::information(QStringLiteral("Export cancelled and its files deleted")));
}

bool AreaListRoutes::sendFile(const HttpRequest& in,
                              std::unique_ptr<NdjsonExportFile> ndjson,
                              QTcpSocket* socket)
{
    if (!ndjson)
        return false;
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (const QByteArray id = in.header("x-request-id"); !id.isEmpty())
        headers.append({QByteArray("X-Request-ID"), id});
    writeChunkedHead(socket, "application/fhir+ndjson", headers, in.close);
    new ChunkedStream(std::move(ndjson), in.close, socket);
    return true;
}

} // namespace cpis::sandbox
