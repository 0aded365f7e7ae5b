// At most one access per look-up: however a CP-IS query is sent again (the transport's retries,
// Qt's own resend after a reset), the sandbox takes it for one query, because every attempt
// carries the first's message id (FHIR X-Request-ID, V3 wsa:MessageID), and the local authority
// hears of it once. Checked against the sandbox's own counters and mailboxes, through the desk's
// real composition (DeskServices) over both CP-IS interfaces.
#include "core/domain/Clock.h"
#include "core/lookup/CpisPort.h"
#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/MemoryDesk.h"
#include "tests/support/SandboxSession.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace cpis;
using cpis::sandbox::SandboxServer;
using cpis::testsupport::MemoryDesk;

namespace {

const QString kSheffield = QStringLiteral("SHE1"); // every fault child's local authority

struct Counts
{
    int notices = 0; // in Sheffield's mailbox
    int queries = 0; // logical CP-IS queries the sandbox took
    int repeats = 0; // repeats it took for one already had

    static Counts of(const SandboxServer& s)
    {
        return {int(s.accessLog().notificationsFor(kSheffield).size()),
                s.accessLog().calls().queries, s.accessLog().calls().repeats};
    }
};

} // namespace

class TestOneAccess : public QObject
{
    Q_OBJECT
private slots:
    void failedQueryNotifiesAtMostOnce_data();
    void failedQueryNotifiesAtMostOnce();
    void tenLookUpsTenNotices_data();
    void tenLookUpsTenNotices();
    void sameRequestIdIsTheSameQuery();

private:
    struct Rig
    {
        std::unique_ptr<SandboxServer> sandbox;
        std::unique_ptr<MemoryDesk> desk;
        UserSession session;
    };
    Rig rig(CpisInterface cpis);
    Result<CpisAnswer, ServiceError> ask(Rig& rig, const QString& number);

    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
};

TestOneAccess::Rig TestOneAccess::rig(CpisInterface cpis)
{
    Rig r;
    r.sandbox = std::make_unique<SandboxServer>(SandboxServer::Options{});
    if (!r.sandbox->start())
        qFatal("sandbox did not start");
    const QUrl base = r.sandbox->baseUrl();
    auto edit = [cpis, base](ServiceProfile& p) {
        if (cpis == CpisInterface::Hl7V3) {
            p.cpisInterface = CpisInterface::Hl7V3;
            p = p.withSandbox(base); // the sandbox's /spine/cpis
        }
    };
    r.desk = std::make_unique<MemoryDesk>(base, testsupport::quickTransport(), &m_clock,
                                          SiteType::UnscheduledCare, QStringList(), edit);
    r.session = testsupport::sandboxSession(*r.sandbox, QStringLiteral("triage-nurse"),
                                            m_clock.nowUtc().addDays(1));
    return r;
}

