// docs/safety/hazard-log.md cites the tests that evidence each hazard's controls as
// `tst_program::testFunction`. This test keeps those citations true: every hazard cites at
// least one test, every cited program is a test source in tests/, and every cited function
// is a test slot of that program. A renamed or deleted test fails here, not silently.
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

namespace {

QString readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Program name -> its test source, for every tests/**/tst_*.cpp.
QHash<QString, QString> testSources()
{
    QHash<QString, QString> out;
    QDirIterator it(QStringLiteral(CPIS_SOURCE_DIR "/tests"), {QStringLiteral("tst_*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(QFileInfo(path).completeBaseName(), readFile(path));
    }
    return out;
}

// The test functions a Qt Test source declares under `private slots:`.
QStringList slotsOf(const QString& source)
{
    QStringList names;
    const QRegularExpression section(
        QStringLiteral("private\\s+slots\\s*:(.*?)(?:\\n\\s*(?:private|public|protected|signals)"
                       "\\s*:|\\n\\};)"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression fn(QStringLiteral("void\\s+(\\w+)\\s*\\("));
    auto sections = section.globalMatch(source);
    while (sections.hasNext()) {
        auto fns = fn.globalMatch(sections.next().captured(1));
        while (fns.hasNext())
            names << fns.next().captured(1);
    }
    return names;
}

struct Hazard
{
    QString id;
    QStringList citations; // "tst_x::fn"
    int todos = 0;
};

QList<Hazard> hazards(const QString& log)
{
    QList<Hazard> out;
    const QRegularExpression heading(QStringLiteral("^## (H\\d\\d) "));
    const QRegularExpression cite(QStringLiteral("\\b(tst_\\w+::\\w+)"));
    for (const QString& line : log.split(u'\n')) {
        if (const auto h = heading.match(line); h.hasMatch()) {
            out.append({h.captured(1), {}, 0});
            continue;
        }
        if (out.isEmpty())
            continue;
        auto c = cite.globalMatch(line);
        while (c.hasNext())
            out.last().citations << c.next().captured(1);
        if (line.contains(QStringLiteral("TODO(test):")))
            ++out.last().todos;
    }
    return out;
}

} // namespace

class TestHazardLog : public QObject
{
    Q_OBJECT
private slots:
    void everyHazardCitesExistingTests();
    void slotParserFindsThisTest();
};

void TestHazardLog::everyHazardCitesExistingTests()
{
    const QString log = readFile(QStringLiteral(CPIS_SOURCE_DIR "/docs/safety/hazard-log.md"));
    QVERIFY2(!log.isEmpty(), "docs/safety/hazard-log.md is missing");
    const QList<Hazard> all = hazards(log);
    QVERIFY2(all.size() >= 11, qPrintable(QString::number(all.size())));
    const QHash<QString, QString> sources = testSources();
    QVERIFY(sources.contains(QStringLiteral("tst_hazardlog")));

    QStringList problems;
    int cited = 0;
    for (const Hazard& h : all) {
        if (h.citations.isEmpty())
            problems << h.id + u": cites no test";
        for (const QString& c : h.citations) {
            ++cited;
            const QString program = c.section(QStringLiteral("::"), 0, 0);
            const QString function = c.section(QStringLiteral("::"), 1);
            if (!sources.contains(program))
                problems << h.id + u": no test program " + program;
            else if (!slotsOf(sources.value(program)).contains(function))
                problems << h.id + u": " + program + u" has no test function " + function;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    QVERIFY(cited >= all.size());
}

void TestHazardLog::slotParserFindsThisTest()
{
    // The parser itself: it must see real slots and nothing outside `private slots:`.
    const QString me = testSources().value(QStringLiteral("tst_hazardlog"));
    QCOMPARE(slotsOf(me), (QStringList{QStringLiteral("everyHazardCitesExistingTests"),
                                       QStringLiteral("slotParserFindsThisTest")}));
    QVERIFY(!slotsOf(me).contains(QStringLiteral("readFile")));
}

QTEST_MAIN(TestHazardLog)
#include "tst_hazardlog.moc"
