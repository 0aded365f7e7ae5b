#pragma once

// Shared by the audit-log tests: a fresh encrypted database and log per test function, a
// manual clock and an in-memory anchor, plus the tampering a key holder could do.
#include "core/audit/AuditAnchor.h"
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/store/SecureDb.h"
#include "tests/store/StoreTestUtil.h"

#include <QDateTime>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace storetest {

// A base for the test classes, so their functions keep reading the fixture directly.
class AuditLogRig : public QObject
{
protected:
    void openRig()
    {
        using namespace cpis;
        dir = std::make_unique<QTemporaryDir>();
        path = dir->filePath(QStringLiteral("audit.db"));
        clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
        anchors.set(std::nullopt);
        auto opened = SecureDb::open(path, key('a'));
        QVERIFY(opened);
        db = std::move(opened).value();
        auto l = AuditLog::open(*db, key('m'), anchors, *clock);
        QVERIFY(l);
        log = std::move(l).value();
    }

    void closeRig()
    {
        log.reset();
        db.reset();
        dir.reset();
    }

    cpis::AuditEntry sample(int i) const
    {
        using cpis::AuditEntry;
        AuditEntry e;
        e.userId = QStringLiteral("5550001112%1").arg(i % 10);
        e.userName = QStringLiteral("Nurse %1").arg(i);
        e.role = QStringLiteral("R8001");
        e.organisation = QStringLiteral("RXX01");
        e.action = i % 3 == 0 ? AuditEntry::Action::View : AuditEntry::Action::LookUp;
        e.nhsNumber = QStringLiteral("94347659%1").arg(10 + i % 90);
        e.outcome = i % 4 == 0 ? AuditEntry::Outcome::PlansFound : AuditEntry::Outcome::NoRecord;
        e.outcomeDetail = i % 5 == 0 ? QStringLiteral("from-cache") : QString();
        e.workstation = QStringLiteral("ED-WS-07");
        e.reason = i % 2 ? QStringLiteral("Attending ED") : QString();
        e.requestId = QStringLiteral("req-%1").arg(i);
        return e;
    }

    void fill(int n)
    {
        for (int i = 1; i <= n; ++i) {
            clock->advanceMSecs(1500);
            QVERIFY(log->append(sample(i)));
        }
    }

    // What someone holding the database key can do: a second connection, triggers dropped.
    void tamper(const QByteArray& sql)
    {
        auto other = cpis::SecureDb::open(path, key('a'));
        QVERIFY(other);
        QVERIFY(other.value()->exec("DROP TRIGGER IF EXISTS audit_no_update; "
                                    "DROP TRIGGER IF EXISTS audit_no_delete"));
        auto s = other.value()->exec(sql.constData());
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
    }

    cpis::AuditVerdict verdict()
    {
        auto v = log->verify();
        if (!v)
            qWarning("verify failed to run: %s", qPrintable(v.error().message));
        return v ? v.value() : cpis::AuditVerdict{cpis::AuditVerdict::Problem::None, -1, -1, {}};
    }

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<cpis::ManualClock> clock;
    std::unique_ptr<cpis::SecureDb> db;
    cpis::MemoryAnchorStore anchors;
    std::unique_ptr<cpis::AuditLog> log;
    QString path;
};

} // namespace storetest
