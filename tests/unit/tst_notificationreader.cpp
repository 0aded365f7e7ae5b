// The MESH authorisation token and the strict reader of the V3 Access to Service Notification
// (REPC_MT000004GB01): a reference token computed apart (Python's hmac, as the MESH
// specification's own example does), every field of a notification read, and what the reader
// must refuse rather than shorten.
#include "core/domain/Clock.h"
#include "core/mesh/MeshAuthorization.h"
#include "core/mesh/MeshGzip.h"
#include "core/notices/NotificationReader.h"

#include <QTest>

using namespace cpis;

namespace {

// A person's look and a system's, in one record access.
const QByteArray kNotification = R"(<?xml version="1.0" encoding="UTF-8"?>
<CP-ISAccessToServiceNotification xmlns="urn:hl7-org:v3" xmlns:npfitlc="NPFIT:HL7:Localisation">
 <effectiveTime value="20261207101500"/>
 <id root="8A1C4A44-2F0B-4C51-9E4B-1D6E2F3A4B5C"/>
 <pertinentInformation><pertinentTotalReturnedRecords><value value="1"/></pertinentTotalReturnedRecords></pertinentInformation>
 <pertinentInformation1><pertinentCP-ISRecordAccess>
  <pertinentInformation2><pertinentCP-ISNHSQuery>
   <effectiveTime value="20261207100000"/>
   <id root="0F3B7C2A-1111-4A2B-8C3D-4E5F60718293"/>
   <author>
    <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="COCT_TP145102GB01#AssignedAuthor"/>
    <COCT_TP145102GB01.AssignedAuthor>
     <code code="R8000" codeSystem="1.2.826.0.1285.0.2.1.104" displayName="Triage Nurse"/>
     <id root="1.2.826.0.1285.0.2.0.65" extension="555000000001"/>
     <assignedAuthorPerson><name><given>Amelia</given><family>Hughes</family></name></assignedAuthorPerson>
     <representedOrganization><id root="2.16.840.1.113883.2.1.3.2.4.19.1" extension="RX1"/><name>Sandbox General</name></representedOrganization>
    </COCT_TP145102GB01.AssignedAuthor>
   </author>
   <queryByParameter><person.id>
    <value root="2.16.840.1.113883.2.1.4.1" extension="9990000018"/>
    <value root="2.16.840.1.113883.2.1.3.2.4.18.24" extension="SHE1-00000042"/>
   </person.id></queryByParameter>
  </pertinentCP-ISNHSQuery></pertinentInformation2>
  <pertinentInformation2><pertinentCP-ISNHSQuery>
   <effectiveTime value="20261207100500"/>
   <id root="0F3B7C2A-2222-4A2B-8C3D-4E5F60718293"/>
   <author>
    <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="COCT_TP145104GB01#System"/>
    <COCT_TP145104GB01.System>
     <id root="1.2.826.0.1285.0.2.0.107" extension="200000000101"/>
     <maintainingOrganization><id root="2.16.840.1.113883.2.1.3.2.4.19.1" extension="RX1"/><name>Sandbox General</name></maintainingOrganization>
    </COCT_TP145104GB01.System>
   </author>
   <queryByParameter><person.id>
    <value root="2.16.840.1.113883.2.1.3.2.4.18.24" extension="SHE1-00000042"/>
   </person.id></queryByParameter>
  </pertinentCP-ISNHSQuery></pertinentInformation2>
  <reference><referredToLAUploadFile><value extension="SHE1-UPLOAD-0007"/></referredToLAUploadFile></reference>
 </pertinentCP-ISRecordAccess></pertinentInformation1>
 <primaryInformationRecipient>
  <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="COCT_TP145103GB01#IntendedRecipient"/>
  <COCT_TP145103GB01.IntendedRecipient><representedSourceOrganization>
   <id root="2.16.840.1.113883.2.1.3.2.4.19.1" extension="SHE1"/><name>Sheffield</name>
  </representedSourceOrganization></COCT_TP145103GB01.IntendedRecipient>
 </primaryInformationRecipient>
</CP-ISAccessToServiceNotification>
)";

QByteArray with(const char* from, const char* to)
{
    QByteArray b = kNotification;
    if (!b.contains(from))
        qFatal("test notification has no %s", from);
    return b.replace(from, to);
}

} // namespace

class TestNotificationReader : public QObject
{
    Q_OBJECT
private slots:
    void tokenMatchesTheSpecificationsAlgorithm();
    void everyTokenIsNew();
    void readsEveryQueryOfEveryRecordAccess();
    void refusesWhatItCannotWhollyRead_data();
    void refusesWhatItCannotWhollyRead();
    void gzipIsInflatedWithinItsCap();
};

void TestNotificationReader::tokenMatchesTheSpecificationsAlgorithm()
{
    MeshCredentials c;
    c.mailboxId = QStringLiteral("X26HC005");
    c.password = SecretBytes(QByteArrayLiteral("password"));
    c.sharedKey = SecretBytes(QByteArrayLiteral("TestKey"));
    const QDateTime at(QDate(2020, 6, 4), QTime(17, 18, 30), Qt::UTC);
    // python3: hmac.new(b"TestKey", b"X26HC005:1c82...:0:password:202006041718", sha256)
    QCOMPARE(
        MeshAuthorization::header(c, QStringLiteral("1c820cd4-be3e-43ff-807f-e65362892722"), 0, at),
        QByteArray("NHSMESH X26HC005:1c820cd4-be3e-43ff-807f-e65362892722:0:202006041718:"
                   "810c161424ec5ad29a5c12afb797d6d96b418665e9993492ce469a2ea256e877"));
}

