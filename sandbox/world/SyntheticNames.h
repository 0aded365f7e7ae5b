#pragma once

#include <QString>

namespace cpis::sandbox {

// The one set of names every synthetic person, street and school in the sandbox is made from.
// Indices wrap, so any draw below the matching count is a name.
class SyntheticNames
{
public:
    static int givenCount(bool female);
    static QString given(bool female, int index);
    static int familyCount();
    static QString family(int index);
    static int streetCount();
    static QString street(int index);
    static int schoolWordCount();
    static QString schoolWord(int index);
};

} // namespace cpis::sandbox
