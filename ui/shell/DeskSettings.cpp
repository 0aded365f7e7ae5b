#include "ui/shell/DeskSettings.h"

#include <QSettings>

#include <algorithm>

namespace cpis::ui {

DeskSettings DeskSettings::load(QSettings& from)
{
    DeskSettings s;
    s.serviceUrl = QUrl(from.value(QStringLiteral("service/url")).toString());
    s.environment =
        from.value(QStringLiteral("service/environment"), s.environment).toString() == u"live"
            ? QStringLiteral("live")
            : QStringLiteral("training");
    // Out-of-range values from a hand-edited file fall back into range, never to "no lock".
    s.idleLockMinutes = std::clamp(
        from.value(QStringLiteral("lock/idleMinutes"), s.idleLockMinutes).toInt(), 1, 60);
    s.cacheRetentionHours = std::clamp(
        from.value(QStringLiteral("cache/retentionHours"), s.cacheRetentionHours).toInt(), 1, 72);
    s.site = from.value(QStringLiteral("site/type")).toString() == u"scheduled"
                 ? SiteType::ScheduledCare
                 : SiteType::UnscheduledCare;
    // Only the languages the desk ships; anything else follows the system.
    const QString language = from.value(QStringLiteral("ui/language")).toString();
    if (language == u"en_GB" || language == u"cy")
        s.language = language;
    return s;
}

void DeskSettings::save(QSettings& to) const
{
    to.setValue(QStringLiteral("service/url"), serviceUrl.toString());
    to.setValue(QStringLiteral("service/environment"), environment);
    to.setValue(QStringLiteral("lock/idleMinutes"), idleLockMinutes);
    to.setValue(QStringLiteral("cache/retentionHours"), cacheRetentionHours);
    to.setValue(QStringLiteral("site/type"), site == SiteType::ScheduledCare
                                                 ? QStringLiteral("scheduled")
                                                 : QStringLiteral("unscheduled"));
    to.setValue(QStringLiteral("ui/language"), language);
}

} // namespace cpis::ui
