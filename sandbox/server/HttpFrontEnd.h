#pragma once

#include <QAbstractHttpServer>

#include <functional>

namespace cpis::sandbox {

// QHttpServer answers through a responder and cannot misbehave on purpose; the sandbox must
// (reset, no answer, truncated body), so it takes every request with its raw socket.
class HttpFrontEnd final : public QAbstractHttpServer
{
public:
    using Handler = std::function<void(const QHttpServerRequest&, QTcpSocket*)>;

    explicit HttpFrontEnd(Handler handler, QObject* parent = nullptr)
        : QAbstractHttpServer(parent), m_handler(std::move(handler))
    {}

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        m_handler(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override {}

private:
    Handler m_handler;
};

} // namespace cpis::sandbox
