// docs/api.md is the contract: every tagged JSON example must be what the sandbox answers,
// every resource the sandbox answers must validate against HL7's FHIR R4 JSON schema, and the
// desk's own readers must accept every non-fault scenario.
//
// CPIS_WRITE_DOC_EXAMPLES=1 rewrites the examples in docs/api.md from the sandbox's answers
// (then review the diff); without it the test only compares.
#include "core/fhir/FhirParser.h"
#include "core/lookup/NationalServiceClient.h"
#include "core/net/FhirTransport.h"
#include "core/profile/ServiceProfile.h"
#include "core/signin/SignInFlow.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"
#include "tests/support/SandboxHttp.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using cpis::ManualClock;
using cpis::NhsNumber;
using cpis::sandbox::Fault;
using cpis::sandbox::SandboxServer;
using namespace sandboxtest;

namespace {
const QDateTime kNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
const QString kDocOrigin = QStringLiteral("http://127.0.0.1:8080");
const QString kNhsSystem = QStringLiteral("https://fhir.nhs.uk/Id/nhs-number");

struct Example
{
    QString tag;
    qsizetype blockStart = 0; // offset of the JSON text inside the file
    qsizetype blockLength = 0;
    QByteArray expected;
};

bool isVolatile(const QString& key, const QJsonObject& parent)
{
    static const QStringList keys{QStringLiteral("lastUpdated"), QStringLiteral("recorded"),
                                  QStringLiteral("fullUrl"), QStringLiteral("access_token"),
                                  QStringLiteral("refresh_token")};
    if (keys.contains(key))
        return true;
    const QString type = parent.value(QLatin1String("resourceType")).toString();
    return key == u"id" && (type == u"Bundle" || type == u"AuditEvent");
}

// Structural equality, volatile fields present on both sides but not compared.
bool sameJson(const QJsonValue& want, const QJsonValue& got, const QString& path, QString* why)
{
    if (want.type() != got.type()) {
        *why = path + QStringLiteral(": type differs");
        return false;
    }
    if (want.isObject()) {
        const QJsonObject w = want.toObject();
        const QJsonObject g = got.toObject();
        if (w.keys() != g.keys()) {
            *why = path + QStringLiteral(": keys differ (documented ") + w.keys().join(u',') +
                   QStringLiteral("; answered ") + g.keys().join(u',') + u')';
            return false;
        }
        for (auto it = w.constBegin(); it != w.constEnd(); ++it)
            if (!isVolatile(it.key(), w) &&
                !sameJson(it.value(), g.value(it.key()), path + u'.' + it.key(), why))
                return false;
        return true;
    }
    if (want.isArray()) {
        const QJsonArray w = want.toArray();
        const QJsonArray g = got.toArray();
        if (w.size() != g.size()) {
            *why = path +
                   QStringLiteral(": %1 items documented, %2 answered").arg(w.size()).arg(g.size());
            return false;
        }
        for (int i = 0; i < w.size(); ++i)
            if (!sameJson(w.at(i), g.at(i), path + QStringLiteral("[%1]").arg(i), why))
                return false;
        return true;
    }
    if (want != got) {
        *why = path + QStringLiteral(": documented %1, answered %2")
                          .arg(QString::fromUtf8(
                                   QJsonDocument(QJsonArray{want}).toJson(QJsonDocument::Compact)),
                               QString::fromUtf8(
                                   QJsonDocument(QJsonArray{got}).toJson(QJsonDocument::Compact)));
        return false;
    }
    return true;
}

NhsNumber nhs(const QString& digits)
{
    return NhsNumber::parse(digits).value();
}
} // namespace

class TestSandboxDocs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void documentedExamplesMatch();
    void everyScenarioReadsWithTheDeskParsers();
    void deskClientReadsScenariosOverTls();
    void everyResourceValidatesAgainstFhirSchema();
    void schemaCheckCanFail();

