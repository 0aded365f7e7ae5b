// NoticeParser: the mailbox's answers are read strictly. Every field the contract names is
// required, nothing else is allowed, and a problem is an error naming the field.
#include "core/notices/NoticeParser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace cpis;

namespace {

// The message as docs/api.md §10 shows it (kept beside this test as JSON: moc cannot read a
// long raw string literal).
QByteArray documentedMessage()
{
    QFile f(QStringLiteral(CPIS_SOURCE_DIR "/tests/unit/notice-message.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("notice-message.json is missing");
    return f.readAll();
}

QJsonObject fixture()
{
    return QJsonDocument::fromJson(documentedMessage()).object();
}

QByteArray bytes(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject firstEvent(const QJsonObject& bundle)
{
    return bundle.value(QLatin1String("entry"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1String("resource"))
        .toObject();
}

QJsonObject withEvent(QJsonObject bundle, const QJsonObject& ev)
{
    QJsonArray entries{QJsonObject{{QStringLiteral("resource"), ev}}};
    bundle.insert(QStringLiteral("entry"), entries);
    return bundle;
}

using Mutation = std::function<QJsonObject(QJsonObject)>;

// Applies `change` to the JSON at a dotted path inside the AuditEvent (arrays by index).
QJsonValue
changeAt(const QJsonValue& v, QStringList path, const std::function<QJsonValue(QJsonValue)>& change)
{
    if (path.isEmpty())
        return change(v);
    const QString head = path.takeFirst();
    bool isIndex = false;
    const int index = head.toInt(&isIndex);
    if (isIndex) {
        QJsonArray a = v.toArray();
        a[index] = changeAt(a.at(index), path, change);
        return a;
    }
    QJsonObject o = v.toObject();
    const QJsonValue next = changeAt(o.value(head), path, change);
    if (next.isUndefined())
        o.remove(head);
    else
        o.insert(head, next);
    return o;
}

} // namespace

class TestNoticeParser : public QObject
{
    Q_OBJECT
private slots:
    void readsTheDocumentedMessage();
    void rejectsAnythingElse_data();
    void rejectsAnythingElse();
    void severalEventsAreSeveralNotices();
    void inboxIsStrict();
    void acknowledgementMustNameTheMessage();
};

void TestNoticeParser::readsTheDocumentedMessage()
{
    const auto r = NoticeParser::message(documentedMessage(), QStringLiteral("SHE1"),
                                         QStringLiteral("asn-000042"));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().what));
    QCOMPARE(r->size(), 1);
    const AttendanceNotice& n = r->first();
    QCOMPARE(n.mailbox, QStringLiteral("SHE1"));
    QCOMPARE(n.messageId, QStringLiteral("asn-000042"));
    QCOMPARE(n.eventId, QStringLiteral("asn-000042"));
    QCOMPARE(n.whenUtc, QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC));
    QCOMPARE(n.viewerName, QStringLiteral("Amelia Hughes"));
    QCOMPARE(n.viewerRole, QStringLiteral("Triage Nurse, Emergency Department"));
    QCOMPARE(n.organisationCode, QStringLiteral("RX1"));
    QCOMPARE(n.organisationName, QStringLiteral("Sandbox General Hospital NHS Trust"));
    QCOMPARE(n.nhsNumber.digits(), QStringLiteral("9990000018"));
    QCOMPARE(n.localChildId, QStringLiteral("SHE1-12345678"));
    QCOMPARE(n.planType, PlanType::ChildProtection);
    QVERIFY(!n.isAcknowledged());
}

void TestNoticeParser::rejectsAnythingElse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("names"); // part of the error text

    const QJsonObject b = fixture();
    const QJsonObject ev = firstEvent(b);
    auto inEvent = [&](const QString& dotted, const std::function<QJsonValue(QJsonValue)>& f) {
        return bytes(withEvent(b, changeAt(ev, dotted.split(u'.'), f).toObject()));
    };
    const auto remove = [](const QJsonValue&) { return QJsonValue(QJsonValue::Undefined); };
    const auto extra = [](const QJsonValue& v) {
        QJsonObject o = v.toObject();
        o.insert(QStringLiteral("extension"), QJsonArray{});
        return QJsonValue(o);
    };
    const auto setTo = [](QJsonValue x) { return [x](const QJsonValue&) { return x; }; };

