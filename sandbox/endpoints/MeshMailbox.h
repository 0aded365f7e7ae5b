#pragma once

#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/endpoints/MeshAuthenticator.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <utility>

namespace cpis {
class Clock;
}

namespace cpis::sandbox {

class LocalAuthorityDirectory;
class ScenarioCatalogue;
class SignInService;
class SyntheticPopulation;

// The local authorities' MESH mailboxes, served as the MESH API publishes them
// (../shared/testdata/mesh/specification/mesh-api.yaml; docs/api.md §10): the handshake, the
// inbox (v2 paging with links.next, or v1), message download (200, or 206 and chunks with
// Mex-Chunk-Range), acknowledgement; every request authorised by its NHSMESH token
// (MeshAuthenticator). Each local authority has one training mailbox, its ODS code and
// "OT001" (SHE1OT001); its messages are the access notifications AccessLog queues, each
// written as a V3 Access to Service Notification (REPC_MT000004GB01), and whatever tests add
// (error reports, malformed or large messages).
class MeshMailbox
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    // One request and its answer, for tests that hold every exchange to the specification.
    struct Exchange
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QHash<QByteArray, QByteArray> requestHeaders; // names in lower case
        int status = 0;
        QByteArray contentType;
        QList<std::pair<QByteArray, QByteArray>> responseHeaders;
        qsizetype bodyBytes = 0;
    };
    using Observer = std::function<void(const Exchange&)>;

    MeshMailbox(AccessLog& log,
                const SignInService& signIn,
                const LocalAuthorityDirectory& authorities,
                const Clock& clock);

    static bool handles(const QString& path) { return path.startsWith(kPathPrefix); }
    // `headers`: names in lower case.
    Answer answer(const QByteArray& method,
                  const QString& path,
                  const QUrlQuery& query,
                  const QHash<QByteArray, QByteArray>& headers);
    void setObserver(Observer observer) { m_observer = std::move(observer); }

    // A few notices in the social worker's mailbox, so training mode has something to show.
    void seed(const ScenarioCatalogue& catalogue,
              const SyntheticPopulation& population,
              const LocalAuthorityDirectory& authorities,
              const QDateTime& now);

    static QString mailboxFor(const QString& laOdsCode)
    {
        return laOdsCode + QStringLiteral("OT001");
    }
    // The local authority's own person id for a child: "<ODS>-" and eight digits from
    // SHA-256("<ODS>|<NHS number>"), stable and different for each authority.
    static QString localChildId(const QString& laOdsCode, const QString& nhsNumber);

    // The messages in a mailbox, oldest first, and what each one's body is.
    QStringList inbox(const QString& mailbox) const;
    QByteArray body(const QString& mailbox, const QString& messageId) const;
    bool isNotification(const QString& mailbox, const QString& messageId) const;

    // Tests: put other messages in a mailbox; each returns the new message id.
    QString addReport(const QString& mailbox,
                      const QString& linkedMessageId,
                      const QString& statusCode,
                      const QString& description);
    QString addData(const QString& mailbox, const QByteArray& body, bool compressed = false);
    // `bytes` of generated content, served in chunks of `chunkBytes` (never held whole).
    QString addGenerated(const QString& mailbox, qint64 bytes, qint64 chunkBytes);

    static const QString kPathPrefix;
    static const QString kWorkflowId;
    static const QString kSender;

private:
    struct Extra
    {
        QString id;
        QString mailbox;
        QDateTime when;
        bool report = false;
        QByteArray body;
        bool compressed = false;
        qint64 generatedBytes = 0; // > 0: generated content in chunks
        qint64 chunkBytes = 0;
        QString linkedId, statusCode, description;
    };
    struct Message
    {
        QString id;
        QDateTime when;
        const AccessNotification* notification = nullptr;
        const Extra* extra = nullptr;
    };

    Answer route(const QByteArray& method,
                 const QString& path,
                 const QUrlQuery& query,
                 const QHash<QByteArray, QByteArray>& headers);
    QList<Message> messages(const QString& mailbox) const;
    QString laOf(const QString& mailbox) const; // empty: no such mailbox
    QString meshId(const AccessNotification& n) const;
    QString newId(const QDateTime& when);
    QByteArray notificationXml(const AccessNotification& n) const;
    Answer listInbox(const QString& mailbox, const QUrlQuery& query, bool v2);
    Answer download(const QString& mailbox, const Message& m, int chunk);

    AccessLog& m_log;
    const SignInService& m_signIn;
    const LocalAuthorityDirectory& m_authorities;
    const Clock& m_clock;
    MeshAuthenticator m_auth;
    QList<Extra> m_extra;
    Observer m_observer;
    quint64 m_sequence = 0;
};

} // namespace cpis::sandbox
