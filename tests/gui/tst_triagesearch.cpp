// Finding a child whose NHS number nobody knows, on the training desk against its in-process
// sandbox, by keyboard as a nurse would: Ctrl+F, the details with a misspelt family name and
// the day and month swapped, Enter, Enter on the right candidate, then the same banner check
// as for a typed number. The candidate model is checked by QAbstractItemModelTester; the
// search is audited with its criteria; Esc cancels a search in flight.
#include "sandbox/world/SyntheticPopulation.h"
#include "tests/gui/DeskSteps.h"
#include "ui/lookup/PatientBanner.h"
#include "ui/lookup/PatientCandidateModel.h"
#include "ui/lookup/PatientSearchPanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>

#include <memory>

using namespace cpis;
using namespace cpis::testsupport;

class TestTriageSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_desk.reset(); }

    void findByDetailsThenConfirmBanner();
    void escCancelsASearchInFlight();
    void formProblemsAreSaidNotSent();
    void modelHeadersAndRows();
    void everyControlHasAnAccessibleName();

private:
    ui::TriageView* t() { return m_desk->triage(); }
    ui::PatientSearchPanel* panel() { return t() ? t()->searchPanel() : nullptr; }
    // Ctrl+F, then the form typed field by field; Enter sends it.
    void typeSearch(const QString& family,
                    const QString& given,
                    const QString& sexKey,
                    const QString& born,
                    const QString& age);
    // A generated child whose birth day is 12 or less and not the month: the swap is a date.
    sandbox::SandboxPerson swappableChild() const;
    std::unique_ptr<TrainingDesk> m_desk;
};

void TestTriageSearch::init()
{
    m_desk = std::make_unique<TrainingDesk>(ui::DeskSettings{}, quickTransport());
    m_desk->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_desk->window.get()));
    QApplication::setActiveWindow(m_desk->window.get());
    signInToLookUp(*m_desk, QStringLiteral("triage-nurse"));
}

sandbox::SandboxPerson TestTriageSearch::swappableChild() const
{
    const sandbox::SyntheticPopulation& pop = m_desk->sandbox->population();
    for (int i = 0; i < pop.generatedCount(); ++i) {
        const sandbox::SandboxPerson p = pop.generatedAt(i);
        const QDate d = p.birthDate;
        if (!p.restricted && d.day() <= 12 && d.day() != d.month() && p.familyName.size() >= 5 &&
            d.daysTo(QDate::currentDate()) < 16 * 365)
            return p;
    }
    qFatal("no child with a swappable birth date");
}

