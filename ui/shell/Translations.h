#pragma once

#include <QLocale>
#include <QTranslator>

class QCoreApplication;

namespace cpis::ui {

// Owns the translators of the desk (its own strings and Qt's) for one language.
// For a language Qt has no catalogue of (Welsh), the desk's own catalogue of the Qt strings it
// shows (standard buttons, the file dialog) stands in.
// The .qm files are embedded under :/i18n, so a packaging slip cannot lose them.
class Translations
{
public:
    // Installs translators for the locale's language, or British English when there is
    // none for it (then returns false).
    bool install(const QLocale& locale);
    void remove();

    static QStringList availableLanguages(); // e.g. {"cy", "en_GB"}

private:
    QTranslator m_app;
    QTranslator m_qt;
    QTranslator m_qtSubset; // the desk's own Welsh for Qt's strings; Qt ships none
};

} // namespace cpis::ui
