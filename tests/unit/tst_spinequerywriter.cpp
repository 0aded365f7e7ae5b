#include "core/domain/Vocabulary.h"
#include "core/spine/SpineNames.h"
#include "core/spine/SpineQueryWriter.h"
#include "core/spine/SpineXmlTree.h"

#include <QFile>
#include <QTest>

using namespace cpis;

namespace {

const QLatin1String H = spine::kHl7Ns;

UserSession session(const QString& activity)
{
    UserSession s;
    s.userId = QStringLiteral("555000000101");
    s.name = QStringLiteral("Alex Triage");
    s.roleId = QStringLiteral("555000000201");
    s.roleName = QStringLiteral("Nurse");
    s.roleCode = QStringLiteral("S8000:G8000:R8001");
    s.organisationCode = QStringLiteral("RXX01");
    s.organisationName = QStringLiteral("Training Hospital Emergency Department");
    s.activityCodes = {activity};
    return s;
}

SpineQuery query(const SpineAuthor& author, bool unscheduled)
{
    SpineQuery q;
    q.nhsNumber = QStringLiteral("9434765919");
    q.unscheduled = unscheduled;
    q.messageId = QStringLiteral("7E1C4B9A-2D3F-4E5A-9B6C-0D1E2F3A4B5C");
    q.queryId = QStringLiteral("1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D");
    q.createdUtc = QDateTime(QDate(2026, 12, 7), QTime(10, 15, 0), Qt::UTC);
    q.to = QUrl(QStringLiteral("https://spine.example.nhs.uk/sync/cpis"));
    q.deskAsid = QStringLiteral("990101234568");
    q.deskPartyKey = QStringLiteral("DESK-TRAINING-1");
    q.cpisAsid = QStringLiteral("990101234567");
    q.author = author;
    return q;
}

// Follows the path of HL7 elements, each of which must be the only one of its name.
const SpineXmlElement* at(const SpineXmlElement& from, const QStringList& path)
{
    const SpineXmlElement* e = &from;
    for (const QString& step : path) {
        const QByteArray name = step.toLatin1();
        const bool npfit = step == u"contentId";
        e = e->one(npfit ? spine::kNpfitLcNs : H, QLatin1String(name.constData()));
        if (!e)
            return nullptr;
    }
    return e;
}

SpineXmlElement parsed(const QByteArray& xml)
{
    auto tree = SpineXmlTree::parse(xml, {});
    if (!tree)
        qFatal("the written query does not parse: %s", qPrintable(tree.error()));
    return tree.value();
}

const SpineXmlElement& body(const SpineXmlElement& envelope)
{
    return envelope.one(spine::kSoapNs, QLatin1String("Body"))->children.front();
}

const SpineXmlElement* queryAct(const SpineXmlElement& message)
{
    return at(message, {QStringLiteral("ControlActEvent"), QStringLiteral("subject"),
                        QStringLiteral("CP-ISQueryStub"), QStringLiteral("cP-ISNHSQuery")});
}

QString accessEventType(const SpineXmlElement& message)
{
    const SpineXmlElement* e =
        at(*queryAct(message), {QStringLiteral("queryByParameter"),
                                QStringLiteral("accessEventType"), QStringLiteral("value")});
    return e ? e->attribute(QLatin1String("value")) : QStringLiteral("(absent)");
}

} // namespace

class TestSpineQueryWriter : public QObject
{
    Q_OBJECT
private slots:
    void envelopeAndTransmissionWrapper();
    void personAuthor();
    void systemAuthor();
    void accessEventTypeFollowsActivityAndSite_data();
    void accessEventTypeFollowsActivityAndSite();
    void refusesAQueryThatCannotSayWhoAsks_data();
    void refusesAQueryThatCannotSayWhoAsks();
    void matchesTheSchemaCheckedFixture();
};

