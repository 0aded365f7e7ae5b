// What a profile needs to ask CP-IS over HL7 V3: the ASIDs and party keys, mutual TLS with a
// key nobody else can read (PEM or PKCS#12), the sandbox's Spine endpoint in training, and the
// composition root picking the adapter the profile names.
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/lookup/FhirCpisAdapter.h"
#include "core/lookup/SpineCpisAdapter.h"
#include "core/profile/AdministratorFile.h"
#include "core/profile/ProfileTls.h"
#include "core/store/MemoryKeyProvider.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cpis;

namespace {

bool openssl(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// A client certificate and key in `dir` (cert.pem, key.pem) and the same as PKCS#12 (client.p12
// with the passphrase "secret").
bool makeClientMaterial(const QString& dir)
{
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    dir + QStringLiteral("/key.pem"), QStringLiteral("-out"),
                    dir + QStringLiteral("/cert.pem"), QStringLiteral("-days"), QStringLiteral("1"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=desk.example")}) &&
           openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"),
                    dir + QStringLiteral("/cert.pem"), QStringLiteral("-inkey"),
                    dir + QStringLiteral("/key.pem"), QStringLiteral("-out"),
                    dir + QStringLiteral("/client.p12"), QStringLiteral("-passout"),
                    QStringLiteral("pass:secret")});
}

bool writeFile(const QString& path, const QByteArray& text, QFileDevice::Permissions mode)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size() && f.setPermissions(mode);
}

const QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

ServiceProfile spineProfile()
{
    ServiceProfile p = *ServiceProfile::builtIn(QStringLiteral("int"));
    p.cpis = QUrl(QStringLiteral("https://spine.example.nhs.uk/sync/cpis"));
    return p;
}

} // namespace

class TestSpineProfile : public QObject
{
    Q_OBJECT
private slots:
    void administratorFileReadsTheSpineKeys();
    void trainingMaySpeakHl7V3ToItsSandbox();
    void pemKeyMustBeOwnerOnly();
    void pkcs12BundleWithItsPassphrase();
    void deskPicksTheAdapterTheProfileNames();
    void areaListsNeverAskTheSpineEndpoint();
};

void TestSpineProfile::administratorFileReadsTheSpineKeys()
{
    const auto c = AdministratorFile::parse("[desk]\nprofiles = int\n[profile int]\n"
                                            "cpis = https://spine.example.nhs.uk/sync/cpis\n"
                                            "desk-asid = 200000000123\n"
                                            "desk-party-key = RXX-123456\n"
                                            "cpis-asid = 200000000456\n"
                                            "cpis-party-key = YES-0000806\n",
                                            QStringLiteral("desk.conf"));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error()));
    const ServiceProfile& p = c->profiles.first();
    QCOMPARE(p.cpisInterface, CpisInterface::Hl7V3);
    QCOMPARE(p.deskAsid, QStringLiteral("200000000123"));
    QCOMPARE(p.deskPartyKey, QStringLiteral("RXX-123456"));
    QCOMPARE(p.cpisAsid, QStringLiteral("200000000456"));
    QCOMPARE(p.cpisPartyKey, QStringLiteral("YES-0000806"));
    // Where the query goes and who it says sends it are recorded when they change.
    ServiceProfile other = p;
    other.deskAsid = QStringLiteral("200000000999");
    QVERIFY(other.fingerprint() != p.fingerprint());
}

void TestSpineProfile::trainingMaySpeakHl7V3ToItsSandbox()
{
    QCOMPARE(ServiceProfile::training().cpisInterface, CpisInterface::FhirDraft);
    const auto c = AdministratorFile::parse("[profile training]\ncpis-interface = hl7v3\n",
                                            QStringLiteral("desk.conf"));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error()));
    const ServiceProfile t =
        c->profiles.first().withSandbox(QUrl(QStringLiteral("http://127.0.0.1:4321")));
    QCOMPARE(t.cpisInterface, CpisInterface::Hl7V3);
    QCOMPARE(t.cpis.toString(), QStringLiteral("http://127.0.0.1:4321/spine/cpis"));
    QCOMPARE(t.pds.toString(),
             QStringLiteral("http://127.0.0.1:4321/personal-demographics/FHIR/R4"));
    QCOMPARE(t.deskAsid, QStringLiteral("990101234568"));
    QCOMPARE(t.cpisAsid, QStringLiteral("990101234567"));
    QCOMPARE(t.deskPartyKey, QStringLiteral("DESK-TRAINING-1"));
    QCOMPARE(t.cpisPartyKey, QStringLiteral("CPIS-TRAINING-1"));
    // Training still takes no address of its own.
    const auto moved = AdministratorFile::parse("[profile training]\ncpis-asid = 1\n",
                                                QStringLiteral("desk.conf"));
    QVERIFY(!moved.ok());
}

