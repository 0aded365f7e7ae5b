#include "core/spine/SpineResponseReader.h"

#include "core/spine/SpineDataTypes.h"
#include "core/spine/SpineElementRules.h"
#include "core/spine/SpineLogging.h"
#include "core/spine/SpineNames.h"

#include <QRegularExpression>

#include <functional>
#include <initializer_list>
#include <optional>

namespace cpis {

namespace {

using E = SpineXmlElement;
const QLatin1String kHl7 = spine::kHl7Ns;

QLatin1String L(const char* s)
{
    return QLatin1String(s);
}

// The plan templates this desk reads; any other is a record it cannot display.
constexpr std::initializer_list<const char*> kPlanTemplates = {"COCT_TP146105GB01.CPPInformation",
                                                               "COCT_TP146103GB01.LACInformation",
                                                               "COCT_TP146104GB01.UCPInformation"};

// Thrown nowhere: each step returns the first problem it found, or nothing.
using Problem = std::optional<QString>;

class Reader
{
public:
    explicit Reader(const SpineResponseReader::Expected& expected) : m_expected(expected) {}

    Problem message(const E& m, SpineAnswer& out);
    QString serviceCode; // the code of a refusal the service itself gave

private:
    Problem wrapper(const E& m, QLatin1String interaction);
    Problem queryResponse(const E& r, SpineAnswer& out);
    Problem previousQuery(const E& q, AccessRecord& out);
    Problem record(const E& rec, SpineAnswer& out);
    Problem authority(const E& org, LocalAuthority& out);
    Problem plan(const E& info, CpisPlan& out);
    Problem
    planDate(const E& component, const char* dateName, std::optional<QDate>& out, bool required);
    Problem count(const E& r, const char* outer, const char* inner, int& out);
    QString issue(const E& controlAct);
    // The first detected issue's code, or `fallback`.
    static QString issueCode(const E& controlAct, const QString& fallback);

