#include "core/domain/NhsNumber.h"

#include <QSet>
#include <QTest>

using cpis::NhsNumber;
using Reason = NhsNumber::ParseError;

class TestNhsNumber : public QObject
{
    Q_OBJECT
private slots:
    void validNumbers_data();
    void validNumbers();
    void invalidNumbers_data();
    void invalidNumbers();
    void checkDigitAlgorithm();
    void equalityAndHashing();
    void reasonsHaveDistinctMessages();
    void nullOnlyByDefaultConstruction();
};

void TestNhsNumber::validNumbers_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QString>("display");
    QTest::addColumn<bool>("testRange");

    QTest::newRow("grouped") << "943 476 5919"
                             << "9434765919"
                             << "943 476 5919" << true;
    QTest::newRow("test range") << "9000000009"
                                << "9000000009"
                                << "900 000 0009" << true;
    QTest::newRow("hyphens") << "987-654-3210"
                             << "9876543210"
                             << "987 654 3210" << true;
    QTest::newRow("pasted with padding") << "  4010232137\n"
                                         << "4010232137"
                                         << "401 023 2137" << false;
    QTest::newRow("check digit 0 (remainder 0)") << "1345678940"
                                                 << "1345678940"
                                                 << "134 567 8940" << false;
    QTest::newRow("irregular spacing") << "40 10 23 21 37"
                                       << "4010232137"
                                       << "401 023 2137" << false;
    QTest::newRow("no-break spaces") << QString::fromUtf8("943\u00a0476\u00a05919") << "9434765919"
                                     << "943 476 5919" << true;
}

void TestNhsNumber::validNumbers()
{
    QFETCH(QString, input);
    QFETCH(QString, digits);
    QFETCH(QString, display);
    QFETCH(bool, testRange);

    const auto parsed = NhsNumber::parse(input);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed->digits(), digits);
    QCOMPARE(parsed->display(), display);
    QCOMPARE(parsed->isTestRange(), testRange);
}

void TestNhsNumber::invalidNumbers_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Reason>("reason");

    QTest::newRow("check digit mismatch") << "9434765918" << Reason::CheckDigitMismatch;
    QTest::newRow("check digit would be 10") << "1234567890" << Reason::CheckDigitIsTen;
    QTest::newRow("check digit would be 10 (999 range)") << "9991234560" << Reason::CheckDigitIsTen;
    QTest::newRow("letter l for digit 1") << "94347659l9" << Reason::NonDigit;
    QTest::newRow("letter X") << "987654321X" << Reason::NonDigit;
    QTest::newRow("dot separator") << "943.476.5919" << Reason::NonDigit;
    QTest::newRow("nine digits") << "943476591" << Reason::WrongLength;
    QTest::newRow("eleven digits") << "94347659190" << Reason::WrongLength;
    QTest::newRow("empty") << "" << Reason::Empty;
    QTest::newRow("only spaces") << "   " << Reason::Empty;
    QTest::newRow("only separators") << " - - " << Reason::Empty;
    QTest::newRow("mismatch 9999999993") << "9999999993" << Reason::CheckDigitMismatch;
}

void TestNhsNumber::invalidNumbers()
{
    QFETCH(QString, input);
    QFETCH(Reason, reason);

    const auto parsed = NhsNumber::parse(input);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().reason, reason);
    QCOMPARE(parsed.error().message, NhsNumber::reasonText(reason));
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestNhsNumber::checkDigitAlgorithm()
{
    // Worked example from the Data Dictionary: 943 476 591 has weighted sum 299, check 9.
    QCOMPARE(NhsNumber::checkDigitFor(QStringLiteral("943476591")), 9);
    QCOMPARE(NhsNumber::checkDigitFor(QStringLiteral("987654321")), 0);
    QCOMPARE(NhsNumber::checkDigitFor(QStringLiteral("400000063")), 2);
    QCOMPARE(NhsNumber::checkDigitFor(QStringLiteral("000000006")), -1); // would be 10
    QCOMPARE(NhsNumber::checkDigitFor(QStringLiteral("12345678")), -1);  // too short
}

void TestNhsNumber::equalityAndHashing()
{
    const auto a = NhsNumber::parse(QStringLiteral("943 476 5919"));
    const auto b = NhsNumber::parse(QStringLiteral("9434765919"));
    const auto c = NhsNumber::parse(QStringLiteral("9000000009"));
    QVERIFY(a.ok() && b.ok() && c.ok());
    QCOMPARE(*a, *b);
    QVERIFY(*a != *c);
    QCOMPARE(qHash(*a), qHash(*b));
    QSet<NhsNumber> set{*a, *b, *c};
    QCOMPARE(set.size(), 2);
}

void TestNhsNumber::reasonsHaveDistinctMessages()
{
    const QList<Reason> all{Reason::Empty, Reason::NonDigit, Reason::WrongLength,
                            Reason::CheckDigitIsTen, Reason::CheckDigitMismatch};
    QSet<QString> messages;
    for (Reason r : all)
        messages.insert(NhsNumber::reasonText(r));
    QCOMPARE(messages.size(), all.size());
}

void TestNhsNumber::nullOnlyByDefaultConstruction()
{
    QVERIFY(NhsNumber().isNull());
    QVERIFY(!NhsNumber::parse(QStringLiteral("9000000009"))->isNull());
    QVERIFY(NhsNumber() != *NhsNumber::parse(QStringLiteral("9000000009")));
}

QTEST_GUILESS_MAIN(TestNhsNumber)
#include "tst_nhsnumber.moc"
