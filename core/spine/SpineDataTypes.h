#pragma once

#include "core/spine/SpineXmlTree.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

// The HL7 V3 data types CP-IS's answers carry, read as the schemas define them; apart from the
// reader so that the message rules and the value rules can each be read on their own.
namespace cpis::spine {

// `yyyyMMddHHmm`, TS.NHS.DateType1: the plan dates. The date only is kept.
std::optional<QDate> dateType1(const QString& value);
// An HL7 `ts` to the minute or second, optionally with fractions and a UTC offset; without an
// offset it is UK local time, as Spine's timestamps are. Returned in UTC.
std::optional<QDateTime> timestamp(const QString& value);
// A person's name as PN carries it: its parts in order, or its plain text.
QString personName(const SpineXmlElement& name);

// The person behind an access or a notice (COCT_TP145102GB01.AssignedAuthor): name, role
// and the organisation they act for. `problem` is set (and nothing returned) when a part is
// missing or repeated.
struct AssignedAuthor
{
    QString name;
    QString role; // the code's displayName
    QString organisationCode;
    QString organisationName;
};
std::optional<AssignedAuthor> assignedAuthor(const SpineXmlElement& person, QString& problem);

// The person a system (COCT_TP145104GB01.System) acts for, named in its first non-null
// indirectAuthority: both the access reply and the attendance notice carry the CMET.
struct NominatedPerson
{
    QString name;
    QString role; // the code's displayName
};
// Nothing when the system names nobody; `problem` is set (and nothing returned) when the
// authority is there but lacks its code or person's name.
std::optional<NominatedPerson> nominatedPerson(const SpineXmlElement& system, QString& problem);

} // namespace cpis::spine
