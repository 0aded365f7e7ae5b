#pragma once

#include <QLocale>
#include <QTranslator>

class QCoreApplication;

namespace cpis::ui {

// Owns the translators of the desk (its own strings and Qt's) for one language.
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
};

} // namespace cpis::ui
