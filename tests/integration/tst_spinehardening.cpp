// A hostile or broken CP-IS V3 answer ends in "could not check" (a BadResponse, never "no
// record"), within the time limit and without the desk's memory growing with it: entity
// bombs, external entities (a file and an address that must never be fetched), a 100 MB body
// with and without a Content-Length, and 10,000-deep nesting. Each goes through the desk's
// real path (SpineCpisAdapter, SpineTransport, QNetworkAccessManager) against a loopback
// server, and through the reader on its own. The largest body the reader accepts is parsed
// in its worst shapes, timed: size and depth caps are what bound the parse's wall-clock time.
#include "core/domain/Clock.h"
#include "core/lookup/SpineCpisAdapter.h"
#include "core/net/ResponseLimit.h"
#include "core/spine/SpineResponseReader.h"
#include "core/spine/SpineXmlTree.h"
#include "tests/support/JunkHttp.h"
#include "tests/support/LoopbackHttp.h"
#include "tests/support/SoapLoopback.h"
#include "tests/support/TestNurse.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTest>

#include <optional>
#include <sys/resource.h>

using namespace cpis;
using testsupport::JunkHttp;
using testsupport::SoapLoopback;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kMaxGrowthKb = 200LL * 1024;     // 200 MB of peak resident memory
constexpr qint64 kHugeBody = 100LL * 1024 * 1024; // 100 MB
const QString kNhs = QStringLiteral("9434765919");
const QString kRequestId = QStringLiteral("uuid:7E1C4B9A-2D3F-4E5A-9B6C-0D1E2F3A4B5C");

long statusKb(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLong();
    return 0;
}

// Peak resident memory since the last resetPeak(): VmHWM, which writing 5 to clear_refs
// brings down to the current size. Without that (an old kernel) the growth of the process's
// lifetime peak, which can only under-report what came before it.
bool resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

struct PeakWatch
{
    PeakWatch() : reset(resetPeak()), before(reset ? statusKb("VmRSS:") : lifetimePeak()) {}
    long growthKb() const { return (reset ? statusKb("VmHWM:") : lifetimePeak()) - before; }
    static long lifetimePeak()
    {
        struct rusage u
        {};
        getrusage(RUSAGE_SELF, &u);
        return u.ru_maxrss; // kilobytes on Linux
    }
    bool reset;
    long before;
};

QByteArray fixture(const char* name)
{
    QFile f(QStringLiteral(CPIS_SOURCE_DIR "/tests/data/spine/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

// A real answer (records, RelatesTo naming kRequestId) with `prolog` before its envelope and
// `&ref;`-style `inBody` inside the first text the reader must read.
QByteArray hostile(const QByteArray& prolog, const QByteArray& inBody)
{
    QByteArray xml = fixture("response-plans.xml");
    xml.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog));
    if (!inBody.isEmpty())
        xml.replace("<wsa:To/>", QByteArray("<wsa:To>" + inBody + "</wsa:To>"));
    return xml;
}

QByteArray billionLaughs()
{
    QByteArray dtd = "<!DOCTYPE SOAP:Envelope [\n<!ENTITY lol \"lol\">\n";
    QByteArray previous = "lol";
    for (int i = 1; i <= 9; ++i) {
        const QByteArray name = "lol" + QByteArray::number(i);
        dtd += "<!ENTITY " + name + " \"" + QByteArray("&" + previous + ";").repeated(10) + "\">\n";
        previous = name;
    }
    return hostile(dtd + "]>\n", "&lol9;");
}

QByteArray externalEntity(const QByteArray& systemId)
{
    return hostile("<!DOCTYPE SOAP:Envelope [\n<!ENTITY xxe SYSTEM \"" + systemId + "\">\n]>\n",
                   "&xxe;");
}

QByteArray deepNesting(int depth)
{
    QByteArray xml = fixture("response-plans.xml");
    const QByteArray open = QByteArray("<hl7:x>").repeated(depth);
    const QByteArray close = QByteArray("</hl7:x>").repeated(depth);
    return xml.replace("<wsa:To/>", QByteArray("<wsa:To>" + open + close + "</wsa:To>"));
}

// The request's wsa:MessageID, as a real service would echo it in wsa:RelatesTo.
QByteArray messageId(const QByteArray& request)
{
    static const QRegularExpression re(
        QStringLiteral("<wsa:MessageID>(uuid:[0-9A-F-]+)</wsa:MessageID>"));
    return re.match(QString::fromUtf8(request)).captured(1).toLatin1();
}

struct Outcome
{
    std::optional<Result<CpisAnswer, ServiceError>> result;
    qint64 ms = 0;
    long growthKb = 0;
};

// Asks through the real adapter and transport, with the production limits.
Outcome ask(const QUrl& endpoint)
{
    QNetworkAccessManager nam;
    SystemClock clock;
    SpineTransport::Settings settings; // the defaults: 4 s stall, 8 s total, kXmlBytes
    SpineTransport transport(&nam, &clock, settings);
    SpineCpisAdapter adapter(&transport, &clock,
                             {endpoint, QStringLiteral("990101234568"),
                              QStringLiteral("DESK-TRAINING-1"), QStringLiteral("990101234567"),
                              QStringLiteral("CPIS-TRAINING-1")});
    const UserSession session = testsupport::spineNurse();
    Outcome out;
    QObject receiver;
    QElapsedTimer t;
    const PeakWatch peak;
    t.start();
    adapter.ask(NhsNumber::parse(kNhs).value(), true, {&session, "corr", "trace"}, &receiver,
                [&](const Result<CpisAnswer, ServiceError>& r, const QByteArray&) {
                    out.result = r;
                    out.ms = t.elapsed();
                });
    // Past the transport's own total limit, so a missing limit shows as a failure here.
    (void)QTest::qWaitFor([&] { return out.result.has_value(); }, 30000);
    out.growthKb = peak.growthKb();
    return out;
}

void report(const char* what, const Outcome& o)
{
    qInfo("%s: %lld ms, peak RSS +%ld kB, %s", what, o.ms, o.growthKb,
          o.result && !o.result->ok() ? qPrintable(o.result->error().detail) : "accepted");
}

} // namespace