private:
    std::unique_ptr<SandboxServer> start(SandboxServer::Options o = {});
    HttpResult send(SandboxServer& server, const QString& tag, int* expectedStatus);
    QByteArray signInTokens(SandboxServer& server, const QString& user);
    void dump(const QByteArray& body);
    HttpResult fhirGet(SandboxServer& server, const QString& path, const QString& user);
    static int runValidator(const QString& dir, QString* output);

    ManualClock m_clock{kNow};
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dumpDir;
    int m_dumped = 0;
    QString m_lastJob; // path of the last Content-Location, for {job} in later tags (§11)
    QTemporaryDir m_certDir;
    QSslCertificate m_cert;
    QSslKey m_key;
};

void TestSandboxDocs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dumpDir.isValid());
    QVERIFY(m_certDir.isValid());
    QVERIFY(makeLoopbackCertificate(m_certDir.path()));
    QFile c(m_certDir.filePath(QStringLiteral("cert.pem")));
    QFile k(m_certDir.filePath(QStringLiteral("key.pem")));
    QVERIFY(c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly));
    m_cert = QSslCertificate(&c, QSsl::Pem);
    m_key = QSslKey(&k, QSsl::Rsa, QSsl::Pem);
}

std::unique_ptr<SandboxServer> TestSandboxDocs::start(SandboxServer::Options o)
{
    m_clock.set(kNow);
    o.clock = &m_clock;
    auto s = std::make_unique<SandboxServer>(o);
    if (!s->start())
        return nullptr;
    return s;
}

void TestSandboxDocs::dump(const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (!o.contains(QLatin1String("resourceType")))
        return;
    QFile f(
        m_dumpDir.filePath(QStringLiteral("r%1.json").arg(++m_dumped, 5, 10, QLatin1Char('0'))));
    if (f.open(QIODevice::WriteOnly))
        f.write(body);
}

QByteArray TestSandboxDocs::signInTokens(SandboxServer& server, const QString& user)
{
    const QByteArray verifier = "sandbox-docs-verifier-0123456789-abcdefghijklmnop";
    QUrl url = server.baseUrl();
    url.setPath(QStringLiteral("/oauth2/authorize"));
    url.setQuery(QStringLiteral("response_type=code&client_id=cpis-desk&redirect_uri=http%3A%2F%2F"
                                "127.0.0.1%3A8765%2Fcallback&state=s1&code_challenge=") +
                 QString::fromLatin1(cpis::SignInFlow::codeChallenge(verifier)) +
                 QStringLiteral("&code_challenge_method=S256&user=") + user);
    const HttpResult pick = request(m_nam, "GET", url, {});
    const QString code = QUrlQuery(QUrl(QString::fromLatin1(pick.header("location"))))
                             .queryItemValue(QStringLiteral("code"));
    QUrl token = server.baseUrl();
    token.setPath(QStringLiteral("/oauth2/token"));
    return request(m_nam, "POST", token, {{"Content-Type", "application/x-www-form-urlencoded"}},
                   {},
                   "grant_type=authorization_code&code=" + code.toLatin1() +
                       "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&client_id=cpis-desk"
                       "&code_verifier=" +
                       verifier)
        .body;
}

