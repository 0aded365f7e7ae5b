#pragma once

#include "core/notices/AttendanceNotice.h"
#include "core/store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace cpis {

class SecureDb;
class SqlStatement;

// The attendance notices this desk has fetched, per local-authority mailbox, in their own
// SQLCipher file (SecureStore's notices.db). Acknowledged notices stay, with when and by whom,
// because the service forgets a message once it is acknowledged and this is then the only copy
// a social worker can look back at.
class NoticeStore
{
public:
    static StoreResult<std::unique_ptr<NoticeStore>> open(SecureDb& db);
    ~NoticeStore();
    NoticeStore(const NoticeStore&) = delete;
    NoticeStore& operator=(const NoticeStore&) = delete;

    // Adds the notices not held yet (same mailbox, message and event); returns how many were new.
    StoreResult<int> add(const QList<AttendanceNotice>& notices);
    StoreResult<bool> hasMessage(const QString& mailbox, const QString& messageId);
    // Newest first.
    StoreResult<QList<AttendanceNotice>> all(const QString& mailbox);
    StoreResult<QList<AttendanceNotice>> message(const QString& mailbox, const QString& messageId);
    // Marks every notice of the message acknowledged, unless it already is.
    StoreStatus markAcknowledged(const QString& mailbox,
                                 const QString& messageId,
                                 const QDateTime& atUtc,
                                 const QString& by);

    // The bytes of a message as downloaded, in order: kept in this encrypted file rather than
    // in memory, so a large message never is whole in memory, and an unreadable one is kept.
    StoreStatus clearPayload(const QString& mailbox, const QString& messageId);
    StoreStatus appendPayload(const QString& mailbox,
                              const QString& messageId,
                              qint64 seq,
                              const QByteArray& bytes);
    StoreResult<qint64> payloadSize(const QString& mailbox, const QString& messageId);
    // The whole payload, when it is no larger than maxBytes (else an error).
    StoreResult<QByteArray>
    payload(const QString& mailbox, const QString& messageId, qint64 maxBytes);

private:
    explicit NoticeStore(SecureDb& db);
    StoreResult<QList<AttendanceNotice>> select(const char* sql, const QStringList& args);

    SecureDb& m_db;
    std::unique_ptr<SqlStatement> m_insert;
};

} // namespace cpis
