#include "tests/support/SpineSchemaCheck.h"

#include "tests/support/ReferenceData.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <memory>

namespace cpis::testsupport {

namespace {

constexpr char kSoapNs[] = "http://schemas.xmlsoap.org/soap/envelope/";
constexpr char kHl7Ns[] = "urn:hl7-org:v3";

// libxml2 reports through callbacks; each message is collected, not printed.
void collect(void* context, const xmlError* error)
{
    auto* errors = static_cast<QStringList*>(context);
    errors->append(QStringLiteral("line %1: %2")
                       .arg(error->line)
                       .arg(QString::fromUtf8(error->message).trimmed()));
}
void collectStructured(void* context, xmlErrorPtr error)
{
    collect(context, error);
}

bool is(const xmlNode* n, const char* ns, const char* name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           xmlStrEqual(n->ns->href, reinterpret_cast<const xmlChar*>(ns)) &&
           xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>(name));
}

const xmlNode* firstElement(const xmlNode* n)
{
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return nullptr;
}

// An HL7 interaction's name: four letters, _IN, six digits, a realm and a version.
bool isInteraction(const xmlNode* n)
{
    static const QRegularExpression name(QStringLiteral("^[A-Z]{4}_IN\\d{6}[A-Z]{2}\\d{2}$"));
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           xmlStrEqual(n->ns->href, reinterpret_cast<const xmlChar*>(kHl7Ns)) &&
           name.match(QString::fromUtf8(reinterpret_cast<const char*>(n->name))).hasMatch();
}

// The interaction in a SOAP Body: its first element, or (as Spine's response transforms
// write it) inside one wrapper element.
const xmlNode* interactionInBody(const xmlNode* body)
{
    const xmlNode* first = firstElement(body->children);
    if (isInteraction(first))
        return first;
    if (first) {
        const xmlNode* inner = firstElement(first->children);
        if (isInteraction(inner))
            return inner;
    }
    return first;
}

struct DocFree
{
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct ParserCtxtFree
{
    void operator()(xmlSchemaParserCtxt* c) const { xmlSchemaFreeParserCtxt(c); }
};
struct ValidCtxtFree
{
    void operator()(xmlSchemaValidCtxt* c) const { xmlSchemaFreeValidCtxt(c); }
};

} // namespace

SpineSchemaCheck::SpineSchemaCheck(QString schemaFolder) : m_folder(std::move(schemaFolder)) {}

QString SpineSchemaCheck::defaultSchemaFolder()
{
    return referenceDataPath(QStringLiteral("spine-cpis/CPIS-libxml2/Schemas"));
}

xmlSchema* SpineSchemaCheck::schema(const QString& path, QStringList& errors) const
{
    if (const auto found = m_schemas.find(path); found != m_schemas.end())
        return found->second.get();
    std::unique_ptr<xmlSchemaParserCtxt, ParserCtxtFree> parser(
        xmlSchemaNewParserCtxt(path.toLocal8Bit().constData()));
    xmlSchemaSetParserStructuredErrors(parser.get(), collectStructured, &errors);
    xmlSchema* compiled = xmlSchemaParse(parser.get());
    if (!compiled) {
        errors.prepend(QStringLiteral("the schema %1 does not compile").arg(path));
        return nullptr;
    }
    m_schemas.emplace(path, std::shared_ptr<xmlSchema>(compiled, xmlSchemaFree));
    return compiled;
}

SpineSchemaCheck::Outcome SpineSchemaCheck::check(const QByteArray& bytes,
                                                  const QString& messageType) const
{
    Outcome out;
    // No network, no entity substitution, no DTD loading: the message is data, not a program.
    std::unique_ptr<xmlDoc, DocFree> doc(
        xmlReadMemory(bytes.constData(), int(bytes.size()), "message.xml", nullptr,
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!doc) {
        out.errors << QStringLiteral("not well-formed XML");
        return out;
    }
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    const xmlNode* message = root;
    if (is(root, kSoapNs, "Envelope")) {
        const xmlNode* body = nullptr;
        for (const xmlNode* c = root->children; c; c = c->next)
            if (is(c, kSoapNs, "Body"))
                body = c;
        if (!body) {
            out.errors << QStringLiteral("a SOAP Envelope without a Body");
            return out;
        }
        message = interactionInBody(body);
    }
    if (messageType.isEmpty() && (!message || !isInteraction(message))) {
        out.errors << QStringLiteral("no HL7 interaction element found");
        return out;
    }
    out.interaction = messageType.isEmpty()
                          ? QString::fromUtf8(reinterpret_cast<const char*>(message->name))
                          : messageType;
    const QString schemaPath = m_folder + u'/' + out.interaction + QStringLiteral(".xsd");
    if (!QFileInfo::exists(schemaPath)) {
        out.errors << QStringLiteral("no schema %1").arg(schemaPath);
        return out;
    }

    // The interaction alone, as its own document: the schemas know nothing of SOAP.
    std::unique_ptr<xmlDoc, DocFree> alone(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
    xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(message), alone.get(), 1);
    xmlDocSetRootElement(alone.get(), copy);
    xmlReconciliateNs(alone.get(), copy);

    xmlSchema* compiled = schema(schemaPath, out.errors);
    if (!compiled)
        return out;
    std::unique_ptr<xmlSchemaValidCtxt, ValidCtxtFree> valid(xmlSchemaNewValidCtxt(compiled));
    xmlSchemaSetValidStructuredErrors(valid.get(), collectStructured, &out.errors);
    const int rc = xmlSchemaValidateDoc(valid.get(), alone.get());
    out.valid = rc == 0 && out.errors.isEmpty();
    if (rc != 0 && out.errors.isEmpty())
        out.errors << QStringLiteral("libxml2 returned %1").arg(rc);
    return out;
}

} // namespace cpis::testsupport
