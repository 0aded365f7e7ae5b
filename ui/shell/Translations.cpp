#include "ui/shell/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>

namespace cpis::ui {

bool Translations::install(const QLocale& locale)
{
    remove();
    const bool loaded = m_app.load(locale, QStringLiteral("cpis-desk"), QStringLiteral("_"),
                                   QStringLiteral(":/i18n"));
    // British English carries the plural forms ("1 hour", "3 hours"), so every other
    // language without a translation of its own falls back to it.
    if (loaded || m_app.load(QStringLiteral(":/i18n/cpis-desk_en_GB.qm")))
        QCoreApplication::installTranslator(&m_app);
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    // Installed last so it is asked first: for the few strings it holds, the desk's own words
    // match the rest of its Welsh.
    if (m_qtSubset.load(locale, QStringLiteral("qtbase-subset"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&m_qtSubset);
    return loaded;
}

void Translations::remove()
{
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_qtSubset);
}

QStringList Translations::availableLanguages()
{
    QStringList languages;
    const auto files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("cpis-desk_*.qm")});
    for (const QString& f : files)
        languages << f.mid(int(qstrlen("cpis-desk_"))).chopped(int(qstrlen(".qm")));
    return languages;
}

} // namespace cpis::ui
