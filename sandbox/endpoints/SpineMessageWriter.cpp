#include "sandbox/endpoints/SpineMessageWriter.h"

#include "sandbox/endpoints/SpineConstants.h"

#include <QUuid>
#include <QXmlStreamWriter>

#include <algorithm>
#include <functional>

namespace cpis::sandbox {

namespace {

// A stable UUID for an access-log row, so the same row carries the same id in every answer.
const QUuid kHistoryNamespace{QStringLiteral("7f0c2a5e-55b1-4b8e-9c1e-2f3a6b1d9e40")};

QString upperUuid(const QUuid& u)
{
    return u.toString(QUuid::WithoutBraces).toUpper();
}

QString hl7Time(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMddHHmmss"));
}

// TS.NHS.DateType1: yyyyMMddHHmm, the plan dates carry no time.
QString planDate(const QDate& d)
{
    return d.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("0000");
}

QString telValue(const QString& phone)
{
    QString digits;
    for (const QChar c : phone)
        if (c.isDigit())
            digits += c;
    return QStringLiteral("tel:") + digits;
}

class Xml
{
public:
    Xml() : m_w(&m_out) {}
    QXmlStreamWriter& w() { return m_w; }
    void start(const char* name) { m_w.writeStartElement(QLatin1String(name)); }
    void end() { m_w.writeEndElement(); }
    void attr(const char* name, const QString& value)
    {
        m_w.writeAttribute(QLatin1String(name), value);
    }
    void attr(const char* name, QLatin1String value) { attr(name, QString(value)); }
    void empty(const char* name, std::initializer_list<std::pair<const char*, QString>> attrs)
    {
        m_w.writeEmptyElement(QLatin1String(name));
        for (const auto& [k, v] : attrs)
            attr(k, v);
    }
    void text(const char* name, const QString& value)
    {
        m_w.writeTextElement(QLatin1String(name), value);
    }
    QByteArray done()
    {
        m_w.writeEndDocument();
        return m_out;
    }

private:
    QByteArray m_out;
    QXmlStreamWriter m_w;
};

void device(Xml& x, const char* element, const char* typeCode, QLatin1String asid)
{
    x.start(element);
    x.attr("typeCode", QString::fromLatin1(typeCode));
    x.start("device");
    x.attr("classCode", QStringLiteral("DEV"));
    x.attr("determinerCode", QStringLiteral("INSTANCE"));
    x.empty("id", {{"root", spine::kAsidRoot}, {"extension", asid}});
    x.end();
    x.end();
}

// SOAP 1.1 envelope, WS-Addressing header as CPIS_Query_Response_syncAsync.xsl writes it; the
// Body gets whatever `body` writes.
QByteArray envelope(const SpineMessageWriter::Reply& r,
                    QLatin1String action,
                    const std::function<void(Xml&)>& body)
{
    Xml x;
    x.w().setAutoFormatting(true);
    x.w().writeStartDocument();
    x.w().writeNamespace(spine::kSoapNs, QStringLiteral("SOAP"));
    x.w().writeNamespace(spine::kWsaNs, QStringLiteral("wsa"));
    x.w().writeNamespace(spine::kNpfitNs, QStringLiteral("npfitlc"));
    x.w().writeDefaultNamespace(spine::kHl7Ns);
    x.w().writeStartElement(spine::kSoapNs, QStringLiteral("Envelope"));
    x.w().writeStartElement(spine::kSoapNs, QStringLiteral("Header"));
    x.w().writeTextElement(spine::kWsaNs, QStringLiteral("MessageID"),
                           QStringLiteral("uuid:") + r.messageId);
    x.w().writeTextElement(spine::kWsaNs, QStringLiteral("Action"), action);
    x.w().writeTextElement(spine::kWsaNs, QStringLiteral("To"), QString());
    x.w().writeStartElement(spine::kWsaNs, QStringLiteral("From"));
    x.w().writeTextElement(spine::kWsaNs, QStringLiteral("Address"),
                           QStringLiteral("https://cpisquery.national.ncrs.nhs.uk/syncservice"));
    x.w().writeEndElement();
    device(x, "communicationFunctionRcv", "RCV", spine::kDeskAsid);
    device(x, "communicationFunctionSnd", "SND", spine::kCpisAsid);
    x.w().writeTextElement(spine::kWsaNs, QStringLiteral("RelatesTo"), r.relatesTo);
    x.w().writeEndElement(); // Header
    x.w().writeStartElement(spine::kSoapNs, QStringLiteral("Body"));
    body(x);
    x.w().writeEndElement(); // Body
    x.w().writeEndElement(); // Envelope
    return x.done();
}

// The transmission wrapper's opening (MCCI_MT010101UK12 / MCCI_MT020101UK12) up to, not
// including, ControlActEvent. `acknowledgement`: the ack's typeCode, or empty for none.
void wrapperStart(Xml& x,
                  const SpineMessageWriter::Reply& r,
                  const char* interaction,
                  const char* acknowledgement)
{
    x.start(interaction);
    x.empty("id", {{"root", r.messageId}});
    x.empty("creationTime", {{"value", hl7Time(r.now)}});
    x.empty("versionCode", {{"code", QStringLiteral("V3NPfIT3.0")}});
    x.empty("interactionId",
            {{"root", spine::kInteractionRoot}, {"extension", QString::fromLatin1(interaction)}});
    x.empty("processingCode", {{"code", QStringLiteral("P")}});
    x.empty("processingModeCode", {{"code", QStringLiteral("T")}});
    x.empty("acceptAckCode", {{"code", QStringLiteral("NE")}});
    if (acknowledgement[0] != '\0') {
        x.start("acknowledgement");
        x.attr("typeCode", QString::fromLatin1(acknowledgement));
        x.start("messageRef");
        x.empty("id", {{"root", r.requestHl7Id}});
        x.end();
        x.end();
    }
    device(x, "communicationFunctionRcv", "RCV", spine::kDeskAsid);
    device(x, "communicationFunctionSnd", "SND", spine::kCpisAsid);
    x.start("ControlActEvent");
    x.attr("classCode", QStringLiteral("CACT"));
    x.attr("moodCode", QStringLiteral("EVN"));
    x.start("author1");
    x.attr("typeCode", QStringLiteral("AUT"));
    x.start("AgentSystemSDS");
    x.attr("classCode", QStringLiteral("AGNT"));
    x.start("agentSystemSDS");
    x.attr("classCode", QStringLiteral("DEV"));
    x.attr("determinerCode", QStringLiteral("INSTANCE"));
    x.empty("id", {{"root", spine::kAsidRoot}, {"extension", spine::kCpisAsid}});
    x.end();
    x.end();
    x.end();
}

void reason(Xml& x, const QString& code, const QString& text)
{
    x.start("reason");
    x.attr("typeCode", QStringLiteral("RSON"));
    x.start("justifyingDetectedIssueEvent");
    x.attr("classCode", QStringLiteral("ALRT"));
    x.attr("moodCode", QStringLiteral("EVN"));
    x.empty("code",
            {{"code", code}, {"codeSystem", spine::kSpineErrorSystem}, {"displayName", text}});
    x.end();
    x.end();
}

void contentId(Xml& x, const QString& templateName)
{
    x.w().writeEmptyElement(spine::kNpfitNs, QStringLiteral("contentId"));
    x.attr("root", spine::kTemplateRoot);
    x.attr("extension", templateName);
}

void name(Xml& x, const QString& fullName)
{
    QStringList parts = fullName.split(u' ', Qt::SkipEmptyParts);
    x.start("name");
    const QString family = parts.isEmpty() ? QStringLiteral("Unknown") : parts.takeLast();
    for (const QString& g : std::as_const(parts))
        x.text("given", g);
    x.text("family", family);
    x.end();
}

void organisationId(Xml& x, const QString& code)
{
    x.empty("id", {{"root", spine::kOdsRoot}, {"extension", code}});
}

// A query's author: a person (COCT_TP145102GB01) or a system (COCT_TP145104GB01).
void queryAuthor(Xml& x, const TestUser& v, const QString& systemId)
{
    x.start("author");
    // V3 carries the job role code alone (the R-code of CIS2's role_code).
    const QString roleCode = v.roleCode.isEmpty() ? QStringLiteral("R0000") : v.jobRoleCode();
    const QString roleName = v.roleName.isEmpty() ? QStringLiteral("Unknown role") : v.roleName;
    // A system's look: one that came in over V3 (the viewer stands for the system), or one the
    // sandbox seeded with its own system id, which the FHIR history shows as a system too.
    const bool bySystem =
        v.id == QLatin1String(SpineMessageWriter::kSystemViewerId) || !systemId.isEmpty();
    if (bySystem) {
        contentId(x, QStringLiteral("COCT_TP145104GB01#System"));
        x.start("COCT_TP145104GB01.System");
        x.empty("id", {{"root", spine::kAsidRoot},
                       {"extension", systemId.isEmpty() ? v.userUid : systemId}});
        x.start("indirectAuthority");
        x.start("superiorAssignedEntity");
        x.empty(
            "code",
            {{"code", roleCode}, {"codeSystem", spine::kJobRoleSystem}, {"displayName", roleName}});
        x.start("assignedPerson");
        name(x, v.name);
        x.end();
        x.end();
        x.end();
        x.start("maintainingOrganization");
        organisationId(x, v.orgCode);
        x.text("name", v.orgName);
        x.end();
        x.end();
    } else {
        contentId(x, QStringLiteral("COCT_TP145102GB01#AssignedAuthor"));
        x.start("COCT_TP145102GB01.AssignedAuthor");
        x.empty(
            "code",
            {{"code", roleCode}, {"codeSystem", spine::kJobRoleSystem}, {"displayName", roleName}});
        x.empty("id", {{"root", spine::kSdsUserRoot}, {"extension", v.userUid}});
        if (!v.roleId.isEmpty())
            x.empty("id", {{"root", spine::kSdsRoleProfileRoot}, {"extension", v.roleId}});
        x.start("assignedAuthorPerson");
        name(x, v.name);
        x.end();
        x.start("representedOrganization");
        organisationId(x, v.orgCode);
        x.text("name", v.orgName);
        x.end();
        x.end();
    }
    x.end(); // author
}

// One previous query of the access history.
void previousQuery(Xml& x, const AccessEvent& e, const QString& nhsNumber)
{
    x.start("pertinentInformation13");
    x.start("pertinentCP-ISNHSQuery");
    x.empty("effectiveTime", {{"value", hl7Time(e.when)}});
    x.empty("id", {{"root", upperUuid(QUuid::createUuidV5(kHistoryNamespace, e.id))}});
    queryAuthor(x, e.viewer, e.systemId);
    x.start("queryByParameter");
    x.start("person.NHSnumber");
    x.empty("value", {{"extension", nhsNumber}});
    x.end();
    x.end();
    x.end();
    x.end();
}

// One plan: the template of its type (COCT_TP14610{3,4,5}GB01) with start and end.
void plan(Xml& x, const SandboxPlan& p)
{
    struct Shape
    {
        const char* templateName;
        const char* element;
        const char* start;
        const char* end;
    };
    Shape s{"COCT_TP146105GB01#CPPInformation", "COCT_TP146105GB01.CPPInformation", "cPPStartDate",
            "cPPEndDate"};
    if (p.type == PlanType::LookedAfter)
        s = {"COCT_TP146103GB01#LACInformation", "COCT_TP146103GB01.LACInformation", "lACStartDate",
             "lACEndDate"};
    else if (p.type == PlanType::UnbornChildProtection)
        s = {"COCT_TP146104GB01#UCPInformation", "COCT_TP146104GB01.UCPInformation", "uCPStartDate",
             "uCPEndDate"};
    if (p.unknownCode) // the unknown-plan-code fault: a template no published schema has
        s = {"COCT_TP146199GB01#FuturePlanInformation", "COCT_TP146199GB01.FuturePlanInformation",
             "fPStartDate", "fPEndDate"};
    x.start("pertinentInformation15");
    contentId(x, QString::fromLatin1(s.templateName));
    x.start(s.element);
    x.start("component");
    x.start(s.start);
    x.empty("value", {{"value", planDate(p.start)}});
    x.end();
    x.end();
    // A UCP always has an end (the schema makes it mandatory); CPP and LAC only when ended.
    const std::optional<QDate> end = p.end ? p.end
                                           : (p.type == PlanType::UnbornChildProtection
                                                  ? std::optional<QDate>(p.start.addMonths(9))
                                                  : std::nullopt);
    if (end) {
        x.start("component1");
        x.start(s.end);
        x.empty("value", {{"value", planDate(*end)}});
        x.end();
        x.end();
    }
    x.end();
    x.end();
}

void record(Xml& x, const SpineRecord& rec, const SandboxPerson& child, const QString& nhs)
{
    x.start("pertinentInformation14");
    x.start("pertinentCP-ISRecordControlAct");
    x.start("record");
    x.start("communicationFunctionSnd");
    x.start("organisation");
    organisationId(x, rec.authority.odsCode);
    x.text("name", rec.authority.name);
    x.empty("telecom", {{"value", telValue(rec.authority.officeHoursPhone)},
                        {"use", QLatin1String(SpineMessageWriter::kOfficeHoursUse)}});
    x.empty("telecom", {{"value", telValue(rec.authority.emergencyDutyPhone)},
                        {"use", QLatin1String(SpineMessageWriter::kEmergencyDutyUse)}});
    x.end();
    x.end();
    x.start("CP-ISRecord");
    for (const SandboxPlan& p : rec.plans)
        plan(x, p);
    x.start("subject");
    // An unborn child's plan is recorded against the pregnant woman (COCT_TP145100GB01);
    // every other record is the child's own (COCT_TP145101GB01).
    const bool unborn = std::all_of(rec.plans.cbegin(), rec.plans.cend(), [](const SandboxPlan& p) {
        return p.type == PlanType::UnbornChildProtection;
    });
    const auto personDetails = [&] {
        x.empty("birthTime", {{"value", child.birthDate.toString(QStringLiteral("yyyyMMdd"))}});
        x.start("name");
        x.text("given", child.givenName);
        x.text("family", child.familyName);
        x.end();
    };
    if (unborn) {
        contentId(x, QStringLiteral("COCT_TP145100GB01#UnbornChild"));
        x.start("COCT_TP145100GB01.UnbornChild");
        x.start("parentMotherPerson");
        personDetails();
        x.start("playedMother");
        x.empty("id", {{"root", spine::kNhsNumberRoot}, {"extension", nhs}});
        x.end();
        x.end();
        x.end();
    } else {
        contentId(x, QStringLiteral("COCT_TP145101GB01#Child"));
        x.start("COCT_TP145101GB01.Child");
        x.empty("id", {{"root", spine::kNhsNumberRoot}, {"extension", nhs}});
        x.start("childPerson");
        personDetails();
        x.end();
        x.end();
    }
    x.end(); // subject
    x.end(); // CP-ISRecord
    x.end(); // record
    x.end();
    x.end();
}

void counter(Xml& x, const char* outer, const char* inner, int value)
{
    x.start(outer);
    x.start(inner);
    x.empty("value", {{"value", QString::number(value)}});
    x.end();
    x.end();
}

} // namespace

QByteArray SpineMessageWriter::queryResponse(const Reply& r,
                                             const SandboxPerson& child,
                                             const QString& nhsNumber,
                                             const QList<SpineRecord>& records,
                                             const QList<AccessEvent>& history)
{
    return envelope(r, spine::kResponseAction, [&](Xml& x) {
        wrapperStart(x, r, "REPC_IN000007GB01", "");
        x.start("subject");
        x.attr("typeCode", QStringLiteral("SUBJ"));
        x.start("CP-ISNHSQueryResponse");
        x.empty("effectiveTime", {{"value", hl7Time(r.now)}});
        x.empty("id", {{"root", upperUuid(QUuid::createUuidV5(kHistoryNamespace, r.messageId))}});
        counter(x, "pertinentInformation11", "pertinentTotalReturnedAccessRecords",
                int(history.size()));
        counter(x, "pertinentInformation12", "pertinentTotalReturnedChildRecords",
                int(records.size()));
        for (const AccessEvent& e : history)
            previousQuery(x, e, nhsNumber);
        for (const SpineRecord& rec : records)
            record(x, rec, child, nhsNumber);
        x.end(); // CP-ISNHSQueryResponse
        x.end(); // subject
        x.start("queryAck");
        x.attr("type", QStringLiteral("QueryAck"));
        x.empty("queryResponseCode", {{"code", QStringLiteral("OK")}});
        x.end();
        x.end(); // ControlActEvent
        x.end(); // REPC_IN000007GB01
    });
}

QByteArray SpineMessageWriter::noRecordsFound(const Reply& r)
{
    return envelope(r, spine::kQueryFailureAction, [&](Xml& x) {
        wrapperStart(x, r, "QUQI_IN010000UK14", "AE");
        reason(x, QStringLiteral("NF"), QStringLiteral("No Records Found"));
        x.start("queryAck");
        x.attr("type", QStringLiteral("QueryAck"));
        x.empty("queryResponseCode", {{"code", QStringLiteral("NF")}});
        x.end();
        x.end(); // ControlActEvent
        x.end();
    });
}

QByteArray
SpineMessageWriter::applicationError(const Reply& r, const QString& code, const QString& text)
{
    return envelope(r, spine::kErrorAction, [&](Xml& x) {
        wrapperStart(x, r, "MCCI_IN010000UK13", "AE");
        reason(x, code, text);
        x.end(); // ControlActEvent
        x.end();
    });
}

QByteArray SpineMessageWriter::soapFault(const QString& faultCode,
                                         const QString& errorCode,
                                         const QString& text)
{
    const QString nasp = QStringLiteral("http://national.carerecords.nhs.uk/schema/");
    Xml x;
    x.w().setAutoFormatting(true);
    x.w().writeStartDocument();
    x.w().writeNamespace(spine::kSoapNs, QStringLiteral("SOAP"));
    x.w().writeNamespace(nasp, QStringLiteral("nasp"));
    x.w().writeStartElement(spine::kSoapNs, QStringLiteral("Envelope"));
    x.w().writeEmptyElement(spine::kSoapNs, QStringLiteral("Header"));
    x.w().writeStartElement(spine::kSoapNs, QStringLiteral("Body"));
    x.w().writeStartElement(spine::kSoapNs, QStringLiteral("Fault"));
    // SOAP 1.1: faultcode, faultstring and detail are unqualified.
    x.w().writeTextElement(QString(), QStringLiteral("faultcode"),
                           QStringLiteral("SOAP:") + faultCode);
    x.w().writeTextElement(QString(), QStringLiteral("faultstring"), text);
    x.w().writeStartElement(QString(), QStringLiteral("detail"));
    x.w().writeStartElement(nasp, QStringLiteral("errorList"));
    x.w().writeStartElement(nasp, QStringLiteral("error"));
    x.w().writeTextElement(nasp, QStringLiteral("codeContext"),
                           QStringLiteral("urn:nhs:names:error:tms"));
    x.w().writeTextElement(nasp, QStringLiteral("errorCode"), errorCode);
    x.w().writeTextElement(nasp, QStringLiteral("severity"), QStringLiteral("Error"));
    x.w().writeTextElement(nasp, QStringLiteral("location"), QStringLiteral("Not Supported"));
    x.w().writeTextElement(nasp, QStringLiteral("description"), text);
    x.w().writeEndElement();
    x.w().writeEndElement();
    x.w().writeEndElement(); // detail
    x.w().writeEndElement(); // Fault
    x.w().writeEndElement(); // Body
    x.w().writeEndElement(); // Envelope
    return x.done();
}

QByteArray SpineMessageWriter::accessNotification(const Notification& n)
{
    Xml x;
    x.w().setAutoFormatting(true);
    x.w().writeStartDocument();
    x.w().writeNamespace(spine::kNpfitNs, QStringLiteral("npfitlc"));
    x.w().writeDefaultNamespace(spine::kHl7Ns);
    x.w().writeStartElement(spine::kHl7Ns, QStringLiteral("CP-ISAccessToServiceNotification"));
    x.empty("effectiveTime", {{"value", hl7Time(n.created)}});
    x.empty("id", {{"root", n.id}});
    x.start("pertinentInformation");
    x.start("pertinentTotalReturnedRecords");
    x.empty("value", {{"value", QStringLiteral("1")}});
    x.end();
    x.end();
    x.start("pertinentInformation1");
    x.start("pertinentCP-ISRecordAccess");
    for (const Notification::Query& q : n.queries) {
        x.start("pertinentInformation2");
        x.start("pertinentCP-ISNHSQuery");
        x.empty("effectiveTime", {{"value", hl7Time(q.when)}});
        x.empty("id", {{"root", q.id}});
        queryAuthor(x, q.viewer, q.systemId);
        x.start("queryByParameter");
        x.start("person.id");
        if (!q.nhsNumber.isEmpty())
            x.empty("value", {{"root", spine::kNhsNumberRoot}, {"extension", q.nhsNumber}});
        if (!q.localPersonId.isEmpty())
            x.empty("value", {{"root", QStringLiteral("2.16.840.1.113883.2.1.3.2.4.18.24")},
                              {"extension", q.localPersonId}});
        x.end(); // person.id
        x.end(); // queryByParameter
        x.end(); // pertinentCP-ISNHSQuery
        x.end(); // pertinentInformation2
    }
    x.start("reference");
    x.start("referredToLAUploadFile");
    x.empty("value", {{"extension", n.fileId}});
    x.end();
    x.end();
    x.end(); // pertinentCP-ISRecordAccess
    x.end(); // pertinentInformation1
    x.start("primaryInformationRecipient");
    contentId(x, QStringLiteral("COCT_TP145103GB01#IntendedRecipient"));
    x.start("COCT_TP145103GB01.IntendedRecipient");
    x.start("representedSourceOrganization");
    organisationId(x, n.laOdsCode);
    x.text("name", n.laName);
    x.end();
    x.end();
    x.end();
    x.w().writeEndElement();
    return x.done();
}

} // namespace cpis::sandbox