void TestSpineProfile::pemKeyMustBeOwnerOnly()
{
    QTemporaryDir dir;
    QVERIFY(makeClientMaterial(dir.path()));
    ServiceProfile p = spineProfile();
    p.clientCertificate = dir.filePath(QStringLiteral("cert.pem"));
    p.clientKey = dir.filePath(QStringLiteral("key.pem"));

    QVERIFY(QFile::setPermissions(p.clientKey,
                                  kOwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    auto tls = tlsPolicyFor(p);
    QVERIFY(!tls.ok());
    QVERIFY2(tls.error().contains(u"chmod 600"), qPrintable(tls.error()));

    QVERIFY(QFile::setPermissions(p.clientKey, kOwnerOnly));
    tls = tlsPolicyFor(p);
    QVERIFY2(tls.ok(), qPrintable(tls.ok() ? QString() : tls.error()));
    QVERIFY(!tls->clientCertificate.isNull());
    QVERIFY(!tls->clientKey.isNull());
}

void TestSpineProfile::pkcs12BundleWithItsPassphrase()
{
    QTemporaryDir dir;
    QVERIFY(makeClientMaterial(dir.path()));
    ServiceProfile p = spineProfile();
    p.clientCertificate = dir.filePath(QStringLiteral("client.p12"));
    p.clientKey = dir.filePath(QStringLiteral("passphrase"));

    QVERIFY(writeFile(p.clientKey, "secret\n", kOwnerOnly));
    auto tls = tlsPolicyFor(p);
    QVERIFY2(tls.ok(), qPrintable(tls.ok() ? QString() : tls.error()));
    QFile pem(dir.filePath(QStringLiteral("cert.pem")));
    QVERIFY(pem.open(QIODevice::ReadOnly));
    QCOMPARE(tls->clientCertificate, QSslCertificate(&pem, QSsl::Pem));
    QVERIFY(!tls->clientKey.isNull());

    QVERIFY(writeFile(p.clientKey, "wrong\n", kOwnerOnly));
    tls = tlsPolicyFor(p);
    QVERIFY(!tls.ok());
    QVERIFY2(tls.error().contains(u"PKCS#12"), qPrintable(tls.error()));

    QVERIFY(writeFile(p.clientKey, "secret\n", kOwnerOnly | QFileDevice::ReadOther));
    tls = tlsPolicyFor(p);
    QVERIFY(!tls.ok());
    QVERIFY2(tls.error().contains(u"chmod 600"), qPrintable(tls.error()));
}

void TestSpineProfile::deskPicksTheAdapterTheProfileNames()
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));
    MemoryKeyProvider keys;
    ServiceProfile training =
        ServiceProfile::training().withSandbox(QUrl(QStringLiteral("http://127.0.0.1:4321")));
    {
        auto desk = DeskServices::create(
            DeskServices::defaultConfig(training, dir.filePath(QStringLiteral("fhir")),
                                        QStringLiteral("test")),
            &clock, keys);
        QVERIFY2(desk.ok(), qPrintable(desk.ok() ? QString() : desk.error().message));
        QVERIFY(dynamic_cast<FhirCpisAdapter*>(&desk.value()->cpis()));
    }
    training.cpisInterface = CpisInterface::Hl7V3;
    training = training.withSandbox(QUrl(QStringLiteral("http://127.0.0.1:4321")));
    {
        auto desk = DeskServices::create(
            DeskServices::defaultConfig(training, dir.filePath(QStringLiteral("spine")),
                                        QStringLiteral("test")),
            &clock, keys);
        QVERIFY2(desk.ok(), qPrintable(desk.ok() ? QString() : desk.error().message));
        auto* spine = dynamic_cast<SpineCpisAdapter*>(&desk.value()->cpis());
        QVERIFY(spine);
        QCOMPARE(spine->settings().endpoint.path(), QStringLiteral("/spine/cpis"));
        QCOMPARE(spine->settings().cpisAsid, QStringLiteral("990101234567"));
    }
    // Without the ASIDs Spine routes by, nothing is opened or sent.
    training.deskAsid.clear();
    auto refused = DeskServices::create(
        DeskServices::defaultConfig(training, dir.filePath(QStringLiteral("none")),
                                    QStringLiteral("test")),
        &clock, keys);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, DeskServices::Error::Kind::Profile);
    QVERIFY(refused.error().message.contains(u"desk-asid"));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none"))));
}

