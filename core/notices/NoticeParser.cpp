#include "core/notices/NoticeParser.h"

#include "core/domain/Vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace cpis {

const QString NoticeParser::kChildIdSystem = vocabulary::kLocalAuthorityChildIdSystem;

namespace {

const QString& kNhsSystem = vocabulary::kNhsNumberSystem;
const QString& kSnomedSystem = vocabulary::kSnomedSystem;
const QString& kOdsSystem = vocabulary::kOdsSystem;
const QString& kRoleClass = vocabulary::kRoleClassSystem;
const QString& kEventType = vocabulary::kAuditEventTypeSystem;

using Error = NoticeParser::Error;

// Collects the first problem; every reader below returns early once there is one.
class Reader
{
public:
    bool failed() const { return !m_error.isEmpty(); }
    Error error() const { return Error{m_error}; }

    void fail(const QString& path, const QString& why)
    {
        if (m_error.isEmpty())
            m_error = path + QStringLiteral(": ") + why;
    }

    // Exactly these keys: all of `required`, any of `optional`, nothing else.
    bool keys(const QJsonObject& o,
              const QString& path,
              const QStringList& required,
              const QStringList& optional = {})
    {
        for (const QString& k : required)
            if (!o.contains(k)) {
                fail(path, QStringLiteral("%1 is missing").arg(k));
                return false;
            }
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            if (!required.contains(it.key()) && !optional.contains(it.key())) {
                fail(path, QStringLiteral("unexpected field %1").arg(it.key()));
                return false;
            }
        return true;
    }

    QJsonObject object(const QJsonValue& v, const QString& path)
    {
        if (!v.isObject())
            fail(path, QStringLiteral("is not an object"));
        return v.toObject();
    }

    QJsonArray array(const QJsonValue& v, const QString& path, qsizetype min, qsizetype max)
    {
        if (!v.isArray()) {
            fail(path, QStringLiteral("is not an array"));
            return {};
        }
        const QJsonArray a = v.toArray();
        if (a.size() < min || a.size() > max)
            fail(path, QStringLiteral("holds %1 items").arg(a.size()));
        return a;
    }

    QString string(const QJsonValue& v, const QString& path)
    {
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            fail(path, QStringLiteral("is not a non-empty string"));
            return {};
        }
        return v.toString();
    }

    void equals(const QJsonValue& v, const QString& path, const QString& expected)
    {
        if (string(v, path) != expected && !failed())
            fail(path, QStringLiteral("is not %1").arg(expected));
    }

    // {"system", "value"} with the given system; returns the value.
    QString identifier(const QJsonValue& v, const QString& path, const QString& system)
    {
        const QJsonObject o = object(v, path);
        if (failed() || !keys(o, path, {QStringLiteral("system"), QStringLiteral("value")}))
            return {};
        equals(o.value(QLatin1String("system")), path + QStringLiteral(".system"), system);
        return string(o.value(QLatin1String("value")), path + QStringLiteral(".value"));
    }

    // A CodeableConcept of one Coding in `system`; returns the code.
    QString concept(const QJsonValue& v, const QString& path, const QString& system)
    {
        const QJsonObject o = object(v, path);
        if (failed() || !keys(o, path, {QStringLiteral("coding")}))
            return {};
        const QJsonArray codings =
            array(o.value(QLatin1String("coding")), path + QStringLiteral(".coding"), 1, 1);
        if (failed())
            return {};
        return coding(codings.first(), path + QStringLiteral(".coding[0]"), system);
    }

    QString coding(const QJsonValue& v, const QString& path, const QString& system)
    {
        const QJsonObject c = object(v, path);
        if (failed() || !keys(c, path, {QStringLiteral("system"), QStringLiteral("code")},
                              {QStringLiteral("display")}))
            return {};
        equals(c.value(QLatin1String("system")), path + QStringLiteral(".system"), system);
        if (c.contains(QLatin1String("display")))
            string(c.value(QLatin1String("display")), path + QStringLiteral(".display"));
        return string(c.value(QLatin1String("code")), path + QStringLiteral(".code"));
    }

private:
    QString m_error;
};