class TestSpineHardening : public QObject
{
    Q_OBJECT

private slots:
    void hostileAnswerOverSoap_data();
    void hostileAnswerOverSoap();
    void hugeBodyIsCutOff_data();
    void hugeBodyIsCutOff();
    void readerRefusesHostileXml_data();
    void readerRefusesHostileXml();
    void largestAcceptedBodyParsesInTime_data();
    void largestAcceptedBodyParsesInTime();
};

void TestSpineHardening::hostileAnswerOverSoap_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("why");
    QTest::newRow("billion laughs") << billionLaughs() << QStringLiteral("DOCTYPE");
    QTest::newRow("external entity, file")
        << externalEntity("file:///etc/passwd") << QStringLiteral("DOCTYPE");
    // The address is rewritten to a loopback server that counts what it is asked.
    QTest::newRow("external entity, http")
        << externalEntity("http://ENTITY_HOST/secret") << QStringLiteral("DOCTYPE");
    QTest::newRow("undeclared entity") << hostile({}, "&xxe;") << QStringLiteral("xxe");
    QTest::newRow("10,000-deep nesting") << deepNesting(10000) << QStringLiteral("deeper than");
}

void TestSpineHardening::hostileAnswerOverSoap()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, why);
    testsupport::LoopbackHttp entityHost([](const QByteArray&) {
        return testsupport::LoopbackHttp::Answer{200, "root:x:0:0", "text/plain"};
    });
    QVERIFY(entityHost.listen());
    body.replace("ENTITY_HOST", entityHost.baseUrl().authority().toLatin1());

    SoapLoopback server([&](const SoapLoopback::Request& r) {
        // Answers this very request, so only the hostile part can be why it is refused.
        QByteArray answer = body;
        return SoapLoopback::Answer{200, answer.replace(kRequestId.toLatin1(), messageId(r.body))};
    });
    QVERIFY(server.listen());
    const Outcome o = ask(server.url(QStringLiteral("/spine/cpis")));
    report(QTest::currentDataTag(), o);
    QVERIFY2(o.result.has_value(), "no answer within 30 s");
    QVERIFY2(!o.result->ok(), "a hostile answer was read as an answer");
    QCOMPARE(o.result->error().kind, ServiceError::Kind::BadResponse);
    QVERIFY2(o.result->error().detail.contains(why), qPrintable(o.result->error().detail));
    QCOMPARE(server.requests().size(), 1);
    QVERIFY2(entityHost.paths().isEmpty(), "the external entity was fetched");
    QVERIFY2(o.ms < 8000, qPrintable(QString::number(o.ms)));
    QVERIFY2(o.growthKb < kMaxGrowthKb, qPrintable(QStringLiteral("grew %1 kB").arg(o.growthKb)));
}

void TestSpineHardening::hugeBodyIsCutOff_data()
{
    QTest::addColumn<bool>("declareLength");
    QTest::newRow("100 MB with Content-Length") << true;
    QTest::newRow("100 MB streamed without a length") << false;
}

