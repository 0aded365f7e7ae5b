// A process killed with SIGKILL mid-append loses nothing whose append had returned, and
// leaves a chain that verifies.
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/store/SecureDb.h"
#include "tests/store/StoreTestUtil.h"

#include <QHash>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace cpis;
using namespace storetest;

class TestAuditCrash : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void sigkillLosesNoReturnedAppend();
    void sigkillAfterTheNoteKeepsTheAccess();
};

void TestAuditCrash::sigkillLosesNoReturnedAppend()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.db"));
    const QByteArray dbKey = key('d');
    const QByteArray macKey = key('h');

    QSet<QString> reported;
    qint64 highest = 0;
    for (int round = 0; round < 2; ++round) { // the second round appends after a crash
        QProcess child;
        child.start(QStringLiteral(CPIS_STORE_HELPER),
                    {QStringLiteral("append-loop"), path, QString::fromLatin1(dbKey.toHex()),
                     QString::fromLatin1(macKey.toHex())});
        QVERIFY(child.waitForStarted());
        QByteArray pending;
        const int target = 150 + round * 50;
        int seen = 0;
        auto drain = [&] {
            pending += child.readAllStandardOutput();
            int nl;
            while ((nl = int(pending.indexOf('\n'))) >= 0) {
                const QList<QByteArray> parts = pending.left(nl).split(' ');
                pending.remove(0, nl + 1);
                if (parts.size() == 3 && parts.at(0) == "appended") {
                    reported.insert(QString::fromLatin1(parts.at(2) + '@' + parts.at(1)));
                    highest = qMax(highest, parts.at(1).toLongLong());
                    ++seen;
                }
            }
        };
        QTRY_VERIFY_WITH_TIMEOUT((drain(), seen >= target || child.state() != QProcess::Running),
                                 30000);
        QCOMPARE(child.state(), QProcess::Running);
        ::kill(pid_t(child.processId()), SIGKILL); // mid-loop, no chance to clean up
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        drain(); // lines written before the kill are still in the pipe
    }
    QVERIFY(reported.size() >= 350);

    auto db = SecureDb::open(path, dbKey);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    // The child's anchors lived in its memory and died with it; what survives on a desk is at
    // least the anchor made when the log was new, at entry 0 (a log with entries and no anchor
    // at all is tampering).
    MemoryAnchorStore anchors;
    anchors.set(AuditAnchor{0, QByteArray(32, '\0')});
    auto log = AuditLog::open(*db.value(), macKey, anchors, clock);
    QVERIFY(log);
    auto v = log.value()->verify();
    QVERIFY(v);
    QVERIFY2(v.value().ok(), qPrintable(v.value().message));
    QVERIFY(log.value()->lastSeq() >= highest);

    QSet<QString> stored;
    QVERIFY(log.value()->forEach([&](const AuditEntry& e) {
        stored.insert(e.requestId + QLatin1Char('@') + QString::number(e.seq));
        return true;
    }));
    // Request ids restart in each round, so an entry is its request id at its seq.
    for (const QString& id : reported)
        QVERIFY2(stored.contains(id), qPrintable(id));
}

// The look-up's order: the access noted durably (the answer may be shown from then on), then
// the entry with the outcome, committed without a flush of its own. Killed after a note and
// before its outcome, every access reported noted is in the log at the next open exactly
// once: the settled ones as their outcome's entry, the last as an entry saying its outcome
// was not recorded.
void TestAuditCrash::sigkillAfterTheNoteKeepsTheAccess()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.db"));
    const QByteArray dbKey = key('d');
    const QByteArray macKey = key('h');
    QProcess child;
    child.start(QStringLiteral(CPIS_STORE_HELPER),
                {QStringLiteral("note-loop"), path, QString::fromLatin1(dbKey.toHex()),
                 QString::fromLatin1(macKey.toHex()), QStringLiteral("100")});
    QVERIFY(child.waitForStarted());
    QSet<QString> noted, settled;
    QByteArray pending;
    auto drain = [&] {
        pending += child.readAllStandardOutput();
        int nl;
        while ((nl = int(pending.indexOf('\n'))) >= 0) {
            const QList<QByteArray> parts = pending.left(nl).split(' ');
            pending.remove(0, nl + 1);
            if (parts.size() == 2 && parts.at(0) == "noted")
                noted.insert(QString::fromLatin1(parts.at(1)));
            else if (parts.size() == 3 && parts.at(0) == "settled")
                settled.insert(QString::fromLatin1(parts.at(2)));
        }
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        (drain(), noted.contains(QStringLiteral("req-100")) || child.state() != QProcess::Running),
        30000);
    QCOMPARE(child.state(), QProcess::Running);
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(10000));
    drain();
    QCOMPARE(noted.size(), 101);
    QCOMPARE(settled.size(), 100);

    auto db = SecureDb::open(path, dbKey);
    QVERIFY(db);
    ManualClock clock(QDateTime::currentDateTimeUtc());
    MemoryAnchorStore anchors;
    anchors.set(AuditAnchor{0, QByteArray(32, '\0')});
    auto log = AuditLog::open(*db.value(), macKey, anchors, clock);
    QVERIFY(log);
    auto v = log.value()->verify();
    QVERIFY(v);
    QVERIFY2(v.value().ok(), qPrintable(v.value().message));
    QHash<QString, QList<AuditEntry::Outcome>> stored;
    QVERIFY(log.value()->forEach([&](const AuditEntry& e) {
        stored[e.requestId] << e.outcome;
        return true;
    }));
    for (const QString& id : std::as_const(noted)) {
        QVERIFY2(stored.value(id).size() == 1, qPrintable(id));
        if (settled.contains(id))
            QCOMPARE(stored.value(id).first(), AuditEntry::Outcome::NoRecord);
    }
    QCOMPARE(stored.value(QStringLiteral("req-100")).first(), AuditEntry::Outcome::Requested);
    QCOMPARE(log.value()->lastSeq(), qint64(101));
}

QTEST_GUILESS_MAIN(TestAuditCrash)
#include "tst_auditcrash.moc"
