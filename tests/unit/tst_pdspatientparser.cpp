// The PDS Patient reader: the usual name, addresses by use, deceased and partial dates,
// security labels, NHS number verification and the identifier.
#include "core/fhir/FhirParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using cpis::FhirParser;
using cpis::NhsNumber;

namespace {

NhsNumber nhs(const char* digits)
{
    return NhsNumber::parse(QString::fromLatin1(digits)).value();
}

} // namespace

class TestPdsPatientParser : public QObject
{
    Q_OBJECT
private slots:
    void patientSupersededAndRestricted();
    void patientRejectsBadFields();
    void pdsPatientRules_data();
    void pdsPatientRules();
};

namespace {

// A PDS Patient as the PDS FHIR API publishes it (Patient.yaml and the schemas it refers to).
QJsonObject pdsPatient(const QString& id = QStringLiteral("9000000009"))
{
    const QJsonObject verification{
        {QStringLiteral("url"), QStringLiteral("https://fhir.hl7.org.uk/StructureDefinition/"
                                               "Extension-UKCore-NHSNumberVerificationStatus")},
        {QStringLiteral("valueCodeableConcept"),
         QJsonObject{
             {QStringLiteral("coding"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("system"), QStringLiteral("https://fhir.hl7.org.uk/CodeSystem/"
                                                            "UKCore-NHSNumberVerificationStatus")},
                  {QStringLiteral("code"), QStringLiteral("01")},
                  {QStringLiteral("display"), QStringLiteral("Number present and verified")}}}}}}};
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), id},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{
             {QStringLiteral("system"), QStringLiteral("https://fhir.nhs.uk/Id/nhs-number")},
             {QStringLiteral("value"), id},
             {QStringLiteral("extension"), QJsonArray{verification}}}}},
        {QStringLiteral("meta"),
         QJsonObject{
             {QStringLiteral("versionId"), QStringLiteral("2")},
             {QStringLiteral("security"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("system"), QStringLiteral("http://terminology.hl7.org/CodeSystem/"
                                                            "v3-Confidentiality")},
                  {QStringLiteral("code"), QStringLiteral("U")},
                  {QStringLiteral("display"), QStringLiteral("unrestricted")}}}}}},
        {QStringLiteral("name"),
         QJsonArray{QJsonObject{{QStringLiteral("use"), QStringLiteral("usual")},
                                {QStringLiteral("family"), QStringLiteral("Smith")},
                                {QStringLiteral("given"), QJsonArray{QStringLiteral("Jane")}},
                                {QStringLiteral("prefix"), QJsonArray{QStringLiteral("Mrs")}}}}},
        {QStringLiteral("gender"), QStringLiteral("female")},
        {QStringLiteral("birthDate"), QStringLiteral("2010-10-22")},
        {QStringLiteral("address"),
         QJsonArray{
             QJsonObject{{QStringLiteral("use"), QStringLiteral("home")},
                         {QStringLiteral("line"), QJsonArray{QStringLiteral("1 Trevelyan Square"),
                                                             QStringLiteral("Leeds")}},
                         {QStringLiteral("postalCode"), QStringLiteral("LS1 6AE")}}}},
    };
}

QJsonObject withSecurity(QJsonObject p, const QJsonArray& labels)
{
    QJsonObject meta = p.value(QStringLiteral("meta")).toObject();
    meta.insert(QStringLiteral("security"), labels);
    p.insert(QStringLiteral("meta"), meta);
    return p;
}

QJsonObject label(const QString& code)
{
    return {{QStringLiteral("system"),
             QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-Confidentiality")},
            {QStringLiteral("code"), code}};
}

QJsonObject withVerification(QJsonObject p, const QJsonValue& extensions)
{
    QJsonArray ids = p.value(QStringLiteral("identifier")).toArray();
    QJsonObject id = ids.first().toObject();
    if (extensions.isUndefined())
        id.remove(QStringLiteral("extension"));
    else
        id.insert(QStringLiteral("extension"), extensions);
    ids.replace(0, id);
    p.insert(QStringLiteral("identifier"), ids);
    return p;
}

cpis::Result<cpis::Demographics, FhirParser::Error> parse(const QJsonObject& p,
                                                          const char* asked = "9000000009")
{
    return FhirParser::patient(QJsonDocument(p).toJson(), nhs(asked));
}

} // namespace

