// The access is noted ahead (AccessAuditor::notePending) while CP-IS is asked, and the answer
// waits for the note: nothing is recorded as answered or handed over while the access is not
// yet on disk, and the entry with the outcome names the note it settles.
#include "tests/support/LookupServiceRig.h"

namespace {

// Holds each note until the test says it is on disk.
class HoldingAuditor final : public AccessAuditor
{
public:
    QList<AccessEvent> events;
    QList<AccessEvent> notes;
    QList<Noted> held;
    Status<Error> record(const UserSession&, const AccessEvent& e) override
    {
        events.append(e);
        return {};
    }
    void notePending(const UserSession&, const AccessEvent& e, QObject*, Noted done) override
    {
        notes.append(e);
        held.append(std::move(done));
    }
};

struct NoteRig
{
    Rig rig;
    HoldingAuditor auditor;
    LookupService service{
        &rig.client, &rig.cache, &auditor, &rig.clock, {SiteType::UnscheduledCare}};
    std::optional<LookupResult> out;
    QObject ctx;

    NoteRig()
    {
        service.setSession(nurse(rig.clock.nowUtc()));
        rig.serveChildOnAPlan();
    }
    void confirm()
    {
        std::optional<TracedPerson> person;
        service.trace(nhs("9000000009"), &ctx,
                      [&](const TracedPerson& p, const LookupResult&) { person = p; });
        QTRY_VERIFY(person.has_value());
        QVERIFY(person->isValid());
        QVERIFY(auditor.notes.isEmpty()); // not before the user confirmed
        QVERIFY(service.queryConfirmed(*person, &ctx, [this](const LookupResult& r) { out = r; }));
    }
};

} // namespace

class TestLookupNote : public QObject
{
    Q_OBJECT
private slots:
    void answerWaitsForTheNote();
    void noteDoneFirstAddsNoWait();
    void failedNoteLeavesTheEntryToStandAlone();
    void abortWhileNotingSettlesTheNote();
};

void TestLookupNote::answerWaitsForTheNote()
{
    NoteRig r;
    r.confirm();
    QCOMPARE(r.auditor.notes.size(), 1);
    QCOMPARE(r.auditor.notes.first().subject, nhs("9000000009"));
    QCOMPARE(r.auditor.notes.first().action, AuditEntry::Action::LookUp);
    // CP-IS has answered (the answer is in the offline copy) but the note is not on disk:
    // nothing is recorded as answered and nothing is handed over.
    QTRY_COMPARE(r.rig.cache.saves, 1);
    QCoreApplication::processEvents();
    QVERIFY(!r.out.has_value());
    QVERIFY(r.auditor.events.isEmpty());

    r.auditor.held.takeFirst()(qint64(42));
    QTRY_VERIFY(r.out.has_value());
    QCOMPARE(r.out->state, State::PlansFound);
    QVERIFY(!r.out->auditFailed);
    QCOMPARE(r.auditor.events.size(), 1);
    QCOMPARE(r.auditor.events.first().outcome, AuditEntry::Outcome::PlansFound);
    QCOMPARE(r.auditor.events.first().settlesNote, qint64(42));
}

void TestLookupNote::noteDoneFirstAddsNoWait()
{
    NoteRig r;
    r.confirm();
    QCOMPARE(r.auditor.held.size(), 1);
    r.auditor.held.takeFirst()(qint64(7)); // on disk before CP-IS answers
    QTRY_VERIFY(r.out.has_value());
    QCOMPARE(r.out->state, State::PlansFound);
    QCOMPARE(r.auditor.events.size(), 1);
    QCOMPARE(r.auditor.events.first().settlesNote, qint64(7));
}

void TestLookupNote::failedNoteLeavesTheEntryToStandAlone()
{
    NoteRig r;
    r.confirm();
    QTRY_COMPARE(r.rig.cache.saves, 1);
    r.auditor.held.takeFirst()(AccessAuditor::Error{QStringLiteral("disk full")});
    QTRY_VERIFY(r.out.has_value());
    QCOMPARE(r.auditor.events.size(), 1);
    // No note to settle: the entry is flushed by itself before the answer is handed over.
    QCOMPARE(r.auditor.events.first().settlesNote, qint64(0));
    QCOMPARE(r.out->state, State::PlansFound);
}

// Esc while the query is out and its note not yet on disk: the one entry waits for the note's id
// and settles it, so the access is not recorded a second time when the log is next opened.
void TestLookupNote::abortWhileNotingSettlesTheNote()
{
    NoteRig r;
    auto screen = std::make_unique<QObject>();
    std::optional<TracedPerson> person;
    r.service.trace(nhs("9000000009"), screen.get(),
                    [&](const TracedPerson& p, const LookupResult&) { person = p; });
    QTRY_VERIFY(person.has_value());
    QVERIFY(r.service.queryConfirmed(*person, screen.get(),
                                     [&](const LookupResult& out) { r.out = out; }));
    QCOMPARE(r.auditor.held.size(), 1);
    screen.reset(); // the nurse pressed Esc: the query in flight is aborted
    QCoreApplication::processEvents();
    QVERIFY(r.auditor.events.isEmpty()); // not before the note has its id
    r.auditor.held.takeFirst()(qint64(11));
    QTRY_COMPARE(r.auditor.events.size(), 1);
    QCOMPARE(r.auditor.events.first().settlesNote, qint64(11));
    QVERIFY(r.auditor.events.first().outcomeDetail.contains(QStringLiteral("abandoned")));
    QVERIFY(!r.out.has_value());
}

QTEST_GUILESS_MAIN(TestLookupNote)
#include "tst_lookupnote.moc"