void TestSpineHardening::hugeBodyIsCutOff()
{
    QFETCH(bool, declareLength);
    // Well-formed as far as it goes: an envelope opening into endless elements.
    JunkHttp server({kHugeBody, declareLength, "text/xml; charset=utf-8",
                     QByteArray("<hl7:component typeCode=\"COMP\">").repeated(2048)});
    QVERIFY(server.listen());
    const Outcome o = ask(server.url(QStringLiteral("/spine/cpis")));
    report(QTest::currentDataTag(), o);
    QVERIFY2(o.result.has_value(), "no answer within 30 s");
    QVERIFY2(!o.result->ok(), "a 100 MB body was accepted");
    QCOMPARE(o.result->error().kind, ServiceError::Kind::BadResponse);
    QVERIFY2(o.result->error().detail.contains(QStringLiteral("size limit")),
             qPrintable(o.result->error().detail));
    QVERIFY2(o.ms < 8000, qPrintable(QString::number(o.ms)));
    QVERIFY2(o.growthKb < kMaxGrowthKb, qPrintable(QStringLiteral("grew %1 kB").arg(o.growthKb)));
    // Cut off on the way in: a declared length before any of the body is read, a stream once
    // it passes the limit, long before its end.
    QVERIFY2(server.sent() < kHugeBody / 4,
             qPrintable(QStringLiteral("%1 bytes sent").arg(server.sent())));
    if (!declareLength)
        QVERIFY(server.sent() > ResponseLimit::kXmlBytes);
}

void TestSpineHardening::readerRefusesHostileXml_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("why");
    QTest::newRow("billion laughs") << billionLaughs() << QStringLiteral("DOCTYPE");
    QTest::newRow("external entity, file")
        << externalEntity("file:///etc/passwd") << QStringLiteral("DOCTYPE");
    QTest::newRow("external entity, http")
        << externalEntity("http://127.0.0.1:9/secret") << QStringLiteral("DOCTYPE");
    QTest::newRow("parameter entity")
        << hostile(
               "<!DOCTYPE SOAP:Envelope [\n<!ENTITY % p SYSTEM \"file:///etc/passwd\">\n%p;\n]>\n",
               {})
        << QStringLiteral("DOCTYPE");
    QTest::newRow("undeclared entity") << hostile({}, "&xxe;") << QStringLiteral("xxe");
    QTest::newRow("10,000-deep nesting") << deepNesting(10000) << QStringLiteral("deeper than");
    QTest::newRow("one level too deep") << deepNesting(48) << QStringLiteral("deeper than");
    QTest::newRow("processing instruction")
        << hostile("<?xml-stylesheet href=\"http://127.0.0.1:9/x.xsl\"?>\n", {})
        << QStringLiteral("processing instruction");
    QByteArray attributes = "<hl7:x";
    for (int i = 0; attributes.size() < ResponseLimit::kXmlBytes - 16 * 1024; ++i)
        attributes += " a" + QByteArray::number(i) + "=\"v\"";
    QTest::newRow("200,000 attributes")
        << hostile({}, attributes + "/>") << QStringLiteral("attributes, over the limit");
    QTest::newRow("too many elements") << hostile({}, QByteArray("<hl7:x/>").repeated(60000))
                                       << QStringLiteral("more than 50000 elements");
    const QString text = QString::fromUtf8(fixture("response-plans.xml"))
                             .replace(QStringLiteral("UTF-8"), QStringLiteral("UTF-16"));
    QTest::newRow("UTF-16") << "\xFF\xFE" + QByteArray(reinterpret_cast<const char*>(text.utf16()),
                                                       text.size() * 2)
                            << QStringLiteral("not UTF-8");
    QTest::newRow("declared ISO-2022-JP")
        << fixture("response-plans.xml").replace("UTF-8", "ISO-2022-JP")
        << QStringLiteral("not UTF-8");
    QTest::newRow("100 MB") << hostile({}, QByteArray(kHugeBody, 'x'))
                            << QStringLiteral("over the limit");
    QTest::newRow("one byte over")
        << hostile({}, QByteArray(ResponseLimit::kXmlBytes, 'x')).left(ResponseLimit::kXmlBytes + 1)
        << QStringLiteral("over the limit");
}

