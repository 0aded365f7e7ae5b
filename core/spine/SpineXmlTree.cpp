#include "core/spine/SpineXmlTree.h"

#include "core/spine/SpineNames.h"

#include <QXmlStreamReader>

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

Result<SpineXmlElement, QString> SpineXmlTree::parse(const QByteArray& xml, Limits limits)
{
    if (xml.size() > limits.maxBytes)
        return QStringLiteral("the message is %1 bytes, over the limit of %2")
            .arg(xml.size())
            .arg(limits.maxBytes);
    QXmlStreamReader reader(xml);
    reader.setNamespaceProcessing(true);
    // Nothing is ever expanded: a DOCTYPE is refused before an entity could be used.
    reader.setEntityExpansionLimit(0);

    std::vector<SpineXmlElement> stack;
    std::optional<SpineXmlElement> root;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        const qint64 line = reader.lineNumber();
        switch (token) {
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
