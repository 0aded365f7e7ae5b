#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QHttpServer;

namespace cpis::sandbox {

// The national-service stand-in. Runs in-process (training mode, tests) or behind the
// cpis-sandbox executable. Binds to loopback only.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint16 port = 0; // 0: any free port
    };

    explicit SandboxServer(Options options, QObject* parent = nullptr);
    ~SandboxServer() override;

    // Returns false and sets errorString() when the port cannot be bound.
    bool start();
    QUrl baseUrl() const;
    QString errorString() const { return m_error; }

private:
    Options m_options;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace cpis::sandbox
