#pragma once

#include "core/audit/AuditAnchor.h"
#include "core/audit/AuditEntry.h"
#include "core/crypto/SecretBytes.h"
#include "core/store/StoreError.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace cpis {

class HmacSha256;

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
        AnchorMissing,  // entries but no anchor: deleting the anchor must not hide a cut
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
    // default of 1 that window is the single append in flight. 0: never on append; the
    // owner calls flushAnchor() off the look-up path (the desk does, see DeskServices), so
    // an append costs no keychain round trip.
    int anchorEvery = 1;
};

// Which store a log belongs to: a random id kept in the log's database, so that the anchor
// of one store is never taken for another's.
struct StoreIdentity
{
    QString id;
    bool created = false; // made by this call: a new store, or one from before ids
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
    // Brings the schema up to date and returns the store's id, making one if there is none.
    static StoreResult<StoreIdentity> identify(SecureDb& db);

    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Stamps seq, time, hash and MAC; committed durably (WAL, synchronous=FULL) before it
    // returns. The returned entry is the stored one. With `settlesPending`, the id of an
    // access noted durably beforehand (PendingAccess), the note is deleted in the same
    // transaction and that commit is not flushed by itself: the note, already on disk, keeps
    // the access until a commit that deletes it is (see PendingAccess).
    StoreResult<AuditEntry> append(AuditEntry entry, qint64 settlesPending = 0);
    // Several entries in one transaction (imports, benchmarks' set-up).
    StoreStatus appendBatch(const QList<AuditEntry>& entries);

    // Walks the whole chain and compares its end with the anchor.
    StoreResult<AuditVerdict> verify();
    // The newest Configuration entry, if there is one (from a partial index, not a walk).
    StoreResult<std::optional<AuditEntry>> latestConfiguration();
    // Reads entries in order from fromSeq; stop early by returning false.
    StoreStatus forEach(const std::function<bool(const AuditEntry&)>& visit, qint64 fromSeq = 1);

    // Saves the anchor for the newest entry this handle wrote, if it is not saved yet.
    // Refused while the anchor is missing (see anchorMissing()): saving a new one would hide
    // the loss.
    StoreStatus flushAnchor();
    // Each is called after every committed append (or batch), on the appending thread, in the
    // order added: the desk schedules its anchor save here and the audit hub's forwarder wakes
    // here, so neither may displace the other. An observer must not append, nor add or clear
    // observers.
    void addAppendObserver(std::function<void()> observer)
    {
        m_appended.push_back(std::move(observer));
    }
    void clearAppendObservers() { m_appended.clear(); }
    qint64 lastSeq() const { return m_lastSeq; }
    // Entries this handle wrote that no saved anchor covers yet.
    bool anchorPending() const { return m_lastSeq != m_anchoredSeq; }
    // The outcome of the last anchor save (by append(), flushAnchor() or adoptAnchor()); the
    // entries themselves are committed even when this fails.
    const StoreStatus& anchorStatus() const { return m_anchorStatus; }
    // The log held entries at open but the anchor store had no anchor for it.
    bool anchorMissing() const { return m_anchorMissing; }
    // For a store from before store ids: takes `legacy` as this store's anchor if it names an
    // entry of this log by its hash (an anchor of another store does not), and saves it.
    StoreStatus adoptAnchor(const AuditAnchor& legacy);

    static QByteArray chainHash(const QByteArray& previousHash, const AuditEntry& e);

private:
    AuditLog(SecureDb& db,
             QByteArray macKey,
             AnchorStore& anchors,
             const Clock& clock,
             AuditLogOptions options);
    StoreStatus load();
    StoreStatus readHead();
    StoreStatus insert(AuditEntry& e);
    StoreStatus appendInTransaction(QList<AuditEntry>& entries, const QList<qint64>& settles = {});
    // At open: notes no entry settled become entries of their own.
    StoreStatus recordUnsettled();
    QByteArray macOf(const QByteArray& hash) const;
    void maybeSaveAnchor();

    SecureDb& m_db;
    // Locked, kept out of core dumps and wiped when the log closes; m_hmac holds it prepared
    // inside libcrypto, which wipes its copy when the context is freed.
    SecretBytes m_macKey;
    mutable std::unique_ptr<HmacSha256> m_hmac;
    AnchorStore& m_anchors;
    const Clock& m_clock;
    AuditLogOptions m_options;
    std::unique_ptr<SqlStatement> m_insert;
    std::unique_ptr<SqlStatement> m_head;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
    qint64 m_anchoredSeq = 0;
    StoreStatus m_anchorStatus;
    bool m_anchorMissing = false;
    std::vector<std::function<void()>> m_appended;
};

} // namespace cpis