    const SpineResponseReader::Expected& m_expected;
};

Problem Reader::wrapper(const E& m, QLatin1String interaction)
{
    QString p;
    const E* id = spine::child(m, "interactionId", p);
    if (!id)
        return p;
    if (id->attribute(L("root")) != spine::kInteractionRoot ||
        id->attribute(L("extension")) != interaction)
        return QStringLiteral("the interactionId does not name %1").arg(interaction);
    return std::nullopt;
}

// The reasons Spine gives with a refusal: the detected issue's code and text, for support.
QString Reader::issue(const E& controlAct)
{
    QStringList out;
    for (const E* reason : controlAct.all(kHl7, L("reason")))
        if (const E* ev = reason->one(kHl7, L("justifyingDetectedIssueEvent")))
            if (const E* code = ev->one(kHl7, L("code")))
                out << code->attribute(L("code")) + u' ' + code->attribute(L("displayName"));
    return out.join(QStringLiteral("; ")).trimmed();
}

QString Reader::issueCode(const E& controlAct, const QString& fallback)
{
    for (const E* reason : controlAct.all(kHl7, L("reason")))
        if (const E* ev = reason->one(kHl7, L("justifyingDetectedIssueEvent")))
            if (const E* code = ev->one(kHl7, L("code")))
                return code->attribute(L("code"));
    return fallback;
}

Problem Reader::message(const E& m, SpineAnswer& out)
{
    if (auto p = spine::namespacesChecked(m))
        return p;
    QString p;
    if (m.name == u"REPC_IN000007GB01") {
        if (auto w = wrapper(m, spine::kResponseInteraction))
            return w;
        const E* cae = spine::child(m, "ControlActEvent", p);
        if (!cae)
            return p;
        const E* ack = spine::child(*cae, "queryAck", p);
        const E* code = ack ? spine::child(*ack, "queryResponseCode", p) : nullptr;
        if (!code)
            return p;
        if (code->attribute(L("code")) != u"OK")
            return QStringLiteral("REPC_IN000007GB01 with queryResponseCode '%1'")
                .arg(code->attribute(L("code")));
        const E* subject = spine::child(*cae, "subject", p);
        const E* response = subject ? spine::child(*subject, "CP-ISNHSQueryResponse", p) : nullptr;
        if (!response)
            return p;
        return queryResponse(*response, out);
    }
    if (m.name == u"QUQI_IN010000UK14") {
        if (auto w = wrapper(m, spine::kQueryFailureInteraction))
            return w;
        const E* cae = spine::child(m, "ControlActEvent", p);
        const E* ack = cae ? spine::child(*cae, "queryAck", p) : nullptr;
        const E* code = ack ? spine::child(*ack, "queryResponseCode", p) : nullptr;
        if (!code)
            return p;
        const QString c = code->attribute(L("code"));
        if (c == u"NF") {
            out.noRecord = true;
            return std::nullopt;
        }
        // ID ("issue detected") and anything else: the query failed, nothing is known.
        serviceCode = issueCode(*cae, c);
        return QStringLiteral("the query failed with queryResponseCode '%1' %2")
            .arg(c, issue(*cae));
    }
    if (m.name == u"MCCI_IN010000UK13") {
        if (auto w = wrapper(m, spine::kAckInteraction))
            return w;
        QStringList details;
        if (const E* ack = m.one(kHl7, L("acknowledgement"))) {
            details << QStringLiteral("acknowledgement %1").arg(ack->attribute(L("typeCode")));
            for (const E* d : ack->all(kHl7, L("acknowledgementDetail")))
                if (const E* code = d->one(kHl7, L("code")))
                    details << code->attribute(L("code")) + u' ' +
                                   code->attribute(L("displayName"));
        }
        if (const E* cae = m.one(kHl7, L("ControlActEvent")))
            details << issue(*cae);
        serviceCode = QStringLiteral("MCCI_IN010000UK13");
        if (const E* ack = m.one(kHl7, L("acknowledgement")))
            for (const E* d : ack->all(kHl7, L("acknowledgementDetail")))
                if (const E* code = d->one(kHl7, L("code")); code && serviceCode.startsWith(u'M'))
                    serviceCode = code->attribute(L("code"));
        return QStringLiteral("Spine answered with an application acknowledgement: %1")
            .arg(details.join(QStringLiteral("; ")));
    }
    return QStringLiteral("unexpected message %1").arg(m.name);
}

Problem Reader::count(const E& r, const char* outer, const char* inner, int& out)
{
    QString p;
    const E* o = spine::child(r, outer, p);
    const E* i = o ? spine::child(*o, inner, p) : nullptr;
    const E* v = i ? spine::child(*i, "value", p) : nullptr;
    if (!v)
        return p;
    bool ok = false;
    out = v->attribute(L("value")).toInt(&ok);
    if (!ok || out < 0)
        return QStringLiteral("%1 is not a count").arg(spine::where(*v));
    return std::nullopt;
}

Problem Reader::queryResponse(const E& r, SpineAnswer& out)
{
    if (auto p = spine::onlyChildren(r, {"effectiveTime", "id", "pertinentInformation11",
                                         "pertinentInformation12", "pertinentInformation13",
                                         "pertinentInformation14"}))
        return p;
    if (auto p = count(r, "pertinentInformation11", "pertinentTotalReturnedAccessRecords",
                       out.totalAccessRecords))
        return p;
    if (auto p = count(r, "pertinentInformation12", "pertinentTotalReturnedChildRecords",
                       out.totalChildRecords))
        return p;

    for (const E* pi : r.all(kHl7, L("pertinentInformation13"))) {
        QString p;
        const E* q = spine::child(*pi, "pertinentCP-ISNHSQuery", p);
        if (!q)
            return p;
        AccessRecord a;
        if (auto bad = previousQuery(*q, a))
            return bad;
        out.accessHistory << a;
    }
    int records = 0;
    const auto pi14 = r.all(kHl7, L("pertinentInformation14"));
    if (pi14.empty())
        return QStringLiteral("the response holds no record");
    for (const E* pi : pi14) {
        QString p;
        const E* act = spine::child(*pi, "pertinentCP-ISRecordControlAct", p);
        if (!act)
            return p;
        const auto recs = act->all(kHl7, L("record"));
        if (recs.empty() || act->children.size() != recs.size())
            return QStringLiteral("%1 must hold records and only records").arg(spine::where(*act));
        for (const E* rec : recs) {
            if (auto bad = record(*rec, out))
                return bad;
            ++records;
        }
    }
    // A count that differs from what came means something was left out on the way.
    if (out.totalAccessRecords != out.accessHistory.size())
        return QStringLiteral("the response counts %1 previous queries but holds %2")
            .arg(out.totalAccessRecords)
            .arg(out.accessHistory.size());
    if (out.totalChildRecords != records)
        return QStringLiteral("the response counts %1 child records but holds %2")
            .arg(out.totalChildRecords)
            .arg(records);
    return std::nullopt;
}

Problem Reader::previousQuery(const E& q, AccessRecord& out)
{
    if (auto p = spine::onlyChildren(q, {"effectiveTime", "id", "author", "queryByParameter"}))
        return p;
    QString p;
    const E* time = spine::child(q, "effectiveTime", p);
    if (!time)
        return p;
    const auto when = spine::timestamp(time->attribute(L("value")));
    if (!when)
        return QStringLiteral("%1 is not an HL7 timestamp").arg(spine::where(*time));
    out.when = *when;

    const E* param = spine::child(q, "queryByParameter", p);
    const E* nhs = param ? spine::child(*param, "person.NHSnumber", p) : nullptr;
    const E* value = nhs ? spine::child(*nhs, "value", p) : nullptr;
    if (!value)
        return p;
    if (value->attribute(L("extension")) != m_expected.nhsNumber)
        return QStringLiteral("a previous query at line %1 is about another NHS number")
            .arg(value->line);

    const E* author = spine::child(q, "author", p);
    if (!author)
        return p;
    if (auto bad = spine::onlyChildren(
            *author, {"contentId", "COCT_TP145102GB01.AssignedAuthor", "COCT_TP145104GB01.System"}))
        return bad;
    if (const E* person = author->one(kHl7, L("COCT_TP145102GB01.AssignedAuthor"))) {
        const auto who = spine::assignedAuthor(*person, p);
        if (!who)
            return p;
        out.viewerName = who->name;
        out.role = who->role;
        out.organisation = who->organisationName;
        out.organisationOds = who->organisationCode;
        return std::nullopt;
    }
    if (const E* system = author->one(kHl7, L("COCT_TP145104GB01.System"))) {
        const E* org = spine::child(*system, "maintainingOrganization", p);
        const E* orgId = org ? spine::child(*org, "id", p) : nullptr;
        const E* orgName = org ? spine::child(*org, "name", p) : nullptr;
        if (!orgId || !orgName)
            return p;
        out.bySystem = true;
        out.organisation = orgName->text;
        out.organisationOds = orgId->attribute(L("extension"));
        // A system asks on behalf of its nominated person, when it names one.
        QString unnamed;
        if (const auto nominated = spine::nominatedPerson(*system, unnamed)) {
            out.viewerName = nominated->name;
            out.role = nominated->role;
        } else if (!unnamed.isEmpty()) {
            return unnamed;
        }
        return std::nullopt;
    }
    return QStringLiteral("%1 names neither a person nor a system").arg(spine::where(*author));
}

Problem Reader::record(const E& rec, SpineAnswer& out)
{
    if (auto p = spine::onlyChildren(rec, {"communicationFunctionSnd", "CP-ISRecord"}))
        return p;
    QString p;
    const E* snd = spine::child(rec, "communicationFunctionSnd", p);
    const E* org = snd ? spine::child(*snd, "organisation", p) : nullptr;
    if (!org)
        return p;
    LocalAuthority la;
    const Problem unreadAuthority = authority(*org, la); // refused below unless no plan needs it

    const E* cpis = spine::child(rec, "CP-ISRecord", p);
    if (!cpis)
        return p;
    if (auto bad = spine::onlyChildren(*cpis, {"pertinentInformation15", "subject"}))
        return bad;
    for (const E* subject : cpis->all(kHl7, L("subject"))) {
        // A record about a child must be about the child asked for. (An unborn child's record
        // is held on the mother's number, which the template does not repeat.)
        if (const E* c = subject->one(kHl7, L("COCT_TP145101GB01.Child"))) {
            bool same = false;
            for (const E* id : c->all(kHl7, L("id")))
                same = same || id->attribute(L("extension")) == m_expected.nhsNumber;
            if (!same)
                return QStringLiteral("the record at line %1 is about another NHS number")
                    .arg(c->line);
        } else if (!subject->one(kHl7, L("COCT_TP145100GB01.UnbornChild"))) {
            return QStringLiteral("%1 names neither a child nor an unborn child")
                .arg(spine::where(*subject));
        }
    }
    const auto infos = cpis->all(kHl7, L("pertinentInformation15"));
    if (infos.empty() || infos.size() > 3)
        return QStringLiteral("%1 holds %2 plans; one to three are allowed")
            .arg(spine::where(*cpis))
            .arg(infos.size());
    for (const E* info : infos) {
        if (const auto code = spine::unknownTemplate(*info, kPlanTemplates)) {
            // A plan type added to CP-IS since: a record all the same, never "no record".
            out.undisplayable << UndisplayableRecord{
                *code, unreadAuthority ? std::nullopt : std::optional<LocalAuthority>(la)};
            continue;
        }
        if (unreadAuthority)
            return unreadAuthority;
        CpisPlan one;
        one.authority = la;
        if (auto bad = plan(*info, one))
            return bad;
        out.plans << one;
    }
    return std::nullopt;
}

Problem Reader::authority(const E& org, LocalAuthority& out)
{
    if (auto p = spine::onlyChildren(org, {"id", "name", "telecom"}))
        return p;
    QString p;
    const E* id = spine::child(org, "id", p);
    const E* name = id ? spine::child(org, "name", p) : nullptr;
    if (!name)
        return p;
    out.odsCode = id->attribute(L("extension"));
    out.name = name->text;
    if (out.name.isEmpty())
        return QStringLiteral("the local authority at line %1 has no name").arg(org.line);
    const auto telecoms = org.all(kHl7, L("telecom"));
    if (telecoms.empty() || telecoms.size() > 2)
        return QStringLiteral("the local authority at line %1 has %2 telephone numbers; one or two "
                              "are allowed")
            .arg(org.line)
            .arg(telecoms.size());
    static const QRegularExpression tel(QStringLiteral("^tel:(\\+?[0-9]+)$"));
    for (const E* t : telecoms) {
        const auto m = tel.match(t->attribute(L("value")));
        if (!m.hasMatch())
            return QStringLiteral("the telecom at line %1 is not tel:[+]digits").arg(t->line);
        // WP (work place) is the office-hours number; MC (mobile contact) and EC (emergency
        // contact) are the emergency duty team's. Any other use cannot be placed, and a
        // number shown under the wrong label could send a call nowhere out of hours.
        bool office = false;
        bool emergency = false;
        const QStringList uses = t->attribute(L("use")).split(u' ', Qt::SkipEmptyParts);
        for (const QString& u : uses) {
            if (u == u"WP")
                office = true;
            else if (u == u"MC" || u == u"EC")
                emergency = true;
            else
                return QStringLiteral("the telecom at line %1 has the use '%2', which is neither "
                                      "office hours nor emergency duty")
                    .arg(t->line)
                    .arg(u);
        }
        if (office == emergency)
            return QStringLiteral("the telecom at line %1 cannot be classed as office hours or "
                                  "emergency duty")
                .arg(t->line);
        QString& slot = office ? out.officeHoursPhone : out.emergencyDutyPhone;
        if (!slot.isEmpty())
            return QStringLiteral("the local authority at line %1 has two %2 numbers")
                .arg(org.line)
                .arg(office ? QStringLiteral("office-hours") : QStringLiteral("emergency-duty"));
        slot = m.captured(1);
    }
    return std::nullopt;
}

Problem
Reader::planDate(const E& component, const char* dateName, std::optional<QDate>& out, bool required)
{
    QString p;
    if (component.isNull()) {
        if (required)
            return QStringLiteral("%1 is empty").arg(spine::where(component));
        return std::nullopt;
    }
    const E* date = spine::child(component, dateName, p);
    if (!date)
        return p;
    if (date->isNull()) {
        if (required)
            return QStringLiteral("%1 is empty").arg(spine::where(*date));
        return std::nullopt;
    }
    const E* value = spine::child(*date, "value", p);
    if (!value)
        return p;
    out = spine::dateType1(value->attribute(L("value")));
    if (!out)
        return QStringLiteral("%1 is not a date of the form yyyyMMddHHmm")
            .arg(spine::where(*value));
    return std::nullopt;
}

Problem Reader::plan(const E& info, CpisPlan& out)
{
    if (auto p = spine::onlyChildren(info, {"contentId", "COCT_TP146105GB01.CPPInformation",
                                            "COCT_TP146103GB01.LACInformation",
                                            "COCT_TP146104GB01.UCPInformation"}))
        return p;
    struct Template
    {
        const char* element;
        PlanType type;
        const char* start;
        const char* end;
        bool endRequired;
    };
    static const Template templates[] = {
        {"COCT_TP146105GB01.CPPInformation", PlanType::ChildProtection, "cPPStartDate",
         "cPPEndDate", false},
        {"COCT_TP146103GB01.LACInformation", PlanType::LookedAfter, "lACStartDate", "lACEndDate",
         false},
        {"COCT_TP146104GB01.UCPInformation", PlanType::UnbornChildProtection, "uCPStartDate",
         "uCPEndDate", true},
    };
    for (const Template& t : templates) {
        const auto found = info.all(kHl7, L(t.element));
        if (found.empty())
            continue;
        if (found.size() != 1 || info.children.size() != 2)
            return QStringLiteral("%1 must hold one plan").arg(spine::where(info));
        const E& e = *found.front();
        if (auto p = spine::onlyChildren(e, {"component", "component1"}))
            return p;
        out.type = t.type;
        QString p;
        const E* start = spine::child(e, "component", p);
        if (!start)
            return p;
        std::optional<QDate> startDate;
        if (auto bad = planDate(*start, t.start, startDate, true))
            return bad;
        out.start = *startDate;
        const auto ends = e.all(kHl7, L("component1"));
        if (ends.size() > 1)
            return QStringLiteral("%1 has more than one end date").arg(spine::where(e));
        if (ends.empty()) {
            if (t.endRequired)
                return QStringLiteral("%1 has no end date").arg(spine::where(e));
        } else if (auto bad = planDate(*ends.front(), t.end, out.end, t.endRequired)) {
            return bad;
        }
        if (out.end && *out.end < out.start)
            return QStringLiteral("%1 ends before it starts").arg(spine::where(e));
        return std::nullopt;
    }
    return QStringLiteral("%1 holds no known plan").arg(spine::where(info));
}

ServiceError bad(int status, const QString& detail, const QString& code = {})
{
    // The service's own error texts are not logged: nobody vouches that they name no patient.
    if (code.isEmpty())
        qCWarning(lcSpine, "refused Spine's answer: %s", qUtf8Printable(detail));
    else
        qCWarning(lcSpine, "Spine answered with error code %s", qUtf8Printable(code));
    return ServiceError{ServiceError::Kind::BadResponse, status, code, detail, -1};
}

QString stripUuid(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1String("uuid:"), Qt::CaseInsensitive))
        id = id.mid(5);
    return id.toUpper();
}

} // namespace