HttpResult TestSandboxDocs::send(SandboxServer& server, const QString& tag, int* expectedStatus)
{
    const QStringList parts = tag.split(QStringLiteral(" | "));
    const QStringList first = parts.first().split(u' ');
    QString user;
    QByteArray body;
    bool requestId = true;
    Headers headers;
    *expectedStatus = 200;
    bool poll = false; // §11: repeat while the answer is 202 (an export being prepared)
    int line = 0;      // §11: compare only this line (1-based) of an NDJSON body
    for (const QString& p : parts.mid(1)) {
        if (p == u"poll")
            poll = true;
        else if (p.startsWith(QStringLiteral("line=")))
            line = p.mid(5).toInt();
        else if (p.startsWith(QStringLiteral("user=")))
            user = p.mid(5);
        else if (p.startsWith(QStringLiteral("status=")))
            *expectedStatus = p.mid(7).toInt();
        else if (p.startsWith(QStringLiteral("body=")))
            body = p.mid(5).toUtf8();
        else if (p == u"norequestid")
            requestId = false;
        else if (p.startsWith(QStringLiteral("header="))) {
            const QString h = p.mid(7);
            const qsizetype colon = h.indexOf(u':');
            headers.append(
                {h.left(colon).trimmed().toLatin1(), h.mid(colon + 1).trimmed().toLatin1()});
        }
    }

    if (first.first() == u"TOKEN" || first.first() == u"REFRESH") {
        HttpResult r;
        r.status = 200;
        r.body = signInTokens(server, user);
        if (first.first() == u"REFRESH") {
            const QByteArray refresh = QJsonDocument::fromJson(r.body)
                                           .object()
                                           .value(QLatin1String("refresh_token"))
                                           .toString()
                                           .toLatin1();
            QUrl token = server.baseUrl();
            token.setPath(QStringLiteral("/oauth2/token"));
            r = request(m_nam, "POST", token,
                        {{"Content-Type", "application/x-www-form-urlencoded"}}, {},
                        "grant_type=refresh_token&client_id=cpis-desk&refresh_token=" + refresh);
        }
        return r;
    }

    const QString method = first.value(0);
    const QString target = QString(first.value(1)).replace(QStringLiteral("{job}"), m_lastJob);
    QUrl url = server.baseUrl();
    const qsizetype q = target.indexOf(u'?');
    url.setPath(q < 0 ? target : target.left(q));
    if (q >= 0)
        url.setQuery(target.mid(q + 1));
    if (requestId)
        headers.prepend({QByteArray("X-Request-ID"), newRequestId()});
    if (!user.isEmpty() && user != u"none")
        headers.append({QByteArray("Authorization"),
                        QByteArray("Bearer " + server.signIn().issueAccessToken(user))});
    if (method == u"POST")
        headers.append(
            {QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")});
    HttpResult r = request(m_nam, method.toLatin1(), url, headers, {}, body);
    // Each request runs the event loop, so the sandbox prepares the export between polls.
    for (int i = 0; poll && r.status == 202 && i < 200; ++i)
        r = request(m_nam, method.toLatin1(), url, headers, {}, body);
    if (const QByteArray job = r.header("content-location"); !job.isEmpty())
        m_lastJob = QUrl(QString::fromLatin1(job)).path();
    if (line > 0)
        r.body = r.body.split('\n').value(line - 1);
    return r;
}

void TestSandboxDocs::documentedExamplesMatch()
{
    const QString path = QStringLiteral(CPIS_SOURCE_DIR "/docs/api.md");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString doc = QString::fromUtf8(f.readAll());
    f.close();

    static const QRegularExpression re(
        QStringLiteral("<!-- example: (.*?) -->\\n```json\\n(.*?)```"),
        QRegularExpression::DotMatchesEverythingOption);
    QList<Example> examples;
    for (auto it = re.globalMatch(doc); it.hasNext();) {
        const auto m = it.next();
        examples.append(
            {m.captured(1), m.capturedStart(2), m.capturedLength(2), m.captured(2).toUtf8()});
    }
    QVERIFY2(examples.size() >= 25, qPrintable(QString::number(examples.size())));

    const bool write = qEnvironmentVariableIntValue("CPIS_WRITE_DOC_EXAMPLES") == 1;
    auto server = start();
    QVERIFY(server);
    const QString origin = server->baseUrl().toString();
    QStringList failures;
    QList<std::pair<Example, QByteArray>> answers;
    for (const Example& ex : std::as_const(examples)) {
        int expectedStatus = 200;
        const HttpResult r = send(*server, ex.tag, &expectedStatus);
        dump(r.body);
        QByteArray actual = r.body;
        actual.replace(origin.toUtf8(), kDocOrigin.toUtf8());
        answers.append({ex, actual});
        if (r.status != expectedStatus) {
            failures << ex.tag + QStringLiteral(": status %1, documented %2")
                                     .arg(r.status)
                                     .arg(expectedStatus);
            continue;
        }
        if (write)
            continue;
        QJsonParseError pe{};
        const QJsonDocument want = QJsonDocument::fromJson(ex.expected, &pe);
        if (pe.error != QJsonParseError::NoError) {
            failures << ex.tag + QStringLiteral(": documented JSON does not parse");
            continue;
        }
        QString why;
        if (!sameJson(want.object(), QJsonDocument::fromJson(actual).object(), QStringLiteral("$"),
                      &why))
            failures << ex.tag + QStringLiteral(": ") + why;
    }
    if (write) {
        for (auto it = answers.crbegin(); it != answers.crend(); ++it)
            doc.replace(it->first.blockStart, it->first.blockLength,
                        QString::fromUtf8(
                            QJsonDocument::fromJson(it->second).toJson(QJsonDocument::Indented)));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(doc.toUtf8());
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

HttpResult TestSandboxDocs::fhirGet(SandboxServer& server, const QString& path, const QString& user)
{
    QUrl url = server.baseUrl();
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    return request(
        m_nam, "GET", url,
        {{"X-Request-ID", newRequestId()},
         {"Authorization", QByteArray("Bearer " + server.signIn().issueAccessToken(user))}},
        {m_cert});
}

void TestSandboxDocs::everyScenarioReadsWithTheDeskParsers()
{
    SandboxServer::Options o;
    o.people = 3000;
    auto server = start(o);
    QVERIFY(server);
    QStringList numbers;
    for (const auto& s : server->scenarios().scenarios())
        if (s.fault == Fault::None)
            numbers << s.nhsNumber;
    // Generated people too: the first 120 cover every plan mix and restricted records.
    for (int i = 0; i < 120; ++i)
        numbers << server->population().generatedAt(i).nhsNumber;
    int plans = 0;
    for (const QString& n : std::as_const(numbers)) {
        HttpResult r =
            fhirGet(*server, QStringLiteral("/personal-demographics/FHIR/R4/Patient/") + n,
                    QStringLiteral("school-nurse"));
        if (const auto found = server->population().find(n); found && found->person.invalidated) {
            QCOMPARE(r.status, 404);
            QCOMPARE(r.spineCode(), QStringLiteral("INVALIDATED_RESOURCE"));
            continue;
        }
        QCOMPARE(r.status, 200);
        dump(r.body);
        const auto patient = cpis::FhirParser::patient(r.body, nhs(n));
        QVERIFY2(patient.ok(),
                 qPrintable(n + u' ' + (patient.ok() ? QString() : patient.error().what)));

        r = fhirGet(*server,
                    QStringLiteral("/cpis/FHIR/R4/CareTeam?patient:identifier=") + kNhsSystem +
                        QStringLiteral("%7C") + n,
                    QStringLiteral("school-nurse"));
        QCOMPARE(r.status, 200);
        dump(r.body);
        const auto ct = cpis::FhirParser::careTeamBundle(r.body, nhs(n));
        QVERIFY2(ct.ok(), qPrintable(n + u' ' + (ct.ok() ? QString() : ct.error().what)));
        plans += int(ct->size());

        r = fhirGet(*server,
                    QStringLiteral("/cpis/FHIR/R4/AuditEvent?patient:identifier=") + kNhsSystem +
                        QStringLiteral("%7C") + n +
                        QStringLiteral("&_include=AuditEvent:entity-type%3Dhttp://terminology."
                                       "hl7.org/CodeSystem/v3-RoleClass%7CASSIGNED"),
                    QStringLiteral("school-nurse"));
        QCOMPARE(r.status, 200);
        dump(r.body);
        const auto ae = cpis::FhirParser::auditEventBundle(r.body);
        QVERIFY2(ae.ok(), qPrintable(n + u' ' + (ae.ok() ? QString() : ae.error().what)));
        QVERIFY(!ae->isEmpty());
    }
    QVERIFY(plans > 10);
}

void TestSandboxDocs::deskClientReadsScenariosOverTls()
{
    SandboxServer::Options o;
    o.tlsCertificate = m_cert;
    o.tlsKey = m_key;
    auto server = start(o);
    QVERIFY(server);
    cpis::SystemClock clock;
    QNetworkAccessManager nam;
    cpis::FhirTransport::Settings settings;
    settings.tls.caCertificates = {m_cert};
    cpis::FhirTransport transport(&nam, &clock, settings);
    const auto profile = cpis::ServiceProfile::training().withSandbox(server->baseUrl());
    cpis::NationalServiceClient client(&transport, profile.pds, profile.cpis);
    cpis::UserSession session;
    session.accessToken = server->signIn().issueAccessToken(QStringLiteral("triage-nurse"));
    session.roleId = QStringLiteral("100000000001");
    session.organisationCode = QStringLiteral("RX1");
    cpis::NationalServiceClient::CallContext ctx;
    ctx.session = &session;
    ctx.correlationId = "docs-e2e";

    QObject receiver;
    int done = 0;
    QStringList problems;
    const QStringList numbers{QStringLiteral("9990000018"), QStringLiteral("9990000034"),
                              QStringLiteral("9990000042"), QStringLiteral("9990000069"),
                              QStringLiteral("9990000077"), QStringLiteral("9990000093")};
    for (const QString& n : numbers) {
        client.tracePatient(nhs(n), ctx, &receiver, [&, n](const auto& r, const QByteArray&) {
            ++done;
            if (!r)
                problems << n + QStringLiteral(" trace: ") + r.error().detail;
        });
        client.queryPlans(nhs(n), true, ctx, &receiver, [&, n](const auto& r, const QByteArray&) {
            ++done;
            if (!r)
                problems << n + QStringLiteral(" plans: ") + r.error().detail;
        });
        client.accessHistory(nhs(n), ctx, &receiver, [&, n](const auto& r, const QByteArray&) {
            ++done;
            if (!r)
                problems << n + QStringLiteral(" history: ") + r.error().detail;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, int(numbers.size()) * 3, 20000);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    // The client said unscheduled and the user holds B0107: the local authorities were told.
    QVERIFY(server->accessLog().notificationCount() >= 5);
}

int TestSandboxDocs::runValidator(const QString& dir, QString* output)
{
    QProcess py;
    py.setProcessChannelMode(QProcess::MergedChannels);
    py.start(QStringLiteral("/usr/bin/python3"),
             {QStringLiteral(CPIS_SOURCE_DIR "/tests/support/validate_fhir.py"),
              QStringLiteral(CPIS_FHIR_SCHEMA), dir});
    if (!py.waitForFinished(240000))
        return -1;
    *output = QString::fromUtf8(py.readAll());
    return py.exitStatus() == QProcess::NormalExit ? py.exitCode() : -1;
}

void TestSandboxDocs::everyResourceValidatesAgainstFhirSchema()
{
    QVERIFY2(m_dumped > 100, qPrintable(QString::number(m_dumped)));
    QString out;
    const int rc = runValidator(m_dumpDir.path(), &out);
    QVERIFY2(rc == 0, qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("validated %1 resources, 0 invalid").arg(m_dumped)));
}

void TestSandboxDocs::schemaCheckCanFail()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"resourceType":"Patient","id":"9990000018","gender":"boy","birthDate":"2019-13-45"})");
    f.close();
    QString out;
    QCOMPARE(runValidator(dir.path(), &out), 1);
    QVERIFY(out.contains(QStringLiteral("bad.json")));
}

QTEST_GUILESS_MAIN(TestSandboxDocs)
#include "tst_sandboxdocs.moc"
