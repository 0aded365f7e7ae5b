#include "ui/shell/DeskSettings.h"

#include <QSettings>

#include <algorithm>

namespace cpis::ui {

DeskSettings DeskSettings::load(QSettings& from)
{
    DeskSettings s;
    s.profile = from.value(QStringLiteral("service/profile")).toString();
    // Out-of-range values from a hand-edited file fall back into range, never to "no lock".
    s.idleLockMinutes = std::clamp(
        from.value(QStringLiteral("lock/idleMinutes"), s.idleLockMinutes).toInt(), 1, 60);
    s.cacheRetentionHours = std::clamp(
        from.value(QStringLiteral("cache/retentionHours"), s.cacheRetentionHours).toInt(), 1, 72);
    // Only the languages the desk ships; anything else follows the system.
    const QString language = from.value(QStringLiteral("ui/language")).toString();
    if (language == u"en_GB" || language == u"cy")
        s.language = language;
    return s;
}

void DeskSettings::save(QSettings& to) const
{
    to.setValue(QStringLiteral("service/profile"), profile);
    to.setValue(QStringLiteral("lock/idleMinutes"), idleLockMinutes);
    to.setValue(QStringLiteral("cache/retentionHours"), cacheRetentionHours);
    to.setValue(QStringLiteral("ui/language"), language);
}

} // namespace cpis::ui
