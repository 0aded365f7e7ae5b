// The one way the desk writes an export to disk (ExportFile) and the one CSV cell writer
// (CsvWriter): new files only, readable by their owner only, never through a symbolic link,
// and no cell a spreadsheet would run.
#include "core/store/CsvWriter.h"
#include "core/store/ExportFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace cpis;

namespace {

QByteArray contentOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

mode_t modeOf(const QString& path)
{
    struct stat st
    {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

bool write(ExportFile& f, const QByteArray& bytes)
{
    return f.open().ok() && f.device().write(bytes) == bytes.size() && f.commit().ok();
}

} // namespace

class TestExportFile : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void newFileIsOwnerOnly();
    void existingFileIsRefusedAndKept();
    void symbolicLinkIsNeverFollowed();
    void replaceSwapsARegularFileWhole();
    void failedExportLeavesNothing();
    void fileAppearingDuringTheExportIsNotOverwritten();
    void formulaCellsAreNeutralised();
    void cellsAreQuotedWhenTheyMustBe();

private:
    // Only the names a test expects, no temporary file left over.
    QStringList entries() const
    {
        return QDir(m_dir->path())
            .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                       QDir::Name);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestExportFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestExportFile::newFileIsOwnerOnly()
{
    const QString path = m_dir->filePath(QStringLiteral("audit.csv"));
    const mode_t old = ::umask(0); // even a permissive umask gives 0600
    ExportFile f(path);
    const bool ok = write(f, "a,b\r\n");
    ::umask(old);
    QVERIFY(ok);
    QCOMPARE(contentOf(path), QByteArray("a,b\r\n"));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(entries(), QStringList{QStringLiteral("audit.csv")});
}

void TestExportFile::existingFileIsRefusedAndKept()
{
    const QString path = m_dir->filePath(QStringLiteral("audit.csv"));
    QFile before(path);
    QVERIFY(before.open(QIODevice::WriteOnly));
    before.write("keep me");
    before.close();

    ExportFile f(path);
    const auto opened = f.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ExportFile::Error::Code::Exists);
    QCOMPARE(contentOf(path), QByteArray("keep me"));
    QCOMPARE(entries(), QStringList{QStringLiteral("audit.csv")});
}

void TestExportFile::symbolicLinkIsNeverFollowed()
{
    const QString victim = m_dir->filePath(QStringLiteral("victim"));
    QFile v(victim);
    QVERIFY(v.open(QIODevice::WriteOnly));
    v.write("precious");
    v.close();
    const QString link = m_dir->filePath(QStringLiteral("export.csv"));
    QVERIFY(QFile::link(victim, link));
    const QString dangling = m_dir->filePath(QStringLiteral("dangling.csv"));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("not-yet")), dangling));

    for (const auto existing : {ExportFile::Existing::Refuse, ExportFile::Existing::Replace}) {
        for (const QString& target : {link, dangling}) {
            ExportFile f(target, existing);
            QVERIFY2(!write(f, "stolen"), qPrintable(target));
        }
    }
    QCOMPARE(contentOf(victim), QByteArray("precious"));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("not-yet"))));
    QCOMPARE(QFileInfo(link).symLinkTarget(), victim);
    QCOMPARE(entries(), (QStringList{QStringLiteral("dangling.csv"), QStringLiteral("export.csv"),
                                     QStringLiteral("victim")}));
}

void TestExportFile::replaceSwapsARegularFileWhole()
{
    const QString path = m_dir->filePath(QStringLiteral("list.csv"));
    QFile before(path);
    QVERIFY(before.open(QIODevice::WriteOnly));
    before.write("old content, longer than the new");
    before.close();
    QVERIFY(before.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ReadOther));

    ExportFile f(path, ExportFile::Existing::Replace);
    QVERIFY(write(f, "new"));
    QCOMPARE(contentOf(path), QByteArray("new"));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(entries(), QStringList{QStringLiteral("list.csv")});
}

void TestExportFile::failedExportLeavesNothing()
{
    const QString path = m_dir->filePath(QStringLiteral("partial.csv"));
    {
        ExportFile f(path);
        QVERIFY(f.open());
        QCOMPARE(f.device().write("half a row"), 10);
        QVERIFY(!entries().isEmpty()); // the temporary file, beside the target
        QVERIFY(!QFile::exists(path)); // the target appears only when complete
    }                                  // never committed
    QVERIFY(entries().isEmpty());
}

void TestExportFile::fileAppearingDuringTheExportIsNotOverwritten()
{
    const QString path = m_dir->filePath(QStringLiteral("race.csv"));
    ExportFile f(path);
    QVERIFY(f.open());
    f.device().write("export");
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("elsewhere")), path));
    const auto committed = f.commit();
    QVERIFY(!committed);
    QCOMPARE(committed.error().code, ExportFile::Error::Code::Exists);
    QVERIFY(QFileInfo(path).isSymLink());
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("elsewhere"))));
    QCOMPARE(entries(), QStringList{QStringLiteral("race.csv")});
}

void TestExportFile::formulaCellsAreNeutralised()
{
    QCOMPARE(CsvWriter::field(QStringLiteral("=1+1")), QStringLiteral("'=1+1"));
    QCOMPARE(CsvWriter::field(QStringLiteral("\t=cmd")), QStringLiteral("'\t=cmd"));
    QCOMPARE(CsvWriter::field(QStringLiteral("\r=cmd")), QStringLiteral("\"'\r=cmd\""));
    QCOMPARE(CsvWriter::field(QStringLiteral("+44")), QStringLiteral("'+44"));
    QCOMPARE(CsvWriter::field(QStringLiteral("-2")), QStringLiteral("'-2"));
    QCOMPARE(CsvWriter::field(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
    // Only the first character matters: a hyphenated name stays as written.
    QCOMPARE(CsvWriter::field(QStringLiteral("Smith-Jones")), QStringLiteral("Smith-Jones"));
    QCOMPARE(CsvWriter::field(QString()), QString());
}

void TestExportFile::cellsAreQuotedWhenTheyMustBe()
{
    QCOMPARE(CsvWriter::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(CsvWriter::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(CsvWriter::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    QCOMPARE(CsvWriter::field(QStringLiteral("O'Neill")), QStringLiteral("O'Neill"));
    QCOMPARE(CsvWriter::row({QStringLiteral("=1+1"), QStringLiteral("a,b"), QStringLiteral("x")}),
             QByteArray("'=1+1,\"a,b\",x\r\n"));
}

QTEST_GUILESS_MAIN(TestExportFile)
#include "tst_exportfile.moc"