void TestPdsPatientParser::patientSupersededAndRestricted()
{
    QJsonObject p = withSecurity(pdsPatient(QStringLiteral("9000000017")),
                                 QJsonArray{label(QStringLiteral("R"))});
    p.insert(
        QStringLiteral("name"),
        QJsonArray{QJsonObject{{QStringLiteral("use"), QStringLiteral("old")},
                               {QStringLiteral("family"), QStringLiteral("Old")}},
                   QJsonObject{{QStringLiteral("use"), QStringLiteral("usual")},
                               {QStringLiteral("family"), QStringLiteral("Smith")},
                               {QStringLiteral("given"),
                                QJsonArray{QStringLiteral("Jane"), QStringLiteral("Ann")}},
                               {QStringLiteral("prefix"), QJsonArray{QStringLiteral("Miss")}}}});
    p.insert(QStringLiteral("birthDate"), QStringLiteral("2016-11-22"));
    const auto r = parse(p);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().what));
    QCOMPARE(r->nhsNumber.digits(), QStringLiteral("9000000017"));
    QCOMPARE(r->supersededFrom.value().digits(), QStringLiteral("9000000009"));
    QVERIFY(r->restricted());
    QVERIFY(r->address.isEmpty()); // withheld even though the body carried one
    QCOMPARE(r->familyName, QStringLiteral("Smith"));
    QCOMPARE(r->givenName, QStringLiteral("Jane Ann"));
    QCOMPARE(r->title, QStringLiteral("Miss"));
    QCOMPARE(r->birthDate.value(), cpis::PartialDate::fromDate(QDate(2016, 11, 22)));
    QVERIFY(r->nhsNumberVerified);
}

void TestPdsPatientParser::patientRejectsBadFields()
{
    QVERIFY(parse(pdsPatient()).ok());
    QVERIFY(!parse(pdsPatient(QStringLiteral("9000000008"))).ok()); // not a valid number
    QJsonObject p = pdsPatient();
    p.insert(QStringLiteral("birthDate"), QStringLiteral("22/11/2016"));
    QVERIFY(!parse(p).ok());
    for (const char* bad : {"2010-13", "201", "2010-1", "2010-10-32", "2010-10-22T00:00:00Z"}) {
        p.insert(QStringLiteral("birthDate"), QString::fromLatin1(bad));
        QVERIFY2(!parse(p).ok(), bad);
    }
    p = pdsPatient();
    p.insert(QStringLiteral("gender"), QStringLiteral("F"));
    QVERIFY(!parse(p).ok());
    // Only `id` is required by the schema, but a PDS answer always has the rest we rely on.
    QVERIFY(
        !FhirParser::patient(R"({"resourceType":"Patient","id":"9000000009"})", nhs("9000000009"))
             .ok());
}

