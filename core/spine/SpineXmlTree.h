#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace cpis {

// One element of a message read by SpineXmlTree: its namespace and local name, its attributes
// and its own text, and its child elements in order.
struct SpineXmlElement
{
    QString ns;
    QString name;
    QList<std::pair<QString, QString>> attributes; // "local" or "{namespace}local" -> value
    QString text;                                  // the element's own text, trimmed
    std::vector<SpineXmlElement> children;
    qint64 line = 0;

    bool is(QLatin1String nameSpace, QLatin1String local) const
    {
        return ns == nameSpace && name == local;
    }
    // The attribute without a namespace, or a null string.
    QString attribute(QLatin1String local) const;
    bool hasAttribute(QLatin1String local) const;
    // The attribute in `nameSpace`, or a null string.
    QString attribute(QLatin1String nameSpace, QLatin1String local) const;
    // The children in `nameSpace` named `local`.
    std::vector<const SpineXmlElement*> all(QLatin1String nameSpace, QLatin1String local) const;
    // The only such child, or nullptr (none, or more than one).
    const SpineXmlElement* one(QLatin1String nameSpace, QLatin1String local) const;
    // xsi:nil="true" or an HL7 nullFlavor: the element stands for nothing.
    bool isNull() const;
};

// A strict reader of a whole SOAP message into elements, with QXmlStreamReader. What an XML
// parser could be made to do by a hostile or broken peer is refused rather than limited: a
// DOCTYPE (and so any entity declaration), any entity reference other than the five
// predefined ones, processing instructions, a body over the size limit (checked before one
// byte is parsed), a tag with more attributes than the limit (also checked before parsing),
// more elements than the limit and nesting deeper than the depth limit are errors.
class SpineXmlTree
{
public:
    struct Limits
    {
        qsizetype maxBytes = 2 * 1024 * 1024;
        int maxDepth = 48;
        // Real answers have a few hundred elements with a handful of attributes each. The
        // caps bound the parse's time and memory: Qt checks an element's attributes for
        // duplicates pairwise, so a 2 MB tag of 200,000 attributes would take minutes.
        int maxAttributes = 64;
        int maxElements = 50000;
    };

    static Result<SpineXmlElement, QString> parse(const QByteArray& xml, Limits limits);
};

} // namespace cpis
