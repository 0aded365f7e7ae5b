#include "core/fhir/CpisAuditReader.h"

#include "core/domain/Vocabulary.h"

#include <QJsonArray>

namespace cpis {

namespace {

using Error = CpisAuditReader::Error;

Error err(const QString& what)
{
    return Error{what};
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toObject();
}

// A system's own identifier on the Spine (its ASID), and DICOM's "Application" participant.
const QString kAsidSystem = QStringLiteral("https://fhir.nhs.uk/Id/nhsSpineASID");
const QString kApplicationRole = QStringLiteral("110150");

QStringList typeCodes(const QJsonObject& agent)
{
    QStringList codes;
    const QJsonArray codings = obj(agent, "type").value(QLatin1String("coding")).toArray();
    for (const QJsonValue& c : codings)
        codes.append(str(c.toObject(), "code"));
    return codes;
}

// The guide lists the patient as an agent beside the requester (type PAT, requestor false).
bool isPatient(const QJsonObject& agent)
{
    return typeCodes(agent).contains(QStringLiteral("PAT")) ||
           str(obj(obj(agent, "who"), "identifier"), "system") == vocabulary::kNhsNumberSystem;
}

Result<QJsonObject, Error> requestingAgent(const QJsonObject& ev)
{
    const QJsonArray agents = ev.value(QLatin1String("agent")).toArray();
    if (agents.isEmpty())
        return err(QStringLiteral("AuditEvent has no agent"));
    QList<QJsonObject> requestors;
    QList<QJsonObject> others;
    for (const QJsonValue& v : agents) {
        if (!v.isObject())
            return err(QStringLiteral("AuditEvent.agent holds a non-object"));
        const QJsonObject a = v.toObject();
        if (a.value(QLatin1String("requestor")).toBool())
            requestors.append(a);
        else if (!isPatient(a))
            others.append(a);
    }
    if (requestors.size() == 1)
        return requestors.first();
    if (requestors.isEmpty() && others.size() == 1)
        return others.first();
    return err(QStringLiteral("AuditEvent does not name one requesting agent"));
}

QString odsCode(const QJsonValue& identifier)
{
    const QJsonArray ids = identifier.isArray() ? identifier.toArray() : QJsonArray{identifier};
    for (const QJsonValue& id : ids)
        if (str(id.toObject(), "system") == vocabulary::kOdsSystem)
            return str(id.toObject(), "value");
    return {};
}

AccessRecord person(const QJsonObject& role)
{
    AccessRecord r;
    r.viewerName = str(obj(role, "practitioner"), "display");
    const QJsonObject org = obj(role, "organization");
    r.organisation = str(org, "display");
    r.organisationOds = odsCode(org.value(QLatin1String("identifier")));
    const QJsonArray codes = role.value(QLatin1String("code")).toArray();
    if (!codes.isEmpty()) {
        const QJsonArray codings =
            codes.first().toObject().value(QLatin1String("coding")).toArray();
        if (!codings.isEmpty())
            r.role = str(codings.first().toObject(), "display");
    }
    return r;
}

AccessRecord system(const std::optional<QJsonObject>& device, const QJsonObject& who)
{
    AccessRecord r;
    r.bySystem = true;
    if (device) {
        const QJsonArray names = device->value(QLatin1String("deviceName")).toArray();
        if (!names.isEmpty())
            r.viewerName = str(names.first().toObject(), "name");
        const QJsonObject owner = obj(*device, "owner");
        r.organisation = str(owner, "display");
        r.organisationOds = odsCode(owner.value(QLatin1String("identifier")));
    }
    if (r.viewerName.isEmpty())
        r.viewerName = str(who, "display");
    return r;
}

} // namespace

Result<AccessRecord, Error> CpisAuditReader::accessRecord(const QJsonObject& ev,
                                                          const FhirParser::References& included)
{
    const auto when = FhirParser::instant(ev.value(QLatin1String("recorded")));
    if (!when)
        return err(QStringLiteral("AuditEvent.recorded is not an instant"));
    const auto agent = requestingAgent(ev);
    if (!agent)
        return agent.error();
    const QJsonObject who = obj(agent.value(), "who");
    const QString reference = str(who, "reference");

    std::optional<QJsonObject> target;
    if (reference.startsWith(u'#')) {
        const QJsonArray contained = ev.value(QLatin1String("contained")).toArray();
        for (const QJsonValue& c : contained)
            if (str(c.toObject(), "id") == reference.mid(1))
                target = c.toObject();
    } else {
        target = FhirParser::resolve(included, reference);
    }
    const QString type = target ? str(*target, "resourceType")
                                : FhirParser::referenceTail(reference).section(u'/', 0, 0);

    AccessRecord r;
    if (type == u"PractitionerRole") {
        if (!target)
            return err(
                QStringLiteral("AuditEvent.agent refers to a PractitionerRole not included"));
        r = person(*target);
        if (r.viewerName.isEmpty() || r.organisation.isEmpty())
            return err(QStringLiteral("PractitionerRole lacks the viewer's name or organisation"));
    } else if (type == u"Device" ||
               (reference.isEmpty() && (str(obj(who, "identifier"), "system") == kAsidSystem ||
                                        typeCodes(agent.value()).contains(kApplicationRole)))) {
        r = system(target, who);
        if (r.viewerName.isEmpty())
            return err(QStringLiteral("a system's access names no system"));
    } else {
        return err(QStringLiteral("AuditEvent.agent is neither a PractitionerRole nor a Device"));
    }
    r.when = *when;
    return r;
}

} // namespace cpis
