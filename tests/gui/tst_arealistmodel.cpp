// The area-list table model on its own, fed as the store feeds it (UTF-8 views valid only
// during each call): names outside ASCII (Welsh, Turkish), filtering, sorting by every column
// and the rows given back for export. The sandbox's synthetic names are all ASCII, so
// tst_arealistview never reaches the model's non-ASCII paths.
#include "ui/arealist/AreaListModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <vector>

using namespace cpis;
using cpis::ui::AreaListModel;

namespace {

AreaListRow row(const QString& nhs,
                const QString& given,
                const QString& family,
                PlanType type,
                const QString& laCode,
                const QString& laName,
                std::optional<QDate> end = std::nullopt)
{
    return AreaListRow{
        nhs, given,  family, QDate(2016, 3, 4), QStringLiteral("female"), type, QDate(2025, 6, 1),
        end, laCode, laName};
}

const QDate kToday(2026, 11, 25);

std::vector<AreaListRow> people()
{
    return {
        row(QStringLiteral("9990000034"), QStringLiteral("Siân"), QStringLiteral("Öztürk"),
            PlanType::LookedAfter, QStringLiteral("W1"), QStringLiteral("Cyngor Gwynedd")),
        row(QStringLiteral("9990000018"), QStringLiteral("Ava"), QStringLiteral("Smith"),
            PlanType::ChildProtection, QStringLiteral("SHE1"), QStringLiteral("Sheffield Council")),
        row(QStringLiteral("9990000026"), QStringLiteral("Émile"), QStringLiteral("ap Rhys"),
            PlanType::ChildProtection, QStringLiteral("W1"), QStringLiteral("Cyngor Gwynedd"),
            QDate(2026, 1, 10)),
        row(QStringLiteral("9990000042"), QStringLiteral("Noah"), QStringLiteral("SMITHSON"),
            PlanType::UnbornChildProtection, QStringLiteral("SHE1"),
            QStringLiteral("Sheffield Council")),
    };
}

// Loads as the screen does: every text handed over as a view into a buffer that is gone (here:
// overwritten) once append returns.
void load(AreaListModel& m, const std::vector<AreaListRow>& rows)
{
    m.beginLoad(kToday, qsizetype(rows.size()));
    for (const AreaListRow& r : rows) {
        QByteArray texts[6] = {r.nhsNumber.toUtf8(), r.givenName.toUtf8(), r.familyName.toUtf8(),
                               r.gender.toUtf8(),    r.laCode.toUtf8(),    r.laName.toUtf8()};
        AreaListRowView v;
        v.nhsNumber = texts[0];
        v.givenName = texts[1];
        v.familyName = texts[2];
        v.birthDate = r.birthDate;
        v.gender = texts[3];
        v.type = r.type;
        v.start = r.start;
        v.end = r.end;
        v.laCode = texts[4];
        v.laName = texts[5];
        m.append(v);
        for (QByteArray& t : texts)
            t.fill('#');
    }
    m.endLoad();
}

QStringList shownNhs(const AreaListModel& m)
{
    QStringList out;
    for (const AreaListRow& r : m.visibleRows())
        out << r.nhsNumber;
    return out;
}
} // namespace

class TestAreaListModel : public QObject
{
    Q_OBJECT
private slots:
    void keepsItsOwnCopyOfEveryText();
    void filtersNamesOutsideAscii_data();
    void filtersNamesOutsideAscii();
    void sortsByEveryColumn();
    void passesTheTester();
};