void TestTriageSearch::typeSearch(const QString& family,
                                  const QString& given,
                                  const QString& sexKey,
                                  const QString& born,
                                  const QString& age)
{
    QVERIFY(t());
    QTest::keyClick(t()->nhsField(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(panel());
    QTRY_VERIFY(panel()->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(panel()->familyField()));
    auto type = [](const QString& text) {
        QWidget* f = QApplication::focusWidget();
        QVERIFY(f);
        if (!text.isEmpty())
            QTest::keyClicks(f, text);
        QTest::keyClick(f, Qt::Key_Tab);
    };
    type(family);
    type(given);
    type(sexKey); // the sex box: its first letter picks Female or Male
    type(born);
    QWidget* ageField = QApplication::focusWidget();
    QVERIFY(ageField);
    QCOMPARE(ageField->objectName(), QStringLiteral("searchAge"));
    if (!age.isEmpty())
        QTest::keyClicks(ageField, age);
    QTest::keyClick(ageField, Qt::Key_Return);
}

void TestTriageSearch::findByDetailsThenConfirmBanner()
{
    const sandbox::SandboxPerson p = swappableChild();
    const QDate d = p.birthDate;
    QString family = p.familyName;
    std::swap(family[1], family[2]); // a slip: "Thompson" as "Htompson" would not be one
    if (family == p.familyName)
        family.insert(2, family.at(2));
    const QString swapped = QStringLiteral("%1/%2/%3")
                                .arg(d.month(), 2, 10, QLatin1Char('0'))
                                .arg(d.day(), 2, 10, QLatin1Char('0'))
                                .arg(d.year());

    QVERIFY(panel());
    QAbstractItemModelTester tester(panel()->candidates(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(panel(), &ui::PatientSearchPanel::searchFinished);
    typeSearch(family, p.givenName, p.gender.left(1).toUpper(), swapped, QString());
    QVERIFY(panel()->isSearching() || finished.size() == 1);
    QVERIFY(panel()->findChild<QProgressBar*>(QStringLiteral("searchBusy"))->isVisible() ||
            finished.size() == 1);
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QVERIFY2(panel()->candidates()->rowCount() > 0, qPrintable(panel()->statusText()));

    // The candidate list has the focus, the best match current; Down to the right one.
    QTableView* table = panel()->candidateView();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(table));
    int row = -1;
    for (int r = 0; r < panel()->candidates()->rowCount(); ++r)
        if (panel()->candidates()->data(panel()->candidates()->index(r, 0), Qt::UserRole) ==
            p.nhsNumber)
            row = r;
    QVERIFY2(row >= 0 && row < 3, "the intended child is among the first three");
    for (int r = 0; r < row; ++r)
        QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(table->currentIndex().row(), row);

    QSignalSpy answered(t(), &ui::TriageView::lookupAnswered);
    QSignalSpy shown(t(), &ui::TriageView::resultShown);
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(answered.wait(10000));
    QVERIFY(!panel()->isVisible());
    QVERIFY(t()->awaitsConfirmation()); // the same banner check as a typed number
    QVERIFY(t()->banner()->summaryText().contains(NhsNumber::parse(p.nhsNumber)->display()));
    QCOMPARE(t()->nhsField()->text(), NhsNumber::parse(p.nhsNumber)->display());
    confirmByKeyboard(t());
    QVERIFY(shown.size() == 1 || shown.wait(5000));

    // One search audited with its criteria, then the look-up of the picked number.
    const QList<AuditEntry> audit = m_desk->audit();
    QList<AuditEntry> searches;
    for (const AuditEntry& e : audit)
        if (e.action == AuditEntry::Action::Search)
            searches << e;
    QCOMPARE(searches.size(), 1);
    QVERIFY(searches.first().reason.contains(QStringLiteral("family=") + family));
    QVERIFY(searches.first().reason.contains(QStringLiteral("_fuzzy-match=true")));
    QVERIFY(searches.first().outcomeDetail.startsWith(QStringLiteral("candidates ")));
    QVERIFY(searches.first().nhsNumber.isEmpty());
    QCOMPARE(audit.last().action, AuditEntry::Action::LookUp);
    QCOMPARE(audit.last().nhsNumber, p.nhsNumber);
}

void TestTriageSearch::escCancelsASearchInFlight()
{
    const sandbox::SandboxPerson p = swappableChild();
    QSignalSpy finished(panel(), &ui::PatientSearchPanel::searchFinished);
    typeSearch(p.familyName, p.givenName, QString(), QString(), QStringLiteral("0-17"));
    // The answer needs the event loop; until it runs the search is in flight.
    QVERIFY(panel()->isSearching());
    QVERIFY(panel()->findChild<QProgressBar*>(QStringLiteral("searchBusy"))->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!panel()->isSearching());
    QCOMPARE(finished.size(), 1);
    QVERIFY(panel()->statusText().contains(QStringLiteral("cancelled")));
    // PDS still answers and the search is still audited; the screen shows none of it.
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->audited(AuditEntry::Action::Search), 1, 10000);
    QCOMPARE(panel()->candidates()->rowCount(), 0);
    QVERIFY(!panel()->candidateView()->isVisible());
    QCOMPARE(finished.size(), 1);
}

void TestTriageSearch::formProblemsAreSaidNotSent()
{
    QSignalSpy finished(panel(), &ui::PatientSearchPanel::searchFinished);
    typeSearch(QStringLiteral("Smith"), QString(), QString(), QString(), QString());
    QCOMPARE(finished.size(), 1);
    QVERIFY(panel()->statusText().contains(QStringLiteral("date of birth or an age")));
    QCOMPARE(m_desk->audited(AuditEntry::Action::Search), 0); // nothing was asked
}

void TestTriageSearch::modelHeadersAndRows()
{
    ui::PatientCandidateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    PatientCandidate c;
    c.patient.nhsNumber = NhsNumber::parse(QStringLiteral("9000000009")).value();
    c.patient.familyName = QStringLiteral("Smyth");
    c.patient.givenName = QStringLiteral("Jayne");
    c.patient.gender = QStringLiteral("female");
    c.patient.birthDate = PartialDate::fromDate(QDate(2010, 10, 22));
    c.patient.address = QStringLiteral("1 Church Lane, Leeds, LS1 6AE");
    c.score = 0.834;
    PatientCandidate r = c;
    r.patient.nhsNumber = NhsNumber::parse(QStringLiteral("9000000017")).value();
    r.patient.confidentiality = Demographics::Confidentiality::Restricted;
    r.patient.address.clear();
    model.setCandidates({c, r}, QDate(2026, 11, 25));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ui::PatientCandidateModel::ColumnCount));
    auto cell = [&](int row, int col) { return model.data(model.index(row, col)).toString(); };
    QCOMPARE(cell(0, ui::PatientCandidateModel::Score), QStringLiteral("83%"));
    QVERIFY(cell(0, ui::PatientCandidateModel::Born).startsWith(QStringLiteral("22-Oct-2010")));
    QCOMPARE(cell(0, ui::PatientCandidateModel::Sex), QStringLiteral("Female"));
    QCOMPARE(cell(0, ui::PatientCandidateModel::Address), QStringLiteral("1 Church Lane, LS1 6AE"));
    QCOMPARE(cell(0, ui::PatientCandidateModel::Number), QStringLiteral("900 000 0009"));
    QVERIFY(cell(1, ui::PatientCandidateModel::Address).contains(QStringLiteral("restricted")));
    QCOMPARE(model.data(model.index(1, 0), Qt::UserRole).toString(), QStringLiteral("9000000017"));
    QVERIFY(model.data(model.index(0, ui::PatientCandidateModel::Name), Qt::AccessibleTextRole)
                .toString()
                .contains(QStringLiteral("900 000 0009")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestTriageSearch::everyControlHasAnAccessibleName()
{
    const sandbox::SandboxPerson p = swappableChild();
    QSignalSpy finished(panel(), &ui::PatientSearchPanel::searchFinished);
    typeSearch(p.familyName, p.givenName, QString(),
               p.birthDate.toString(QStringLiteral("dd/MM/yyyy")), QString());
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QVERIFY(panel()->candidateView()->isVisible());
    QStringList unnamed;
    for (QWidget* c : panel()->findChildren<QWidget*>()) {
        if (!c->isVisible() || c->focusPolicy() == Qt::NoFocus)
            continue;
        // Qt names a button or a (selectable) label by its text unless told otherwise.
        const auto* button = qobject_cast<QAbstractButton*>(c);
        const auto* text = qobject_cast<QLabel*>(c);
        if (c->accessibleName().isEmpty() && !(button && !button->text().isEmpty()) &&
            !(text && !text->text().isEmpty()))
            unnamed << QString::fromLatin1(c->metaObject()->className()) + u' ' + c->objectName();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestTriageSearch)
#include "tst_triagesearch.moc"