Result<QJsonObject, Error> parseObject(const QByteArray& body)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error{
            QStringLiteral("body is not JSON (%1 at %2)").arg(pe.errorString()).arg(pe.offset)};
    if (!doc.isObject())
        return Error{QStringLiteral("body is not a JSON object")};
    return doc.object();
}

std::optional<QDateTime> parseInstant(const QString& s)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$"));
    if (!re.match(s).hasMatch())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toUTC();
}

// The person who looked and the organisation they looked from.
void readAgents(Reader& r, const QJsonValue& v, const QString& path, AttendanceNotice& n)
{
    const QJsonArray agents = r.array(v, path, 2, 2);
    bool person = false;
    bool organisation = false;
    for (int i = 0; i < agents.size() && !r.failed(); ++i) {
        const QString at = path + QStringLiteral("[%1]").arg(i);
        const QJsonObject a = r.object(agents.at(i), at);
        if (r.failed())
            return;
        const QString kind =
            r.concept(a.value(QLatin1String("type")), at + QStringLiteral(".type"), kRoleClass);
        if (r.failed())
            return;
        if (kind == u"ASSIGNED" && !person) {
            person = true;
            if (!r.keys(a, at,
                        {QStringLiteral("type"), QStringLiteral("role"), QStringLiteral("who"),
                         QStringLiteral("requestor")}))
                return;
            if (a.value(QLatin1String("requestor")) != QJsonValue(true))
                r.fail(at + QStringLiteral(".requestor"), QStringLiteral("is not true"));
            const QJsonArray roles =
                r.array(a.value(QLatin1String("role")), at + QStringLiteral(".role"), 1, 1);
            if (r.failed())
                return;
            const QJsonObject role = r.object(roles.first(), at + QStringLiteral(".role[0]"));
            if (r.failed() ||
                !r.keys(role, at + QStringLiteral(".role[0]"), {QStringLiteral("text")}))
                return;
            n.viewerRole =
                r.string(role.value(QLatin1String("text")), at + QStringLiteral(".role[0].text"));
            const QJsonObject who =
                r.object(a.value(QLatin1String("who")), at + QStringLiteral(".who"));
            if (r.failed() ||
                !r.keys(who, at + QStringLiteral(".who"), {QStringLiteral("display")}))
                return;
            n.viewerName =
                r.string(who.value(QLatin1String("display")), at + QStringLiteral(".who.display"));
        } else if (kind == u"PROV" && !organisation) {
            organisation = true;
            if (!r.keys(
                    a, at,
                    {QStringLiteral("type"), QStringLiteral("who"), QStringLiteral("requestor")}))
                return;
            if (a.value(QLatin1String("requestor")) != QJsonValue(false))
                r.fail(at + QStringLiteral(".requestor"), QStringLiteral("is not false"));
            const QJsonObject who =
                r.object(a.value(QLatin1String("who")), at + QStringLiteral(".who"));
            if (r.failed() || !r.keys(who, at + QStringLiteral(".who"),
                                      {QStringLiteral("identifier"), QStringLiteral("display")}))
                return;
            n.organisationCode = r.identifier(who.value(QLatin1String("identifier")),
                                              at + QStringLiteral(".who.identifier"), kOdsSystem);
            n.organisationName =
                r.string(who.value(QLatin1String("display")), at + QStringLiteral(".who.display"));
        } else {
            r.fail(at + QStringLiteral(".type"),
                   QStringLiteral("is not one person and one organisation"));
        }
    }
}

