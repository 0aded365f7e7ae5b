#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>

class QNetworkReply;
class QNetworkRequest;

namespace cpis {

// How every request to the national services and the identity provider checks the server and
// shows itself: the CAs to trust (empty: the system's), an optional client certificate and key
// for mutual TLS, and TLS 1.2 or later. Only a sandbox on this machine may be let through with
// a certificate nobody vouches for.
struct TlsPolicy
{
    QList<QSslCertificate> caCertificates; // empty: the system's
    QSslCertificate clientCertificate;     // null: no mutual TLS
    QSslKey clientKey;
    bool allowUnverifiedLoopback = false; // training sandbox only

    // Sets the TLS configuration on an https request; plain http is left alone.
    void apply(QNetworkRequest& request) const;
    // Call on every reply just sent: lets a loopback sandbox's certificate pass when allowed.
    void watch(QNetworkReply* reply) const;
};

} // namespace cpis
