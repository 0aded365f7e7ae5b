#pragma once

#include "core/audit/AuditAnchor.h"
#include "core/audit/AuditEntry.h"
#include "core/store/StoreError.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace cpis {

class Clock;
class SecureDb;
class SqlStatement;

// What verify() found. ok() or the first entry that is wrong and why.
struct AuditVerdict
{
    enum class Problem
    {
        None,
        Missing,        // a sequence number is absent (deleted row)
        HashMismatch,   // fields, order or predecessor changed
        MacMismatch,    // hash recomputed without the key, or MAC edited
        Truncated,      // fewer entries than the anchor records
        AnchorMismatch, // the anchored entry's hash differs from the anchor
    };
    Problem problem = Problem::None;
    qint64 entries = 0;     // entries read
    qint64 firstBadSeq = 0; // 0 when ok
    QString message;        // names the entry; no personal data
    bool ok() const { return problem == Problem::None; }
};

struct AuditLogOptions
{
    // The anchor is saved every N appends (and by flushAnchor() and on destruction).
    // Entries newer than the last saved anchor could be cut off unnoticed: with the
    // default of 1 that window is the single append in flight. Raise it only where the
    // anchor store is slow and appends are frequent.
    int anchorEvery = 1;
};

// Append-only, hash-chained, HMAC-sealed audit log in its own SQLCipher database.
class AuditLog
{
public:
    static StoreResult<std::unique_ptr<AuditLog>> open(SecureDb& db,
                                                       const QByteArray& macKey,
                                                       AnchorStore& anchors,
                                                       const Clock& clock,
                                                       AuditLogOptions options = {});
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Stamps seq, time, hash and MAC; committed durably (WAL, synchronous=FULL) before it
    // returns. The returned entry is the stored one.
    StoreResult<AuditEntry> append(AuditEntry entry);
    // Several entries in one transaction (imports, benchmarks' set-up).
    StoreStatus appendBatch(const QList<AuditEntry>& entries);

    // Walks the whole chain and compares its end with the anchor.
    StoreResult<AuditVerdict> verify();
    // The newest Configuration entry, if there is one (from a partial index, not a walk).
    StoreResult<std::optional<AuditEntry>> latestConfiguration();
    // Reads entries in order from fromSeq; stop early by returning false.
    StoreStatus forEach(const std::function<bool(const AuditEntry&)>& visit, qint64 fromSeq = 1);

    StoreStatus flushAnchor();
    // Called after each append (or batch) is committed, on the appending thread; the audit
    // hub's forwarder listens here. Must not append.
    void setAppendedHook(std::function<void()> hook) { m_appended = std::move(hook); }
    qint64 lastSeq() const { return m_lastSeq; }
    // The outcome of the last anchor save attempted by append(); the entry itself is
    // committed even when this fails.
    const StoreStatus& anchorStatus() const { return m_anchorStatus; }

    static QByteArray chainHash(const QByteArray& previousHash, const AuditEntry& e);

private:
    AuditLog(SecureDb& db,
             QByteArray macKey,
             AnchorStore& anchors,
             const Clock& clock,
             AuditLogOptions options);
    StoreStatus load();
    StoreStatus insert(AuditEntry& e);
    QByteArray macOf(const QByteArray& hash) const;
    void maybeSaveAnchor();

    SecureDb& m_db;
    QByteArray m_macKey;
    AnchorStore& m_anchors;
    const Clock& m_clock;
    AuditLogOptions m_options;
    std::unique_ptr<SqlStatement> m_insert;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
    qint64 m_anchoredSeq = 0;
    StoreStatus m_anchorStatus;
    std::function<void()> m_appended;
};

} // namespace cpis
