#include "sandbox/endpoints/QupcRequestReader.h"

#include "core/domain/NhsNumber.h"
#include "sandbox/endpoints/SpineConstants.h"

#include <QXmlStreamReader>

#include <memory>
#include <vector>

namespace cpis::sandbox {

namespace {

constexpr int kMaxDepth = 32;
constexpr int kMaxElements = 2000;

// The whole request as a small tree: the envelope is a few dozen elements, and reading it
// whole lets every check name the path it looked at.
struct Node
{
    QString ns;
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    std::vector<std::unique_ptr<Node>> children;

    const Node* child(QLatin1String wantNs, QLatin1String wantName) const
    {
        for (const auto& c : children)
            if (c->ns == wantNs && c->name == wantName)
                return c.get();
        return nullptr;
    }
    std::vector<const Node*> all(QLatin1String wantNs, QLatin1String wantName) const
    {
        std::vector<const Node*> out;
        for (const auto& c : children)
            if (c->ns == wantNs && c->name == wantName)
                out.push_back(c.get());
        return out;
    }
    QString attr(QLatin1String attrName) const
    {
        // HL7 attributes are unqualified; a prefixed one is not the same attribute.
        for (const QXmlStreamAttribute& a : attributes)
            if (a.namespaceUri().isEmpty() && a.name() == attrName)
                return a.value().toString();
        return {};
    }
};

// Follows a path of HL7 element names; nullptr when any step is missing.
const Node* hl7(const Node* from, std::initializer_list<const char*> path)
{
    const Node* n = from;
    for (const char* step : path) {
        if (!n)
            return nullptr;
        n = n->child(spine::kHl7Ns, QLatin1String(step));
    }
    return n;
}

// The II among `ids` whose root is `root` (HL7 ids are told apart by their root).
QString idWithRoot(const Node* parent, QLatin1String root)
{
    if (!parent)
        return {};
    for (const Node* id : parent->all(spine::kHl7Ns, QLatin1String("id")))
        if (id->attr(QLatin1String("root")) == root)
            return id->attr(QLatin1String("extension"));
    return {};
}

QString personName(const Node* name)
{
    if (!name)
        return {};
    QStringList parts;
    for (const Node* g : name->all(spine::kHl7Ns, QLatin1String("given")))
        parts << g->text.trimmed();
    if (const Node* f = name->child(spine::kHl7Ns, QLatin1String("family")))
        parts << f->text.trimmed();
    parts.removeAll(QString());
    return parts.join(u' ');
}

struct Parsed
{
    std::unique_ptr<Node> root;
    QString error;
};

Parsed parseTree(const QByteArray& body)
{
    Parsed out;
    QXmlStreamReader xml(body);
    xml.setNamespaceProcessing(true);
    std::vector<Node*> stack;
    int elements = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
            out.error = QStringLiteral("a DTD is not accepted");
            return out;
        case QXmlStreamReader::EntityReference:
            out.error = QStringLiteral("entity references are not accepted");
            return out;
        case QXmlStreamReader::StartElement: {
            if (++elements > kMaxElements || int(stack.size()) >= kMaxDepth) {
                out.error = QStringLiteral("the message is too deep or too large");
                return out;
            }
            auto node = std::make_unique<Node>();
            node->ns = xml.namespaceUri().toString();
            node->name = xml.name().toString();
            node->attributes = xml.attributes();
            Node* raw = node.get();
            if (stack.empty()) {
                if (out.root) {
                    out.error = QStringLiteral("more than one root element");
                    return out;
                }
                out.root = std::move(node);
            } else {
                stack.back()->children.push_back(std::move(node));
            }
            stack.push_back(raw);
            break;
        }
        case QXmlStreamReader::EndElement:
            stack.pop_back();
            break;
        case QXmlStreamReader::Characters:
            if (!stack.empty())
                stack.back()->text += xml.text();
            break;
        default:
            break;
        }
    }
    if (xml.hasError()) {
        out.root.reset();
        out.error = QStringLiteral("not well-formed XML (line %1): %2")
                        .arg(xml.lineNumber())
                        .arg(xml.errorString());
    } else if (!out.root) {
        out.error = QStringLiteral("no root element");
    }
    return out;
}

QupcRefusal soap(const QString& code, const QString& text, const QString& messageId = {})
{
    return {QupcRefusal::Level::Soap, code, text, messageId, {}};
}

} // namespace

