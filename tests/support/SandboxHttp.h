#pragma once

// Small blocking HTTP helper for sandbox tests: one request, waited for with QSignalSpy.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <utility>

namespace sandboxtest {

struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qint64 elapsedMs = 0;
    bool finished = false;

    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString spineCode() const
    {
        const QJsonObject o = json();
        return o.value(QLatin1String("issue"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("details"))
            .toObject()
            .value(QLatin1String("coding"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    }
};

using Headers = QList<std::pair<QByteArray, QByteArray>>;

inline QByteArray newRequestId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

inline HttpResult request(QNetworkAccessManager& nam,
                          const QByteArray& method,
                          const QUrl& url,
                          const Headers& headers,
                          const QList<QSslCertificate>& ca = {},
                          const QByteArray& body = {},
                          int timeoutMs = 10000)
{
    QNetworkRequest req(url);
    for (const auto& [k, v] : headers)
        req.setRawHeader(k, v);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(timeoutMs);
    if (url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(ca);
        req.setSslConfiguration(tls);
    }
    QElapsedTimer t;
    t.start();
    QNetworkReply* reply = method == "POST"  ? nam.post(req, body)
                           : method == "GET" ? nam.get(req)
                                             : nam.sendCustomRequest(req, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult r;
    r.finished = finished.wait(timeoutMs + 5000);
    r.elapsedMs = t.elapsed();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    if (reply->isOpen())
        r.body = reply->readAll();
    for (const auto& [k, v] : reply->rawHeaderPairs())
        r.headers.insert(k.toLower(), v);
    reply->deleteLater();
    return r;
}

// A self-signed certificate for 127.0.0.1, made with openssl in `dir`.
inline bool makeLoopbackCertificate(const QString& dir)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   dir + QStringLiteral("/key.pem"), QStringLiteral("-out"),
                   dir + QStringLiteral("/cert.pem"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}

} // namespace sandboxtest
