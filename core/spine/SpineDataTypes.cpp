#include "core/spine/SpineDataTypes.h"

#include "core/spine/SpineElementRules.h"
#include "core/spine/SpineNames.h"

#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

namespace cpis::spine {

// `yyyyMMddHHmm`, TS.NHS.DateType1: the plan dates. The date only is kept (domain §2.2).
std::optional<QDate> dateType1(const QString& value)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})$"));
    const auto m = re.match(value);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime t(m.captured(4).toInt(), m.captured(5).toInt());
    if (!d.isValid() || !t.isValid())
        return std::nullopt;
    return d;
}

// An HL7 `ts` to the minute or second, optionally with fractions and a UTC offset. Without an
// offset it is UK local time, as Spine's timestamps are.
std::optional<QDateTime> timestamp(const QString& value)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?(?:\\.\\d{1,4})?(?:([+-])"
                       "(\\d{2})(\\d{2}))?$"));
    const auto m = re.match(value);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime t(m.captured(4).toInt(), m.captured(5).toInt(),
                  m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
    if (!d.isValid() || !t.isValid())
        return std::nullopt;
    if (!m.captured(7).isEmpty()) {
        const int hours = m.captured(8).toInt();
        const int minutes = m.captured(9).toInt();
        if (hours > 14 || minutes > 59)
            return std::nullopt;
        const int offset = (hours * 3600 + minutes * 60) * (m.captured(7) == u"-" ? -1 : 1);
        return QDateTime(d, t, QTimeZone(offset)).toUTC();
    }
    const QDateTime local(d, t, QTimeZone("Europe/London"));
    if (!local.isValid())
        return std::nullopt;
    return local.toUTC();
}

// A person's name as PN carries it: its parts in order, or its plain text.
QString personName(const SpineXmlElement& name)
{
    QStringList parts;
    for (const SpineXmlElement& c : name.children)
        if (c.ns == kHl7Ns &&
            (c.name == u"prefix" || c.name == u"given" || c.name == u"family" ||
             c.name == u"suffix") &&
            !c.text.isEmpty())
            parts << c.text;
    return parts.isEmpty() ? name.text : parts.join(u' ');
}

std::optional<AssignedAuthor> assignedAuthor(const SpineXmlElement& person, QString& problem)
{
    const SpineXmlElement* code = child(person, "code", problem);
    const SpineXmlElement* who = child(person, "assignedAuthorPerson", problem);
    const SpineXmlElement* name = who ? child(*who, "name", problem) : nullptr;
    const SpineXmlElement* org = child(person, "representedOrganization", problem);
    const SpineXmlElement* orgId = org ? child(*org, "id", problem) : nullptr;
    const SpineXmlElement* orgName = org ? child(*org, "name", problem) : nullptr;
    if (!code || !name || !orgId || !orgName)
        return std::nullopt;
    return AssignedAuthor{personName(*name), code->attribute(QLatin1String("displayName")),
                          orgId->attribute(QLatin1String("extension")), orgName->text};
}

std::optional<NominatedPerson> nominatedPerson(const SpineXmlElement& system, QString& problem)
{
    for (const SpineXmlElement* authority :
         system.all(kHl7Ns, QLatin1String("indirectAuthority"))) {
        const SpineXmlElement* superior =
            authority->one(kHl7Ns, QLatin1String("superiorAssignedEntity"));
        if (!superior || superior->isNull())
            continue;
        const SpineXmlElement* code = child(*superior, "code", problem);
        const SpineXmlElement* person = child(*superior, "assignedPerson", problem);
        const SpineXmlElement* name = person ? child(*person, "name", problem) : nullptr;
        if (!code || !name)
            return std::nullopt;
        return NominatedPerson{personName(*name), code->attribute(QLatin1String("displayName"))};
    }
    return std::nullopt;
}

} // namespace cpis::spine
