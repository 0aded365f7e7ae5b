#include "core/spine/SpineQueryWriter.h"

#include "core/spine/SpineNames.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamWriter>

namespace cpis {

SpineAuthor SpineAuthor::person(const UserSession& session)
{
    SpineAuthor a;
    a.kind = Kind::Person;
    a.sdsUserId = session.userId;
    a.roleProfileId = session.roleId;
    a.jobRoleCode = session.roleCode.split(u':').last();
    a.roleName = session.roleName;
    a.name = session.name;
    a.organisationCode = session.organisationCode;
    a.organisationName = session.organisationName;
    return a;
}

SpineAuthor SpineAuthor::system(const UserSession& session, const QString& asid)
{
    SpineAuthor a = person(session);
    a.kind = Kind::System;
    a.systemAsid = asid;
    return a;
}

namespace {

const QString kHl7 = spine::kHl7Ns;

// Spine's timestamps are UK local time, to the second, without an offset.
QString hl7Time(const QDateTime& utc)
{
    return utc.toTimeZone(QTimeZone("Europe/London")).toString(QStringLiteral("yyyyMMddHHmmss"));
}

class Writer
{
public:
    explicit Writer(QByteArray* out) : w(out) {}

    void start(const char* name) { w.writeStartElement(kHl7, QLatin1String(name)); }
    void end() { w.writeEndElement(); }
    void empty(const char* name, std::initializer_list<std::pair<const char*, QString>> attrs)
    {
        w.writeEmptyElement(kHl7, QLatin1String(name));
        for (const auto& [k, v] : attrs)
            w.writeAttribute(QLatin1String(k), v);
    }
    void attr(const char* name, const QString& value)
    {
        w.writeAttribute(QLatin1String(name), value);
    }
    void text(const char* name, const QString& value)
    {
        w.writeTextElement(kHl7, QLatin1String(name), value);
    }
    void device(const char* function, const QString& asid)
    {
        start(function);
        attr("typeCode", QLatin1String(function).endsWith(QLatin1String("Rcv"))
                             ? QStringLiteral("RCV")
                             : QStringLiteral("SND"));
        start("device");
        attr("classCode", QStringLiteral("DEV"));
        attr("determinerCode", QStringLiteral("INSTANCE"));
        empty("id", {{"root", spine::kAsidRoot}, {"extension", asid}});
        end();
        end();
    }
    // A person's name: the last word as the family name, the words before it as given names.
    void personName(const QString& full)
    {
        QStringList words = full.split(u' ', Qt::SkipEmptyParts);
        start("name");
        if (!words.isEmpty()) {
            const QString family = words.takeLast();
            for (const QString& g : std::as_const(words))
                text("given", g);
            text("family", family);
        }
        end();
    }
    void organisation(const char* element, const SpineAuthor& a)
    {
        start(element);
        empty("id", {{"root", spine::kOdsRoot}, {"extension", a.organisationCode}});
        text("name", a.organisationName);
        end();
    }
    void jobRole(const SpineAuthor& a)
    {
        empty("code", {{"code", a.jobRoleCode},
                       {"codeSystem", spine::kSdsJobRoleRoot},
                       {"displayName", a.roleName}});
    }
    void contentId(const QString& id)
    {
        w.writeEmptyElement(spine::kNpfitLcNs, QStringLiteral("contentId"));
        w.writeAttribute(QStringLiteral("root"), spine::kTemplateContentRoot);
        w.writeAttribute(QStringLiteral("extension"), id);
    }

