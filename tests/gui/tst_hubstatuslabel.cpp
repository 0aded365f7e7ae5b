// The status bar's audit hub line follows the forwarder: entries waiting, and why the hub is
// not reached.
#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/hub/HubForwarder.h"
#include "core/store/SecureDb.h"
#include "ui/shell/HubStatusLabel.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;

class TestHubStatusLabel : public QObject
{
    Q_OBJECT
private slots:
    void showsWhatWaitsAndWhy();
};

void TestHubStatusLabel::showsWhatWaitsAndWhy()
{
    QTemporaryDir dir;
    auto db = SecureDb::open(dir.filePath(QStringLiteral("audit.db")),
                             QByteArray(SecureDb::kKeyBytes, 'a'));
    QVERIFY(db);
    ManualClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 5), Qt::UTC));
    MemoryAnchorStore anchors;
    auto log = AuditLog::open(*db.value(), QByteArray(SecureDb::kKeyBytes, 'm'), anchors, clock);
    QVERIFY(log);
    // No password and no client certificate: the forwarder can never send, and says why.
    HubAddress address;
    address.url = QUrl(QStringLiteral("postgresql://desk_gui@hub.invalid:5432/cpis_hub"));
    auto hub = HubForwarder::create(*db.value(), address, clock, {});
    QVERIFY(hub);
    log.value()->addAppendObserver([f = hub.value().get()] { f->wake(); });

    ui::HubStatusLabel label(hub.value().get());
    QCOMPARE(label.objectName(), QStringLiteral("hubStatus"));
    QCOMPARE(label.text(), QStringLiteral("Audit hub not reached: 0 waiting"));
    for (int i = 0; i < 2; ++i) {
        AuditEntry e;
        e.userId = QStringLiteral("555000000001");
        e.action = AuditEntry::Action::SignIn;
        QVERIFY(log.value()->append(e));
    }
    QTRY_COMPARE(label.text(), QStringLiteral("Audit hub not reached: 2 waiting"));
    QCOMPARE(label.accessibleName(), label.text());
    QVERIFY(label.toolTip().contains(QStringLiteral("postgresql://hub.invalid:5432/cpis_hub")));
    QVERIFY(label.toolTip().contains(QStringLiteral("no password")));
    QVERIFY(!label.toolTip().contains(QStringLiteral("desk_gui")));
}

QTEST_MAIN(TestHubStatusLabel)
#include "tst_hubstatuslabel.moc"
