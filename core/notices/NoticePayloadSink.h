#pragma once

#include "core/mesh/MeshMessage.h"

#include <QByteArray>
#include <QString>

namespace cpis {

class NoticeStore;

// Where a MESH download of the notices mailbox goes as it arrives: the encrypted notices file,
// in pieces of at most kPieceBytes, so that memory stays bounded whatever the message's size
// and nothing of it touches the disk in clear.
class NoticePayloadSink final : public MeshPayloadSink
{
public:
    NoticePayloadSink(NoticeStore& store, QString mailbox, QString messageId);

    QString begin(const MeshMessageHead& head) override;
    QString write(const QByteArray& bytes) override;
    QString finish() override;
    void discard() override;

    static constexpr qsizetype kPieceBytes = 1024 * 1024;

private:
    QString flush();

    NoticeStore& m_store;
    QString m_mailbox;
    QString m_messageId;
    QByteArray m_buffer;
    qint64 m_seq = 0;
};

} // namespace cpis
