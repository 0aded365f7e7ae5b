#include "SandboxServer.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>

namespace cpis::sandbox {

SandboxServer::SandboxServer(Options options, QObject* parent)
    : QObject(parent), m_options(options), m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/_sandbox/health"), [] {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start()
{
    const quint16 port = m_server->listen(QHostAddress::LocalHost, m_options.port);
    if (port == 0) {
        m_error = tr("Could not listen on 127.0.0.1:%1").arg(m_options.port);
        return false;
    }
    m_port = port;
    return true;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

} // namespace cpis::sandbox