void TestSpineQueryWriter::envelopeAndTransmissionWrapper()
{
    const auto xml =
        SpineQueryWriter::write(query(SpineAuthor::person(session(QStringLiteral("B0107"))), true));
    QVERIFY2(xml.ok(), qPrintable(xml.ok() ? QString() : xml.error()));
    const SpineXmlElement env = parsed(xml.value());
    QVERIFY(env.is(spine::kSoapNs, QLatin1String("Envelope")));
    const SpineXmlElement* header = env.one(spine::kSoapNs, QLatin1String("Header"));
    QVERIFY(header);
    QCOMPARE(header->one(spine::kWsaNs, QLatin1String("MessageID"))->text,
             QStringLiteral("uuid:7E1C4B9A-2D3F-4E5A-9B6C-0D1E2F3A4B5C"));
    QCOMPARE(header->one(spine::kWsaNs, QLatin1String("Action"))->text,
             QStringLiteral("urn:nhs:names:services:cpisquery/QUPC_IN000006GB01"));
    QCOMPARE(header->one(spine::kWsaNs, QLatin1String("To"))->text,
             QStringLiteral("https://spine.example.nhs.uk/sync/cpis"));
    QCOMPARE(at(*header, {})
                 ->one(spine::kWsaNs, QLatin1String("From"))
                 ->one(spine::kWsaNs, QLatin1String("Address"))
                 ->text,
             QStringLiteral("DESK-TRAINING-1"));

    const SpineXmlElement& m = body(env);
    QVERIFY(m.is(H, QLatin1String("QUPC_IN000006GB01")));
    QCOMPARE(at(m, {QStringLiteral("id")})->attribute(QLatin1String("root")),
             QStringLiteral("7E1C4B9A-2D3F-4E5A-9B6C-0D1E2F3A4B5C"));
    // 10:15 UTC in December is 10:15 in the UK.
    QCOMPARE(at(m, {QStringLiteral("creationTime")})->attribute(QLatin1String("value")),
             QStringLiteral("20261207101500"));
    const SpineXmlElement* interaction = at(m, {QStringLiteral("interactionId")});
    QCOMPARE(interaction->attribute(QLatin1String("root")),
             QStringLiteral("2.16.840.1.113883.2.1.3.2.4.12"));
    QCOMPARE(interaction->attribute(QLatin1String("extension")),
             QStringLiteral("QUPC_IN000006GB01"));
    QCOMPARE(at(m, {QStringLiteral("processingCode")})->attribute(QLatin1String("code")),
             QStringLiteral("P"));
    QCOMPARE(at(m, {QStringLiteral("processingModeCode")})->attribute(QLatin1String("code")),
             QStringLiteral("T"));
    QCOMPARE(at(m, {QStringLiteral("acceptAckCode")})->attribute(QLatin1String("code")),
             QStringLiteral("NE"));
    for (const auto& [function, asid] :
         {std::pair{QStringLiteral("communicationFunctionRcv"), QStringLiteral("990101234567")},
          std::pair{QStringLiteral("communicationFunctionSnd"), QStringLiteral("990101234568")}}) {
        const SpineXmlElement* id =
            at(m, {function, QStringLiteral("device"), QStringLiteral("id")});
        QVERIFY(id);
        QCOMPARE(id->attribute(QLatin1String("root")), QStringLiteral("1.2.826.0.1285.0.2.0.107"));
        QCOMPARE(id->attribute(QLatin1String("extension")), asid);
    }
    const SpineXmlElement* system =
        at(m, {QStringLiteral("ControlActEvent"), QStringLiteral("author1"),
               QStringLiteral("AgentSystemSDS"), QStringLiteral("agentSystemSDS"),
               QStringLiteral("id")});
    QVERIFY(system);
    QCOMPARE(system->attribute(QLatin1String("extension")), QStringLiteral("990101234568"));
    QCOMPARE(at(*queryAct(m), {QStringLiteral("queryByParameter"),
                               QStringLiteral("person.NHSnumber"), QStringLiteral("value")})
                 ->attribute(QLatin1String("extension")),
             QStringLiteral("9434765919"));
}

