// Audit log exports: FHIR AuditEvent NDJSON and CSV, and the stable outcome codes both
// carry instead of display text.
#include "core/audit/AuditExport.h"
#include "core/audit/AuditLog.h"
#include "tests/store/AuditLogRig.h"
#include "tests/store/StoreTestUtil.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace cpis;
using namespace storetest;

class TestAuditExport : public AuditLogRig
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { openRig(); }
    void cleanup() { closeRig(); }
    void exportsFhirNdjson();
    void exportsCsv();
    void outcomeCodesAreDistinctAndStable();
    void outcomesExportByCodeNotByText();
};

void TestAuditExport::exportsFhirNdjson()
{
    fill(4);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    auto n = AuditExport::writeFhirNdjson(*log, out);
    QVERIFY(n);
    QCOMPARE(n.value(), 4);
    const QList<QByteArray> lines = out.data().split('\n');
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.last().isEmpty());
    QJsonParseError err;
    const QJsonObject ev = QJsonDocument::fromJson(lines.at(1), &err).object();
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(ev.value(QLatin1String("resourceType")).toString(), QStringLiteral("AuditEvent"));
    QCOMPARE(ev.value(QLatin1String("id")).toString(), QStringLiteral("cpis-desk-2"));
    QCOMPARE(ev.value(QLatin1String("recorded")).toString(),
             QStringLiteral("2026-03-01T08:00:03.000Z"));
    QCOMPARE(ev.value(QLatin1String("action")).toString(), QStringLiteral("R"));
    const QJsonObject who = ev.value(QLatin1String("agent"))[0][QLatin1String("who")].toObject();
    QCOMPARE(who.value(QLatin1String("display")).toString(), QStringLiteral("Nurse 2"));
    QCOMPARE(ev.value(QLatin1String("entity"))[0][QLatin1String("what")]
                                              [QLatin1String("identifier")][QLatin1String("value")]
                                                  .toString(),
             QStringLiteral("9434765912"));
    QCOMPARE(ev.value(QLatin1String("extension"))[0][QLatin1String("valueString")].toString(),
             QStringLiteral("req-2"));
}

void TestAuditExport::exportsCsv()
{
    AuditEntry e = sample(1);
    e.reason = QStringLiteral("=HYPERLINK(\"x\"), \"quoted\"");
    clock->advanceMSecs(1500);
    QVERIFY(log->append(e));
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QCOMPARE(AuditExport::writeCsv(*log, out).value(), 1);
    const QList<QByteArray> lines = out.data().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith("seq,recorded_utc,user_id"));
    QVERIFY2(lines.at(1).contains(",\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\","),
             lines.at(1).constData());
    QVERIFY(lines.at(1).startsWith("1,2026-03-01T08:00:01.500Z,"));
}

// The codes are stored in the sealed log and read by the information-governance team: each
// value has its own, it reads back to the same value, and none ever changes.
void TestAuditExport::outcomeCodesAreDistinctAndStable()
{
    using O = AuditEntry::Outcome;
    const QList<std::pair<O, QString>> shipped{
        {O::Success, QStringLiteral("ok")},
        {O::PlansFound, QStringLiteral("plans-found")},
        {O::NoRecord, QStringLiteral("no-record")},
        {O::CouldNotCheck, QStringLiteral("could-not-check")},
        {O::Requested, QStringLiteral("requested")},
        {O::NotAtService, QStringLiteral("not-at-service")},
        {O::Failed, QStringLiteral("failed")},
        {O::Cancelled, QStringLiteral("cancelled")},
    };
    for (const auto& [outcome, code] : shipped)
        QCOMPARE(AuditEntry::outcomeCode(outcome), code);

    // Every value of the enum, counted without the list: one added later without a code, or
    // left out of allOutcomes(), stops here.
    QSet<QString> codes;
    int values = 0;
    for (int i = 0; !AuditEntry::outcomeCode(O(i)).isEmpty(); ++i, ++values) {
        const QString code = AuditEntry::outcomeCode(O(i));
        QVERIFY2(!codes.contains(code), qPrintable(code));
        codes.insert(code);
        // The stored form is the code, a space, the detail: a code holds no space.
        QVERIFY2(!code.contains(u' '), qPrintable(code));
        QCOMPARE(AuditEntry::outcomeFromCode(code), std::optional(O(i)));
    }
    QCOMPARE(qsizetype(values), AuditEntry::allOutcomes().size());
    QCOMPARE(qsizetype(values), shipped.size());
    QVERIFY(!AuditEntry::outcomeFromCode(QStringLiteral("no-plan")));
}

void TestAuditExport::outcomesExportByCodeNotByText()
{
    AuditEntry e = sample(1);
    e.action = AuditEntry::Action::ListSync;
    e.nhsNumber.clear();
    e.outcome = AuditEntry::Outcome::Cancelled;
    e.outcomeDetail = QStringLiteral("after 3 Patient, 2 CareTeam");
    QVERIFY(log->append(e));
    // A detail that reads like a failure does not make a success one.
    e.outcome = AuditEntry::Outcome::Success;
    e.outcomeDetail = QStringLiteral("could-not-check failed denied error");
    QVERIFY(log->append(e));

    QList<AuditEntry> read;
    QVERIFY(log->forEach([&](const AuditEntry& r) {
        read.append(r);
        return true;
    }));
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0).outcome, AuditEntry::Outcome::Cancelled);
    QCOMPARE(read.at(0).outcomeDetail, QStringLiteral("after 3 Patient, 2 CareTeam"));

    const QJsonObject cancelled = AuditExport::toFhirAuditEvent(read.at(0));
    QCOMPARE(cancelled.value(QLatin1String("outcome")).toString(), QStringLiteral("4"));
    QCOMPARE(cancelled.value(QLatin1String("outcomeDesc")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(
        cancelled.value(QLatin1String("extension"))[1][QLatin1String("valueString")].toString(),
        QStringLiteral("after 3 Patient, 2 CareTeam"));
    const QJsonObject ok = AuditExport::toFhirAuditEvent(read.at(1));
    QCOMPARE(ok.value(QLatin1String("outcome")).toString(), QStringLiteral("0"));
    QCOMPARE(ok.value(QLatin1String("outcomeDesc")).toString(), QStringLiteral("ok"));

    QVERIFY(AuditExport::csvHeader().contains(",outcome,outcome_detail,"));
    QVERIFY2(
        AuditExport::toCsvRow(read.at(0)).contains(",cancelled,\"after 3 Patient, 2 CareTeam\","),
        AuditExport::toCsvRow(read.at(0)).constData());
}

QTEST_GUILESS_MAIN(TestAuditExport)
#include "tst_auditexport.moc"
