#include "core/domain/NhsNumber.h"

#include <QCoreApplication>

namespace cpis {

namespace {
constexpr int kLength = 10;
}

int NhsNumber::checkDigitFor(const QString& nineDigits)
{
    if (nineDigits.size() != kLength - 1)
        return -1;
    int sum = 0;
    for (int i = 0; i < kLength - 1; ++i) {
        const int d = nineDigits.at(i).unicode() - u'0';
        if (d < 0 || d > 9)
            return -1;
        sum += d * (kLength - i);
    }
    const int check = 11 - (sum % 11);
    if (check == 11)
        return 0;
    if (check == 10)
        return -1;
    return check;
}

QString NhsNumber::reasonText(ParseError reason)
{
    switch (reason) {
    case ParseError::Empty:
        return QCoreApplication::translate("NhsNumber", "Enter an NHS number.");
    case ParseError::NonDigit:
        return QCoreApplication::translate(
            "NhsNumber",
            "An NHS number has only digits (spaces and hyphens are allowed between them).");
    case ParseError::WrongLength:
        return QCoreApplication::translate("NhsNumber", "An NHS number has 10 digits.");
    case ParseError::CheckDigitIsTen:
        return QCoreApplication::translate(
            "NhsNumber",
            "This is not a valid NHS number: no NHS number starts with these nine digits.");
    case ParseError::CheckDigitMismatch:
        return QCoreApplication::translate("NhsNumber",
                                           "This is not a valid NHS number: the last digit does "
                                           "not match. Check for a typing error.");
    }
    return {};
}

Result<NhsNumber, NhsNumber::Invalid> NhsNumber::parse(const QString& input)
{
    const auto fail = [](ParseError r) { return Invalid{r, reasonText(r)}; };

    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return fail(ParseError::Empty);

    QString digits;
    digits.reserve(kLength);
    for (const QChar c : trimmed) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
        else if (c == u' ' || c == u'-' || c == u'\u00a0')
            continue; // separators people type or paste
        else
            return fail(ParseError::NonDigit);
    }
    if (digits.isEmpty())
        return fail(ParseError::Empty);
    if (digits.size() != kLength)
        return fail(ParseError::WrongLength);

    const int expected = checkDigitFor(digits.left(kLength - 1));
    if (expected < 0)
        return fail(ParseError::CheckDigitIsTen);
    if (digits.at(kLength - 1).unicode() - u'0' != expected)
        return fail(ParseError::CheckDigitMismatch);
    return NhsNumber(digits);
}

QString NhsNumber::display() const
{
    return m_digits.left(3) + QLatin1Char(' ') + m_digits.mid(3, 3) + QLatin1Char(' ') +
           m_digits.mid(6);
}

} // namespace cpis
