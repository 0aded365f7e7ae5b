// Accesses noted ahead of their outcome (PendingAccess): the note is durable on its own
// connection and thread, the entry with the outcome settles it, and a note never settled
// becomes an entry at the next open, so the access is never lost.
#include "core/audit/PendingAccess.h"
#include "core/audit/PendingAccessRecorder.h"
#include "tests/store/AuditLogRig.h"

#include <QThread>

using namespace cpis;
using namespace storetest;

class TestPendingAccess : public AuditLogRig
{
    Q_OBJECT
private slots:
    void init() { openRig(); }
    void cleanup() { closeRig(); }
    void settledNoteLeavesOneEntry();
    void unsettledNoteBecomesAnEntryAtOpen();
    void onlyASettledNoteSkipsTheFlush();
    void recorderNotesOnItsOwnThread();
    void recorderDropsTheAnswerForAGoneCaller();

private:
    qint64 note(const AuditEntry& e)
    {
        auto id = PendingAccess::note(*db, e);
        return id ? id.value() : -1;
    }
    int notesLeft()
    {
        auto left = PendingAccess::unsettled(*db);
        return left ? int(left.value().size()) : -1;
    }
    void reopen()
    {
        log.reset();
        auto l = AuditLog::open(*db, key('m'), anchors, *clock);
        QVERIFY(l);
        log = std::move(l).value();
    }
    QList<AuditEntry> entries()
    {
        QList<AuditEntry> all;
        (void)log->forEach([&](const AuditEntry& e) {
            all << e;
            return true;
        });
        return all;
    }
};

void TestPendingAccess::settledNoteLeavesOneEntry()
{
    AuditEntry e = sample(1);
    e.atUtc = clock->nowUtc();
    const qint64 id = note(e);
    QVERIFY(id > 0);
    QCOMPARE(notesLeft(), 1);
    clock->advanceMSecs(40);
    QVERIFY(log->append(e, id));
    QCOMPARE(notesLeft(), 0);
    reopen();
    const auto all = entries();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().outcome, e.outcome);
    auto v = log->verify();
    QVERIFY(v && v.value().ok());
}

void TestPendingAccess::unsettledNoteBecomesAnEntryAtOpen()
{
    fill(2);
    AuditEntry e = sample(7);
    e.atUtc = clock->nowUtc();
    QVERIFY(note(e) > 0);
    // The desk stopped between the note and the outcome.
    clock->advanceMSecs(60000);
    reopen();
    QCOMPARE(notesLeft(), 0);
    auto all = entries();
    QCOMPARE(all.size(), 3);
    const AuditEntry& orphan = all.last();
    QCOMPARE(orphan.outcome, AuditEntry::Outcome::Requested);
    QCOMPARE(orphan.userId, e.userId);
    QCOMPARE(orphan.userName, e.userName);
    QCOMPARE(orphan.nhsNumber, e.nhsNumber);
    QCOMPARE(orphan.action, e.action);
    QCOMPARE(orphan.workstation, e.workstation);
    QCOMPARE(orphan.outcomeDetail, QStringLiteral("outcome-not-recorded asked-at=") +
                                       e.atUtc.toString(Qt::ISODateWithMs));
    auto v = log->verify();
    QVERIFY(v && v.value().ok());
    // Recorded once: opening again adds nothing.
    reopen();
    QCOMPARE(entries().size(), 3);
}

void TestPendingAccess::onlyASettledNoteSkipsTheFlush()
{
    AuditEntry e = sample(3);
    e.atUtc = clock->nowUtc();
    const qint64 id = note(e);
    {
        const PendingAccess::UnflushedCommit noted(*db, {id});
        QVERIFY(noted.active());
        QCOMPARE(db->durability(), SecureDb::Durability::AtCheckpoint);
    }
    QCOMPARE(db->durability(), SecureDb::Durability::EveryCommit);
    {
        // No note, or one that is not there: the entry is flushed by itself.
        const PendingAccess::UnflushedCommit none(*db, {});
        QVERIFY(!none.active());
        const PendingAccess::UnflushedCommit unknown(*db, {id + 1000});
        QVERIFY(!unknown.active());
        QCOMPARE(db->durability(), SecureDb::Durability::EveryCommit);
    }
    QVERIFY(log->append(e, id));
    QCOMPARE(db->durability(), SecureDb::Durability::EveryCommit);
}

void TestPendingAccess::recorderNotesOnItsOwnThread()
{
    auto sibling = db->openSibling();
    QVERIFY(sibling);
    PendingAccessRecorder recorder(std::move(sibling.value()));
    AuditEntry e = sample(4);
    e.atUtc = clock->nowUtc();
    std::optional<StoreResult<qint64>> got;
    QThread* answeredOn = nullptr;
    QObject caller;
    recorder.note(e, &caller, [&](const StoreResult<qint64>& id) {
        answeredOn = QThread::currentThread();
        got = id;
    });
    QVERIFY(!got); // never synchronously
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->ok());
    QCOMPARE(answeredOn, QThread::currentThread());
    // On disk and visible to the log's own connection.
    auto noted = PendingAccess::isNoted(*db, got->value());
    QVERIFY(noted && noted.value());
    QVERIFY(log->append(e, got->value()));
    QCOMPARE(notesLeft(), 0);
}

void TestPendingAccess::recorderDropsTheAnswerForAGoneCaller()
{
    auto sibling = db->openSibling();
    QVERIFY(sibling);
    PendingAccessRecorder recorder(std::move(sibling.value()));
    AuditEntry e = sample(5);
    e.atUtc = clock->nowUtc();
    bool called = false;
    auto caller = std::make_unique<QObject>();
    recorder.note(e, caller.get(), [&](const StoreResult<qint64>&) { called = true; });
    caller.reset();
    // The note is still written: the access was made whether or not anyone hears of it.
    QTRY_COMPARE(notesLeft(), 1);
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestPendingAccess)
#include "tst_pendingaccess.moc"
