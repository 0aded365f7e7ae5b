// The administrator's file and the service profiles it allows: what is accepted, what is
// refused (with the line at fault), and that nothing but https leaves training.
#include "core/desk/DeskServices.h"
#include "core/profile/AdministratorFile.h"
#include "core/profile/ProfileTls.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using cpis::AdministratorFile;
using cpis::CpisInterface;
using cpis::ServiceProfile;
using cpis::SiteType;

namespace {

const QByteArray kInt = "[desk]\n"
                        "site = scheduled\n"
                        "profiles = int, training ; the desk's default first\n"
                        "\n"
                        "  # the NHS integration environment, indented\n"
                        "[profile int]\n"
                        "cpis = https://cpis.int.example.nhs.uk/cpis/FHIR/R4\n"
                        "cpis-interface = fhir\n"
                        "timeout-seconds = 12\n"
                        "bulk-file-hosts = files.int.example.nhs.uk, files2.int.example.nhs.uk\n"
                        "export-folder = /srv/shared/school-nursing/area lists\n";

} // namespace

class TestServiceProfile : public QObject
{
    Q_OBJECT
private slots:
    void noFileAllowsTrainingOnly();
    void readsProfilesOverTheirTemplates();
    void refusesWhatItCannotUse_data();
    void refusesWhatItCannotUse();
    void chooseOnlyAllowedProfiles();
    void trainingIsPointedAtTheSandbox();
    void fingerprintFollowsWhatMatters();
    void tlsMaterialMustBeReadable();
    void eachEnvironmentHasItsOwnStore();
};

void TestServiceProfile::noFileAllowsTrainingOnly()
{
    QTemporaryDir dir;
    const auto c = AdministratorFile::load(dir.filePath(QStringLiteral("absent.conf")));
    QVERIFY(c.ok());
    QVERIFY(!c->present);
    QCOMPARE(c->names(), QStringList{QStringLiteral("training")});
    QCOMPARE(c->site, SiteType::UnscheduledCare);
}

void TestServiceProfile::readsProfilesOverTheirTemplates()
{
    const auto c = AdministratorFile::parse(kInt, QStringLiteral("desk.conf"));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error()));
    QCOMPARE(c->names(), (QStringList{QStringLiteral("int"), QStringLiteral("training")}));
    QCOMPARE(c->site, SiteType::ScheduledCare);
    const ServiceProfile p = c->profiles.first();
    QCOMPARE(p.environment, QStringLiteral("int"));
    // From the template: NHS England's published integration addresses.
    QCOMPARE(p.pds.toString(),
             QStringLiteral("https://int.api.service.nhs.uk/personal-demographics/FHIR/R4"));
    QVERIFY(p.identity.host().startsWith(QStringLiteral("am.nhsint.")));
    // From the file.
    QCOMPARE(p.cpis.toString(), QStringLiteral("https://cpis.int.example.nhs.uk/cpis/FHIR/R4"));
    QCOMPARE(p.cpisInterface, CpisInterface::FhirDraft);
    QCOMPARE(p.timeout, std::chrono::milliseconds(12000));
    QCOMPARE(p.bulkFileHosts, (QStringList{QStringLiteral("files.int.example.nhs.uk"),
                                           QStringLiteral("files2.int.example.nhs.uk")}));
    // Spaces inside the value are the folder's own.
    QCOMPARE(p.exportFolder, QStringLiteral("/srv/shared/school-nursing/area lists"));
    // Optional: a profile without it offers the user's Documents folder.
    QVERIFY(c->profiles.at(1).exportFolder.isEmpty());
    // The site type is the administrator's, for every profile.
    QCOMPARE(p.site, SiteType::ScheduledCare);
    QCOMPARE(c->profiles.at(1).site, SiteType::ScheduledCare);
}

