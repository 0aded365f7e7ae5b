#include "core/hub/HubSender.h"

#include "core/hub/HubLogging.h"

namespace cpis {

namespace {

QByteArray byteaText(const QByteArray& bytes)
{
    return QByteArrayLiteral("\\x") + bytes.toHex();
}

const QByteArray kRecord = QByteArrayLiteral(
    "SELECT hub.record_entry($1::bigint, $2::bigint, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
    "$13, $14::bytea, $15::bytea, $16::bytea)");

} // namespace

Status<QString> HubSender::connect()
{
    if (m_conn && m_conn->isOpen())
        return {};
    m_conn.reset();
    auto conn = HubConnection::open(m_address.keywords());
    if (!conn)
        return conn.error();
    m_conn = std::move(conn.value());
    qCInfo(lcHub, "connected to the audit hub %s", qUtf8Printable(m_address.display()));
    return {};
}

HubSendResult HubSender::send(const HubBatch& batch)
{
    HubSendResult r;
    if (auto c = connect(); !c) {
        r.error = c.error();
        return r;
    }
    auto fail = [&](const QString& why) {
        r = HubSendResult{};
        r.error = why;
        // A connection that failed mid-batch is not trusted for the next one.
        m_conn.reset();
        return r;
    };
    if (auto b = m_conn->exec("BEGIN"); !b)
        return fail(b.error());
    QByteArray prev = batch.prevHash;
    for (const HubEntry& e : batch.entries) {
        QList<std::optional<QByteArray>> params;
        params << QByteArray::number(e.seq) << QByteArray::number(e.atMs);
        for (const QByteArray& f : e.fields)
            params << f;
        params << byteaText(prev) << byteaText(e.hash) << byteaText(e.mac);
        auto rows = m_conn->exec(kRecord, params);
        if (!rows)
            return fail(rows.error());
        const QByteArray answer =
            rows->size() == 1 && rows->first().size() == 1 && rows->first().first()
                ? *rows->first().first()
                : QByteArray();
        if (answer == "stored")
            ++r.stored;
        else if (answer == "duplicate")
            ++r.duplicates;
        else if (answer == "fork")
            ++r.forks;
        else
            return fail(QStringLiteral("the hub gave an unknown answer to entry %1").arg(e.seq));
        r.lastSeq = e.seq;
        r.lastHash = e.hash;
        prev = e.hash;
    }
    if (auto c = m_conn->exec("COMMIT"); !c)
        return fail(c.error());
    r.ok = true;
    qCInfo(lcHub, "sent entries up to %lld: %d new, %d already held, %d forks", r.lastSeq, r.stored,
           r.duplicates, r.forks);
    return r;
}

} // namespace cpis