    QXmlStreamWriter w;
};

std::optional<QString> missing(const SpineQuery& q)
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$"));
    static const QRegularExpression ten(QStringLiteral("^[0-9]{10}$"));
    const SpineAuthor& a = q.author;
    const QList<std::pair<const char*, bool>> checks = {
        {"an NHS number of ten digits", ten.match(q.nhsNumber).hasMatch()},
        {"an upper-case UUID as the message id", uuid.match(q.messageId).hasMatch()},
        {"an upper-case UUID as the query id", uuid.match(q.queryId).hasMatch()},
        {"a creation time", q.createdUtc.isValid()},
        {"the desk's ASID", !q.deskAsid.isEmpty()},
        {"CP-IS's ASID", !q.cpisAsid.isEmpty()},
        {"the CP-IS address", q.to.isValid() && !q.to.isEmpty()},
        {"the user's job role code", !a.jobRoleCode.isEmpty()},
        {"the user's organisation", !a.organisationCode.isEmpty()},
        {"the user's organisation name", !a.organisationName.isEmpty()},
        {"the user's name", !a.name.trimmed().isEmpty()},
        {"the user's SDS user id", a.kind == SpineAuthor::Kind::System || !a.sdsUserId.isEmpty()},
        {"the user's role profile",
         a.kind == SpineAuthor::Kind::System || !a.roleProfileId.isEmpty()},
        {"the system's ASID", a.kind == SpineAuthor::Kind::Person || !a.systemAsid.isEmpty()},
    };
    for (const auto& [what, ok] : checks)
        if (!ok)
            return QStringLiteral("a CP-IS query needs %1").arg(QLatin1String(what));
    return std::nullopt;
}

} // namespace

