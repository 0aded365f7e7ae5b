// NoticeStore: notices kept per mailbox, each once; newest first; acknowledged ones stay with
// when and by whom; kept across reopen; encrypted on disk.
#include "core/desk/DeskServices.h"
#include "core/notices/NoticeStore.h"
#include "core/store/SecureDb.h"
#include "tests/store/StoreTestUtil.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;
using namespace storetest;

namespace {
const QDateTime kT0(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);

AttendanceNotice notice(const QString& mailbox,
                        const QString& message,
                        const QString& event,
                        qint64 minutesAfter,
                        const QString& nhs = QStringLiteral("9990000018"))
{
    AttendanceNotice n;
    n.mailbox = mailbox;
    n.messageId = message;
    n.eventId = event;
    n.whenUtc = kT0.addSecs(minutesAfter * 60);
    n.viewerName = QStringLiteral("Amelia Hughes");
    n.viewerRole = QStringLiteral("Triage Nurse");
    n.organisationCode = QStringLiteral("RX1");
    n.organisationName = QStringLiteral("Sandbox General Hospital NHS Trust");
    n.nhsNumber = NhsNumber::parse(nhs).value();
    n.localChildId = mailbox + QStringLiteral("-00000001");
    n.planType = PlanType::UnbornChildProtection;
    n.receivedUtc = kT0.addSecs(3600);
    return n;
}
} // namespace

class TestNoticeStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void addsEachNoticeOnce();
    void allIsNewestFirstAndPerMailbox();
    void acknowledgedStayWithWhenAndBy();
    void survivesReopen();
    void isEncrypted();
    void messagesThatAreNotNoticesAndTheirBytesAreKept();

private:
    QString path() const { return SecureStore::path(dir->path(), DeskServices::kNoticesFile); }
    void open();
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<SecureDb> db;
    std::unique_ptr<NoticeStore> store;
};

void TestNoticeStore::init()
{
    dir = std::make_unique<QTemporaryDir>();
    QVERIFY(dir->isValid());
    open();
}

void TestNoticeStore::open()
{
    store.reset();
    db.reset();
    auto opened = SecureDb::open(path(), key('n'));
    QVERIFY(opened);
    db = std::move(opened).value();
    auto s = NoticeStore::open(*db);
    QVERIFY(s);
    store = std::move(s).value();
}

void TestNoticeStore::cleanup()
{
    store.reset();
    db.reset();
    dir.reset();
}

void TestNoticeStore::addsEachNoticeOnce()
{
    const auto a = notice(QStringLiteral("SHE1"), QStringLiteral("m1"), QStringLiteral("e1"), 0);
    const auto b = notice(QStringLiteral("SHE1"), QStringLiteral("m1"), QStringLiteral("e2"), 1);
    auto added = store->add({a, b});
    QVERIFY(added);
    QCOMPARE(added.value(), 2);
    added = store->add({a});
    QVERIFY(added);
    QCOMPARE(added.value(), 0);
    QVERIFY(store->hasMessage(QStringLiteral("SHE1"), QStringLiteral("m1")).value());
    QVERIFY(!store->hasMessage(QStringLiteral("SHE1"), QStringLiteral("m2")).value());
    QVERIFY(!store->hasMessage(QStringLiteral("LEE1"), QStringLiteral("m1")).value());
    const auto all = store->all(QStringLiteral("SHE1"));
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(1), a); // every field back as stored
}

void TestNoticeStore::allIsNewestFirstAndPerMailbox()
{
    QVERIFY(store->add(
        {notice(QStringLiteral("SHE1"), QStringLiteral("m1"), QStringLiteral("e"), 5),
         notice(QStringLiteral("SHE1"), QStringLiteral("m2"), QStringLiteral("e"), 50),
         notice(QStringLiteral("LEE1"), QStringLiteral("m3"), QStringLiteral("e"), 9),
         notice(QStringLiteral("SHE1"), QStringLiteral("m4"), QStringLiteral("e"), 20)}));
    const auto she = store->all(QStringLiteral("SHE1"));
    QVERIFY(she);
    QStringList ids;
    for (const auto& n : she.value())
        ids << n.messageId;
    QCOMPARE(ids, (QStringList{QStringLiteral("m2"), QStringLiteral("m4"), QStringLiteral("m1")}));
    QCOMPARE(store->all(QStringLiteral("LEE1"))->size(), 1);
    QVERIFY(store->all(QStringLiteral("XYZ"))->isEmpty());
}

void TestNoticeStore::acknowledgedStayWithWhenAndBy()
{
    QVERIFY(store->add(
        {notice(QStringLiteral("SHE1"), QStringLiteral("m1"), QStringLiteral("e1"), 0),
         notice(QStringLiteral("SHE1"), QStringLiteral("m1"), QStringLiteral("e2"), 0),
         notice(QStringLiteral("SHE1"), QStringLiteral("m2"), QStringLiteral("e1"), 0)}));
    const QDateTime at = kT0.addDays(1);
    QVERIFY(store->markAcknowledged(QStringLiteral("SHE1"), QStringLiteral("m1"), at,
                                    QStringLiteral("Sam Okafor (555000000005)")));
    // Once: a second acknowledgement does not rewrite who did it first.
    QVERIFY(store->markAcknowledged(QStringLiteral("SHE1"), QStringLiteral("m1"), at.addDays(1),
                                    QStringLiteral("Someone Else")));
    const auto m1 = store->message(QStringLiteral("SHE1"), QStringLiteral("m1"));
    QVERIFY(m1);
    QCOMPARE(m1->size(), 2);
    for (const auto& n : m1.value()) {
        QVERIFY(n.isAcknowledged());
        QCOMPARE(n.acknowledgedUtc, at);
        QCOMPARE(n.acknowledgedBy, QStringLiteral("Sam Okafor (555000000005)"));
    }
    QVERIFY(
        !store->message(QStringLiteral("SHE1"), QStringLiteral("m2"))->first().isAcknowledged());
    // A message acknowledged here stays held, so a check never fetches it as new again.
    QCOMPARE(
        store->add({notice(QStringLiteral("SHE1"), QStringLiteral("m1"), QStringLiteral("e1"), 0)})
            .value(),
        0);
    QVERIFY(store->message(QStringLiteral("SHE1"), QStringLiteral("m1"))->first().isAcknowledged());
}

