#include "core/notices/NoticeClient.h"

#include "core/net/NhsHeaders.h"
#include "core/notices/NoticeParser.h"

namespace cpis {

namespace {
ServiceError badResponse(const QString& what, int status)
{
    ServiceError err;
    err.kind = ServiceError::Kind::BadResponse;
    err.httpStatus = status;
    err.detail = what;
    return err;
}
} // namespace

NoticeClient::NoticeClient(FhirTransport* transport, QUrl baseUrl, QObject* parent)
    : QObject(parent), m_transport(transport), m_base(std::move(baseUrl))
{}

QUrl NoticeClient::url(const UserSession& session, const QStringList& segments) const
{
    QString path = m_base.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    path += QStringLiteral("/messageexchange/") +
            QString::fromLatin1(QUrl::toPercentEncoding(session.organisationCode)) +
            QStringLiteral("/inbox");
    for (const QString& s : segments)
        path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(s));
    QUrl u = m_base;
    u.setPath(path, QUrl::StrictMode);
    return u;
}

void NoticeClient::inbox(const UserSession& session, QObject* receiver, Callback<QStringList> done)
{
    FhirTransport::Request req;
    req.url = url(session, {});
    req.headers = NhsHeaders(session).list();
    req.accept = "application/json";
    m_transport->send(req, receiver,
                      [done](const Result<HttpResponse, ServiceError>& r, const QByteArray& id) {
                          if (!r) {
                              done(r.error(), id);
                              return;
                          }
                          auto parsed = NoticeParser::inbox(r->body);
                          if (!parsed)
                              done(badResponse(parsed.error().what, r->status), id);
                          else
                              done(parsed.value(), id);
                      });
}

void NoticeClient::message(const UserSession& session,
                           const QString& messageId,
                           QObject* receiver,
                           Callback<QList<AttendanceNotice>> done)
{
    FhirTransport::Request req;
    req.url = url(session, {messageId});
    req.headers = NhsHeaders(session).list();
    const QString mailbox = session.organisationCode;
    m_transport->send(
        req, receiver,
        [done, messageId, mailbox](const Result<HttpResponse, ServiceError>& r,
                                   const QByteArray& id) {
            if (!r) {
                done(r.error(), id);
                return;
            }
            // The envelope must name the message asked for and this mailbox: a mix-up here
            // would file one authority's notice under another id or mailbox.
            if (QString::fromLatin1(r->header("Mex-MessageID")) != messageId ||
                QString::fromLatin1(r->header("Mex-To")) != mailbox) {
                done(badResponse(QStringLiteral("Mex-MessageID or Mex-To does not match the "
                                                "message asked for"),
                                 r->status),
                     id);
                return;
            }
            auto parsed = NoticeParser::message(r->body, mailbox, messageId);
            if (!parsed)
                done(badResponse(parsed.error().what, r->status), id);
            else
                done(parsed.value(), id);
        });
}

void NoticeClient::acknowledge(const UserSession& session,
                               const QString& messageId,
                               QObject* receiver,
                               Callback<QString> done)
{
    FhirTransport::Request req;
    req.method = "PUT";
    req.url = url(session, {messageId, QStringLiteral("status"), QStringLiteral("acknowledged")});
    req.headers = NhsHeaders(session).list();
    req.accept = "application/json";
    m_transport->send(
        req, receiver,
        [done, messageId](const Result<HttpResponse, ServiceError>& r, const QByteArray& id) {
            if (!r) {
                done(r.error(), id);
                return;
            }
            auto s = NoticeParser::acknowledged(r->body, messageId);
            if (!s)
                done(badResponse(s.error().what, r->status), id);
            else
                done(messageId, id);
        });
}

} // namespace cpis
