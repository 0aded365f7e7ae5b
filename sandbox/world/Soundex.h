#pragma once

#include <QString>
#include <QStringView>

namespace cpis::sandbox {

// American Soundex, as PDS names it for its fuzzy search: the first letter and three digits
// for the consonant sounds that follow (Smith, Smyth and Smythe are all S530). Letters other
// than A-Z (spaces, hyphens, apostrophes, accents) are skipped; no letter at all gives "".
class Soundex
{
public:
    static QString code(QStringView name);
};

} // namespace cpis::sandbox