    QTest::newRow("not JSON") << QByteArray("{\"resourceType\": ") << "not JSON";
    QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
    QJsonObject o = b;
    o.insert(QStringLiteral("type"), QStringLiteral("searchset"));
    QTest::newRow("bundle type") << bytes(o) << "Bundle.type";
    o = b;
    o.insert(QStringLiteral("total"), 1);
    QTest::newRow("bundle extra field") << bytes(o) << "unexpected field total";
    o = b;
    o.insert(QStringLiteral("entry"), QJsonArray{});
    QTest::newRow("no entries") << bytes(o) << "Bundle.entry";
    o = b;
    o.remove(QStringLiteral("entry"));
    QTest::newRow("entry missing") << bytes(o) << "entry is missing";
    QJsonObject withPeriod = ev;
    withPeriod.insert(QStringLiteral("period"), QJsonObject{});
    QTest::newRow("event extra field")
        << bytes(withEvent(b, withPeriod)) << "unexpected field period";
    QTest::newRow("not an AuditEvent")
        << inEvent(QStringLiteral("resourceType"), setTo(QStringLiteral("Patient")))
        << "resourceType";
    QTest::newRow("id missing") << inEvent(QStringLiteral("id"), remove) << "id is missing";
    QTest::newRow("action") << inEvent(QStringLiteral("action"), setTo(QStringLiteral("C")))
                            << "action";
    QTest::newRow("outcome") << inEvent(QStringLiteral("outcome"), setTo(QStringLiteral("8")))
                             << "outcome";
    QTest::newRow("recorded not instant")
        << inEvent(QStringLiteral("recorded"), setTo(QStringLiteral("2026-11-25"))) << "recorded";
    QTest::newRow("recorded missing")
        << inEvent(QStringLiteral("recorded"), remove) << "recorded is missing";
    QTest::newRow("event type code")
        << inEvent(QStringLiteral("type.code"), setTo(QStringLiteral("export"))) << "type.code";
    QTest::newRow("source extra") << inEvent(QStringLiteral("source"), extra)
                                  << "unexpected field extension";
    QTest::newRow("observer") << inEvent(QStringLiteral("source.observer.display"),
                                         setTo(QStringLiteral("PDS")))
                              << "observer.display";
    QTest::newRow("one agent") << inEvent(QStringLiteral("agent"), [](const QJsonValue& v) {
        QJsonArray a = v.toArray();
        a.removeLast();
        return QJsonValue(a);
    }) << "agent";
    QTest::newRow("two people") << inEvent(QStringLiteral("agent.1"), [&](const QJsonValue&) {
        return ev.value(QLatin1String("agent")).toArray().at(0);
    }) << "one person and one organisation";
    QTest::newRow("viewer name missing")
        << inEvent(QStringLiteral("agent.0.who.display"), remove) << "display is missing";
    QTest::newRow("viewer identifier not expected")
        << inEvent(QStringLiteral("agent.0.who"), extra) << "unexpected field extension";
    QTest::newRow("role empty") << inEvent(QStringLiteral("agent.0.role.0.text"),
                                           setTo(QStringLiteral(" ")))
                                << "role[0].text";
    QTest::newRow("role missing") << inEvent(QStringLiteral("agent.0.role"), remove)
                                  << "role is missing";
    QTest::newRow("requestor") << inEvent(QStringLiteral("agent.0.requestor"), setTo(false))
                               << "requestor";
    QTest::newRow("agent type unknown")
        << inEvent(QStringLiteral("agent.1.type.coding.0.code"), setTo(QStringLiteral("PAT")))
        << "one person and one organisation";
    QTest::newRow("agent type system")
        << inEvent(QStringLiteral("agent.1.type.coding.0.system"), setTo(QStringLiteral("urn:x")))
        << "system";
    QTest::newRow("ods system") << inEvent(QStringLiteral("agent.1.who.identifier.system"),
                                           setTo(QStringLiteral("urn:x")))
                                << "identifier.system";
    QTest::newRow("site name missing")
        << inEvent(QStringLiteral("agent.1.who.display"), remove) << "display is missing";
    QTest::newRow("site extra") << inEvent(QStringLiteral("agent.1"), extra)
                                << "unexpected field extension";
    QTest::newRow("one entity") << inEvent(QStringLiteral("entity"), [](const QJsonValue& v) {
        QJsonArray a = v.toArray();
        a.removeLast();
        return QJsonValue(a);
    }) << "entity";
    QTest::newRow("bad NHS number") << inEvent(QStringLiteral("entity.0.what.identifier.value"),
                                               setTo(QStringLiteral("9990000019")))
                                    << "NHS number";
    QTest::newRow("child extra") << inEvent(QStringLiteral("entity.0"), extra)
                                 << "unexpected field extension";
    QTest::newRow("unknown entity") << inEvent(QStringLiteral("entity.1.what.identifier.system"),
                                               setTo(QStringLiteral("urn:x")))
                                    << "one child and one local-authority record";
    QTest::newRow("child id missing")
        << inEvent(QStringLiteral("entity.1.what.identifier.value"), remove) << "value is missing";
    QTest::newRow("plan type missing")
        << inEvent(QStringLiteral("entity.1.type"), remove) << "type is missing";
    QTest::newRow("unknown plan code")
        << inEvent(QStringLiteral("entity.1.type.code"), setTo(QStringLiteral("999999999999999")))
        << "not a plan type";
    QTest::newRow("plan system") << inEvent(QStringLiteral("entity.1.type.system"),
                                            setTo(QStringLiteral("urn:x")))
                                 << "type.system";
}

