#include "ui/widgets/NhsNumberEdit.h"

#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using cpis::NhsNumber;
using cpis::ui::NhsNumberEdit;

class TestNhsNumberEdit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void groupsAsTyped();
    void pasteIsRegrouped();
    void enterSubmitsValidNumber();
    void enterRejectsInvalidWithReason();
    void strayCharacterIsKeptAndNamed();
    void escapeClears();
    void editingInTheMiddleKeepsCursor();
    void hasAccessibleName();
};

void TestNhsNumberEdit::groupsAsTyped()
{
    NhsNumberEdit e;
    QTest::keyClicks(&e, QStringLiteral("9434"));
    QCOMPARE(e.text(), QStringLiteral("943 4"));
    QTest::keyClicks(&e, QStringLiteral("765919"));
    QCOMPARE(e.text(), QStringLiteral("943 476 5919"));
    QVERIFY(e.isComplete());
}

void TestNhsNumberEdit::pasteIsRegrouped()
{
    NhsNumberEdit e;
    e.show();
    QApplication::clipboard()->setText(QStringLiteral("943-476-5919"));
    QTest::keySequence(&e, QKeySequence::Paste);
    QCOMPARE(e.text(), QStringLiteral("943 476 5919"));
    QVERIFY(e.isComplete());
}

void TestNhsNumberEdit::enterSubmitsValidNumber()
{
    NhsNumberEdit e;
    QSignalSpy submitted(&e, &NhsNumberEdit::submitted);
    QSignalSpy rejected(&e, &NhsNumberEdit::rejected);
    QTest::keyClicks(&e, QStringLiteral("9000000009"));
    QTest::keyClick(&e, Qt::Key_Return);
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(rejected.count(), 0);
    QCOMPARE(submitted.first().first().value<NhsNumber>().digits(), QStringLiteral("9000000009"));
}

void TestNhsNumberEdit::enterRejectsInvalidWithReason()
{
    NhsNumberEdit e;
    QSignalSpy submitted(&e, &NhsNumberEdit::submitted);
    QSignalSpy rejected(&e, &NhsNumberEdit::rejected);
    QTest::keyClicks(&e, QStringLiteral("9434765918"));
    QVERIFY(!e.isComplete());
    QTest::keyClick(&e, Qt::Key_Enter);
    QCOMPARE(submitted.count(), 0);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(rejected.first().first().toString(),
             NhsNumber::reasonText(NhsNumber::ParseError::CheckDigitMismatch));
}

void TestNhsNumberEdit::strayCharacterIsKeptAndNamed()
{
    NhsNumberEdit e;
    QTest::keyClicks(&e, QStringLiteral("94347659l9"));
    QCOMPARE(e.text(), QStringLiteral("943 476 59l9")); // grouped until the stray letter
    QCOMPARE(e.problem(), NhsNumber::reasonText(NhsNumber::ParseError::NonDigit));
}

void TestNhsNumberEdit::escapeClears()
{
    NhsNumberEdit e;
    QTest::keyClicks(&e, QStringLiteral("943476"));
    QTest::keyClick(&e, Qt::Key_Escape);
    QVERIFY(e.text().isEmpty());
    QCOMPARE(e.problem(), NhsNumber::reasonText(NhsNumber::ParseError::Empty));
}

void TestNhsNumberEdit::editingInTheMiddleKeepsCursor()
{
    NhsNumberEdit e;
    QTest::keyClicks(&e, QStringLiteral("943765919")); // the 4 was missed
    e.setCursorPosition(3);                            // after "943"
    QTest::keyClicks(&e, QStringLiteral("4"));
    QCOMPARE(e.text(), QStringLiteral("943 476 5919"));
    QCOMPARE(e.cursorPosition(), 5); // just after the inserted 4, past the space
}

void TestNhsNumberEdit::hasAccessibleName()
{
    NhsNumberEdit e;
    QVERIFY(!e.accessibleName().isEmpty());
}

QTEST_MAIN(TestNhsNumberEdit)
#include "tst_nhsnumberedit.moc"
