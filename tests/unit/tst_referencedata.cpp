#include "tests/support/ReferenceData.h"

#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

using cpis::testsupport::referenceDataPath;

// The reference data that ../shared/testdata promises, in the layout the tests read it from:
// the published contracts of PDS and MESH (OpenAPI) and the CP-IS HL7 V3 schemas that libxml2
// compiles. Without the shared folder each set skips in one line; with it, a set that has
// moved or arrived damaged fails here rather than in the test that first reads it.
class TestReferenceData : public QObject
{
    Q_OBJECT
private slots:
    void pdsSpecification();
    void meshSpecification();
    void spineCpisSchemas();

private:
    static QByteArray read(const QString& relative);
};

QByteArray TestReferenceData::read(const QString& relative)
{
    QFile f(referenceDataPath(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestReferenceData::pdsSpecification()
{
    CPIS_REQUIRE_REFERENCE_DATA(QStringLiteral("pds"));
    QVERIFY(!read(QStringLiteral("pds/LICENSE")).isEmpty());
    const QByteArray spec = read(QStringLiteral("pds/specification/personal-demographics.yaml"));
    QVERIFY(spec.contains("\nopenapi:"));
    QVERIFY(spec.contains("Personal Demographics Service"));
}

void TestReferenceData::meshSpecification()
{
    CPIS_REQUIRE_REFERENCE_DATA(QStringLiteral("mesh"));
    QVERIFY(!read(QStringLiteral("mesh/LICENSE")).isEmpty());
    const QByteArray spec = read(QStringLiteral("mesh/specification/mesh-api.yaml"));
    QVERIFY(spec.startsWith("openapi:"));
    QVERIFY(spec.contains("NHSMESH"));
}

void TestReferenceData::spineCpisSchemas()
{
    CPIS_REQUIRE_REFERENCE_DATA(QStringLiteral("spine-cpis"));
    for (const char* interaction : {"QUPC_IN000006GB01", "REPC_IN000007GB01", "QUQI_IN010000UK14",
                                    "MCCI_IN010000UK13", "REPC_MT000004GB01"}) {
        const QByteArray xsd = read(QStringLiteral("spine-cpis/CPIS-libxml2/Schemas/%1.xsd")
                                        .arg(QLatin1String(interaction)));
        QXmlStreamReader xml(xsd);
        QVERIFY2(xml.readNextStartElement(), interaction);
        QVERIFY2(xml.name() == u"schema", interaction);
        QVERIFY2(xml.namespaceUri() == u"http://www.w3.org/2001/XMLSchema", interaction);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(),
                 qPrintable(QLatin1String(interaction) + u": " + xml.errorString()));
    }
}

QTEST_GUILESS_MAIN(TestReferenceData)
#include "tst_referencedata.moc"