void TestSpineHardening::readerRefusesHostileXml()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, why);
    // The same answer without its hostile part is read: the refusal is for that part alone.
    QVERIFY(SpineResponseReader::read(fixture("response-plans.xml"), {kRequestId, kNhs}).ok());
    QElapsedTimer t;
    const PeakWatch peak;
    t.start();
    const auto read = SpineResponseReader::read(body, {kRequestId, kNhs});
    const qint64 ms = t.elapsed();
    const long growth = peak.growthKb();
    qInfo("%s: %lld bytes refused in %lld ms, peak RSS +%ld kB", QTest::currentDataTag(),
          qint64(body.size()), ms, growth);
    QVERIFY2(!read.ok(), "a hostile body was read as an answer");
    QCOMPARE(read.error().kind, ServiceError::Kind::BadResponse);
    QVERIFY2(read.error().detail.contains(why), qPrintable(read.error().detail));
    QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
    QVERIFY2(growth < kMaxGrowthKb, qPrintable(QStringLiteral("grew %1 kB").arg(growth)));
}

void TestSpineHardening::largestAcceptedBodyParsesInTime_data()
{
    // Bodies just under the size limit, in the shapes that cost a tree reader most: the most
    // elements, the most attributes, the deepest allowed nesting over and over, the most
    // namespace declarations in scope, one long text.
    const SpineXmlTree::Limits limits;
    const qsizetype room = ResponseLimit::kXmlBytes - 16 * 1024; // the rest is the answer
    const int elements = limits.maxElements - 200;               // the answer has ~150
    QTest::addColumn<QByteArray>("filler");
    QTest::newRow("most elements")
        << QByteArray("<hl7:x a=\"" + QByteArray(room / elements - 14, 'v') + "\"/>")
               .repeated(elements);
    QByteArray tag = "<hl7:x";
    for (int i = 0; i < limits.maxAttributes; ++i)
        tag += " a" + QByteArray::number(i) + "=\"v\"";
    tag += "/>";
    QTest::newRow("most attributes") << tag.repeated(room / tag.size());
    const int levels = limits.maxDepth - 8; // wsa:To is at depth 3
    const int blocks = elements / levels;
    const QByteArray nest = QByteArray("<hl7:x>").repeated(levels) +
                            QByteArray(room / blocks - levels * 15, 't') +
                            QByteArray("</hl7:x>").repeated(levels);
    QTest::newRow("deepest allowed nesting, repeated") << nest.repeated(blocks);
    QByteArray open;
    for (int level = 0; level < levels; ++level) {
        open += "<hl7:x";
        for (int i = 0; i < limits.maxAttributes - 1; ++i)
            open += " xmlns:p" + QByteArray::number(level * 100 + i) + "=\"urn:p\"";
        open += ">";
    }
    const QByteArray inner = "<hl7:y/>";
    QTest::newRow("most namespace declarations in scope")
        << open + inner.repeated(qMin<qsizetype>(elements - levels, (room - 2 * open.size()) / 8)) +
               QByteArray("</hl7:x>").repeated(levels);
    QTest::newRow("one long text") << QByteArray(room, 'x');
}

void TestSpineHardening::largestAcceptedBodyParsesInTime()
{
    QFETCH(QByteArray, filler);
    QByteArray xml = fixture("response-plans.xml");
    xml.replace("<wsa:To/>", QByteArray("<wsa:To>" + filler + "</wsa:To>"));
    QVERIFY(xml.size() <= ResponseLimit::kXmlBytes);
    QElapsedTimer t;
    const PeakWatch peak;
    t.start();
    const auto tree = SpineXmlTree::parse(xml, {});
    const qint64 parseMs = t.elapsed();
    const auto read = SpineResponseReader::read(xml, {kRequestId, kNhs});
    const qint64 totalMs = t.elapsed();
    const long growth = peak.growthKb();
    qInfo("%s: %lld bytes parsed in %lld ms (tree), then %lld ms (reader), peak RSS +%ld kB",
          QTest::currentDataTag(), qint64(xml.size()), parseMs, totalMs - parseMs, growth);
    QVERIFY2(tree.ok(), qPrintable(tree.ok() ? QString() : tree.error()));
    // Whatever the reader makes of the stray content, it is the records or a refusal.
    QVERIFY(!read.ok() || !read.value().noRecord);
    // Both together within half the transport's 8 s total limit, on a shared machine: about
    // 0.6 s at worst on an idle one, 2.2 s with two test processes and builds beside it.
    QVERIFY2(totalMs < 4000, qPrintable(QString::number(totalMs)));
    QVERIFY2(growth < kMaxGrowthKb, qPrintable(QStringLiteral("grew %1 kB").arg(growth)));
}

QTEST_GUILESS_MAIN(TestSpineHardening)
#include "tst_spinehardening.moc"