// The child (NHS number) and the local authority's record of them (its id and the plan type).
void readEntities(Reader& r, const QJsonValue& v, const QString& path, AttendanceNotice& n)
{
    const QJsonArray entities = r.array(v, path, 2, 2);
    bool child = false;
    bool record = false;
    for (int i = 0; i < entities.size() && !r.failed(); ++i) {
        const QString at = path + QStringLiteral("[%1]").arg(i);
        const QJsonObject e = r.object(entities.at(i), at);
        if (r.failed())
            return;
        const QJsonObject what =
            r.object(e.value(QLatin1String("what")), at + QStringLiteral(".what"));
        if (r.failed() ||
            !r.keys(what, at + QStringLiteral(".what"), {QStringLiteral("identifier")}))
            return;
        const QJsonObject id = r.object(what.value(QLatin1String("identifier")),
                                        at + QStringLiteral(".what.identifier"));
        if (r.failed())
            return;
        const QString system = id.value(QLatin1String("system")).toString();
        if (system == kNhsSystem && !child) {
            child = true;
            if (!r.keys(e, at, {QStringLiteral("what")}))
                return;
            const QString digits =
                r.identifier(id, at + QStringLiteral(".what.identifier"), kNhsSystem);
            if (r.failed())
                return;
            const auto parsed = NhsNumber::parse(digits);
            if (!parsed || digits.size() != 10)
                r.fail(at + QStringLiteral(".what.identifier.value"),
                       QStringLiteral("is not a valid NHS number"));
            else
                n.nhsNumber = parsed.value();
        } else if (system == NoticeParser::kChildIdSystem && !record) {
            record = true;
            if (!r.keys(e, at, {QStringLiteral("what"), QStringLiteral("type")}))
                return;
            n.localChildId = r.identifier(id, at + QStringLiteral(".what.identifier"),
                                          NoticeParser::kChildIdSystem);
            const QString code = r.coding(e.value(QLatin1String("type")),
                                          at + QStringLiteral(".type"), kSnomedSystem);
            if (r.failed())
                return;
            const auto type = planTypeFromSnomed(code);
            if (!type)
                r.fail(at + QStringLiteral(".type.code"), QStringLiteral("is not a plan type"));
            else
                n.planType = *type;
        } else {
            r.fail(at + QStringLiteral(".what.identifier.system"),
                   QStringLiteral("is not one child and one local-authority record"));
        }
    }
}

void readEvent(Reader& r, const QJsonObject& ev, const QString& path, AttendanceNotice& n)
{
    if (!r.keys(ev, path,
                {QStringLiteral("resourceType"), QStringLiteral("id"), QStringLiteral("type"),
                 QStringLiteral("action"), QStringLiteral("recorded"), QStringLiteral("outcome"),
                 QStringLiteral("agent"), QStringLiteral("source"), QStringLiteral("entity")}))
        return;
    r.equals(ev.value(QLatin1String("resourceType")), path + QStringLiteral(".resourceType"),
             QStringLiteral("AuditEvent"));
    n.eventId = r.string(ev.value(QLatin1String("id")), path + QStringLiteral(".id"));
    const QString type =
        r.coding(ev.value(QLatin1String("type")), path + QStringLiteral(".type"), kEventType);
    if (!r.failed() && type != u"rest")
        r.fail(path + QStringLiteral(".type.code"), QStringLiteral("is not rest"));
    r.equals(ev.value(QLatin1String("action")), path + QStringLiteral(".action"),
             QStringLiteral("R"));
    r.equals(ev.value(QLatin1String("outcome")), path + QStringLiteral(".outcome"),
             QStringLiteral("0"));
    const QString recorded =
        r.string(ev.value(QLatin1String("recorded")), path + QStringLiteral(".recorded"));
    if (r.failed())
        return;
    const auto when = parseInstant(recorded);
    if (!when) {
        r.fail(path + QStringLiteral(".recorded"), QStringLiteral("is not a FHIR instant"));
        return;
    }
    n.whenUtc = *when;
    const QJsonObject source =
        r.object(ev.value(QLatin1String("source")), path + QStringLiteral(".source"));
    if (r.failed() ||
        !r.keys(source, path + QStringLiteral(".source"), {QStringLiteral("observer")}))
        return;
    const QJsonObject observer = r.object(source.value(QLatin1String("observer")),
                                          path + QStringLiteral(".source.observer"));
    if (r.failed() ||
        !r.keys(observer, path + QStringLiteral(".source.observer"), {QStringLiteral("display")}))
        return;
    r.equals(observer.value(QLatin1String("display")),
             path + QStringLiteral(".source.observer.display"), QStringLiteral("CP-IS"));
    if (r.failed())
        return;
    readAgents(r, ev.value(QLatin1String("agent")), path + QStringLiteral(".agent"), n);
    if (r.failed())
        return;
    readEntities(r, ev.value(QLatin1String("entity")), path + QStringLiteral(".entity"), n);
}

} // namespace

