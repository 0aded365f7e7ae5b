#pragma once

#include "core/domain/UserSession.h"

#include <QLocale>
#include <QString>
#include <QUrl>

class QSettings;

namespace cpis::ui {

// What the settings dialog edits and QSettings keeps. Never secrets: tokens and keys live
// in the keychain and the encrypted store.
struct DeskSettings
{
    // The service profile chosen among those the administrator allows; empty: the
    // administrator's default. The profiles themselves and the site type are the
    // administrator's (core/profile/AdministratorFile.h), never the user's.
    QString profile;
    int idleLockMinutes = 5;
    int cacheRetentionHours = 24;
    QString language; // empty: follow the system; else "en_GB" or "cy"

    // The locale the interface is translated for: the chosen language, else the system's.
    QLocale uiLocale() const { return language.isEmpty() ? QLocale::system() : QLocale(language); }

    static DeskSettings load(QSettings& from);
    void save(QSettings& to) const;
};

} // namespace cpis::ui
