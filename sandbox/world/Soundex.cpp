#include "sandbox/world/Soundex.h"

namespace cpis::sandbox {

namespace {
// The digit of each letter A-Z; '0' for vowels and Y, '-' for H and W (which do not
// separate two equal codes, unlike a vowel).
constexpr char kDigits[] = "0123012-02245501262301-202";

char digitOf(char16_t upper)
{
    return kDigits[upper - u'A'];
}
} // namespace

QString Soundex::code(QStringView name)
{
    QString out;
    char last = 0;
    for (const QChar c : name) {
        const char16_t u = c.toUpper().unicode();
        if (u < u'A' || u > u'Z')
            continue;
        const char d = digitOf(u);
        if (out.isEmpty()) {
            out.append(QChar(u));
            last = d;
            continue;
        }
        if (d == '-')
            continue; // H and W: the codes either side still merge
        if (d == '0') {
            last = '0'; // a vowel separates: the same digit after it counts again
            continue;
        }
        if (d != last)
            out.append(QLatin1Char(d));
        last = d;
        if (out.size() == 4)
            break;
    }
    if (out.isEmpty())
        return out;
    while (out.size() < 4)
        out.append(u'0');
    return out;
}

} // namespace cpis::sandbox