// The CP-IS step of a look-up, as the look-up takes it: one call of the port.
Result<CpisAnswer, ServiceError> TestOneAccess::ask(Rig& rig, const QString& number)
{
    std::optional<Result<CpisAnswer, ServiceError>> out;
    QObject receiver;
    const QByteArray correlation = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const bool unscheduled = rig.session.isUnscheduledAccess(SiteType::UnscheduledCare);
    rig.desk->services->cpis().ask(
        NhsNumber::parse(number).value(), unscheduled, {&rig.session, correlation, correlation},
        &receiver, [&](const Result<CpisAnswer, ServiceError>& r, const QByteArray&) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
        qFatal("a CP-IS query never finished");
    return *out;
}

void TestOneAccess::failedQueryNotifiesAtMostOnce_data()
{
    QTest::addColumn<int>("cpis");
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("notices"); // what one query leaves in the mailbox
    for (const auto& [name, i] :
         {std::pair{"fhir", CpisInterface::FhirDraft}, std::pair{"hl7v3", CpisInterface::Hl7V3}}) {
        // Taken, then the connection reset before the answer: Qt resends it, the transport
        // retries it, and it is still one query.
        QTest::addRow("%s reset after the query was taken", name)
            << int(i) << QStringLiteral("9990000166") << 1;
        // Taken, the answer cut off half way: retried as the same message.
        QTest::addRow("%s answer cut short", name) << int(i) << QStringLiteral("9990000220") << 1;
        // Refused before it was taken (503 each time): nothing to notify.
        QTest::addRow("%s service unavailable", name)
            << int(i) << QStringLiteral("9990000190") << 0;
    }
}

void TestOneAccess::failedQueryNotifiesAtMostOnce()
{
    QFETCH(int, cpis);
    QFETCH(QString, number);
    QFETCH(int, notices);
    Rig r = rig(CpisInterface(cpis));
    int attempts = 0;
    QObject counter;
    connect(&r.desk->nam, &QNetworkAccessManager::finished, &counter, [&](QNetworkReply* reply) {
        if (!reply->url().path().startsWith(u"/personal-demographics"))
            ++attempts;
    });
    const Counts before = Counts::of(*r.sandbox);
    const auto answer = ask(r, number);
    QVERIFY2(!answer.ok(), "the fault should end in 'could not check'");
    const Counts after = Counts::of(*r.sandbox);
    qInfo("%s: %d attempts by the desk, %d repeats taken as the same query", qPrintable(number),
          attempts, after.repeats - before.repeats);
    QCOMPARE(after.notices - before.notices, notices);
    if (notices > 0) {
        // It was tried more than once: without duplicate elimination each try would notify.
        QVERIFY2(attempts > 1, qPrintable(QString::number(attempts)));
        QVERIFY(after.repeats > before.repeats);
        // One logical query (FHIR: the CareTeam search; the access history is never reached).
        QCOMPARE(after.queries - before.queries, 1);
    }
}

void TestOneAccess::tenLookUpsTenNotices_data()
{
    QTest::addColumn<int>("cpis");
    QTest::addColumn<int>("queriesPerLookUp");
    QTest::newRow("fhir") << int(CpisInterface::FhirDraft) << 2; // CareTeam, AuditEvent
    QTest::newRow("hl7v3") << int(CpisInterface::Hl7V3) << 1;
}

void TestOneAccess::tenLookUpsTenNotices()
{
    QFETCH(int, cpis);
    QFETCH(int, queriesPerLookUp);
    Rig r = rig(CpisInterface(cpis));
    const QString lily = QStringLiteral("9990000018"); // one open CPP, Sheffield
    const Counts before = Counts::of(*r.sandbox);
    for (int i = 0; i < 10; ++i) {
        const auto answer = ask(r, lily);
        QVERIFY(answer.ok());
        QCOMPARE(answer->plans.size(), 1);
    }
    const Counts after = Counts::of(*r.sandbox);
    QCOMPARE(after.notices - before.notices, 10);
    QCOMPARE(after.queries - before.queries, 10 * queriesPerLookUp);
    QCOMPARE(after.repeats, before.repeats);
    // Each notice names the one query that raised it.
    QSet<QString> raisedBy;
    for (const auto& n : r.sandbox->accessLog().notificationsFor(kSheffield))
        if (n.nhsNumber == lily && !n.queryId.isEmpty())
            raisedBy.insert(n.queryId);
    QCOMPARE(raisedBy.size(), 10);
    for (const QString& id : std::as_const(raisedBy))
        QCOMPARE(r.sandbox->accessLog().noticesRaisedBy(id), 1);
}

// The sandbox's side of the contract on the wire: a request sent again with the same
// X-Request-ID is answered as the first, once recorded; the same id for another request is
// refused.
void TestOneAccess::sameRequestIdIsTheSameQuery()
{
    SandboxServer::Options o;
    o.open = true; // acts as the triage nurse
    SandboxServer server(o);
    QVERIFY(server.start());
    QNetworkAccessManager nam;
    auto careTeam = [&](const QString& number, const QByteArray& id) {
        QUrl url = server.baseUrl();
        url.setPath(QStringLiteral("/cpis/FHIR/R4/CareTeam"));
        url.setQuery(QStringLiteral("patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C") +
                     number);
        QNetworkRequest req(url);
        req.setRawHeader("X-Request-ID", id);
        req.setRawHeader("Accept", "application/fhir+json");
        QNetworkReply* reply = nam.get(req);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            qFatal("no answer");
        reply->deleteLater();
        return std::pair{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                         reply->readAll()};
    };
    const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const Counts before = Counts::of(server);
    const auto first = careTeam(QStringLiteral("9990000018"), id);
    QCOMPARE(first.first, 200);
    const auto again = careTeam(QStringLiteral("9990000018"), id);
    QCOMPARE(again.first, 200);
    const Counts after = Counts::of(server);
    QCOMPARE(after.notices - before.notices, 1);
    QCOMPARE(after.queries - before.queries, 1);
    QCOMPARE(after.repeats - before.repeats, 1);
    QVERIFY(again.second.contains("\"CareTeam\""));

    const auto other = careTeam(QStringLiteral("9990000026"), id);
    QCOMPARE(other.first, 400);
    QVERIFY(other.second.contains("INVALID_VALUE"));
    QCOMPARE(Counts::of(server).notices, after.notices);

    // A new id is a new query, and notifies again.
    QCOMPARE(careTeam(QStringLiteral("9990000018"),
                      QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
                 .first,
             200);
    QCOMPARE(Counts::of(server).notices, after.notices + 1);
}

QTEST_GUILESS_MAIN(TestOneAccess)
#include "tst_oneaccess.moc"