void TestServiceProfile::refusesWhatItCannotUse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    const QByteArray good = "cpis = https://cpis.example.nhs.uk/cpis\n";
    QTest::newRow("http outside training")
        << QByteArray("[desk]\nprofiles = live\n[profile live]\n" + good +
                      "pds = http://api.service.nhs.uk/personal-demographics/FHIR/R4\n")
        << "the pds address must be https://";
    QTest::newRow("loopback gets no exemption")
        << QByteArray("[desk]\nprofiles = lab\n[profile lab]\n" + good +
                      "pds = http://127.0.0.1:8080/pds\nidentity = https://127.0.0.1/oauth2\n")
        << "must be https://";
    QTest::newRow("ftp") << QByteArray("[profile live]\n" + good +
                                       "mesh = ftp://mesh.example.nhs.uk\n")
                         << "the mesh address must be https://";
    QTest::newRow("template not completed")
        << QByteArray("[desk]\nprofiles = live\n") << "gives no cpis address";
    QTest::newRow("unknown key") << QByteArray("[profile int]\n" + good + "pdss = https://x\n")
                                 << "desk.conf, line 3: unknown key 'pdss'";
    QTest::newRow("unknown section")
        << QByteArray("[deks]\nsite = scheduled\n") << "line 1: unknown section";
    QTest::newRow("bad site") << QByteArray("[desk]\nsite = sometimes\n")
                              << "line 2: site takes unscheduled or scheduled";
    QTest::newRow("training takes no settings")
        << QByteArray("[profile training]\npds = https://elsewhere.example/pds\n")
        << "line 2: the training profile is the built-in sandbox";
    QTest::newRow("allowed but undefined")
        << QByteArray("[desk]\nprofiles = lab\n") << "names 'lab', which is neither built in";
    QTest::newRow("defined twice") << QByteArray("[profile int]\n" + good + "[profile int]\n")
                                   << "profile 'int' is defined twice";
    QTest::newRow("certificate without key")
        << QByteArray("[profile int]\n" + good + "client-certificate = /etc/c.pem\n")
        << "a client certificate needs its key";
    QTest::newRow("bad interface")
        << QByteArray("[profile int]\n" + good + "cpis-interface = soap\n")
        << "cpis-interface takes hl7v3 or fhir";
    QTest::newRow("a setting before any section")
        << QByteArray("site = scheduled\n") << "line 1: a setting before any section";
    QTest::newRow("too large") << QByteArray(AdministratorFile::kMaxBytes + 1, ';')
                               << "larger than";
}

void TestServiceProfile::refusesWhatItCannotUse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const auto c = AdministratorFile::parse(text, QStringLiteral("desk.conf"));
    QVERIFY(!c.ok());
    QVERIFY2(c.error().contains(message), qPrintable(c.error()));
}

void TestServiceProfile::chooseOnlyAllowedProfiles()
{
    const auto c = AdministratorFile::parse(kInt, QStringLiteral("desk.conf"));
    QVERIFY(c.ok());
    QCOMPARE(c->choose(QString()).value().name, QStringLiteral("int")); // the default
    QCOMPARE(c->choose(QStringLiteral("training")).value().name, QStringLiteral("training"));
    const auto live = c->choose(QStringLiteral("live"));
    QVERIFY(!live.ok());
    QVERIFY2(live.error().contains(QStringLiteral("allowed: int, training")),
             qPrintable(live.error()));
}

void TestServiceProfile::trainingIsPointedAtTheSandbox()
{
    const ServiceProfile t =
        ServiceProfile::training().withSandbox(QUrl(QStringLiteral("http://127.0.0.1:4321")));
    QCOMPARE(t.pds.toString(),
             QStringLiteral("http://127.0.0.1:4321/personal-demographics/FHIR/R4"));
    QCOMPARE(t.cpis.toString(), QStringLiteral("http://127.0.0.1:4321/cpis/FHIR/R4"));
    QCOMPARE(t.identity.toString(), QStringLiteral("http://127.0.0.1:4321/openam/oauth2/realms/"
                                                   "root/realms/NHSIdentity/realms/Healthcare"));
    QVERIFY(!t.problem().has_value()); // plain http on loopback: training only
    ServiceProfile notTraining = t;
    notTraining.name = QStringLiteral("lab");
    QVERIFY(notTraining.problem().has_value());
}

