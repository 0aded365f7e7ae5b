#include "core/fhir/CpisCareTeamReader.h"

#include "core/domain/Vocabulary.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace cpis {

namespace {

using Error = CpisCareTeamReader::Error;

Error err(const QString& what)
{
    return Error{what};
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

// A code from the answer, safe to name in an error: short, and never patient data.
QString codeForError(const QString& code)
{
    return code.left(24);
}

// Without a system, a value is taken as a telephone number only when it is one: the national
// record carries telephone numbers and nothing else (HL7 V3 TEL.NHS, `tel:[+]digits`).
bool looksLikePhoneNumber(const QString& value)
{
    int digits = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c.isDigit() && c.unicode() < 128)
            ++digits;
        else if (c == u'+' ? i != 0 : !(c == u' ' || c == u'(' || c == u')' || c == u'-'))
            return false;
    }
    return digits >= 6;
}

bool isAbout(const QJsonObject& ct, const NhsNumber& subject)
{
    const QJsonObject subjectId =
        ct.value(QLatin1String("subject")).toObject().value(QLatin1String("identifier")).toObject();
    return str(subjectId, "system") == vocabulary::kNhsNumberSystem &&
           str(subjectId, "value") == subject.digits();
}

Result<LocalAuthority, Error> authority(const QJsonObject& ct,
                                        const FhirParser::References& included)
{
    LocalAuthority la;
    la.name = str(ct, "name").trimmed();

    QList<QJsonValue> contactPoints;
    auto addTelecoms = [&contactPoints](const QJsonValue& v) -> bool {
        if (v.isUndefined())
            return true;
        if (!v.isArray())
            return false;
        for (const QJsonValue& t : v.toArray())
            contactPoints.append(t);
        return true;
    };
    if (!addTelecoms(ct.value(QLatin1String("telecom"))))
        return err(QStringLiteral("CareTeam.telecom is not an array"));

    // The guide names the authority on the CareTeam itself; an Organization, contained or
    // referenced, is read as well so that an answer shaped either way is understood.
    const QJsonValue managingValue = ct.value(QLatin1String("managingOrganization"));
    if (!managingValue.isUndefined() && !managingValue.isArray())
        return err(QStringLiteral("CareTeam.managingOrganization is not an array"));
    const QJsonArray managing = managingValue.toArray();
    if (managing.size() > 1)
        return err(QStringLiteral("CareTeam.managingOrganization names more than one authority"));
    if (managing.size() == 1) {
        const QJsonObject ref = managing.first().toObject();
        const QString reference = str(ref, "reference");
        std::optional<QJsonObject> org;
        if (reference.startsWith(u'#')) {
            const QJsonArray contained = ct.value(QLatin1String("contained")).toArray();
            for (const QJsonValue& c : contained)
                if (str(c.toObject(), "id") == reference.mid(1))
                    org = c.toObject();
            if (!org)
                return err(QStringLiteral(
                    "CareTeam.managingOrganization points at nothing the CareTeam contains"));
        } else {
            org = FhirParser::resolve(included, reference);
        }
        if (org) {
            if (str(*org, "resourceType") != u"Organization")
                return err(QStringLiteral("CareTeam.managingOrganization is not an Organization"));
            const QJsonArray ids = org->value(QLatin1String("identifier")).toArray();
            for (const QJsonValue& id : ids)
                if (str(id.toObject(), "system") == vocabulary::kOdsSystem)
                    la.odsCode = str(id.toObject(), "value").trimmed();
            if (la.name.isEmpty())
                la.name = str(*org, "name").trimmed();
            if (!addTelecoms(org->value(QLatin1String("telecom"))))
                return err(QStringLiteral("Organization.telecom is not an array"));
        }
        // A logical reference: the identifier and display on the reference itself.
        const QJsonObject logical = ref.value(QLatin1String("identifier")).toObject();
        if (la.odsCode.isEmpty() && str(logical, "system") == vocabulary::kOdsSystem)
            la.odsCode = str(logical, "value").trimmed();
        if (la.name.isEmpty())
            la.name = str(ref, "display").trimmed();
    }

    for (const QJsonValue& v : std::as_const(contactPoints)) {
        if (!v.isObject())
            return err(QStringLiteral("local authority telecom is not a ContactPoint"));
        auto t = CpisCareTeamReader::classify(v.toObject());
        if (!t)
            return t.error();
        const bool office = t->line == CpisCareTeamReader::Line::OfficeHours;
        QString& slot = office ? la.officeHoursPhone : la.emergencyDutyPhone;
        // The same number given twice (on the CareTeam and its Organization) is one number;
        // two different ones for the same hours leave the desk unable to say which to ring.
        if (!slot.isEmpty() && slot != t->number)
            return err(office ? QStringLiteral("local authority has two office-hours numbers")
                              : QStringLiteral("local authority has two emergency-duty numbers"));
        slot = t->number;
    }
    if (la.name.isEmpty())
        return err(QStringLiteral("local authority has no name"));
    // The guide's Bundle example names the authority "SFD1 - SHEFFIELD CITY COUNCIL": with no
    // ODS code given anywhere else, a code written that way is the one the local directory is
    // keyed on. The name is shown as sent.
    if (la.odsCode.isEmpty()) {
        static const QRegularExpression codeFirst(QStringLiteral("^([A-Z][A-Z0-9]{2,5}) - \\S"));
        if (const auto m = codeFirst.match(la.name); m.hasMatch())
            la.odsCode = m.captured(1);
    }
    if (la.officeHoursPhone.isEmpty() && la.emergencyDutyPhone.isEmpty())
        return err(QStringLiteral("local authority has no telephone number"));
    return la;
}

