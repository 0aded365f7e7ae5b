#include "core/domain/PatientSearchCriteria.h"

#include <QStringList>

namespace cpis {

std::pair<QDate, QDate>
PatientSearchCriteria::birthRangeForAges(int minAge, int maxAge, const QDate& today)
{
    // Aged `maxAge` until the day before the (maxAge + 1)th birthday.
    const QDate earliest = today.addYears(-(maxAge + 1)).addDays(1);
    const QDate latest = today.addYears(-minAge);
    return {earliest, latest};
}

PatientSearchCriteria::Problem PatientSearchCriteria::problem() const
{
    const bool range = bornFrom || bornTo;
    if (!birthDate && !range)
        return Problem::NoBirthDate;
    if (!birthDate && bornFrom && bornTo && *bornFrom > *bornTo)
        return Problem::RangeReversed;
    if (family.trimmed().size() > kMaxNameLength || given.trimmed().size() > kMaxNameLength)
        return Problem::NameTooLong;
    if (maxResults < 1 || maxResults > kMaxResults)
        return Problem::MaxResultsOutOfRange;
    const bool hasFamily = !family.trimmed().isEmpty();
    const bool hasGiven = !given.trimmed().isEmpty();
    const bool hasGender = !gender.isEmpty();
    const bool hasPostcode = !postcode.trimmed().isEmpty();
    const bool enough =
        fuzzy ? ((hasFamily && hasGiven) || (hasGender && hasPostcode && (hasFamily || hasGiven)))
              : hasFamily;
    return enough ? Problem::None : Problem::NotEnoughDetail;
}

QString PatientSearchCriteria::auditText() const
{
    QStringList parts;
    auto add = [&parts](const char* key, const QString& value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + u'=' + value;
    };
    add("family", family.trimmed());
    add("given", given.trimmed());
    add("gender", gender);
    if (birthDate) {
        add("birthdate", QStringLiteral("eq") + birthDate->toString(Qt::ISODate));
    } else {
        if (bornFrom)
            add("birthdate", QStringLiteral("ge") + bornFrom->toString(Qt::ISODate));
        if (bornTo)
            add("birthdate", QStringLiteral("le") + bornTo->toString(Qt::ISODate));
    }
    add("address-postalcode", postcode.trimmed());
    if (fuzzy)
        parts << QStringLiteral("_fuzzy-match=true");
    return parts.join(QStringLiteral("; "));
}

} // namespace cpis
