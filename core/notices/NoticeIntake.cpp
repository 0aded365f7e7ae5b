#include "core/notices/NoticeIntake.h"

#include "core/mesh/MeshGzip.h"
#include "core/notices/NoticeStore.h"
#include "core/notices/NotificationReader.h"

namespace cpis {

namespace {

AttendanceNotice messageRow(AttendanceNotice::Kind kind,
                            const QString& mailbox,
                            const MeshMessageHead& head,
                            const QDateTime& now,
                            const QString& problem)
{
    AttendanceNotice n;
    n.kind = kind;
    n.mailbox = mailbox;
    n.messageId = head.messageId;
    n.whenUtc = now;
    n.receivedUtc = now;
    n.problem = problem;
    n.organisationCode = head.from;
    return n;
}

} // namespace

Result<NoticeIntake::Taken, QString> NoticeIntake::take(NoticeStore& store,
                                                        const QString& mailbox,
                                                        const MeshMessageHead& head,
                                                        const QDateTime& now)
{
    Taken taken;
    if (head.type == MeshMessageHead::Type::Report) {
        taken.outcome = Outcome::DeliveryError;
        // The report's own words, and the message it is about: what the authority's MESH
        // administrator needs to follow it up.
        taken.problem = QStringLiteral("MESH error report %1 (%2): %3; message %4, workflow %5")
                            .arg(head.statusCode, head.statusEvent, head.statusDescription,
                                 head.linkedMessageId, head.workflowId);
        auto added = store.add(
            {messageRow(AttendanceNotice::Kind::DeliveryError, mailbox, head, now, taken.problem)});
        if (!added)
            return added.error().message;
        return taken;
    }

    const auto unreadable = [&](const QString& why) -> Result<Taken, QString> {
        taken.outcome = Outcome::Unreadable;
        taken.problem = why;
        auto added =
            store.add({messageRow(AttendanceNotice::Kind::Unreadable, mailbox, head, now, why)});
        if (!added)
            return added.error().message;
        return taken;
    };

    auto size = store.payloadSize(mailbox, head.messageId);
    if (!size)
        return size.error().message;
    if (size.value() > kMaxNotificationBytes)
        return unreadable(
            QStringLiteral("%1 bytes: larger than any access notification").arg(size.value()));
    auto bytes = store.payload(mailbox, head.messageId, kMaxNotificationBytes);
    if (!bytes)
        return bytes.error().message;
    QByteArray xml = bytes.value();
    if (head.compressed) {
        auto inflated = gunzip(xml, kMaxNotificationBytes);
        if (!inflated)
            return unreadable(QStringLiteral("compressed content: ") + inflated.error());
        xml = inflated.value();
    }
    auto read = NotificationReader::read(xml);
    if (!read)
        return unreadable(read.error().what);
    if (read->notices.isEmpty())
        return unreadable(QStringLiteral("the notification lists no access"));
    QList<AttendanceNotice> notices = read->notices;
    for (AttendanceNotice& n : notices) {
        n.mailbox = mailbox;
        n.messageId = head.messageId;
        n.receivedUtc = now;
    }
    auto added = store.add(notices);
    if (!added)
        return added.error().message;
    taken.added = added.value();
    // Read and stored: the bytes are no longer needed.
    if (auto cleared = store.clearPayload(mailbox, head.messageId); !cleared)
        return cleared.error().message;
    return taken;
}

} // namespace cpis