void TestSpineQueryWriter::personAuthor()
{
    const auto xml =
        SpineQueryWriter::write(query(SpineAuthor::person(session(QStringLiteral("B0107"))), true));
    QVERIFY(xml.ok());
    const SpineXmlElement env = parsed(xml.value());
    const SpineXmlElement& m = body(env);
    const SpineXmlElement* agent =
        at(m, {QStringLiteral("ControlActEvent"), QStringLiteral("author"),
               QStringLiteral("AgentPersonSDS")});
    QVERIFY(agent);
    QCOMPARE(at(*agent, {QStringLiteral("id")})->attribute(QLatin1String("extension")),
             QStringLiteral("555000000201"));
    QCOMPARE(at(*agent, {QStringLiteral("agentPersonSDS"), QStringLiteral("id")})
                 ->attribute(QLatin1String("extension")),
             QStringLiteral("555000000101"));
    QCOMPARE(
        at(*agent, {QStringLiteral("part"), QStringLiteral("partSDSRole"), QStringLiteral("id")})
            ->attribute(QLatin1String("extension")),
        QStringLiteral("R8001"));

    const SpineXmlElement* author = at(*queryAct(m), {QStringLiteral("author")});
    QCOMPARE(at(*author, {QStringLiteral("contentId")})->attribute(QLatin1String("extension")),
             QStringLiteral("COCT_TP145102GB01#AssignedAuthor"));
    const SpineXmlElement* person =
        at(*author, {QStringLiteral("COCT_TP145102GB01.AssignedAuthor")});
    QVERIFY(person);
    QVERIFY(!author->one(H, QLatin1String("COCT_TP145104GB01.System")));
    const SpineXmlElement* code = at(*person, {QStringLiteral("code")});
    QCOMPARE(code->attribute(QLatin1String("code")), QStringLiteral("R8001"));
    QCOMPARE(code->attribute(QLatin1String("displayName")), QStringLiteral("Nurse"));
    const auto ids = person->all(H, QLatin1String("id"));
    QCOMPARE(ids.size(), size_t(2));
    QCOMPARE(ids[0]->attribute(QLatin1String("root")), QStringLiteral("1.2.826.0.1285.0.2.0.65"));
    QCOMPARE(ids[0]->attribute(QLatin1String("extension")), QStringLiteral("555000000101"));
    QCOMPARE(ids[1]->attribute(QLatin1String("root")), QStringLiteral("1.2.826.0.1285.0.2.0.67"));
    QCOMPARE(ids[1]->attribute(QLatin1String("extension")), QStringLiteral("555000000201"));
    const SpineXmlElement* name =
        at(*person, {QStringLiteral("assignedAuthorPerson"), QStringLiteral("name")});
    QCOMPARE(at(*name, {QStringLiteral("given")})->text, QStringLiteral("Alex"));
    QCOMPARE(at(*name, {QStringLiteral("family")})->text, QStringLiteral("Triage"));
    QCOMPARE(at(*person, {QStringLiteral("representedOrganization"), QStringLiteral("id")})
                 ->attribute(QLatin1String("extension")),
             QStringLiteral("RXX01"));
    QCOMPARE(at(*person, {QStringLiteral("representedOrganization"), QStringLiteral("name")})->text,
             QStringLiteral("Training Hospital Emergency Department"));
}

void TestSpineQueryWriter::systemAuthor()
{
    const auto xml = SpineQueryWriter::write(
        query(SpineAuthor::system(session(QStringLiteral("B0170")), QStringLiteral("990101234568")),
              false));
    QVERIFY(xml.ok());
    const SpineXmlElement env = parsed(xml.value());
    const SpineXmlElement& m = body(env);
    // No person: the control act names the system only.
    QVERIFY(!at(m, {QStringLiteral("ControlActEvent"), QStringLiteral("author")}));
    const SpineXmlElement* author = at(*queryAct(m), {QStringLiteral("author")});
    QCOMPARE(at(*author, {QStringLiteral("contentId")})->attribute(QLatin1String("extension")),
             QStringLiteral("COCT_TP145104GB01#System"));
    const SpineXmlElement* system = at(*author, {QStringLiteral("COCT_TP145104GB01.System")});
    QVERIFY(system);
    QVERIFY(!author->one(H, QLatin1String("COCT_TP145102GB01.AssignedAuthor")));
    QCOMPARE(at(*system, {QStringLiteral("id")})->attribute(QLatin1String("extension")),
             QStringLiteral("990101234568"));
    const SpineXmlElement* nominated = at(
        *system, {QStringLiteral("indirectAuthority"), QStringLiteral("superiorAssignedEntity")});
    QVERIFY(nominated);
    QCOMPARE(at(*nominated, {QStringLiteral("assignedPerson"), QStringLiteral("name"),
                             QStringLiteral("family")})
                 ->text,
             QStringLiteral("Triage"));
    QCOMPARE(at(*system, {QStringLiteral("maintainingOrganization"), QStringLiteral("id")})
                 ->attribute(QLatin1String("extension")),
             QStringLiteral("RXX01"));
    QCOMPARE(accessEventType(m), QStringLiteral("false"));
}