// The V3 interface has no query for an area's children: area lists go to the FHIR side the
// profile names (cpis-fhir), or are unavailable with a reason, never sent to the Spine endpoint.
void TestSpineProfile::areaListsNeverAskTheSpineEndpoint()
{
    ServiceProfile training = ServiceProfile::training();
    training.cpisInterface = CpisInterface::Hl7V3;
    training = training.withSandbox(QUrl(QStringLiteral("http://127.0.0.1:4321")));
    QCOMPARE(training.cpis.path(), QStringLiteral("/spine/cpis"));
    QCOMPARE(training.areaListBase().toString(),
             QStringLiteral("http://127.0.0.1:4321/cpis/FHIR/R4"));

    const auto c = AdministratorFile::parse("[desk]\nprofiles = int\n[profile int]\n"
                                            "cpis = https://spine.example.nhs.uk/sync/cpis\n"
                                            "desk-asid = 200000000123\n"
                                            "cpis-asid = 200000000456\n",
                                            QStringLiteral("desk.conf"));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error()));
    ServiceProfile spine = c->profiles.first();
    QVERIFY(spine.areaListBase().isEmpty());

    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));
    MemoryKeyProvider keys;
    {
        auto desk = DeskServices::create(
            DeskServices::defaultConfig(spine, dir.filePath(QStringLiteral("none")),
                                        QStringLiteral("test")),
            &clock, keys);
        QVERIFY2(desk.ok(), qPrintable(desk.ok() ? QString() : desk.error().message));
        const auto why = desk.value()->areaLists().unavailableReason();
        QVERIFY(why.has_value());
        QVERIFY2(why->contains(u"cpis-fhir"), qPrintable(*why));
        QVERIFY(!desk.value()->areaLists().sync(UserSession{}, AreaInfo{}));
    }

    const auto named =
        AdministratorFile::parse("[desk]\nprofiles = int\n[profile int]\n"
                                 "cpis = https://spine.example.nhs.uk/sync/cpis\n"
                                 "cpis-fhir = https://int.api.service.nhs.uk/cpis/FHIR/R4\n"
                                 "desk-asid = 200000000123\ncpis-asid = 200000000456\n",
                                 QStringLiteral("desk.conf"));
    QVERIFY2(named.ok(), qPrintable(named.ok() ? QString() : named.error()));
    QCOMPARE(named->profiles.first().areaListBase().host(),
             QStringLiteral("int.api.service.nhs.uk"));
    // Where lists come from is part of what the audit log records when it changes.
    QVERIFY(named->profiles.first().fingerprint() != spine.fingerprint());
    {
        auto desk =
            DeskServices::create(DeskServices::defaultConfig(named->profiles.first(),
                                                             dir.filePath(QStringLiteral("named")),
                                                             QStringLiteral("test")),
                                 &clock, keys);
        QVERIFY2(desk.ok(), qPrintable(desk.ok() ? QString() : desk.error().message));
        QVERIFY(!desk.value()->areaLists().unavailableReason().has_value());
    }
}

QTEST_GUILESS_MAIN(TestSpineProfile)
#include "tst_spineprofile.moc"