void TestNoticeStore::survivesReopen()
{
    QVERIFY(store->add(
        {notice(QStringLiteral("SHE1"), QStringLiteral("m1"), QStringLiteral("e1"), 0)}));
    QVERIFY(store->markAcknowledged(QStringLiteral("SHE1"), QStringLiteral("m1"), kT0.addDays(1),
                                    QStringLiteral("Sam")));
    QVERIFY(store->add(
        {notice(QStringLiteral("SHE1"), QStringLiteral("m2"), QStringLiteral("e1"), 3)}));
    open();
    const auto all = store->all(QStringLiteral("SHE1"));
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QVERIFY(!all->at(0).isAcknowledged());
    QVERIFY(all->at(1).isAcknowledged());
    QCOMPARE(all->at(1).acknowledgedBy, QStringLiteral("Sam"));
}

void TestNoticeStore::isEncrypted()
{
    AttendanceNotice n =
        notice(QStringLiteral("SHE1"), QStringLiteral("m1"), QStringLiteral("e1"), 0);
    n.viewerName = QStringLiteral("MARKERVIEWER");
    QVERIFY(store->add({n}));
    store.reset();
    db.reset();
    const QByteArray bytes = allFileBytes(path());
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains("MARKERVIEWER"));
    QVERIFY(!bytes.contains("9990000018"));
    QVERIFY(!bytes.contains("SQLite format 3"));
    QVERIFY(!SecureDb::open(path(), key('x')));
}

void TestNoticeStore::messagesThatAreNotNoticesAndTheirBytesAreKept()
{
    // A notice naming the child by the authority's id only, a message that could not be read
    // and a delivery error: all kept, all read back as they were.
    AttendanceNotice localOnly =
        notice(QStringLiteral("SHE1OT001"), QStringLiteral("m1"), QStringLiteral("q1"), 1);
    localOnly.nhsNumber = NhsNumber();
    localOnly.planType.reset();
    localOnly.systemId = QStringLiteral("200000000101");
    localOnly.fileId = QStringLiteral("SHE1-UPLOAD-0001");
    AttendanceNotice unreadable;
    unreadable.kind = AttendanceNotice::Kind::Unreadable;
    unreadable.mailbox = QStringLiteral("SHE1OT001");
    unreadable.messageId = QStringLiteral("m2");
    unreadable.whenUtc = unreadable.receivedUtc = kT0;
    unreadable.problem = QStringLiteral("line 1: not XML");
    AttendanceNotice report = unreadable;
    report.kind = AttendanceNotice::Kind::DeliveryError;
    report.messageId = QStringLiteral("m3");
    report.problem = QStringLiteral("MESH error report 15");
    QCOMPARE(store->add({localOnly, unreadable, report}).value(), 3);
    open(); // from disk
    QCOMPARE(store->message(QStringLiteral("SHE1OT001"), QStringLiteral("m1")).value(),
             QList<AttendanceNotice>{localOnly});
    QCOMPARE(store->message(QStringLiteral("SHE1OT001"), QStringLiteral("m2")).value(),
             QList<AttendanceNotice>{unreadable});
    QCOMPARE(store->message(QStringLiteral("SHE1OT001"), QStringLiteral("m3")).value(),
             QList<AttendanceNotice>{report});

    // A payload in pieces, read back whole and in order, refused past a limit, then let go.
    const QByteArray a(300000, 'a'), b(5, 'b');
    QVERIFY(store->appendPayload(QStringLiteral("SHE1OT001"), QStringLiteral("m2"), 0, a).ok());
    QVERIFY(store->appendPayload(QStringLiteral("SHE1OT001"), QStringLiteral("m2"), 1, b).ok());
    QCOMPARE(store->payloadSize(QStringLiteral("SHE1OT001"), QStringLiteral("m2")).value(),
             qint64(a.size() + b.size()));
    QCOMPARE(store->payload(QStringLiteral("SHE1OT001"), QStringLiteral("m2"), 1 << 20).value(),
             a + b);
    QVERIFY(!store->payload(QStringLiteral("SHE1OT001"), QStringLiteral("m2"), 1000).ok());
    QVERIFY(store->clearPayload(QStringLiteral("SHE1OT001"), QStringLiteral("m2")).ok());
    QCOMPARE(store->payloadSize(QStringLiteral("SHE1OT001"), QStringLiteral("m2")).value(), 0);
}

QTEST_GUILESS_MAIN(TestNoticeStore)
#include "tst_noticestore.moc"
