#include "core/hub/HubSender.h"

#include "core/hub/HubLogging.h"

#include <array>

namespace cpis {

namespace {

// PostgreSQL's array literal, each element quoted: a backslash and a double quote are
// escaped, every other byte goes as it is (the text is the entry's UTF-8, byte for byte).
void appendQuoted(QByteArray& out, const QByteArray& element)
{
    out += '"';
    for (const char c : element) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
}

// A bytea element in an array literal: "\\x<hex>" (the backslash escaped for the array).
void appendBytea(QByteArray& out, const QByteArray& bytes)
{
    out += "\"\\\\x";
    out += bytes.toHex();
    out += '"';
}

struct ArrayLiteral
{
    QByteArray text = "{";
    void add(const QByteArray& element)
    {
        next();
        appendQuoted(text, element);
    }
    void addNumber(qint64 n)
    {
        next();
        text += QByteArray::number(n);
    }
    void addBytea(const QByteArray& bytes)
    {
        next();
        appendBytea(text, bytes);
    }
    QByteArray done() const { return text + '}'; }

private:
    void next()
    {
        if (text.size() > 1)
            text += ',';
    }
};

// One statement, one round trip and one transaction for the whole batch; the hub checks each
// entry as it records it (core/hub/sql/005_record_entries.sql) and answers for each, in order.
const QByteArray kRecord = QByteArrayLiteral(
    "SELECT unnest(hub.record_entries($1::bytea, $2::bigint[], $3::bigint[], $4::text[], "
    "$5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], "
    "$12::text[], $13::text[], $14::text[], $15::bytea[], $16::bytea[]))");

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

QList<std::optional<QByteArray>> HubSender::parameters(const HubBatch& batch)
{
    ArrayLiteral seq, atMs, hash, mac;
    std::array<ArrayLiteral, HubEntry::kFieldCount> fields;
    for (const HubEntry& e : batch.entries) {
        seq.addNumber(e.seq);
        atMs.addNumber(e.atMs);
        for (size_t i = 0; i < fields.size(); ++i)
            fields[i].add(e.fields[i]);
        hash.addBytea(e.hash);
        mac.addBytea(e.mac);
    }
    QList<std::optional<QByteArray>> params;
    params.reserve(5 + HubEntry::kFieldCount);
    params << QByteArrayLiteral("\\x") + batch.prevHash.toHex() << seq.done() << atMs.done();
    for (const ArrayLiteral& f : fields)
        params << f.done();
    params << hash.done() << mac.done();
    return params;
}

HubSendResult HubSender::send(const HubBatch& batch)
{
    HubSendResult r;
    if (batch.entries.isEmpty()) {
        // Nothing was acknowledged: no position to move to.
        r.error = QStringLiteral("an empty batch is not sent");
        return r;
    }
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
    auto rows = m_conn->exec(kRecord, parameters(batch));
    if (!rows)
        return fail(rows.error());
    if (rows->size() != batch.entries.size())
        return fail(QStringLiteral("the hub answered for %1 of %2 entries")
                        .arg(rows->size())
                        .arg(batch.entries.size()));
    for (qsizetype i = 0; i < rows->size(); ++i) {
        const HubRow& row = rows->at(i);
        const QByteArray answer = row.size() == 1 && row.first() ? *row.first() : QByteArray();
        if (answer == "stored")
            ++r.stored;
        else if (answer == "duplicate")
            ++r.duplicates;
        else if (answer == "fork")
            ++r.forks;
        else
            return fail(QStringLiteral("the hub gave an unknown answer to entry %1")
                            .arg(batch.entries.at(i).seq));
    }
    r.lastSeq = batch.entries.last().seq;
    r.lastHash = batch.entries.last().hash;
    r.ok = true;
    qCInfo(lcHub, "sent entries up to %lld: %d new, %d already held, %d forks", r.lastSeq, r.stored,
           r.duplicates, r.forks);
    return r;
}

} // namespace cpis
