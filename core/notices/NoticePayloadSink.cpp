#include "core/notices/NoticePayloadSink.h"

#include "core/notices/NoticeStore.h"

namespace cpis {

NoticePayloadSink::NoticePayloadSink(NoticeStore& store, QString mailbox, QString messageId)
    : m_store(store), m_mailbox(std::move(mailbox)), m_messageId(std::move(messageId))
{}

QString NoticePayloadSink::begin(const MeshMessageHead&)
{
    m_buffer.clear();
    m_seq = 0;
    // What an earlier, interrupted download left goes first.
    if (auto s = m_store.clearPayload(m_mailbox, m_messageId); !s)
        return s.error().message;
    return {};
}

QString NoticePayloadSink::flush()
{
    if (m_buffer.isEmpty())
        return {};
    if (auto s = m_store.appendPayload(m_mailbox, m_messageId, m_seq++, m_buffer); !s)
        return s.error().message;
    m_buffer.resize(0); // keeps its capacity for the next piece
    return {};
}

QString NoticePayloadSink::write(const QByteArray& bytes)
{
    if (m_buffer.capacity() < kPieceBytes)
        m_buffer.reserve(kPieceBytes + (1 << 16));
    m_buffer.append(bytes);
    if (m_buffer.size() >= kPieceBytes)
        return flush();
    return {};
}

QString NoticePayloadSink::finish()
{
    QString e = flush();
    m_buffer.squeeze();
    return e;
}

void NoticePayloadSink::discard()
{
    m_buffer.clear();
    m_buffer.squeeze();
    m_store.clearPayload(m_mailbox, m_messageId);
}

} // namespace cpis