// UK summer time (Summer Time Order 2002): from 01:00 UTC on the last Sunday of March to
// 01:00 UTC on the last Sunday of October. Used only where no time-zone database is present.
QDate londonDateByRule(const QDateTime& utc)
{
    const int y = utc.date().year();
    auto lastSunday = [y](int month) {
        QDate d(y, month, QDate(y, month, 1).daysInMonth());
        return d.addDays(-(d.dayOfWeek() % 7));
    };
    const QDateTime from(lastSunday(3), QTime(1, 0), Qt::UTC);
    const QDateTime to(lastSunday(10), QTime(1, 0), Qt::UTC);
    const bool summer = utc >= from && utc < to;
    return utc.addSecs(summer ? 3600 : 0).date();
}

} // namespace

Result<CpisCareTeamReader::Telecom, Error> CpisCareTeamReader::classify(const QJsonObject& cp)
{
    const QJsonValue systemValue = cp.value(QLatin1String("system"));
    const QJsonValue useValue = cp.value(QLatin1String("use"));
    if ((!systemValue.isUndefined() && !systemValue.isString()) ||
        (!useValue.isUndefined() && !useValue.isString()))
        return err(
            QStringLiteral("local authority telecom has a system or use that is not a code"));
    Telecom t;
    t.number = str(cp, "value").trimmed();
    // The HL7 V3 record's form, tel:[+]digits, read as the number it is.
    if (t.number.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
        t.number = t.number.mid(4).trimmed();
    if (t.number.isEmpty())
        return err(QStringLiteral("local authority telecom has no number"));

    const QString system = systemValue.toString();
    if (system.isEmpty()) {
        if (!looksLikePhoneNumber(t.number))
            return err(QStringLiteral(
                "local authority telecom has no system and is not a telephone number"));
    } else if (system != u"phone") {
        // The record carries telephone numbers only; anything else cannot be put under
        // office hours or emergency duty, and is never dropped unseen either.
        return err(QStringLiteral("local authority telecom system '%1' is not a telephone")
                       .arg(codeForError(system)));
    }

    const QString use = useValue.toString();
    if (use.isEmpty() || use == u"work") {
        // The guide: Office Hours <- use work. A number with no use is the authority's
        // general line, which is what office hours means; it is never shown as reachable
        // out of hours.
        t.line = Line::OfficeHours;
    } else if (use == u"mobile") {
        t.line = Line::EmergencyDuty; // the guide: Emergency Duty <- use mobile
    } else {
        // home, temp, old: a number we cannot label could be dialled at the wrong hours.
        return err(QStringLiteral("local authority telecom use '%1' cannot be labelled")
                       .arg(codeForError(use)));
    }
    return t;
}

QDate CpisCareTeamReader::londonDate(const QDateTime& instant)
{
    static const QTimeZone london(QByteArrayLiteral("Europe/London"));
    if (london.isValid())
        return instant.toTimeZone(london).date();
    return londonDateByRule(instant.toUTC());
}

std::optional<QDate> CpisCareTeamReader::periodDate(const QJsonValue& v)
{
    if (const auto d = FhirParser::date(v))
        return d;
    // A dateTime: FHIR requires a zone once a time is given, so it is an instant.
    if (const auto t = FhirParser::instant(v))
        return londonDate(*t);
    return std::nullopt;
}

std::optional<QString> CpisCareTeamReader::unknownPlanCode(const QJsonObject& ct)
{
    QStringList codes;
    const QJsonArray categories = ct.value(QLatin1String("category")).toArray();
    for (const QJsonValue& cat : categories) {
        const QJsonArray codings = cat.toObject().value(QLatin1String("coding")).toArray();
        for (const QJsonValue& c : codings)
            if (str(c.toObject(), "system") == vocabulary::kSnomedSystem)
                codes << str(c.toObject(), "code");
    }
    if (codes.size() != 1 || codes.first().isEmpty() || planTypeFromSnomed(codes.first()))
        return std::nullopt;
    return codes.first();
}

Result<UndisplayableRecord, Error> CpisCareTeamReader::undisplayable(
    const QJsonObject& ct, const NhsNumber& subject, const FhirParser::References& included)
{
    const auto code = unknownPlanCode(ct);
    if (!code)
        return err(QStringLiteral("CareTeam.category carries a known plan code"));
    if (!isAbout(ct, subject))
        return err(QStringLiteral("CareTeam.subject is not the person asked about"));
    UndisplayableRecord record;
    record.typeCode = *code;
    // Contacts that do not read as a plan's would are not shown: the user is told to find
    // the authority another way rather than given a number that may be the wrong one.
    if (auto la = authority(ct, included))
        record.authority = la.value();
    return record;
}

Result<CpisPlan, Error> CpisCareTeamReader::plan(const QJsonObject& ct,
                                                 const NhsNumber& subject,
                                                 const FhirParser::References& included)
{
    CpisPlan plan;

    // Plan type: exactly one SNOMED coding, and it must be one we know.
    std::optional<PlanType> type;
    int snomedCodings = 0;
    const QJsonArray categories = ct.value(QLatin1String("category")).toArray();
    for (const QJsonValue& cat : categories) {
        const QJsonArray codings = cat.toObject().value(QLatin1String("coding")).toArray();
        for (const QJsonValue& c : codings) {
            const QJsonObject coding = c.toObject();
            if (str(coding, "system") != vocabulary::kSnomedSystem)
                continue;
            ++snomedCodings;
            type = planTypeFromSnomed(str(coding, "code"));
            if (!type)
                return err(QStringLiteral("CareTeam.category carries an unknown plan code"));
        }
    }
    if (snomedCodings != 1 || !type)
        return err(QStringLiteral("CareTeam.category must carry exactly one SNOMED CT plan code"));
    plan.type = *type;

    if (!isAbout(ct, subject))
        return err(QStringLiteral("CareTeam.subject is not the person asked about"));

    const QJsonObject period = ct.value(QLatin1String("period")).toObject();
    const auto start = periodDate(period.value(QLatin1String("start")));
    if (!start)
        return err(QStringLiteral("CareTeam.period.start is missing or not a full date"));
    plan.start = *start;
    const QJsonValue endValue = period.value(QLatin1String("end"));
    if (!endValue.isUndefined()) {
        const auto end = periodDate(endValue);
        if (!end)
            return err(QStringLiteral("CareTeam.period.end is not a full date"));
        if (*end < *start)
            return err(QStringLiteral("CareTeam.period ends before it starts"));
        plan.end = end;
    }
    if (plan.type == PlanType::UnbornChildProtection && !plan.end)
        return err(QStringLiteral("an Unborn Child Protection Plan must have an end date"));

    auto la = authority(ct, included);
    if (!la)
        return la.error();
    plan.authority = la.value();
    return plan;
}

} // namespace cpis