Result<QByteArray, QString> SpineQueryWriter::write(const SpineQuery& q)
{
    if (auto why = missing(q))
        return *why;
    const SpineAuthor& a = q.author;
    const bool person = a.kind == SpineAuthor::Kind::Person;
    const QString created = hl7Time(q.createdUtc);

    QByteArray out;
    Writer x(&out);
    QXmlStreamWriter& w = x.w;
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(1);
    w.writeStartDocument();
    w.writeNamespace(spine::kSoapNs, QStringLiteral("SOAP"));
    w.writeNamespace(spine::kWsaNs, QStringLiteral("wsa"));
    w.writeNamespace(kHl7, QStringLiteral("hl7"));
    w.writeStartElement(spine::kSoapNs, QStringLiteral("Envelope"));

    w.writeStartElement(spine::kSoapNs, QStringLiteral("Header"));
    w.writeTextElement(spine::kWsaNs, QStringLiteral("MessageID"), u"uuid:" + q.messageId);
    w.writeTextElement(spine::kWsaNs, QStringLiteral("Action"), spine::kQueryAction);
    w.writeTextElement(spine::kWsaNs, QStringLiteral("To"), q.to.toString());
    w.writeStartElement(spine::kWsaNs, QStringLiteral("From"));
    // A synchronous query has no reply address: the desk names itself by its party key.
    w.writeTextElement(spine::kWsaNs, QStringLiteral("Address"), q.deskPartyKey);
    w.writeEndElement();
    x.device("communicationFunctionRcv", q.cpisAsid);
    x.device("communicationFunctionSnd", q.deskAsid);
    w.writeEndElement(); // Header

    w.writeStartElement(spine::kSoapNs, QStringLiteral("Body"));
    // Declared on the interaction itself, so that it stands alone for schema validation.
    w.writeDefaultNamespace(kHl7);
    w.writeNamespace(spine::kNpfitLcNs, QStringLiteral("npfitlc"));
    x.start("QUPC_IN000006GB01");
    x.empty("id", {{"root", q.messageId}});
    x.empty("creationTime", {{"value", created}});
    x.empty("versionCode", {{"code", spine::kVersionCode}});
    x.empty("interactionId",
            {{"root", spine::kInteractionRoot}, {"extension", spine::kQueryInteraction}});
    x.empty("processingCode", {{"code", QStringLiteral("P")}});
    x.empty("processingModeCode", {{"code", QStringLiteral("T")}});
    x.empty("acceptAckCode", {{"code", QStringLiteral("NE")}});
    x.device("communicationFunctionRcv", q.cpisAsid);
    x.device("communicationFunctionSnd", q.deskAsid);

    x.start("ControlActEvent");
    x.attr("classCode", QStringLiteral("CACT"));
    x.attr("moodCode", QStringLiteral("EVN"));
    if (person) {
        x.start("author");
        x.attr("typeCode", QStringLiteral("AUT"));
        x.start("AgentPersonSDS");
        x.attr("classCode", QStringLiteral("AGNT"));
        x.empty("id", {{"root", spine::kSdsRoleProfileRoot}, {"extension", a.roleProfileId}});
        x.start("agentPersonSDS");
        x.attr("classCode", QStringLiteral("PSN"));
        x.attr("determinerCode", QStringLiteral("INSTANCE"));
        x.empty("id", {{"root", spine::kSdsUserRoot}, {"extension", a.sdsUserId}});
        x.end();
        x.start("part");
        x.attr("typeCode", QStringLiteral("PART"));
        x.start("partSDSRole");
        x.attr("classCode", QStringLiteral("ROL"));
        x.empty("id", {{"root", spine::kSdsJobRoleRoot}, {"extension", a.jobRoleCode}});
        x.end();
        x.end();
        x.end(); // AgentPersonSDS
        x.end(); // author
    }
    x.start("author1");
    x.attr("typeCode", QStringLiteral("AUT"));
    x.start("AgentSystemSDS");
    x.attr("classCode", QStringLiteral("AGNT"));
    x.start("agentSystemSDS");
    x.attr("classCode", QStringLiteral("DEV"));
    x.attr("determinerCode", QStringLiteral("INSTANCE"));
    x.empty("id", {{"root", spine::kAsidRoot}, {"extension", q.deskAsid}});
    x.end();
    x.end();
    x.end(); // author1

    x.start("subject");
    x.attr("typeCode", QStringLiteral("SUBJ"));
    x.start("CP-ISQueryStub");
    x.start("cP-ISNHSQuery");
    x.empty("effectiveTime", {{"value", created}});
    x.empty("id", {{"root", q.queryId}});
    x.start("author");
    if (person) {
        x.contentId(QStringLiteral("COCT_TP145102GB01#AssignedAuthor"));
        x.start("COCT_TP145102GB01.AssignedAuthor");
        x.jobRole(a);
        x.empty("id", {{"root", spine::kSdsUserRoot}, {"extension", a.sdsUserId}});
        x.empty("id", {{"root", spine::kSdsRoleProfileRoot}, {"extension", a.roleProfileId}});
        x.start("assignedAuthorPerson");
        x.personName(a.name);
        x.end();
        x.organisation("representedOrganization", a);
        x.end();
    } else {
        x.contentId(QStringLiteral("COCT_TP145104GB01#System"));
        x.start("COCT_TP145104GB01.System");
        x.empty("id", {{"root", spine::kAsidRoot}, {"extension", a.systemAsid}});
        x.start("indirectAuthority");
        x.start("superiorAssignedEntity");
        x.jobRole(a);
        x.start("assignedPerson");
        x.personName(a.name);
        x.end();
        x.end();
        x.end(); // indirectAuthority
        x.organisation("maintainingOrganization", a);
        x.end();
    }
    x.end(); // author
    x.start("queryByParameter");
    x.start("person.NHSnumber");
    x.empty("value", {{"extension", q.nhsNumber}});
    x.end();
    // DMS RC5 Patch D, not in the 2022 schema copy: see the class comment.
    x.start("accessEventType");
    x.empty("value", {{"value", q.unscheduled ? QStringLiteral("true") : QStringLiteral("false")}});
    x.end();
    x.end();             // queryByParameter
    x.end();             // cP-ISNHSQuery
    x.end();             // CP-ISQueryStub
    x.end();             // subject
    x.end();             // ControlActEvent
    x.end();             // QUPC_IN000006GB01
    w.writeEndElement(); // Body
    w.writeEndElement(); // Envelope
    w.writeEndDocument();
    return out;
}

} // namespace cpis