void TestAreaListModel::keepsItsOwnCopyOfEveryText()
{
    AreaListModel m;
    load(m, people());
    m.setShowEnded(true);
    QCOMPARE(m.totalRows(), 4);
    std::vector<AreaListRow> want = people();
    std::vector<AreaListRow> got = m.visibleRows();
    QCOMPARE(got.size(), want.size());
    auto byNhs = [](const AreaListRow& a, const AreaListRow& b) {
        return a.nhsNumber < b.nhsNumber;
    };
    std::sort(want.begin(), want.end(), byNhs);
    std::sort(got.begin(), got.end(), byNhs);
    for (size_t i = 0; i < want.size(); ++i) {
        QCOMPARE(got[i].nhsNumber, want[i].nhsNumber);
        QCOMPARE(got[i].givenName, want[i].givenName);
        QCOMPARE(got[i].familyName, want[i].familyName);
        QCOMPARE(got[i].gender, want[i].gender);
        QCOMPARE(got[i].laCode, want[i].laCode);
        QCOMPARE(got[i].laName, want[i].laName);
        QCOMPARE(got[i].type, want[i].type);
        QCOMPARE(got[i].end, want[i].end);
    }
    m.setFilterText(QStringLiteral("9990000034"));
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(m.data(m.index(0, AreaListModel::Name)).toString(), QStringLiteral("Öztürk, Siân"));
    QCOMPARE(m.data(m.index(0, AreaListModel::NhsNumber)).toString(),
             QStringLiteral("999 000 0034"));
    QCOMPARE(m.data(m.index(0, AreaListModel::Authority)).toString(),
             QStringLiteral("Cyngor Gwynedd"));
    // The tooltip names the authority in full, for when the column elides it, with its code.
    QCOMPARE(m.data(m.index(0, AreaListModel::Authority), Qt::ToolTipRole).toString(),
             QStringLiteral("Cyngor Gwynedd (W1)"));
}

void TestAreaListModel::filtersNamesOutsideAscii_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("upper case outside ASCII") << QStringLiteral("ÖZT") << QStringList{"9990000034"};
    QTest::newRow("given name with a circumflex")
        << QStringLiteral("siân") << QStringList{"9990000034"};
    QTest::newRow("without the accent is another name") << QStringLiteral("sian") << QStringList{};
    QTest::newRow("ASCII, either case")
        << QStringLiteral("smith") << QStringList{"9990000018", "9990000042"};
    QTest::newRow("family and given together")
        << QStringLiteral("Öztürk Siân") << QStringList{"9990000034"};
    QTest::newRow("NHS number as people write it")
        << QStringLiteral("999 000 0042") << QStringList{"9990000042"};
    QTest::newRow("an ended plan stays hidden") << QStringLiteral("émile") << QStringList{};
}

void TestAreaListModel::filtersNamesOutsideAscii()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, shown);
    AreaListModel m;
    load(m, people());
    m.setFilterText(typed);
    QStringList got = shownNhs(m);
    got.sort();
    QCOMPARE(got, shown);
}

void TestAreaListModel::sortsByEveryColumn()
{
    AreaListModel m;
    load(m, people());
    m.setShowEnded(true);
    m.sort(AreaListModel::Name, Qt::AscendingOrder);
    // Lower-case byte order: "ap rhys" < "smith" < "smithson" < "öztürk" (U+00F6 after 'z').
    QCOMPARE(shownNhs(m), (QStringList{"9990000026", "9990000018", "9990000042", "9990000034"}));
    m.sort(AreaListModel::NhsNumber, Qt::DescendingOrder);
    QCOMPARE(shownNhs(m), (QStringList{"9990000042", "9990000034", "9990000026", "9990000018"}));
    // Equal authorities fall back to name order.
    m.sort(AreaListModel::Authority, Qt::AscendingOrder);
    QCOMPARE(shownNhs(m), (QStringList{"9990000026", "9990000034", "9990000018", "9990000042"}));
    m.sort(AreaListModel::Plan, Qt::AscendingOrder);
    QCOMPARE(m.visibleRows().front().type, PlanType::ChildProtection);
    QCOMPARE(m.visibleRows().back().type, PlanType::UnbornChildProtection);
    // Open plans after every ended one.
    m.sort(AreaListModel::End, Qt::AscendingOrder);
    QCOMPARE(shownNhs(m).front(), QStringLiteral("9990000026"));
}

void TestAreaListModel::passesTheTester()
{
    AreaListModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(m, people());
    m.sort(AreaListModel::Start, Qt::DescendingOrder);
    m.setFilterText(QStringLiteral("ö"));
    m.setShowEnded(true);
    m.setPlanFilter(AreaListModel::PlanFilter::LookedAfter);
    QCOMPARE(m.rowCount(), 1);
    m.setFilterText(QString());
    m.setPlanFilter(AreaListModel::PlanFilter::All);
    m.sort(AreaListModel::Authority, Qt::DescendingOrder);
    QCOMPARE(m.rowCount(), 4);
    load(m, {});
    QCOMPARE(m.rowCount(), 0);
}

QTEST_MAIN(TestAreaListModel)
#include "tst_arealistmodel.moc"