Result<QupcRequest, QupcRefusal> QupcRequestReader::read(const QByteArray& body)
{
    if (body.size() > kMaxBytes)
        return soap(QStringLiteral("MESSAGE_TOO_LARGE"),
                    QStringLiteral("the request is larger than %1 bytes").arg(kMaxBytes));
    const Parsed parsed = parseTree(body);
    if (!parsed.root)
        return soap(QStringLiteral("INVALID_XML"), parsed.error);
    const Node* envelope = parsed.root.get();
    if (envelope->ns != spine::kSoapNs || envelope->name != u"Envelope")
        return soap(QStringLiteral("INVALID_ENVELOPE"),
                    QStringLiteral("the root is not a SOAP 1.1 Envelope"));
    const Node* header = envelope->child(spine::kSoapNs, QLatin1String("Header"));
    const Node* soapBody = envelope->child(spine::kSoapNs, QLatin1String("Body"));
    if (!header || !soapBody)
        return soap(QStringLiteral("INVALID_ENVELOPE"),
                    QStringLiteral("the Envelope needs a Header and a Body"));

    QupcRequest r;
    const Node* messageId = header->child(spine::kWsaNs, QLatin1String("MessageID"));
    r.messageId = messageId ? messageId->text.trimmed() : QString();
    if (r.messageId.isEmpty())
        return soap(QStringLiteral("MISSING_MESSAGE_ID"),
                    QStringLiteral("wsa:MessageID is missing"));
    const Node* action = header->child(spine::kWsaNs, QLatin1String("Action"));
    if (!action || action->text.trimmed() != spine::kQueryAction)
        return soap(QStringLiteral("INVALID_ACTION"),
                    QStringLiteral("wsa:Action is not %1").arg(spine::kQueryAction), r.messageId);

    // The interaction itself: the one HL7 element in the Body.
    if (soapBody->children.size() != 1)
        return soap(QStringLiteral("INVALID_ENVELOPE"),
                    QStringLiteral("the Body must hold exactly one element"), r.messageId);
    const Node* message = soapBody->children.front().get();
    auto hl7Error = [&](const char* code, const QString& text) {
        return QupcRefusal{QupcRefusal::Level::Hl7, QString::fromLatin1(code), text, r.messageId,
                           r.hl7MessageId};
    };
    if (message->ns != spine::kHl7Ns || message->name != u"QUPC_IN000006GB01")
        return soap(QStringLiteral("INVALID_ENVELOPE"),
                    QStringLiteral("the Body does not hold a QUPC_IN000006GB01"), r.messageId);

    // Transmission wrapper (CPIS_Query.xsl, TransmissionWrapperChecks).
    const Node* id = hl7(message, {"id"});
    r.hl7MessageId = id ? id->attr(QLatin1String("root")) : QString();
    if (r.hl7MessageId.isEmpty())
        return hl7Error("INVALID_ID", QStringLiteral("the message id is missing"));
    const Node* interaction = hl7(message, {"interactionId"});
    if (!interaction || interaction->attr(QLatin1String("root")) != spine::kInteractionRoot ||
        interaction->attr(QLatin1String("extension")) != u"QUPC_IN000006GB01")
        return hl7Error("INCONSISTENT_HL7_INTERACTION_ID",
                        QStringLiteral("interactionId is not QUPC_IN000006GB01"));
    r.receiverAsid =
        idWithRoot(hl7(message, {"communicationFunctionRcv", "device"}), spine::kAsidRoot);
    if (r.receiverAsid.isEmpty())
        return hl7Error("INVALID_COMM_FUNC_RCV", QStringLiteral("no receiver ASID"));
    if (r.receiverAsid != spine::kCpisAsid)
        return hl7Error(
            "INVALID_COMM_FUNC_RCV",
            QStringLiteral("the receiver ASID is not this CP-IS (%1)").arg(spine::kCpisAsid));
    r.senderAsid =
        idWithRoot(hl7(message, {"communicationFunctionSnd", "device"}), spine::kAsidRoot);
    if (r.senderAsid.isEmpty())
        return hl7Error("INVALID_COMM_FUNC_SND", QStringLiteral("no sender ASID"));
    if (r.senderAsid != spine::kDeskAsid)
        return hl7Error("INVALID_COMM_FUNC_SND",
                        QStringLiteral("the sender ASID is not a desk this CP-IS knows"));
    const Node* control = hl7(message, {"ControlActEvent"});
    if (!control)
        return hl7Error("INVALID_CONTROL_ACT", QStringLiteral("ControlActEvent is missing"));
    if (idWithRoot(hl7(control, {"author1", "AgentSystemSDS", "agentSystemSDS"}), spine::kAsidRoot)
            .isEmpty())
        return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("author1 is missing"));

    // The query (cpisQueryChecks, cpisAuthorChecks).
    const Node* query = hl7(control, {"subject", "CP-ISQueryStub", "cP-ISNHSQuery"});
    if (!query)
        return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("cP-ISNHSQuery is missing"));
    const Node* queryId = hl7(query, {"id"});
    r.queryId = queryId ? queryId->attr(QLatin1String("root")) : QString();
    if (r.queryId.isEmpty())
        return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("Event ID"));
    const Node* parameters = hl7(query, {"queryByParameter"});
    const Node* value = hl7(parameters, {"person.NHSnumber", "value"});
    r.nhsNumber = value ? value->attr(QLatin1String("extension")) : QString();
    if (r.nhsNumber.isEmpty())
        return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("NHS Number"));
    if (r.nhsNumber.size() != 10 || !NhsNumber::parse(r.nhsNumber))
        return hl7Error("INVALID_NHS_NUMBER", QStringLiteral("the NHS number is not valid"));

    const Node* author = hl7(query, {"author"});
    if (const Node* person = hl7(author, {"COCT_TP145102GB01.AssignedAuthor"})) {
        const Node* code = hl7(person, {"code"});
        r.author.jobRoleCode = code ? code->attr(QLatin1String("code")) : QString();
        r.author.jobRoleName = code ? code->attr(QLatin1String("displayName")) : QString();
        r.author.sdsUserId = idWithRoot(person, spine::kSdsUserRoot);
        r.author.roleProfileId = idWithRoot(person, spine::kSdsRoleProfileRoot);
        r.author.personName = personName(hl7(person, {"assignedAuthorPerson", "name"}));
        const Node* org = hl7(person, {"representedOrganization"});
        const Node* orgId = hl7(org, {"id"});
        r.author.orgCode = orgId ? orgId->attr(QLatin1String("extension")) : QString();
        const Node* orgName = hl7(org, {"name"});
        r.author.orgName = orgName ? orgName->text.trimmed() : QString();
        if (r.author.jobRoleCode.isEmpty() || r.author.jobRoleName.isEmpty())
            return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("Job Role Code"));
        if (r.author.sdsUserId.isEmpty())
            return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("authorID"));
        if (r.author.orgCode.isEmpty() || r.author.orgName.isEmpty())
            return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("Organisation Code"));
    } else if (const Node* system = hl7(author, {"COCT_TP145104GB01.System"})) {
        r.author.isSystem = true;
        r.author.systemId = idWithRoot(system, spine::kAsidRoot);
        const Node* org = hl7(system, {"maintainingOrganization"});
        const Node* orgId = hl7(org, {"id"});
        r.author.orgCode = orgId ? orgId->attr(QLatin1String("extension")) : QString();
        const Node* orgName = hl7(org, {"name"});
        r.author.orgName = orgName ? orgName->text.trimmed() : QString();
        const Node* superior = hl7(system, {"indirectAuthority", "superiorAssignedEntity"});
        if (const Node* code = hl7(superior, {"code"})) {
            r.author.jobRoleCode = code->attr(QLatin1String("code"));
            r.author.jobRoleName = code->attr(QLatin1String("displayName"));
        }
        r.author.personName = personName(hl7(superior, {"assignedPerson", "name"}));
        if (r.author.systemId.isEmpty())
            return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("authorDevice.systemID"));
        if (r.author.orgCode.isEmpty() || r.author.orgName.isEmpty())
            return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("authorDevice.orgCode"));
    } else {
        return hl7Error("MANDATORY_DATA_MISSING", QStringLiteral("[authorPerson or authorDevice]"));
    }

    // accessEventType (DMS RC5 Patch D, not in the 2022 schemas): read where the desk writes
    // it and docs/api.md §13 assumes it sits, a query parameter after person.NHSnumber shaped
    // like it, `<accessEventType><value value="false"/></accessEventType>`. Absent means
    // unscheduled; an element without a readable value is refused rather than guessed at.
    std::optional<QString> marker;
    if (const Node* e = hl7(parameters, {"accessEventType"})) {
        const Node* v = hl7(e, {"value"});
        marker = v ? v->attr(QLatin1String("value")) : QString();
    }
    if (marker) {
        if (*marker == u"true")
            r.accessEventType = true;
        else if (*marker == u"false")
            r.accessEventType = false;
        else
            return hl7Error("INVALID_ACCESS_EVENT_TYPE",
                            QStringLiteral("accessEventType must be true or false"));
    }
    return r;
}

} // namespace cpis::sandbox
