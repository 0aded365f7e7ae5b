#include "sandbox/server/HttpExchange.h"

#include "sandbox/faults/FaultInjector.h"
#include "sandbox/fhir/FhirResources.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTcpSocket>

namespace cpis::sandbox {

namespace {
QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 421:
        return "Misdirected Request";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    }
    return "Unknown";
}

// The status line and headers; `framing` is Content-Length or Transfer-Encoding.
QByteArray head(int status,
                const QByteArray& contentType,
                const QByteArray& framing,
                const QList<std::pair<QByteArray, QByteArray>>& headers,
                bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    out +=
        "Date: " +
        QLocale::c()
            .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
            .toLatin1() +
        " GMT\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += framing + "\r\n";
    for (const auto& [name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    return out + "\r\n";
}
} // namespace

bool HttpRequest::hasUuidRequestId() const
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(QString::fromLatin1(header("x-request-id"))).hasMatch();
}

HttpResponse fhirJson(int status, const QJsonObject& body)
{
    return {status,
            QByteArrayLiteral("application/fhir+json"),
            QJsonDocument(body).toJson(QJsonDocument::Indented),
            {}};
}

HttpResponse fhirError(int status, const QString& spineCode, const QString& why)
{
    HttpResponse r = fhirJson(status, FhirResources::operationOutcome(status, spineCode, why));
    if (status == 401)
        r.headers.append({QByteArray("WWW-Authenticate"), "Bearer"});
    if (status == 429)
        r.headers.append(
            {QByteArray("Retry-After"), QByteArray::number(FaultInjector::kRetryAfterSecs)});
    return r;
}

void echoRequestIds(const HttpRequest& in, HttpResponse& r)
{
    if (const QByteArray id = in.header("x-request-id"); !id.isEmpty())
        r.headers.append({QByteArray("X-Request-ID"), id});
    if (const QByteArray id = in.header("x-correlation-id"); !id.isEmpty())
        r.headers.append({QByteArray("X-Correlation-ID"), id});
}

void writeResponse(QTcpSocket* socket, const HttpResponse& r, bool close, qsizetype cutAt)
{
    QByteArray out = head(r.status, r.contentType,
                          "Content-Length: " + QByteArray::number(r.body.size()), r.headers, close);
    out += cutAt >= 0 ? r.body.left(cutAt) : r.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

void writeChunkedHead(QTcpSocket* socket,
                      const QByteArray& contentType,
                      const QList<std::pair<QByteArray, QByteArray>>& headers,
                      bool close)
{
    socket->write(head(200, contentType, "Transfer-Encoding: chunked", headers, close));
}

} // namespace cpis::sandbox