void TestNoticeParser::rejectsAnythingElse()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, names);
    const auto r = NoticeParser::message(body, QStringLiteral("SHE1"), QStringLiteral("m"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().what.contains(names), qPrintable(r.error().what));
    // The error names fields, never values that may be patient data.
    QVERIFY(!r.error().what.contains(QStringLiteral("Amelia")));
    QVERIFY(!r.error().what.contains(QStringLiteral("999000001")));
}

void TestNoticeParser::severalEventsAreSeveralNotices()
{
    QJsonObject b = fixture();
    QJsonObject second = firstEvent(b);
    second.insert(QStringLiteral("id"), QStringLiteral("asn-000043"));
    QJsonArray entries = b.value(QLatin1String("entry")).toArray();
    entries.append(QJsonObject{{QStringLiteral("resource"), second}});
    b.insert(QStringLiteral("entry"), entries);
    auto r = NoticeParser::message(bytes(b), QStringLiteral("SHE1"), QStringLiteral("m"));
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 2);
    QCOMPARE(r->at(1).eventId, QStringLiteral("asn-000043"));
    // The same event twice is not two notices.
    entries.append(QJsonObject{{QStringLiteral("resource"), second}});
    b.insert(QStringLiteral("entry"), entries);
    r = NoticeParser::message(bytes(b), QStringLiteral("SHE1"), QStringLiteral("m"));
    QVERIFY(!r.ok());
    QVERIFY(r.error().what.contains(QStringLiteral("repeats")));
}

void TestNoticeParser::inboxIsStrict()
{
    auto r = NoticeParser::inbox(R"({"messages": ["a", "b"]})");
    QVERIFY(r.ok());
    QCOMPARE(r.value(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(NoticeParser::inbox(R"({"messages": []})").ok());
    QVERIFY(NoticeParser::inbox(R"({"messages": []})")->isEmpty());
    for (const char* bad :
         {R"({})", R"({"messages": "a"})", R"({"messages": [1]})", R"({"messages": [""]})",
          R"({"messages": ["a", "a"]})", R"({"messages": [], "links": {}})", R"([])", "not json"}) {
        const auto b = NoticeParser::inbox(bad);
        QVERIFY2(!b.ok(), bad);
    }
}

void TestNoticeParser::acknowledgementMustNameTheMessage()
{
    QVERIFY(NoticeParser::acknowledged(R"({"messageId": "m1"})", QStringLiteral("m1")).ok());
    QVERIFY(!NoticeParser::acknowledged(R"({"messageId": "m2"})", QStringLiteral("m1")).ok());
    QVERIFY(
        !NoticeParser::acknowledged(R"({"messageId": "m1", "x": 1})", QStringLiteral("m1")).ok());
    QVERIFY(!NoticeParser::acknowledged(R"({})", QStringLiteral("m1")).ok());
    QVERIFY(!NoticeParser::acknowledged("", QStringLiteral("m1")).ok());
}

QTEST_GUILESS_MAIN(TestNoticeParser)
#include "tst_noticeparser.moc"
