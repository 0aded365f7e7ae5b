#include "core/spine/SpineXmlTree.h"

#include "core/spine/SpineNames.h"

#include <QXmlStreamReader>

#include <algorithm>
#include <cstring>
#include <optional>

namespace cpis {

QString SpineXmlElement::attribute(QLatin1String local) const
{
    for (const auto& [k, v] : attributes)
        if (k == local)
            return v;
    return {};
}

bool SpineXmlElement::hasAttribute(QLatin1String local) const
{
    for (const auto& a : attributes)
        if (a.first == local)
            return true;
    return false;
}

QString SpineXmlElement::attribute(QLatin1String nameSpace, QLatin1String local) const
{
    const QString key = u'{' + nameSpace + u'}' + local;
    for (const auto& [k, v] : attributes)
        if (k == key)
            return v;
    return {};
}

std::vector<const SpineXmlElement*> SpineXmlElement::all(QLatin1String nameSpace,
                                                         QLatin1String local) const
{
    std::vector<const SpineXmlElement*> out;
    for (const SpineXmlElement& c : children)
        if (c.is(nameSpace, local))
            out.push_back(&c);
    return out;
}

const SpineXmlElement* SpineXmlElement::one(QLatin1String nameSpace, QLatin1String local) const
{
    const auto found = all(nameSpace, local);
    return found.size() == 1 ? found.front() : nullptr;
}

bool SpineXmlElement::isNull() const
{
    return attribute(spine::kXsiNs, QLatin1String("nil")) == u"true" ||
           hasAttribute(QLatin1String("nullFlavor"));
}

namespace {

// The most attributes any one tag has, counted before the XML parser sees them: in a tag
// (from '<' to the '>' outside quotes) each attribute has exactly one '=' outside quotes, and
// no '<' can come before its end. A comment or CDATA section with '=' in it may count high,
// which can only refuse, never let a tag through. Linear in the size of the message.
int mostAttributesInATag(const QByteArray& xml)
{
    int most = 0;
    const char* p = xml.constData();
    const char* const end = p + xml.size();
    while ((p = static_cast<const char*>(std::memchr(p, '<', size_t(end - p))))) {
        int count = 0;
        char quote = 0;
        for (++p; p < end; ++p) {
            const char c = *p;
            if (c == '<')
                break; // not in a tag, nor in an attribute value: the parser refuses it there
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                ++count;
            } else if (c == '>') {
                break;
            }
        }
        most = std::max(most, count);
        if (p >= end)
            break;
    }
    return most;
}

} // namespace

Result<SpineXmlElement, QString> SpineXmlTree::parse(const QByteArray& xml, Limits limits)
{
    if (xml.size() > limits.maxBytes)
        return QStringLiteral("the message is %1 bytes, over the limit of %2")
            .arg(xml.size())
            .arg(limits.maxBytes);
    // UTF-8 only (what Spine sends): the attribute count below reads the bytes as ASCII, which
    // UTF-16 or a stateful encoding would fool. A NUL is never in UTF-8 XML; UTF-16 always
    // has one.
    if (xml.contains('\0'))
        return QStringLiteral("the message is not UTF-8");
    if (const int most = mostAttributesInATag(xml); most > limits.maxAttributes)
        return QStringLiteral("a tag has %1 attributes, over the limit of %2")
            .arg(most)
            .arg(limits.maxAttributes);
    QXmlStreamReader reader(xml);
    reader.setNamespaceProcessing(true);
    // Nothing is ever expanded: a DOCTYPE is refused before an entity could be used.
    reader.setEntityExpansionLimit(0);

    std::vector<SpineXmlElement> stack;
    std::optional<SpineXmlElement> root;
    int elements = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        const qint64 line = reader.lineNumber();
        switch (token) {
        case QXmlStreamReader::StartDocument: {
            // Before any element: a declared encoding must be UTF-8 too.
            const auto encoding = reader.documentEncoding();
            if (!encoding.isEmpty() && encoding.compare(u"UTF-8", Qt::CaseInsensitive) != 0)
                return QStringLiteral("line %1: the message is not UTF-8").arg(line);
            break;
        }
        case QXmlStreamReader::DTD:
            return QStringLiteral("line %1: a DOCTYPE is not accepted").arg(line);
        case QXmlStreamReader::EntityReference:
            return QStringLiteral("line %1: the entity reference '%2' is not accepted")
                .arg(line)
                .arg(reader.name().toString());
        case QXmlStreamReader::ProcessingInstruction:
            return QStringLiteral("line %1: a processing instruction is not accepted").arg(line);
        case QXmlStreamReader::StartElement: {
            if (root)
                return QStringLiteral("line %1: content after the document element").arg(line);
            if (int(stack.size()) >= limits.maxDepth)
                return QStringLiteral("line %1: elements nested deeper than %2")
                    .arg(line)
                    .arg(limits.maxDepth);
            if (++elements > limits.maxElements)
                return QStringLiteral("line %1: more than %2 elements")
                    .arg(line)
                    .arg(limits.maxElements);
            SpineXmlElement e;
            e.ns = reader.namespaceUri().toString();
            e.name = reader.name().toString();
            e.line = line;
            for (const QXmlStreamAttribute& a : reader.attributes()) {
                const QString key =
                    a.namespaceUri().isEmpty()
                        ? a.name().toString()
                        : u'{' + a.namespaceUri().toString() + u'}' + a.name().toString();
                e.attributes.append({key, a.value().toString()});
            }
            stack.push_back(std::move(e));
            break;
        }
        case QXmlStreamReader::EndElement: {
            SpineXmlElement done = std::move(stack.back());
            stack.pop_back();
            done.text = done.text.trimmed();
            if (stack.empty())
                root = std::move(done);
            else
                stack.back().children.push_back(std::move(done));
            break;
        }
        case QXmlStreamReader::Characters:
            if (stack.empty()) {
                if (!reader.isWhitespace())
                    return QStringLiteral("line %1: text outside the document element").arg(line);
                break;
            }
            stack.back().text += reader.text();
            break;
        default: // the declaration, comments, the end of the document
            break;
        }
    }
    if (reader.hasError()) {
        // Qt reports an undeclared entity as a not-well-formed error: name it for what it is.
        const QString why = reader.errorString();
        return QStringLiteral("line %1: %2").arg(reader.lineNumber()).arg(why);
    }
    if (!root)
        return QStringLiteral("the message is empty");
    return std::move(*root);
}

} // namespace cpis
