#include "core/net/TlsPolicy.h"

#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace cpis {

void TlsPolicy::apply(QNetworkRequest& request) const
{
    if (request.url().scheme() != u"https")
        return;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!caCertificates.isEmpty())
        tls.setCaCertificates(caCertificates);
    if (!clientCertificate.isNull()) {
        tls.setLocalCertificate(clientCertificate);
        tls.setPrivateKey(clientKey);
    }
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);
}

void TlsPolicy::watch(QNetworkReply* reply) const
{
    if (!allowUnverifiedLoopback)
        return;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [reply](const QList<QSslError>& errors) {
                         // Only a sandbox on this machine may present a certificate nobody
                         // vouches for.
                         if (QHostAddress(reply->url().host()).isLoopback())
                             reply->ignoreSslErrors(errors);
                     });
}

} // namespace cpis
