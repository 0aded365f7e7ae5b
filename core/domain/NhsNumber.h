#pragma once

#include "core/domain/Result.h"

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

namespace cpis {

// A checksum-valid NHS number. The only way to get a non-null one is parse(), so any
// non-null NhsNumber in the program has passed the Modulus 11 check. The null value
// exists only so the type can live in QVariant, signals and containers.
class NhsNumber
{
public:
    enum class ParseError
    {
        Empty,
        NonDigit,
        WrongLength,
        CheckDigitIsTen,
        CheckDigitMismatch,
    };

    struct Invalid
    {
        ParseError reason;
        QString message; // for people; translatable at the UI layer via reasonText()
    };

    NhsNumber() = default;
    bool isNull() const { return m_digits.isEmpty(); }

    // Accepts what people type and paste: digits with spaces or hyphens as separators,
    // surrounding white space ignored.
    static Result<NhsNumber, Invalid> parse(const QString& input);
    static QString reasonText(ParseError reason);

    // The check digit that the first nine digits call for, or -1 when it would be 10.
    static int checkDigitFor(const QString& nineDigits);

    QString digits() const { return m_digits; }
    QString display() const; // "943 476 5919"
    bool isTestRange() const { return m_digits.startsWith(QLatin1Char('9')); }

    friend bool operator==(const NhsNumber& a, const NhsNumber& b)
    {
        return a.m_digits == b.m_digits;
    }
    friend bool operator!=(const NhsNumber& a, const NhsNumber& b) { return !(a == b); }
    friend bool operator<(const NhsNumber& a, const NhsNumber& b)
    {
        return a.m_digits < b.m_digits;
    }
    friend size_t qHash(const NhsNumber& n, size_t seed = 0) noexcept
    {
        return qHash(n.m_digits, seed);
    }

private:
    explicit NhsNumber(QString digits) : m_digits(std::move(digits)) {}
    QString m_digits;
};

} // namespace cpis

Q_DECLARE_METATYPE(cpis::NhsNumber)

template <> struct std::hash<cpis::NhsNumber>
{
    size_t operator()(const cpis::NhsNumber& n) const noexcept { return qHash(n); }
};