void TestServiceProfile::fingerprintFollowsWhatMatters()
{
    const auto c = AdministratorFile::parse(kInt, QStringLiteral("desk.conf"));
    QVERIFY(c.ok());
    ServiceProfile p = c->profiles.first();
    const QString before = p.fingerprint();
    QVERIFY(before.contains(QStringLiteral("site=scheduled")));
    p.site = SiteType::UnscheduledCare;
    QVERIFY(p.fingerprint() != before);
    p = c->profiles.first();
    p.cpis = QUrl(QStringLiteral("https://elsewhere.example.nhs.uk/cpis"));
    QVERIFY(p.fingerprint() != before);
    // Where exports are offered is where data goes: a change is recorded; unset, it is not
    // part of the fingerprint (so starts without it record no change).
    p = c->profiles.first();
    p.exportFolder = QStringLiteral("/srv/elsewhere");
    QVERIFY(p.fingerprint() != before);
    p.exportFolder.clear();
    QVERIFY(!p.fingerprint().contains(QStringLiteral("export-folder")));
    // The sandbox listens on a new port each start; training is one place wherever it is.
    const ServiceProfile a =
        ServiceProfile::training().withSandbox(QUrl(QStringLiteral("http://127.0.0.1:1")));
    const ServiceProfile b =
        ServiceProfile::training().withSandbox(QUrl(QStringLiteral("http://127.0.0.1:2")));
    QCOMPARE(a.fingerprint(), b.fingerprint());
}

void TestServiceProfile::tlsMaterialMustBeReadable()
{
    QTemporaryDir dir;
    ServiceProfile p = *ServiceProfile::builtIn(QStringLiteral("int"));
    p.cpis = QUrl(QStringLiteral("https://cpis.example.nhs.uk/cpis"));
    p.caBundle = dir.filePath(QStringLiteral("missing.pem"));
    auto tls = cpis::tlsPolicyFor(p);
    QVERIFY(!tls.ok());
    QVERIFY2(tls.error().contains(QStringLiteral("cannot be read")), qPrintable(tls.error()));

    QFile junk(dir.filePath(QStringLiteral("junk.pem")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a certificate\n");
    junk.close();
    p.caBundle = junk.fileName();
    tls = cpis::tlsPolicyFor(p);
    QVERIFY(!tls.ok());
    QVERIFY2(tls.error().contains(QStringLiteral("no certificate")), qPrintable(tls.error()));

    // No file named: the system's CAs, no client certificate, and no loopback exemption.
    p.caBundle.clear();
    tls = cpis::tlsPolicyFor(p);
    QVERIFY(tls.ok());
    QVERIFY(tls->caCertificates.isEmpty());
    QVERIFY(!tls->allowUnverifiedLoopback);
    QVERIFY(cpis::tlsPolicyFor(ServiceProfile::training())->allowUnverifiedLoopback);
}

// Training answers must never be read as live ones: without --store, each environment's
// encrypted files live in a folder of their own.
void TestServiceProfile::eachEnvironmentHasItsOwnStore()
{
    QStandardPaths::setTestModeEnabled(true);
    const auto training = cpis::DeskServices::defaultConfig(ServiceProfile::training(), QString(),
                                                            QStringLiteral("test"));
    ServiceProfile live = *ServiceProfile::builtIn(QStringLiteral("live"));
    const auto liveConfig =
        cpis::DeskServices::defaultConfig(live, QString(), QStringLiteral("test"));
    QVERIFY(training.storeDirectory.endsWith(QStringLiteral("/training")));
    QVERIFY(liveConfig.storeDirectory.endsWith(QStringLiteral("/live")));
    QVERIFY(training.storeDirectory != liveConfig.storeDirectory);
    // A folder the user names is used as given.
    QCOMPARE(cpis::DeskServices::defaultConfig(live, QStringLiteral("/tmp/x"), QStringLiteral("t"))
                 .storeDirectory,
             QStringLiteral("/tmp/x"));
}

QTEST_GUILESS_MAIN(TestServiceProfile)
#include "tst_serviceprofile.moc"
