#pragma once

#include <QString>

namespace cpis {

// The ASCII digits at [from, from + n) of `s` as a number; -1 when any is not one (or the text
// is too short). Dates and times in national-service answers are read with it, never with
// QString::toInt, which takes signs, spaces and other scripts' digits.
inline int asciiDigitsAt(const QString& s, int from, int n)
{
    if (from < 0 || n < 1 || from + n > s.size())
        return -1;
    int v = 0;
    for (int i = from; i < from + n; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

} // namespace cpis
