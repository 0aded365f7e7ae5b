#pragma once

#include "core/domain/Result.h"
#include "core/mesh/MeshMessage.h"

#include <QDateTime>
#include <QString>

namespace cpis {

class NoticeStore;

// What a downloaded MESH message of the notices mailbox becomes once its bytes are in the
// store: its notices (an Access to Service Notification read by NotificationReader), a
// delivery error (a MESH REPORT), or a kept "could not be read" row with the reason. The
// store's commit is durable before this returns, so acknowledging may follow.
class NoticeIntake
{
public:
    enum class Outcome
    {
        Notices,       // read: `added` access rows stored, the payload let go
        DeliveryError, // a REPORT, stored as one row; to be acknowledged
        Unreadable,    // kept with its payload; never acknowledged by the desk
    };
    struct Taken
    {
        Outcome outcome = Outcome::Notices;
        int added = 0;
        QString problem; // Unreadable: why (technical, no patient data)
    };

    // The most a notification may be once inflated (as the reader's own limit).
    static constexpr qsizetype kMaxNotificationBytes = 2 * 1024 * 1024;

    // An error only when the store fails: the message is then simply not held yet.
    static Result<Taken, QString> take(NoticeStore& store,
                                       const QString& mailbox,
                                       const MeshMessageHead& head,
                                       const QDateTime& nowUtc);
};

} // namespace cpis