void TestNotificationReader::everyTokenIsNew()
{
    MeshCredentials c;
    c.mailboxId = QStringLiteral("SHE1OT001");
    c.password = SecretBytes(QByteArrayLiteral("password"));
    c.sharedKey = SecretBytes(QByteArrayLiteral("TestKey"));
    ManualClock clock(QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));
    MeshAuthorization auth(c, clock);
    const QByteArray a = auth.next();
    const QByteArray b = auth.next();
    QVERIFY(a.startsWith("NHSMESH SHE1OT001:"));
    QVERIFY(a.contains(":0:202612071000:"));
    QVERIFY(a != b); // a fresh nonce each time, the same minute
    QVERIFY(!a.contains("password") && !a.contains("TestKey"));
}

void TestNotificationReader::readsEveryQueryOfEveryRecordAccess()
{
    const auto r = NotificationReader::read(kNotification);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().what));
    QCOMPARE(r->recipientOds, QStringLiteral("SHE1"));
    QCOMPARE(r->totalReturnedRecords, 1);
    QCOMPARE(r->notices.size(), 2);
    const AttendanceNotice& person = r->notices.at(0);
    QCOMPARE(person.nhsNumber.digits(), QStringLiteral("9990000018"));
    QCOMPARE(person.localChildId, QStringLiteral("SHE1-00000042"));
    QCOMPARE(person.viewerName, QStringLiteral("Amelia Hughes"));
    QCOMPARE(person.viewerRole, QStringLiteral("Triage Nurse"));
    QCOMPARE(person.organisationCode, QStringLiteral("RX1"));
    QCOMPARE(person.organisationName, QStringLiteral("Sandbox General"));
    QCOMPARE(person.fileId, QStringLiteral("SHE1-UPLOAD-0007"));
    QCOMPARE(person.eventId, QStringLiteral("0F3B7C2A-1111-4A2B-8C3D-4E5F60718293"));
    QVERIFY(person.whenUtc.isValid());
    QVERIFY(person.systemId.isEmpty());
    const AttendanceNotice& system = r->notices.at(1);
    QCOMPARE(system.systemId, QStringLiteral("200000000101"));
    QVERIFY(system.nhsNumber.isNull()); // the authority's own id only
    QCOMPARE(system.localChildId, QStringLiteral("SHE1-00000042"));
    QCOMPARE(person.whenUtc.secsTo(system.whenUtc), 300);
}

void TestNotificationReader::refusesWhatItCannotWhollyRead_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("not XML") << QByteArray("{\"resourceType\": \"Bundle\"}");
    QTest::newRow("truncated") << kNotification.left(kNotification.size() / 2);
    QTest::newRow("DOCTYPE") << with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                                     "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]>");
    QTest::newRow("another message")
        << with("CP-ISAccessToServiceNotification xmlns", "REPC_IN000007GB01 xmlns")
               .replace("</CP-ISAccessToServiceNotification>", "</REPC_IN000007GB01>");
    QTest::newRow("unknown element") << with("<reference>", "<comment>x</comment><reference>");
    QTest::newRow("bad NHS number") << with("extension=\"9990000018\"", "extension=\"9990000019\"");
    // Both queries' local ids become NHS numbers: the first then names two.
    QTest::newRow("two NHS numbers")
        << with("<value root=\"2.16.840.1.113883.2.1.3.2.4.18.24\" extension=\"SHE1-00000042\"/>",
                "<value root=\"2.16.840.1.113883.2.1.4.1\" extension=\"9990000026\"/>");
    QTest::newRow("unknown id root")
        << with("root=\"2.16.840.1.113883.2.1.4.1\"", "root=\"1.2.3.4\"");
    QTest::newRow("no upload file")
        << with("<value extension=\"SHE1-UPLOAD-0007\"/>", "<value extension=\"\"/>");
    QTest::newRow("query time not a time")
        << with("<effectiveTime value=\"20261207100000\"/>", "<effectiveTime value=\"tomorrow\"/>");
    QTest::newRow("author without organisation")
        << with("<representedOrganization><id root=\"2.16.840.1.113883.2.1.3.2.4.19.1\" "
                "extension=\"RX1\"/><name>Sandbox General</name></representedOrganization>",
                "");
    QTest::newRow("no recipient") << with("<primaryInformationRecipient>", "<x>")
                                         .replace("</primaryInformationRecipient>", "</x>");
}

void TestNotificationReader::refusesWhatItCannotWhollyRead()
{
    QFETCH(QByteArray, xml);
    const auto r = NotificationReader::read(xml);
    QVERIFY(!r.ok());
    QVERIFY(!r.error().what.isEmpty());
    // The reason names elements, never the child.
    QVERIFY(!r.error().what.contains(QStringLiteral("999000")));
}

void TestNotificationReader::gzipIsInflatedWithinItsCap()
{
    // "hello\n" gzipped (gzip -c), twice end to end, as two chunks compressed apart would be.
    const QByteArray member =
        QByteArray::fromHex("1f8b0800000000000003cb48cdc9c9e7020020303a3606000000");
    auto one = gunzip(member, 100);
    QVERIFY(one.ok());
    QCOMPARE(one.value(), QByteArray("hello\n"));
    auto two = gunzip(member + member, 100);
    QVERIFY(two.ok());
    QCOMPARE(two.value(), QByteArray("hello\nhello\n"));
    QVERIFY(!gunzip(member, 3).ok());            // past the cap: refused, not expanded
    QVERIFY(!gunzip(member.left(12), 100).ok()); // cut short
    QVERIFY(!gunzip(QByteArray("plain"), 100).ok());
}

QTEST_GUILESS_MAIN(TestNotificationReader)
#include "tst_notificationreader.moc"
