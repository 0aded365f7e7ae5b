#pragma once

#include "core/net/FhirTransport.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

namespace cpis {

// An application/x-www-form-urlencoded POST for the identity provider or the platform: through
// the one transport, so never redirected (a 3xx is an error) and with the profile's TLS.
struct SignInForm
{
    static FhirTransport::Request post(const QUrl& url,
                                       const QList<std::pair<QString, QString>>& form)
    {
        QByteArray body;
        for (const auto& [k, v] : form) {
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
        }
        FhirTransport::Request req;
        req.method = "POST";
        req.url = url;
        req.body = body;
        req.contentType = "application/x-www-form-urlencoded";
        req.accept = "application/json";
        return req;
    }
};

} // namespace cpis
