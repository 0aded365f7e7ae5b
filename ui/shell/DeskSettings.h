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
    QUrl serviceUrl;                                  // empty: the built-in training sandbox
    QString environment = QStringLiteral("training"); // "training" or "live"
    int idleLockMinutes = 5;
    int cacheRetentionHours = 24;
    SiteType site = SiteType::UnscheduledCare;
    QString language; // empty: follow the system; else "en_GB" or "cy"

    // The locale the interface is translated for: the chosen language, else the system's.
    QLocale uiLocale() const { return language.isEmpty() ? QLocale::system() : QLocale(language); }

    bool isTraining() const { return environment != u"live" || serviceUrl.isEmpty(); }

    static DeskSettings load(QSettings& from);
    void save(QSettings& to) const;
};

} // namespace cpis::ui
