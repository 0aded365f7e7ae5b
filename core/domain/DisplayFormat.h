#pragma once

#include "core/domain/PartialDate.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace cpis {

// NHS Common User Interface display rules. They ignore the user's regional settings on
// purpose: "03/04/2026" means different days to different readers, "03-Apr-2026" does not.
namespace display {

QString date(const QDate& d);                        // "22-Nov-2016"; "Not Known" when invalid
QString time(const QDateTime& utc);                  // "09:05" in UK local time, 24-hour
QString dateTime(const QDateTime& utc);              // "22-Nov-2026 09:05"
QString age(const QDate& birth, const QDate& today); // "10y", "18m", "7w", "5d"
// "22-Nov-2016", "Oct 2010" or "2010": never a day or month that was not recorded.
QString partialDate(const PartialDate& d);
// "22-Nov-2016 (10y)"; without an age when the date is partial or the person has died (an age
// from a guessed day, or of someone dead, would be wrong): "Oct 2010", "22-Nov-2016".
QString bornWithAge(const std::optional<PartialDate>& birth,
                    const std::optional<PartialDate>& deceased,
                    const QDate& today);
QString died(const PartialDate& deceased); // "Died 03-Mar-2026", "Died Mar 2026"
QString patientName(const QString& family, const QString& given, const QString& title);
QString gender(const QString& fhirGender); // "Female"; never a code
QString notKnown();

} // namespace display
} // namespace cpis
