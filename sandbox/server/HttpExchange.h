#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <utility>

class QTcpSocket;

namespace cpis::sandbox {

// One request as the sandbox's routes read it.
struct HttpRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    bool close = false;
    QString origin; // scheme://host:port
    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
    // X-Request-ID present and a UUID, as every FHIR endpoint demands.
    bool hasUuidRequestId() const;
};

// One HTTP/1.1 answer as every route writes it.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

// A FHIR JSON answer (application/fhir+json).
HttpResponse fhirJson(int status, const QJsonObject& body);
// An OperationOutcome answer; a 401 asks for a bearer token, a 429 says when to retry.
HttpResponse fhirError(int status, const QString& spineCode, const QString& why);
// X-Request-ID and X-Correlation-ID come back as they were sent.
void echoRequestIds(const HttpRequest& in, HttpResponse& r);

// Writes a whole answer; cutAt >= 0 sends only that much of the body (the truncated-body
// fault). `close`: Connection: close, then the socket closes.
void writeResponse(QTcpSocket* socket, const HttpResponse& r, bool close, qsizetype cutAt = -1);
// The status line and headers of a chunked answer; the body follows in chunks (ChunkedStream).
void writeChunkedHead(QTcpSocket* socket,
                      const QByteArray& contentType,
                      const QList<std::pair<QByteArray, QByteArray>>& headers,
                      bool close);

} // namespace cpis::sandbox