Result<SpineAnswer, ServiceError> SpineResponseReader::read(const QByteArray& body,
                                                            const Expected& expected,
                                                            int httpStatus,
                                                            SpineXmlTree::Limits limits)
{
    auto tree = SpineXmlTree::parse(body, limits);
    if (!tree)
        return bad(httpStatus, QStringLiteral("unreadable SOAP message: %1").arg(tree.error()));
    const E& envelope = tree.value();
    if (!envelope.is(spine::kSoapNs, L("Envelope")))
        return bad(httpStatus, QStringLiteral("the message is not a SOAP 1.1 envelope"));
    const E* header = nullptr;
    const E* soapBody = nullptr;
    for (const E& c : envelope.children) {
        if (c.is(spine::kSoapNs, L("Header")) && !header && !soapBody)
            header = &c;
        else if (c.is(spine::kSoapNs, L("Body")) && !soapBody)
            soapBody = &c;
        else
            return bad(httpStatus,
                       QStringLiteral("unexpected element %1 in the envelope").arg(c.name));
    }
    if (!soapBody || soapBody->children.size() != 1)
        return bad(httpStatus, QStringLiteral("the SOAP body must hold exactly one message"));
    const E* content = &soapBody->children.front();

    if (content->is(spine::kSoapNs, L("Fault"))) {
        const E* code = content->one(QLatin1String(), L("faultcode"));
        const E* text = content->one(QLatin1String(), L("faultstring"));
        // Spine's fault detail carries its own error code (nasp:errorList/error/errorCode).
        QString spineCode;
        std::function<void(const E&)> find = [&](const E& e) {
            if (e.name == u"errorCode" && spineCode.isEmpty())
                spineCode = e.text;
            for (const E& c : e.children)
                find(c);
        };
        if (const E* detail = content->one(QLatin1String(), L("detail")))
            find(*detail);
        return bad(httpStatus,
                   QStringLiteral("SOAP fault %1: %2")
                       .arg(code ? code->text : QString(), text ? text->text : QString()),
                   spineCode.isEmpty() && code ? code->text : spineCode);
    }

    if (httpStatus < 200 || httpStatus >= 300) {
        // An HTTP failure without a fault to say why: the service failed, it did not answer.
        ServiceError e =
            bad(httpStatus, QStringLiteral("HTTP %1 without a SOAP fault").arg(httpStatus));
        e.kind = ServiceError::Kind::ServiceFailure;
        return e;
    }

    // The answer must be to this request, not to an earlier one on the same connection.
    const auto relates =
        header ? header->all(spine::kWsaNs, L("RelatesTo")) : std::vector<const E*>{};
    if (relates.size() != 1)
        return bad(httpStatus, relates.empty()
                                   ? QStringLiteral("the answer has no wsa:RelatesTo")
                                   : QStringLiteral("the answer has more than one wsa:RelatesTo"));
    if (stripUuid(relates.front()->text) != stripUuid(expected.requestMessageId))
        return bad(httpStatus, QStringLiteral("the answer's wsa:RelatesTo names another request"));

    // Spine's own transform wraps the response in a CP-ISNHSQueryResponse element.
    if (content->is(kHl7, L("CP-ISNHSQueryResponse")) && content->children.size() == 1 &&
        content->children.front().is(kHl7, L("REPC_IN000007GB01")))
        content = &content->children.front();

    SpineAnswer out;
    Reader reader(expected);
    if (auto problem = reader.message(*content, out))
        return bad(httpStatus, *problem, reader.serviceCode);
    qCDebug(lcSpine, "read %s: %lld plan(s), %lld previous quer(ies)%s",
            qUtf8Printable(content->name), qint64(out.plans.size()),
            qint64(out.accessHistory.size()), out.noRecord ? ", no record" : "");
    return out;
}

} // namespace cpis