void TestSpineQueryWriter::accessEventTypeFollowsActivityAndSite_data()
{
    QTest::addColumn<QString>("activity");
    QTest::addColumn<SiteType>("site");
    QTest::addColumn<QString>("expected");
    QTest::newRow("B0107 in unscheduled care notifies")
        << QStringLiteral("B0107") << SiteType::UnscheduledCare << QStringLiteral("true");
    QTest::newRow("B0170 in unscheduled care reads silently")
        << QStringLiteral("B0170") << SiteType::UnscheduledCare << QStringLiteral("false");
    QTest::newRow("B0107 in scheduled care reads silently")
        << QStringLiteral("B0107") << SiteType::ScheduledCare << QStringLiteral("false");
}

void TestSpineQueryWriter::accessEventTypeFollowsActivityAndSite()
{
    QFETCH(QString, activity);
    QFETCH(SiteType, site);
    QFETCH(QString, expected);
    const UserSession s = session(activity);
    const auto xml =
        SpineQueryWriter::write(query(SpineAuthor::person(s), s.isUnscheduledAccess(site)));
    QVERIFY(xml.ok());
    const SpineXmlElement env = parsed(xml.value());
    QCOMPARE(accessEventType(body(env)), expected);
}

void TestSpineQueryWriter::refusesAQueryThatCannotSayWhoAsks_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("job role") << QStringLiteral("roleCode") << QStringLiteral("job role code");
    QTest::newRow("user id") << QStringLiteral("userId") << QStringLiteral("SDS user id");
    QTest::newRow("organisation") << QStringLiteral("organisationCode")
                                  << QStringLiteral("organisation");
}

void TestSpineQueryWriter::refusesAQueryThatCannotSayWhoAsks()
{
    QFETCH(QString, field);
    QFETCH(QString, message);
    UserSession s = session(QStringLiteral("B0107"));
    if (field == u"roleCode")
        s.roleCode.clear();
    else if (field == u"userId")
        s.userId.clear();
    else
        s.organisationCode.clear();
    const auto xml = SpineQueryWriter::write(query(SpineAuthor::person(s), true));
    QVERIFY(!xml.ok());
    QVERIFY2(xml.error().contains(message), qPrintable(xml.error()));
}

// The fixture is the body that was checked against the CP-IS schema copy with xmllint
// (tests/data/spine/README.md): the writer must still write exactly that.
void TestSpineQueryWriter::matchesTheSchemaCheckedFixture()
{
    for (const auto& [file, person] :
         {std::pair{"request-person.xml", true}, std::pair{"request-system.xml", false}}) {
        const UserSession s = session(person ? QStringLiteral("B0107") : QStringLiteral("B0170"));
        const auto xml = SpineQueryWriter::write(
            query(person ? SpineAuthor::person(s)
                         : SpineAuthor::system(s, QStringLiteral("990101234568")),
                  s.isUnscheduledAccess(SiteType::UnscheduledCare)));
        QVERIFY(xml.ok());
        QFile f(QStringLiteral(CPIS_SOURCE_DIR "/tests/data/spine/") + QLatin1String(file));
        if (qEnvironmentVariableIsSet("CPIS_WRITE_SPINE_FIXTURES")) {
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(xml.value());
            continue;
        }
        QVERIFY2(f.open(QIODevice::ReadOnly), file);
        QCOMPARE(QString::fromUtf8(xml.value()), QString::fromUtf8(f.readAll()));
    }
}

QTEST_GUILESS_MAIN(TestSpineQueryWriter)
#include "tst_spinequerywriter.moc"