void TestPdsPatientParser::pdsPatientRules_data()
{
    QTest::addColumn<QJsonObject>("patient");
    QTest::addColumn<QString>("error");  // empty: accepted
    QTest::addColumn<QString>("family"); // of the name read
    QTest::addColumn<QString>("birth");  // PartialDate::toIso, or empty
    QTest::addColumn<QString>("deceased");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("temporary");
    QTest::addColumn<int>("confidentiality");
    QTest::addColumn<bool>("verified");

    using C = cpis::Demographics::Confidentiality;
    const QString home = QStringLiteral("1 Trevelyan Square, Leeds, LS1 6AE");
    const QJsonObject base = pdsPatient();
    QTest::newRow("base") << base << QString() << "Smith"
                          << "2010-10-22" << QString() << home << QString() << int(C::Unrestricted)
                          << true;

    QJsonObject p = base;
    p.insert(QStringLiteral("birthDate"), QStringLiteral("2010-10"));
    QTest::newRow("birth yyyy-mm")
        << p << QString() << "Smith"
        << "2010-10" << QString() << home << QString() << int(C::Unrestricted) << true;
    p.insert(QStringLiteral("birthDate"), QStringLiteral("2010"));
    QTest::newRow("birth yyyy") << p << QString() << "Smith"
                                << "2010" << QString() << home << QString() << int(C::Unrestricted)
                                << true;

    const QList<std::pair<const char*, const char*>> deaths{
        {"2026-03-03T10:15:00+00:00", "2026-03-03"},
        {"2026-03-03T10:15:00", "2026-03-03"},
        {"2026-03-03", "2026-03-03"},
        {"2026-03", "2026-03"},
        {"2026", "2026"},
        {"2026-06-02T23:30:00+00:00", "2026-06-03"}, // after midnight in the UK (BST)
        {"2026-06-02T23:30:00Z", "2026-06-03"},
    };
    for (const auto& [value, day] : deaths) {
        p = base;
        p.insert(QStringLiteral("deceasedDateTime"), QString::fromLatin1(value));
        QTest::addRow("deceased %s", value) << p << QString() << "Smith"
                                            << "2010-10-22" << QString::fromLatin1(day) << home
                                            << QString() << int(C::Unrestricted) << true;
    }
    for (const char* bad : {"03/03/2026", "2026-03-03T10:15", "2026-02-30", "yesterday"}) {
        p = base;
        p.insert(QStringLiteral("deceasedDateTime"), QString::fromLatin1(bad));
        QTest::addRow("deceased bad %s", bad) << p << "deceasedDateTime" << QString() << QString()
                                              << QString() << QString() << QString() << 0 << false;
    }
    p = base;
    p.insert(QStringLiteral("deceasedDateTime"), true);
    QTest::newRow("deceased boolean") << p << "deceasedDateTime" << QString() << QString()
                                      << QString() << QString() << QString() << 0 << false;

    // Confidentiality: exactly one label, U, R or V.
    p = withSecurity(base, QJsonArray{label(QStringLiteral("R"))});
    QTest::newRow("R") << p << QString() << "Smith"
                       << "2010-10-22" << QString() << QString() << QString() << int(C::Restricted)
                       << true;
    p = withSecurity(base, QJsonArray{label(QStringLiteral("V"))});
    QTest::newRow("V") << p << QString() << "Smith"
                       << "2010-10-22" << QString() << QString() << QString()
                       << int(C::VeryRestricted) << true;
    QTest::newRow("no security") << withSecurity(base, QJsonArray{}) << "meta.security" << QString()
                                 << QString() << QString() << QString() << QString() << 0 << false;
    p = base;
    p.remove(QStringLiteral("meta"));
    QTest::newRow("no meta") << p << "meta.security" << QString() << QString() << QString()
                             << QString() << QString() << 0 << false;
    QTest::newRow("two labels") << withSecurity(base, QJsonArray{label(QStringLiteral("U")),
                                                                 label(QStringLiteral("R"))})
                                << "meta.security" << QString() << QString() << QString()
                                << QString() << QString() << 0 << false;
    QTest::newRow("REDACTED") << withSecurity(base, QJsonArray{label(QStringLiteral("REDACTED"))})
                              << "meta.security" << QString() << QString() << QString() << QString()
                              << QString() << 0 << false;
    QTest::newRow("unknown code") << withSecurity(base, QJsonArray{label(QStringLiteral("N"))})
                                  << "meta.security" << QString() << QString() << QString()
                                  << QString() << QString() << 0 << false;
    QJsonObject otherSystem = label(QStringLiteral("U"));
    otherSystem.insert(QStringLiteral("system"), QStringLiteral("http://example.org/codes"));
    QTest::newRow("other system") << withSecurity(base, QJsonArray{otherSystem}) << "meta.security"
                                  << QString() << QString() << QString() << QString() << QString()
                                  << 0 << false;

    // Names: the one usual name, never another.
    const QJsonObject old{{QStringLiteral("use"), QStringLiteral("old")},
                          {QStringLiteral("family"), QStringLiteral("Formerly")}};
    const QJsonObject nickname{{QStringLiteral("use"), QStringLiteral("nickname")},
                               {QStringLiteral("family"), QStringLiteral("Nick")}};
    const QJsonObject usual = base.value(QStringLiteral("name")).toArray().first().toObject();
    p = base;
    p.insert(QStringLiteral("name"), QJsonArray{old, nickname, usual});
    QTest::newRow("usual last") << p << QString() << "Smith"
                                << "2010-10-22" << QString() << home << QString()
                                << int(C::Unrestricted) << true;
    p.insert(QStringLiteral("name"), QJsonArray{old, nickname});
    QTest::newRow("no usual name") << p << "usual" << QString() << QString() << QString()
                                   << QString() << QString() << 0 << false;
    p.insert(QStringLiteral("name"), QJsonArray{usual, usual});
    QTest::newRow("two usual names") << p << "usual" << QString() << QString() << QString()
                                     << QString() << QString() << 0 << false;
    p.remove(QStringLiteral("name"));
    QTest::newRow("no name") << p << "name" << QString() << QString() << QString() << QString()
                             << QString() << 0 << false;

    // Addresses: by use, never the first.
    const QJsonObject temp{{QStringLiteral("use"), QStringLiteral("temp")},
                           {QStringLiteral("text"), QStringLiteral("Student Accommodation")},
                           {QStringLiteral("line"), QJsonArray{QStringLiteral("2 College Road")}},
                           {QStringLiteral("postalCode"), QStringLiteral("LS2 9JT")}};
    const QJsonObject homeAddress =
        base.value(QStringLiteral("address")).toArray().first().toObject();
    p = base;
    p.insert(QStringLiteral("address"), QJsonArray{temp, homeAddress});
    QTest::newRow("temp first") << p << QString() << "Smith"
                                << "2010-10-22" << QString() << home << "2 College Road, LS2 9JT"
                                << int(C::Unrestricted) << true;
    p.insert(QStringLiteral("address"), QJsonArray{temp});
    QTest::newRow("temp only") << p << QString() << "Smith"
                               << "2010-10-22" << QString() << QString()
                               << "2 College Road, LS2 9JT" << int(C::Unrestricted) << true;
    QJsonObject noUse = homeAddress;
    noUse.remove(QStringLiteral("use"));
    p.insert(QStringLiteral("address"), QJsonArray{noUse});
    QTest::newRow("address without use")
        << p << QString() << "Smith"
        << "2010-10-22" << QString() << QString() << QString() << int(C::Unrestricted) << true;

    // The identifier: the one NHS number, equal to id, and its verification status.
    QTest::newRow("no verification status")
        << withVerification(base, QJsonValue::Undefined) << QString() << "Smith"
        << "2010-10-22" << QString() << home << QString() << int(C::Unrestricted) << false;
    QJsonArray ext = base.value(QStringLiteral("identifier"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("extension"))
                         .toArray();
    QJsonObject unverified = ext.first().toObject();
    unverified.insert(
        QStringLiteral("valueCodeableConcept"),
        QJsonObject{
            {QStringLiteral("coding"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("system"), QStringLiteral("https://fhir.hl7.org.uk/CodeSystem/"
                                                           "UKCore-NHSNumberVerificationStatus")},
                 {QStringLiteral("code"), QStringLiteral("02")},
                 {QStringLiteral("display"), QStringLiteral("Number present but not traced")}}}}});
    QTest::newRow("status 02") << withVerification(base, QJsonArray{unverified}) << QString()
                               << "Smith"
                               << "2010-10-22" << QString() << home << QString()
                               << int(C::Unrestricted) << false;
    QTest::newRow("two statuses") << withVerification(base, QJsonArray{ext.first(), unverified})
                                  << "verification" << QString() << QString() << QString()
                                  << QString() << QString() << 0 << false;
    p = base;
    QJsonArray ids = p.value(QStringLiteral("identifier")).toArray();
    QJsonObject id = ids.first().toObject();
    id.insert(QStringLiteral("value"), QStringLiteral("9000000017"));
    ids.replace(0, id);
    p.insert(QStringLiteral("identifier"), ids);
    QTest::newRow("identifier is not id") << p << "identifier.value" << QString() << QString()
                                          << QString() << QString() << QString() << 0 << false;
    p.remove(QStringLiteral("identifier"));
    QTest::newRow("no identifier") << p << "identifier" << QString() << QString() << QString()
                                   << QString() << QString() << 0 << false;
}

void TestPdsPatientParser::pdsPatientRules()
{
    QFETCH(QJsonObject, patient);
    QFETCH(QString, error);
    const auto r = parse(patient);
    if (!error.isEmpty()) {
        QVERIFY2(!r.ok(), "accepted");
        QVERIFY2(r.error().what.contains(error), qPrintable(r.error().what));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().what));
    QFETCH(QString, family);
    QFETCH(QString, birth);
    QFETCH(QString, deceased);
    QFETCH(QString, address);
    QFETCH(QString, temporary);
    QFETCH(int, confidentiality);
    QFETCH(bool, verified);
    QCOMPARE(r->familyName, family);
    QCOMPARE(r->birthDate ? r->birthDate->toIso() : QString(), birth);
    QCOMPARE(r->deceased ? r->deceased->toIso() : QString(), deceased);
    QCOMPARE(r->address, address);
    QCOMPARE(r->temporaryAddress, temporary);
    QCOMPARE(int(r->confidentiality), confidentiality);
    QCOMPARE(r->nhsNumberVerified, verified);
}

QTEST_GUILESS_MAIN(TestPdsPatientParser)
#include "tst_pdspatientparser.moc"
