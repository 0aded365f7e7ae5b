#include "core/mesh/MeshError.h"

#include <QCoreApplication>

namespace cpis {

QString MeshError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::NotConfigured:
        return QStringLiteral("not-configured");
    case Kind::Offline:
        return QStringLiteral("offline");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::ClientCertificate:
        return QStringLiteral("client-certificate");
    case Kind::AuthenticationFailed:
        return QStringLiteral("authentication-failed");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Gone:
        return QStringLiteral("gone");
    case Kind::Refused:
        return QStringLiteral("refused");
    case Kind::ServiceFailure:
        return QStringLiteral("service-failure");
    case Kind::BadResponse:
        return QStringLiteral("bad-response");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Storage:
        return QStringLiteral("storage");
    }
    return QStringLiteral("unknown");
}

QString MeshError::userText() const
{
    const auto tr = [](const char* s) { return QCoreApplication::translate("cpis::MeshError", s); };
    switch (kind) {
    case Kind::NotConfigured:
        return tr("The notices mailbox is not set up on this desk: the administrator must set "
                  "its mailbox id, password and shared key.");
    case Kind::Offline:
        return tr("The MESH mailbox could not be reached. The notices shown may not be all "
                  "there are.");
    case Kind::Timeout:
        return tr("The MESH mailbox did not answer in time. The notices shown may not be all "
                  "there are.");
    case Kind::Tls:
        return tr("The connection to the MESH mailbox was not secure (certificate or TLS "
                  "failure), so nothing was read. Tell the administrator.");
    case Kind::ClientCertificate:
        return tr("The MESH server refused the connection: it needs the mailbox's TLS "
                  "certificate, which is missing or not accepted. Tell the administrator.");
    case Kind::AuthenticationFailed:
        if (serverClockKnown && qAbs(serverClockAheadSecs) > 2 * 3600)
            return tr("The MESH server refused the mailbox: this computer's clock is %1 hours "
                      "off the server's, and MESH allows 2. Have the clock corrected.")
                .arg(QString::number(double(qAbs(serverClockAheadSecs)) / 3600.0, 'f', 1));
        return tr("The MESH server refused the mailbox's credentials (HTTP 403): the mailbox "
                  "password or shared key is wrong, a request was replayed, or this computer's "
                  "clock is more than 2 hours off. Nothing was read; tell the administrator.");
    case Kind::NotFound:
        return tr("The MESH mailbox no longer holds this message.");
    case Kind::Gone:
        return tr("The message expired in the MESH mailbox before it was downloaded.");
    case Kind::Refused:
        return tr("The MESH server refused the request as invalid (HTTP 400).");
    case Kind::ServiceFailure:
        return tr("The MESH service failed to answer. The notices shown may not be all there "
                  "are.");
    case Kind::BadResponse:
        return tr("The MESH mailbox sent an answer that could not be read. The notices shown "
                  "may not be all there are.");
    case Kind::Cancelled:
        return tr("The download was cancelled.");
    case Kind::Storage:
        return tr("A downloaded message could not be kept in the encrypted store.");
    }
    return {};
}

} // namespace cpis
