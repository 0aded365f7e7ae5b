#pragma once

// A fake network for unit tests: a QNetworkAccessManager whose replies come from a table of
// canned answers, delivered asynchronously like real ones. Every request is kept so tests
// can assert what was sent (URLs, headers) without a server.

#include <QByteArray>
#include <QHash>
#include <QIODevice>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <functional>

namespace cpis::test {

struct FakeAnswer
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/fhir+json";
    QList<std::pair<QByteArray, QByteArray>> headers;
    // Not NoError: the transfer fails at the network level (refused, reset...).
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    bool stall = false; // never answers: the reply ends only when the client aborts it
};

class FakeReply : public QNetworkReply
{
public:
    FakeReply(const QNetworkRequest& request, const FakeAnswer& answer, QObject* parent)
        : QNetworkReply(parent), m_body(answer.body)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(QNetworkAccessManager::GetOperation);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        QTimer::singleShot(0, this, [this, answer] {
            if (answer.stall || isFinished()) // aborted first: a real reply ends only once
                return;
            if (answer.networkError != QNetworkReply::NoError) {
                setError(answer.networkError, QStringLiteral("fake network error"));
                emit errorOccurred(answer.networkError);
                setFinished(true);
                emit finished();
                return;
            }
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, answer.status);
            setHeader(QNetworkRequest::ContentTypeHeader, answer.contentType);
            setRawHeader("X-Request-ID", this->request().rawHeader("X-Request-ID"));
            for (const auto& [k, v] : answer.headers)
                setRawHeader(k, v);
            if (answer.status >= 400) {
                const auto e = answer.status >= 500 ? QNetworkReply::InternalServerError
                                                    : QNetworkReply::ContentAccessDenied;
                setError(e, QStringLiteral("HTTP %1").arg(answer.status));
            }
            emit metaDataChanged();
            emit readyRead();
            setFinished(true);
            emit finished();
        });
    }

    void abort() override
    {
        if (isFinished())
            return;
        setError(QNetworkReply::OperationCanceledError, QStringLiteral("aborted"));
        setFinished(true);
        emit finished();
    }
    qint64 bytesAvailable() const override
    {
        return m_body.size() - m_pos + QNetworkReply::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_body.size()) - m_pos);
        if (n <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_body.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }

private:
    QByteArray m_body;
    qint64 m_pos = 0;
};

class FakeNetwork : public QNetworkAccessManager
{
public:
    using Router = std::function<FakeAnswer(const QNetworkRequest&)>;

    explicit FakeNetwork(Router router, QObject* parent = nullptr)
        : QNetworkAccessManager(parent), m_router(std::move(router))
    {}

    QList<QNetworkRequest> requests;
    QList<QByteArray> methods; // "GET", "PUT", ... per request
    QList<QByteArray> bodies;  // what each request sent

protected:
    QNetworkReply*
    createRequest(Operation op, const QNetworkRequest& request, QIODevice* outgoing) override
    {
        requests.append(request);
        static const QHash<Operation, QByteArray> names{{GetOperation, "GET"},
                                                        {PutOperation, "PUT"},
                                                        {PostOperation, "POST"},
                                                        {DeleteOperation, "DELETE"},
                                                        {HeadOperation, "HEAD"}};
        methods.append(op == CustomOperation
                           ? request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray()
                           : names.value(op));
        bodies.append(outgoing ? outgoing->readAll() : QByteArray());
        return new FakeReply(request, m_router(request), this);
    }

private:
    Router m_router;
};

} // namespace cpis::test