Result<QStringList, Error> NoticeParser::inbox(const QByteArray& body)
{
    auto parsed = parseObject(body);
    if (!parsed)
        return parsed.error();
    Reader r;
    const QJsonObject o = parsed.value();
    if (!r.keys(o, QStringLiteral("$"), {QStringLiteral("messages")}))
        return r.error();
    const QJsonArray ids =
        r.array(o.value(QLatin1String("messages")), QStringLiteral("$.messages"), 0, 100000);
    QStringList out;
    QSet<QString> seen;
    for (int i = 0; i < ids.size() && !r.failed(); ++i) {
        const QString id = r.string(ids.at(i), QStringLiteral("$.messages[%1]").arg(i));
        if (!r.failed() && seen.contains(id))
            r.fail(QStringLiteral("$.messages[%1]").arg(i), QStringLiteral("repeats an id"));
        seen.insert(id);
        out.append(id);
    }
    if (r.failed())
        return r.error();
    return out;
}

Result<QList<AttendanceNotice>, Error>
NoticeParser::message(const QByteArray& body, const QString& mailbox, const QString& messageId)
{
    auto parsed = parseObject(body);
    if (!parsed)
        return parsed.error();
    Reader r;
    const QJsonObject b = parsed.value();
    const QString at = QStringLiteral("Bundle");
    if (!r.keys(b, at,
                {QStringLiteral("resourceType"), QStringLiteral("type"), QStringLiteral("entry")},
                {QStringLiteral("id"), QStringLiteral("meta")}))
        return r.error();
    r.equals(b.value(QLatin1String("resourceType")), at + QStringLiteral(".resourceType"),
             QStringLiteral("Bundle"));
    r.equals(b.value(QLatin1String("type")), at + QStringLiteral(".type"),
             QStringLiteral("collection"));
    if (b.contains(QLatin1String("id")))
        r.string(b.value(QLatin1String("id")), at + QStringLiteral(".id"));
    if (b.contains(QLatin1String("meta"))) {
        const QJsonObject meta =
            r.object(b.value(QLatin1String("meta")), at + QStringLiteral(".meta"));
        if (!r.failed() &&
            r.keys(meta, at + QStringLiteral(".meta"), {}, {QStringLiteral("lastUpdated")}) &&
            meta.contains(QLatin1String("lastUpdated")) &&
            !parseInstant(meta.value(QLatin1String("lastUpdated")).toString()))
            r.fail(at + QStringLiteral(".meta.lastUpdated"), QStringLiteral("is not an instant"));
    }
    const QJsonArray entries =
        r.array(b.value(QLatin1String("entry")), at + QStringLiteral(".entry"), 1, 1000);
    QList<AttendanceNotice> out;
    QSet<QString> eventIds;
    for (int i = 0; i < entries.size() && !r.failed(); ++i) {
        const QString ep = at + QStringLiteral(".entry[%1]").arg(i);
        const QJsonObject entry = r.object(entries.at(i), ep);
        if (r.failed() ||
            !r.keys(entry, ep, {QStringLiteral("resource")}, {QStringLiteral("fullUrl")}))
            break;
        const QJsonObject ev =
            r.object(entry.value(QLatin1String("resource")), ep + QStringLiteral(".resource"));
        if (r.failed())
            break;
        AttendanceNotice n;
        n.mailbox = mailbox;
        n.messageId = messageId;
        readEvent(r, ev, ep + QStringLiteral(".resource"), n);
        if (!r.failed() && eventIds.contains(n.eventId))
            r.fail(ep + QStringLiteral(".resource.id"), QStringLiteral("repeats an event id"));
        eventIds.insert(n.eventId);
        out.append(n);
    }
    if (r.failed())
        return r.error();
    return out;
}

Status<Error> NoticeParser::acknowledged(const QByteArray& body, const QString& messageId)
{
    auto parsed = parseObject(body);
    if (!parsed)
        return parsed.error();
    Reader r;
    const QJsonObject o = parsed.value();
    if (r.keys(o, QStringLiteral("$"), {QStringLiteral("messageId")}))
        r.equals(o.value(QLatin1String("messageId")), QStringLiteral("$.messageId"), messageId);
    if (r.failed())
        return r.error();
    return {};
}

} // namespace cpis
