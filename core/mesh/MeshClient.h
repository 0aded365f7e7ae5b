#pragma once

#include "core/domain/Result.h"
#include "core/mesh/MeshAuthorization.h"
#include "core/mesh/MeshCredentials.h"
#include "core/mesh/MeshError.h"
#include "core/mesh/MeshMessage.h"
#include "core/net/TlsPolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace cpis {

class Clock;
class MeshDownload;

// A client of the MESH API as published (../shared/testdata/mesh/specification/mesh-api.yaml)
// for one mailbox: the handshake ("validate a mailbox", once at start and then daily), the inbox
// listing paged to its end through links.next, downloads in chunks into a sink (MeshDownload),
// and acknowledgement. v2 media types throughout (application/vnd.mesh.v2+json); downloads are
// application/octet-stream as the specification has them. Every request carries a fresh NHSMESH
// Authorization token, and over https the mailbox's client certificate (mutual TLS).
class MeshClient : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QUrl base; // the MESH server; /messageexchange/... is appended
        TlsPolicy tls;
        std::chrono::milliseconds stallTimeout{15000}; // no byte moving for this long
        std::chrono::milliseconds totalTimeout{30000}; // a handshake, listing page or ack
        QByteArray clientVersion = "CP-IS-Desk==1.0";
        QByteArray osName;    // empty: this system's kernel type
        QByteArray osVersion; // empty: this system's kernel version
        int maxResults = 500; // per inbox page (the specification allows 10..5000)
        int maxPages = 1000;  // an inbox that pages for ever is refused, not followed
        qint64 maxJsonBytes = 1024 * 1024;
    };
    template <typename T> using Done = std::function<void(const Result<T, MeshError>&)>;

    static constexpr char kV2Json[] = "application/vnd.mesh.v2+json";
    static constexpr char kOctetStream[] = "application/octet-stream";

    MeshClient(QNetworkAccessManager* nam,
               const Clock& clock,
               Settings settings,
               MeshCredentials credentials,
               QObject* parent = nullptr);
    ~MeshClient() override;

    bool isConfigured() const { return m_credentials.isComplete() && m_settings.base.isValid(); }
    QString mailboxId() const { return m_credentials.mailboxId; }
    const Settings& settings() const { return m_settings; }
    MeshAuthorization& authorization() { return m_auth; }

    // `done` runs once, unless `context` is destroyed first.
    void handshake(QObject* context, Done<bool> done);
    // Every message id in the inbox, in the order listed, following links.next to the end.
    void inbox(QObject* context, Done<QStringList> done);
    // Removes the message from the inbox; the answer is its id.
    void acknowledge(const QString& messageId, QObject* context, Done<QString> done);
    // Starts downloading a message into `sink` (all its chunks). The download is owned by this
    // client and deletes itself after finished(); cancel() stops it.
    MeshDownload* download(const QString& messageId, MeshPayloadSink* sink);

    // For MeshDownload: one authorised request, and the reading of a failed reply.
    QNetworkReply* send(const QByteArray& method,
                        const QUrl& url,
                        const QByteArray& accept,
                        bool handshakeHeaders = false);
    MeshError errorOf(QNetworkReply* reply, bool timedOut) const;
    QUrl url(const QStringList& segments, const QString& query = QString()) const;

private:
    using Finished = std::function<void(QNetworkReply* reply, int status, const QByteArray& body)>;
    // A small call: total and stall limits and a size cap; `ok` gets any 2xx reply, every other
    // outcome goes to `fail` as a MeshError.
    void call(QNetworkReply* reply,
              QObject* context,
              Finished ok,
              std::function<void(const MeshError&)> fail);
    void inboxPage(const QUrl& page,
                   QObject* context,
                   std::shared_ptr<QStringList> ids,
                   int pages,
                   Done<QStringList> done);

    QNetworkAccessManager* m_nam;
    const Clock& m_clock;
    Settings m_settings;
    MeshCredentials m_credentials;
    MeshAuthorization m_auth;
};

} // namespace cpis
