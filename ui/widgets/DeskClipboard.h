#pragma once

#include <QString>

namespace cpis::ui {

// What the desk puts on the system clipboard (a plan's phone number, an email), marked as the
// desk's, so that the lock and sign-out can take back what the desk put there and leave what
// the user copied from elsewhere alone.
class DeskClipboard
{
public:
    static void copy(const QString& text);
    // True when the clipboard still holds what the desk put there.
    static bool holdsDeskCopy();
    // Empties the clipboard if it still holds the desk's copy; true when it did.
    static bool clearDeskCopy();
};

} // namespace cpis::ui
