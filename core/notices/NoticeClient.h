#pragma once

#include "core/domain/Result.h"
#include "core/domain/UserSession.h"
#include "core/net/FhirTransport.h"
#include "core/net/ServiceError.h"
#include "core/notices/AttendanceNotice.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace cpis {

// The local authority's notice mailbox as docs/api.md §10 describes it (MESH-style): list the
// inbox, read a message, acknowledge it. The mailbox is the session's organisation. Every
// answer is parsed strictly; what cannot be read is a BadResponse error, never fewer notices.
class NoticeClient : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Callback =
        std::function<void(const Result<T, ServiceError>&, const QByteArray& requestId)>;

    NoticeClient(FhirTransport* transport, QUrl baseUrl, QObject* parent = nullptr);

    // Unacknowledged message ids, oldest first.
    void inbox(const UserSession& session, QObject* receiver, Callback<QStringList> done);
    void message(const UserSession& session,
                 const QString& messageId,
                 QObject* receiver,
                 Callback<QList<AttendanceNotice>> done);
    // The message leaves the server's inbox; the answer names it.
    void acknowledge(const UserSession& session,
                     const QString& messageId,
                     QObject* receiver,
                     Callback<QString> done);

    QUrl baseUrl() const { return m_base; }

private:
    QUrl url(const UserSession& session, const QStringList& segments) const;

    FhirTransport* m_transport;
    QUrl m_base;
};

} // namespace cpis
